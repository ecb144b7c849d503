import Reports
import RunPipeline
import ScenarioFormat
import TenantModel
import WhatIf

/// Which audit log files `pimsim run` writes.
public enum AuditLogFiles: String, Sendable, CaseIterable {
    /// `audit.jsonl` (the default).
    case jsonl
    /// `audit.sqlite`.
    case sqlite
    /// Both.
    case both
    /// No audit log (the fastest run).
    case none
}

/// What `pimsim run` is asked to do.
public struct RunRequest: Sendable {
    /// The scenario, variant and seed.
    public var selection: ScenarioSelection
    /// Where the outputs go; nil means `Output/<scenario>/` (plus `variants/<name>/`).
    public var outputDirectory: String?
    /// Which audit log files to write into the output folder.
    public var audit: AuditLogFiles
    /// Where the SQLite audit database goes instead of `audit.sqlite` in the output folder; with
    /// the default `jsonl`, it is written besides `audit.jsonl` (as before `audit` existed).
    public var auditDatabase: String?
    /// Replications per arm of the report's variant comparison; 0 leaves it out.
    public var compareReplications: Int

    /// Describes a run.
    public init(
        selection: ScenarioSelection, outputDirectory: String? = nil, audit: AuditLogFiles = .jsonl, auditDatabase: String? = nil,
        compareReplications: Int = 10
    ) {
        self.selection = selection
        self.outputDirectory = outputDirectory
        self.audit = audit
        self.auditDatabase = auditDatabase
        self.compareReplications = compareReplications
    }
}

/// What `pimsim run` did.
public struct RunResult: Sendable {
    /// The run's outcome: metrics, document, summary.
    public var outcome: RunOutcome
    /// Every file written, in the order written.
    public var paths: [String]
    /// The scenario file's warnings.
    public var warnings: [Diagnostic]
    /// The variant comparison shown in the report, when there was one.
    public var comparison: ComparisonTable?
}

/// The run-and-write use case.
public enum Runs {
    /// Simulates the selected run with its audit log and writes metrics.json, graph.svg (the
    /// privilege graph at the peak), report.html, rankings.csv and summary.md; when the baseline of a scenario
    /// with variants runs, the report compares them first (on common random numbers).
    public static func runAndWrite(_ request: RunRequest) async throws(UseCaseError) -> RunResult {
        guard request.compareReplications >= 0 else {
            throw .invalidInput("--compare-replications must be 0 or more, got \(request.compareReplications)")
        }
        if request.audit == .none, let database = request.auditDatabase {
            throw .invalidInput("--audit none writes no audit log, but --audit-db asks for one in '\(database)'")
        }
        let loaded = try RunLoader.load(request.selection)
        let plan = loaded.plan
        let comparisonPlan = try plannedComparison(request, scenario: plan.scenario)
        let folder: String
        do {
            folder = try Pipeline.outputFolder(scenario: plan.scenario.name, variant: plan.variant, directory: request.outputDirectory)
        } catch {
            throw .invalidInput("\(error)")
        }
        // The comparison's replications run beside the run's own simulation, sharing the
        // processors; the report waits for both. A failed run cancels the replications not started.
        async let comparisonTable = comparison(comparisonPlan)
        do {
            let files = auditFiles(request, folder: folder)
            let outcome = try Pipeline.simulate(plan, auditPath: files.jsonLines, auditDatabase: files.database)
            let comparison = await comparisonTable
            let graph = try Pipeline.graphSVG(outcome)
            var paths = [try Pipeline.write(outcome, to: folder), try Pipeline.writeGraph(graph, to: folder)]
            paths += try Pipeline.writeReport(outcome, graphSVG: graph, comparison: comparison, series: outcome.tier0Series, to: folder)
            return RunResult(outcome: outcome, paths: paths, warnings: loaded.warnings, comparison: comparison)
        } catch {
            throw .runtime("\(error)")
        }
    }

    /// The audit files a request asks for: JSON Lines and SQLite paths, either or both absent.
    static func auditFiles(_ request: RunRequest, folder: String) -> (jsonLines: String?, database: String?) {
        let lines = Pipeline.path(folder, "audit.jsonl")
        let database = request.auditDatabase ?? Pipeline.path(folder, "audit.sqlite")
        switch request.audit {
        case .jsonl: return (lines, request.auditDatabase)
        case .sqlite: return (nil, database)
        case .both: return (lines, database)
        case .none: return (nil, nil)
        }
    }

    /// The comparison of the baseline against every variant, planned (scenario and variants
    /// loaded, nothing run) when the baseline runs, the scenario has variants and replications
    /// were asked for; a plan that fails is refused before anything is run or written.
    static func plannedComparison(_ request: RunRequest, scenario: Scenario) throws(UseCaseError) -> StudyPlan? {
        guard request.selection.variant == nil, !scenario.variants.isEmpty, request.compareReplications > 0 else { return nil }
        do {
            return try Studies.planned(
                StudyPlan.compare(path: request.selection.path, variants: nil, replications: request.compareReplications, seed: request.selection.seed),
                path: request.selection.path
            )
        } catch {
            throw .invalidInput("the variant comparison: \(error)")
        }
    }

    /// Runs a planned comparison on every processor and keeps the headline metrics (`pimsim
    /// compare` writes every metric to compare.json).
    static func comparison(_ plan: StudyPlan?) async -> ComparisonTable? {
        guard let plan else { return nil }
        let results = await plan.run()
        guard results.isComplete else { return nil }  // cancelled: the run failed
        var table = ComparisonReport(header: plan.header, arms: plan.experiment.arms.map(\.name), results: results).table
        table.rows = table.rows.filter { MetricSelection.main.matches($0.metric) }
        return table
    }
}
