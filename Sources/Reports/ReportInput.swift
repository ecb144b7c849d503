import ExposureMetrics
import TenantModel
import Trace

/// Everything the HTML report and the Markdown summary show, with names resolved: a plain value,
/// so tests can build one by hand.
public struct ReportInput: Sendable {
    /// One activation bar of the timeline.
    public struct Activation: Sendable, Equatable {
        /// The user's id.
        public var user: String
        /// The user's display name, when it differs from the id.
        public var userName: String?
        /// The role's display name.
        public var role: String
        /// When it started, in seconds since the scenario's start.
        public var start: Int64
        /// When it ended; nil when still active at the horizon.
        public var end: Int64?
        /// Why it ended (`expired`, `deactivated`, `eligibilityLost`, `userDisabled`, `revoked`); nil when still active.
        public var endReason: String?

        /// Creates an activation bar.
        public init(user: String, userName: String? = nil, role: String, start: Int64, end: Int64?, endReason: String?) {
            self.user = user
            self.userName = userName
            self.role = role
            self.start = start
            self.end = end
            self.endReason = endReason
        }
    }

    /// One wait for approval, with names resolved (see `ApprovalWait`).
    public struct Wait: Sendable, Equatable {
        /// The user's id.
        public var user: String
        /// The role's display name.
        public var role: String
        /// When approval was asked, in seconds since the scenario's start.
        public var from: Int64
        /// When the wait ended (the horizon for one still pending).
        public var to: Int64
        /// `approved`, `denied`, `expired`, `cancelled` or `pending`.
        public var outcome: String
        /// The id of the approver who decided; nil when none did.
        public var approver: String?

        /// Creates a wait.
        public init(user: String, role: String, from: Int64, to: Int64, outcome: String, approver: String? = nil) {
            self.user = user
            self.role = role
            self.from = from
            self.to = to
            self.outcome = outcome
            self.approver = approver
        }
    }

    /// The scenario's name.
    public var scenario: String
    /// The scenario's description.
    public var description: String?
    /// The run: variant, seed, start, kernel events.
    public var run: MetricsDocument.RunInfo
    /// The scenario's start, in seconds since 1970-01-01T00:00:00Z (charts label dates from it).
    public var startEpoch: Int64
    /// The simulated span in seconds.
    public var horizon: Int64
    /// metrics.json's content.
    public var metrics: JSONValue
    /// Step series to chart, in order.
    public var series: [TimeSeries]
    /// Activations for the timeline, in start order.
    public var activations: [Activation]
    /// Activations of the run left out of `activations` (beyond the timeline's limit).
    public var omittedActivations: Int
    /// Alert incidents, sorted by alert and start.
    public var alerts: [AlertIncident]
    /// Every wait for approval, in the order the waits ended.
    public var approvalWaits: [Wait]
    /// The privilege graph as SVG (from Graphviz), embedded as it is after its XML prolog.
    public var graphSVG: String?
    /// The what-if comparison, when one was run.
    public var comparison: ComparisonTable?
    /// The scenario's variants, for their descriptions in the comparison.
    public var variants: [VariantInfo]

    /// Creates an input from its parts.
    public init(
        scenario: String, description: String? = nil, run: MetricsDocument.RunInfo, startEpoch: Int64, horizon: Int64,
        metrics: JSONValue, series: [TimeSeries] = [], activations: [Activation] = [], omittedActivations: Int = 0,
        alerts: [AlertIncident] = [], approvalWaits: [Wait] = [], graphSVG: String? = nil, comparison: ComparisonTable? = nil,
        variants: [VariantInfo] = []
    ) {
        self.scenario = scenario
        self.description = description
        self.run = run
        self.startEpoch = startEpoch
        self.horizon = horizon
        self.metrics = metrics
        self.series = series
        self.activations = activations
        self.omittedActivations = omittedActivations
        self.alerts = alerts
        self.approvalWaits = approvalWaits
        self.graphSVG = graphSVG
        self.comparison = comparison
        self.variants = variants
    }

    /// Creates an input from a run of `scenario`: its timeline's indices become names.
    public init(
        scenario: Scenario, run: MetricsDocument.RunInfo, metrics: JSONValue, timeline: Timeline, alerts: [AlertIncident],
        approvalWaits: [ApprovalWait] = [], graphSVG: String? = nil, comparison: ComparisonTable? = nil
    ) {
        let activations = timeline.activations.map { span in
            let user = scenario.tenant[span.user]
            return Activation(
                user: user.id, userName: user.name.flatMap { $0 == user.id ? nil : $0 }, role: scenario[span.role].name,
                start: span.start, end: span.end, endReason: span.reason?.rawValue
            )
        }
        let waits = approvalWaits.map { wait in
            Wait(
                user: scenario.tenant[wait.user].id, role: scenario[wait.role].name, from: wait.from, to: wait.to,
                outcome: wait.outcome.rawValue, approver: wait.approver.map { scenario.tenant[$0].id }
            )
        }
        self.init(
            scenario: scenario.name, description: scenario.description, run: run, startEpoch: scenario.startEpoch,
            horizon: scenario.horizon, metrics: metrics, series: timeline.series, activations: activations,
            omittedActivations: timeline.omittedActivations, alerts: alerts, approvalWaits: waits, graphSVG: graphSVG, comparison: comparison,
            variants: scenario.variants
        )
    }

    /// The metric at `key` in metrics.json (keys may contain dotted names; see `MetricsDocument.value`).
    func metric(_ key: String) -> JSONValue? { MetricsDocument.value(of: key, in: metrics) }
}
