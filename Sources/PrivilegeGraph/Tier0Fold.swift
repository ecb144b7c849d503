import PIMEngine
import SimKernel
import TenantModel

/// Tier-0 reachability over time: who could take control of the tenant, when, for how long.
public struct Tier0Metrics: Sendable, Equatable {
    /// One principal's figures.
    public struct Principal: Sendable, Equatable {
        /// Seconds during which it had a potential path to Tier 0.
        public var reachableSeconds: SimTime = 0
        /// Seconds during which it had a live path (no eligibility on the way).
        public var liveSeconds: SimTime = 0
        /// The fewest escalation steps seen (1: holds or may activate Global Administrator).
        public var minSteps: Int = .max
        /// When it first could reach Tier 0.
        public var firstReachable: SimTime?
    }

    /// Principals with a potential path over time ("effective Global Administrators").
    public var effective = StepCount()
    /// Principals with a live path over time.
    public var live = StepCount()
    /// Per principal (only those that ever reached Tier 0).
    public var principals: [NodeID: Principal] = [:]
    /// The first instant at which `effective` took its maximum.
    public var peakTime: SimTime = 0
    /// Seconds during which some compromised account had a potential path to Tier 0.
    public var attackerReachableSeconds: SimTime = 0
    /// Seconds during which some compromised account had a live path.
    public var attackerLiveSeconds: SimTime = 0
    /// When a compromised account first had a potential path, if ever.
    public var attackerFirstReachable: SimTime?
    /// When a compromised account first had a live path, if ever.
    public var attackerFirstLive: SimTime?
    /// Reachability searches run (one per instant whose state changed).
    public var evaluations = 0
    /// The horizon.
    public var horizon: SimTime = 0
}

/// Min, max, end and time-weighted mean of a count over `[0, horizon)`.
public struct StepCount: Sendable, Equatable {
    /// The current value.
    public internal(set) var value = 0
    /// The smallest value held for a positive time (or at the end).
    public internal(set) var min = Int.max
    /// The largest value.
    public internal(set) var max = 0
    /// The integral in value-seconds.
    public internal(set) var integral: Int64 = 0
    /// Creates a zero count.
    public init() {}

    /// The time-weighted mean over `[0, horizon)`.
    public func mean(horizon: SimTime) -> Double { horizon > 0 ? Double(integral) / Double(horizon) : 0 }
}

/// A trace sink that keeps the privilege state and, after every instant that changed it,
/// searches for paths to Tier 0 and accumulates `Tier0Metrics`; it also keeps the state at the
/// peak for drawing.
public struct Tier0Fold: TraceSink {
    /// The live state.
    public private(set) var state: PrivilegeState
    /// The rules resolved for the scenario.
    public let catalogue: EscalationCatalogue
    /// The figures so far.
    public private(set) var metrics = Tier0Metrics()
    /// The state at the first instant of peak exposure.
    public private(set) var peakState: PrivilegeState
    private var instant: SimTime = 0
    private var dirty = true
    private var settledAt: SimTime = 0
    private var reachable: [NodeID: Int] = [:]
    private var liveSet: Set<NodeID> = []
    private var attackerReaches = false
    private var attackerLive = false
    private var seenPeak = -1

    /// Starts at time zero.
    public init(scenario: Scenario) {
        state = PrivilegeState(scenario: scenario)
        peakState = state
        catalogue = EscalationCatalogue(scenario: scenario)
        metrics.horizon = scenario.horizon
    }

    /// Takes one record.
    public mutating func record(_ record: TraceRecord) {
        if case .finished(let horizon, _, _) = record {
            if dirty { evaluate(at: instant) }
            close(at: horizon)
            return
        }
        let time = record.time
        if dirty && time > instant { evaluate(at: instant) }
        if state.apply(record) { dirty = true }
        instant = time
    }

    /// Searches the current state and moves the clock to `time`.
    private mutating func evaluate(at time: SimTime) {
        dirty = false
        metrics.evaluations += 1
        let potential = Reachability(state: state, catalogue: catalogue, mode: .potential)
        let live = Reachability(state: state, catalogue: catalogue, mode: .live)
        settle(until: time)
        var now: [NodeID: Int] = [:]
        for node in potential.principals { now[node] = potential.steps(from: node) ?? 0 }
        for (node, steps) in now {
            var figures = metrics.principals[node] ?? Tier0Metrics.Principal()
            figures.minSteps = Swift.min(figures.minSteps, steps)
            if figures.firstReachable == nil { figures.firstReachable = time }
            metrics.principals[node] = figures
        }
        reachable = now
        liveSet = Set(live.principals)
        metrics.effective.value = reachable.count
        metrics.live.value = liveSet.count
        let compromised = state.compromised.map(NodeID.user)
        attackerReaches = compromised.contains { reachable[$0] != nil }
        attackerLive = compromised.contains { liveSet.contains($0) }
        if attackerReaches && metrics.attackerFirstReachable == nil { metrics.attackerFirstReachable = time }
        if attackerLive && metrics.attackerFirstLive == nil { metrics.attackerFirstLive = time }
        if reachable.count > seenPeak {
            seenPeak = reachable.count
            metrics.peakTime = time
            peakState = state
        }
    }

    /// Accumulates the values held on `[settledAt, time)`.
    private mutating func settle(until time: SimTime) {
        let span = time - settledAt
        guard span > 0 else { return }
        for counter in [\Tier0Metrics.effective, \Tier0Metrics.live] {
            metrics[keyPath: counter].integral += Int64(metrics[keyPath: counter].value) * span
            metrics[keyPath: counter].min = Swift.min(metrics[keyPath: counter].min, metrics[keyPath: counter].value)
            metrics[keyPath: counter].max = Swift.max(metrics[keyPath: counter].max, metrics[keyPath: counter].value)
        }
        for node in reachable.keys { metrics.principals[node]?.reachableSeconds += span }
        for node in liveSet { metrics.principals[node]?.liveSeconds += span }
        if attackerReaches { metrics.attackerReachableSeconds += span }
        if attackerLive { metrics.attackerLiveSeconds += span }
        settledAt = time
    }

    private mutating func close(at horizon: SimTime) {
        settle(until: horizon)
        for counter in [\Tier0Metrics.effective, \Tier0Metrics.live] {
            // A value set at the horizon itself never held: min and max cover held values only,
            // except in a zero-length run.
            if metrics[keyPath: counter].min == Int.max { metrics[keyPath: counter].min = metrics[keyPath: counter].value }
        }
    }
}
