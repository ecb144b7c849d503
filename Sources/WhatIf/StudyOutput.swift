import Reports

/// The files a finished study writes and the table it prints, from its results alone.
///
/// A single run and `pimsim merge` both come here with the same header, spec and results, so
/// their files are the same bytes.
public struct StudyOutput: Sendable {
    /// File names (inside the output folder) and contents, in writing order.
    public var files: [(name: String, content: String)]
    /// The table for the terminal.
    public var terminal: String
    /// The comparison's table for reports, for a compare study.
    public var comparison: ComparisonTable?

    /// Builds the outputs. For a compare study, `selection` chooses the terminal table's metrics
    /// (the files hold every metric). Throws when a sweep's `--exposure` or `--friction` metric
    /// is not one the runs have.
    public init(header: StudyHeader, spec: StudySpec, results: RawResults, selection: MetricSelection = .main) throws {
        switch spec {
        case .compare(let variants):
            let report = ComparisonReport(header: header, arms: [ComparisonTable.baselineName] + variants, results: results)
            files = [("compare.json", report.jsonText), ("compare.csv", report.csv)]
            terminal = report.terminalTable(selection)
            comparison = report.table
        case .sweep(let variant, let grid, let exposure, let friction):
            let report = try SweepReport(header: header, variant: variant, grid: grid, results: results, exposure: exposure, friction: friction)
            files = [("sweep.json", report.jsonText), ("sweep.csv", report.csv), ("pareto.svg", ParetoChart.svg(report))]
            terminal = report.terminalTable()
            comparison = nil
        }
    }

    /// Where a study's files go without `--output`: `Output/<scenario>/compare`,
    /// `Output/<scenario>/sweep`, or `Output/<scenario>/variants/<variant>/sweep`; names that would
    /// lead outside `Output/` (from a part file, say) are refused.
    public static func defaultFolder(scenario: String, spec: StudySpec) throws(OutputPath.Refused) -> String {
        let name = (scenario, "the scenario's name")
        switch spec {
        case .compare: return try OutputPath.folder("Output", [name, ("compare", "")])
        case .sweep(let variant, _, _, _):
            let within = variant.map { [("variants", ""), ($0, "the variant's name")] } ?? []
            return try OutputPath.folder("Output", [name] + within + [("sweep", "")])
        }
    }

    /// Writes the files into `folder` atomically; returns their paths.
    @discardableResult
    public func write(to folder: String) throws -> [String] {
        try files.map { name, content in
            let path = OutputPath.join(folder, name)
            try AtomicFile.write(content, to: path)
            return path
        }
    }
}
