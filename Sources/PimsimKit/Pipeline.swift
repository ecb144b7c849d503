import ExposureMetrics
import PIMEngine
import Reports
import ScenarioFormat
import TenantModel

/// The result of simulating one scenario (or one variant of it).
public struct RunOutcome: Sendable {
    /// The scenario as run (variant applied).
    public var scenario: Scenario
    /// The variant, when one was applied.
    public var variant: String?
    /// The seed used.
    public var seed: UInt64
    /// The core metrics.
    public var metrics: CoreMetrics
    /// `metrics.json`'s content.
    public var document: JSONValue
    /// The printed summary.
    public var summary: String
    /// Kernel events handled.
    public var kernelEvents: Int
}

/// The pipeline composed: scenario file → model → engine → metrics → documents.
public enum Pipeline {
    /// Loads and validates a scenario file, with a variant applied when named.
    public static func load(path: String, variant: String? = nil) -> LoadResult {
        ScenarioLoader.load(path: path, variant: variant)
    }

    /// Simulates a validated scenario; `seed` overrides the scenario's seed.
    public static func simulate(_ scenario: Scenario, variant: String? = nil, seed: UInt64? = nil) -> RunOutcome {
        let usedSeed = seed ?? scenario.seed
        let (fold, statistics) = PIMReplay.run(scenario, seed: usedSeed, sink: CoreMetricsFold(scenario: scenario))
        let metrics = fold.metrics
        let info = MetricsDocument.RunInfo(
            scenario: scenario.name, variant: variant, seed: usedSeed,
            start: TimeText.timestamp(epoch: scenario.startEpoch), events: statistics.eventsHandled
        )
        return RunOutcome(
            scenario: scenario, variant: variant, seed: usedSeed, metrics: metrics,
            document: MetricsDocument.json(metrics, run: info),
            summary: SummaryTable.render(metrics, run: info, horizonText: TimeText.duration(scenario.horizon)),
            kernelEvents: statistics.eventsHandled
        )
    }

    /// The folder a run writes to: `directory` when given, else `Output/<scenario>` (plus the variant).
    public static func outputFolder(for outcome: RunOutcome, directory: String?) -> String {
        if let directory { return directory }
        let base = "Output/\(outcome.scenario.name)"
        return outcome.variant.map { "\(base)/variants/\($0)" } ?? base
    }

    /// Writes `metrics.json` into `folder`; returns the file's path.
    @discardableResult
    public static func write(_ outcome: RunOutcome, to folder: String) throws -> String {
        let path = folder.hasSuffix("/") ? folder + "metrics.json" : folder + "/metrics.json"
        try AtomicFile.write(outcome.document.rendered(), to: path)
        return path
    }
}
