import ExposureMetrics
import Reports
import Trace

extension Pipeline {
    /// The file names the report is written to, beside metrics.json.
    public static let reportFile = "report.html"
    /// See `reportFile`.
    public static let summaryFile = "summary.md"

    /// What the report of `outcome` shows. The privilege graph (Graphviz SVG), a what-if
    /// comparison and more series (charted after the run's own) are added when given.
    public static func reportInput(
        _ outcome: RunOutcome, graphSVG: String? = nil, comparison: ComparisonTable? = nil, series: [TimeSeries] = []
    ) -> ReportInput {
        var input = ReportInput(
            scenario: outcome.scenario, run: outcome.info, metrics: outcome.document, timeline: outcome.timeline,
            alerts: outcome.alerts, approvalWaits: outcome.approvalWaits, graphSVG: graphSVG, comparison: comparison
        )
        input.series += series
        return input
    }

    /// Writes `report.html`, `rankings.csv` (every row of the report's ranked tables) and
    /// `summary.md` of `outcome` into `folder`, each atomically; returns their paths. The
    /// optional inputs are those of `reportInput`.
    @discardableResult
    public static func writeReport(
        _ outcome: RunOutcome, graphSVG: String? = nil, comparison: ComparisonTable? = nil, series: [TimeSeries] = [],
        to folder: String
    ) throws -> [String] {
        let input = reportInput(outcome, graphSVG: graphSVG, comparison: comparison, series: series)
        let report = path(folder, reportFile)
        let summary = path(folder, summaryFile)
        let rankings = path(folder, RankedTables.csvFile)
        try AtomicFile.write(RankedTables.csv(RankedTables.all(input)), to: rankings)
        try AtomicFile.write(HTMLReport.render(input), to: report)
        try AtomicFile.write(MarkdownSummary.render(input), to: summary)
        return [report, rankings, summary]
    }
}
