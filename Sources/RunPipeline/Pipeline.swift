import ExposureMetrics
import PIMEngine
import PrivilegeGraph
import Reports
import ScenarioFormat
import SimKernel
import TenantModel
import Trace

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
    /// Friction: waits, blocked tasks, MFA prompts, approvals.
    public var friction: FrictionMetrics
    /// `metrics.json`'s content.
    public var document: JSONValue
    /// The printed summary.
    public var summary: String
    /// Kernel events handled.
    public var kernelEvents: Int
    /// Audit records written, when an audit log was asked for.
    public var auditRecords: Int?
    /// Tier-0 reachability over time.
    public var tier0: Tier0Metrics
    /// The privilege state at the first instant of peak exposure (most principals able to reach Tier 0).
    public var peakState: PrivilegeState
    /// Principals that can reach Tier 0 over time (potential and live), for the report.
    public var tier0Series: [TimeSeries]
    /// The facts about the run that metrics.json's `run` holds.
    public var info: MetricsDocument.RunInfo
    /// Series over time and the activations, for the report.
    public var timeline: Timeline
    /// Every wait for approval, for the report's heat map and tables.
    public var approvalWaits: [ApprovalWait]
    /// Every alert incident, sorted by alert and start.
    public var alerts: [AlertIncident]
}

/// The pipeline composed: scenario file → model → engine → metrics → documents.
public enum Pipeline {
    /// The folds metrics.json is made of: the metrics and Tier-0 reachability.
    typealias MetricSinks = TeeSink<MetricFolds, Tier0Fold>
    /// Every fold a run feeds: the metrics, Tier-0 reachability, the report's timeline and its waits for approval.
    typealias RunFolds = TeeSink<MetricSinks, TeeSink<TimelineFold, ApprovalWaitFold>>

    /// Activations the report keeps for its timeline, heat map and lanes (all of a 100 000-user
    /// year; beyond this they are only counted, and the report says so).
    public static let reportActivationLimit = 1_000_000

    /// Fresh folds for a scenario.
    static func runFolds(_ scenario: Scenario) -> RunFolds {
        TeeSink(
            TeeSink(MetricFolds(scenario: scenario), Tier0Fold(scenario: scenario)),
            TeeSink(TimelineFold(scenario: scenario, activationLimit: reportActivationLimit), ApprovalWaitFold())
        )
    }

    /// Loads and validates a scenario file, with a variant applied when named.
    public static func load(path: String, variant: String? = nil) -> LoadResult {
        ScenarioLoader.load(path: path, variant: variant)
    }

    /// Simulates a planned run.
    public static func simulate(_ plan: RunPlan) -> RunOutcome {
        let (sink, statistics) = PIMReplay.run(plan.scenario, seed: plan.seed, sink: runFolds(plan.scenario))
        return outcome(plan.scenario, variant: plan.variant, seed: plan.seed, folds: sink, events: statistics.eventsHandled)
    }

    /// Simulates a planned run for its metrics.json alone, as a comparison's replication needs:
    /// the same document as `simulate(plan).document`, without the report's folds (timeline,
    /// waits for approval), the summary or an audit log.
    public static func simulateMetrics(_ plan: RunPlan) -> JSONValue {
        let folds = MetricSinks(MetricFolds(scenario: plan.scenario), Tier0Fold(scenario: plan.scenario))
        let (sink, statistics) = PIMReplay.run(plan.scenario, seed: plan.seed, sink: folds)
        return metricsDocument(plan.scenario, variant: plan.variant, seed: plan.seed, folds: sink, events: statistics.eventsHandled).1
    }

    /// Simulates a validated scenario; `seed` overrides the scenario's seed (see `RunPlan`).
    public static func simulate(_ scenario: Scenario, variant: String? = nil, seed: UInt64? = nil) -> RunOutcome {
        simulate(RunPlan(scenario: scenario, variant: variant, seed: seed))
    }

    /// Simulates a planned run and streams its audit log as it runs: JSON Lines to `auditPath`
    /// and an SQLite database to `auditDatabase`, each when given (neither: no audit log at all).
    public static func simulate(_ plan: RunPlan, auditPath: String?, auditDatabase: String? = nil) throws -> RunOutcome {
        guard auditPath != nil || auditDatabase != nil else { return simulate(plan) }
        // The audit log is built and written on threads of its own, beside the simulation.
        let audit = AuditLogThread(
            identity: AuditIdentity(scenario: plan.scenario, seed: plan.seed),
            output: AuditFiles(jsonLines: auditPath, database: auditDatabase)
        )
        var (sink, statistics) = PIMReplay.run(plan.scenario, seed: plan.seed, sink: TeeSink(runFolds(plan.scenario), audit))
        sink.second.finish()
        if let failure = sink.second.failure { throw failure }
        var result = outcome(plan.scenario, variant: plan.variant, seed: plan.seed, folds: sink.first, events: statistics.eventsHandled)
        result.auditRecords = sink.second.count
        return result
    }

    static func outcome(
        _ scenario: Scenario, variant: String?, seed usedSeed: UInt64, folds runFolds: RunFolds, events: Int
    ) -> RunOutcome {
        let (folds, tier0, timeline) = (runFolds.first.first, runFolds.first.second, runFolds.second.first)
        let metrics = folds.core.metrics
        let friction = folds.friction.metrics
        let (info, document) = metricsDocument(scenario, variant: variant, seed: usedSeed, folds: runFolds.first, events: events)
        return RunOutcome(
            scenario: scenario, variant: variant, seed: usedSeed, metrics: metrics, friction: friction,
            document: document,
            summary: SummaryTable.render(
                metrics, run: info, horizonText: TimeText.duration(scenario.horizon),
                reach: (tier0.metrics.effective.max, tier0.metrics.effective.mean(horizon: scenario.horizon),
                        tier0.metrics.live.max, tier0.metrics.live.mean(horizon: scenario.horizon))
            ),
            kernelEvents: events, auditRecords: nil, tier0: tier0.metrics, peakState: tier0.peakState, tier0Series: tier0.series,
            info: info, timeline: timeline.timeline, approvalWaits: runFolds.second.second.waits, alerts: folds.alerts.incidents
        )
    }

    /// metrics.json's content from the metric and Tier-0 folds of a finished run, with the run's facts.
    static func metricsDocument(
        _ scenario: Scenario, variant: String?, seed: UInt64, folds metricFolds: MetricSinks, events: Int
    ) -> (MetricsDocument.RunInfo, JSONValue) {
        let (folds, tier0) = (metricFolds.first, metricFolds.second)
        let info = MetricsDocument.RunInfo(
            scenario: scenario.name, variant: variant, seed: seed,
            start: TimeText.timestamp(epoch: scenario.startEpoch), events: events
        )
        let document = MetricsDocument.json(
            folds.core.metrics, friction: folds.friction.metrics, scopes: folds.scopes.figures, alerts: folds.alerts.incidents,
            attacker: folds.attacker.metrics, reviews: folds.reviews.metrics, notifications: folds.notifications.metrics,
            packages: folds.packages.metrics, tier0: tier0.metrics, scenario: scenario, run: info
        )
        return (info, document)
    }

    /// The folder a run writes to: `directory` when given, else `Output/<scenario>` (plus the
    /// variant); a name that would lead outside `Output/` is refused (`OutputPath`).
    public static func outputFolder(scenario: String, variant: String?, directory: String?) throws(OutputPath.Refused) -> String {
        if let directory { return directory }
        var names = [(scenario, "the scenario's name")]
        if let variant { names += [("variants", ""), (variant, "the variant's name")] }
        return try OutputPath.folder("Output", names)
    }

    /// `folder/name`, whether or not `folder` ends in a slash.
    public static func path(_ folder: String, _ name: String) -> String {
        OutputPath.join(folder, name)
    }

    /// Writes `metrics.json` into `folder`; returns the file's path.
    @discardableResult
    public static func write(_ outcome: RunOutcome, to folder: String) throws -> String {
        let path = path(folder, "metrics.json")
        try AtomicFile.write(outcome.document.rendered(), to: path)
        return path
    }
}
