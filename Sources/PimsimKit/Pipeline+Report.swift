import ExposureMetrics
import Reports

extension Pipeline {
    /// The file names the report is written to, beside metrics.json.
    public static let reportFile = "report.html"
    /// See `reportFile`.
    public static let summaryFile = "summary.md"

    /// What the report of `outcome` shows; the privilege graph (Graphviz SVG) and a what-if
    /// comparison are added when given.
    public static func reportInput(_ outcome: RunOutcome, graphSVG: String? = nil, comparison: ComparisonTable? = nil) -> ReportInput {
        ReportInput(
            scenario: outcome.scenario, run: outcome.info, metrics: outcome.document, timeline: outcome.timeline,
            alerts: outcome.alerts, graphSVG: graphSVG, comparison: comparison
        )
    }

    /// Writes `report.html` and `summary.md` of `outcome` into `folder`, each atomically; returns
    /// their paths.
    @discardableResult
    public static func writeReport(
        _ outcome: RunOutcome, graphSVG: String? = nil, comparison: ComparisonTable? = nil, to folder: String
    ) throws -> [String] {
        let input = reportInput(outcome, graphSVG: graphSVG, comparison: comparison)
        let report = path(folder, reportFile)
        let summary = path(folder, summaryFile)
        try AtomicFile.write(HTMLReport.render(input), to: report)
        try AtomicFile.write(MarkdownSummary.render(input), to: summary)
        return [report, summary]
    }
}
