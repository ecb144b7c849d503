import SimKernel
import TenantModel
import Trace

/// A trace sink that keeps the privilege state and, after every instant that changed it,
/// searches for paths to Tier 0 and accumulates `Tier0Metrics`; it also keeps the state at the
/// peak for drawing.
///
/// Potential reach, and live reach without activations, are searched again only after structural
/// changes (assignments, memberships, accounts); activations only extend the standing reach, and
/// that extension visits only what they add. Per-principal time is accumulated on entry and
/// exit, not per instant.
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
    private var structuralChange = true
    private var liveChange = true
    private var settledAt: SimTime = 0
    private var reachableSince: [NodeID: SimTime] = [:]
    private var standingSince: [NodeID: SimTime] = [:]
    /// Combinations with a potential path, with when it began.
    private var combinationSince: [NodeID: SimTime] = [:]
    /// Principals with a live path only through activations, with when it began.
    private var extraSince: [NodeID: SimTime] = [:]
    private var liveReach: LiveReach
    private var effectiveRecorder = TimeSeriesRecorder(name: "Effective Global Administrators (can reach Tier 0)")
    private var liveRecorder = TimeSeriesRecorder(name: "Live Global Administrators (reach Tier 0 without PIM)")
    private var attackerReaches = false
    private var attackerLive = false
    private var seenPeak = -1

    /// Starts at time zero.
    public init(scenario: Scenario) {
        state = PrivilegeState(scenario: scenario)
        peakState = state
        let catalogue = EscalationCatalogue(scenario: scenario)
        self.catalogue = catalogue
        liveReach = LiveReach(scenario: scenario, catalogue: catalogue)
        metrics.horizon = scenario.horizon
    }

    /// Takes one record.
    public mutating func record(_ record: TraceRecord) {
        if case .finished(let horizon, _, _) = record {
            evaluate(at: instant)
            close(at: horizon)
            return
        }
        let time = record.time
        if time > instant { evaluate(at: instant) }
        instant = time
        var before: LiveReach.PendingChange?
        var activation: (user: UserIndex, role: RoleIndex)?
        switch record {
        case .activationStarted(_, _, _, let user, let role, _, _), .activationEnded(_, _, let user, let role, _):
            activation = (user, role)
            // The live reach follows activations edge by edge until the next structural change.
            if !structuralChange { before = liveReach.willChange(user: user, role: role, state: state, catalogue: catalogue) }
        default:
            break
        }
        guard state.apply(record) else { return }
        switch record {
        case .activationStarted, .activationEnded:
            // A PIM for Groups activation on a role-assignable group protects the user from
            // password resets: edges disappear, so it is a structural change. Other activations
            // only add live edges where an eligibility already stood (into the role's or group's
            // node, and the edges into the user's own node).
            if let role = activation?.role, let access = state.scenario[role].groupAccess, state.scenario.tenant[access.group].roleAssignable {
                structuralChange = true
            } else if let role = activation?.role, catalogue.scopedRoleSet.contains(role) {
                // An activation at a unit's scope moves an edge into the scoped role's node,
                // which the incremental live reach does not follow: search again.
                structuralChange = true
            } else if let before {
                liveReach.didChange(before, state: state, catalogue: catalogue)
            }
            liveChange = true
        case .policyChanged:
            // Gates change, reach does not; approver edges may, for the next live search.
            liveReach.invalidateAll()
        case .compromiseStarted, .compromiseEnded, .servicePrincipalCompromise:
            // Reach is unchanged; the attacker's share is recomputed at every evaluation.
            liveChange = true
        default:
            structuralChange = true
            liveChange = true
        }
    }

    /// Principals that can reach Tier 0 over time: potential paths, then live ones.
    public var series: [TimeSeries] { [effectiveRecorder.series, liveRecorder.series] }

    /// Searches what changed and moves the clock to `time`.
    private mutating func evaluate(at time: SimTime) {
        guard structuralChange || liveChange else { return }
        settle(until: time)
        metrics.evaluations += 1
        if structuralChange {
            let potential = Reachability(state: state, catalogue: catalogue, mode: .potential)
            let now = potential.principals
            let entering = Self.update(&reachableSince, to: now, at: time) { node, seconds in
                metrics.principals[node, default: Tier0Metrics.Principal()].reachableSeconds += seconds
            }
            for node in now {
                var figures = metrics.principals[node] ?? Tier0Metrics.Principal()
                figures.minSteps = Swift.min(figures.minSteps, potential.steps(from: node) ?? 0)
                if entering.contains(node) && figures.firstReachable == nil { figures.firstReachable = time }
                metrics.principals[node] = figures
            }
            metrics.effective.add(now.count - metrics.effective.value)
            let combinations = potential.reachingNodes.filter { $0.kind == .combination }
            let state = state
            let joined = Self.update(&combinationSince, to: combinations, at: time) { node, seconds in
                metrics.combinations[state.key(of: node), default: Tier0Metrics.Principal()].reachableSeconds += seconds
            }
            for node in combinations {
                var figures = metrics.combinations[state.key(of: node)] ?? Tier0Metrics.Principal()
                figures.minSteps = Swift.min(figures.minSteps, potential.steps(from: node) ?? 0)
                if joined.contains(node) && figures.firstReachable == nil { figures.firstReachable = time }
                metrics.combinations[state.key(of: node)] = figures
            }
            let standing = Reachability(state: state, catalogue: catalogue, mode: .standing)
            liveReach.setStanding(standing.reachingNodes, state: state, catalogue: catalogue)
            _ = Self.update(&standingSince, to: standing.principals, at: time) { node, seconds in
                metrics.principals[node, default: Tier0Metrics.Principal()].liveSeconds += seconds
            }
        } else {
            liveReach.rebuildIfNeeded(state: state, catalogue: catalogue)
        }
        // Live = standing reach (kept since the last structural change) + what activations add.
        let (entered, left) = liveReach.takeChanges()
        for node in left {
            guard let start = extraSince.removeValue(forKey: node) else { continue }
            metrics.principals[node, default: Tier0Metrics.Principal()].liveSeconds += time - start
        }
        for node in entered where extraSince[node] == nil { extraSince[node] = time }
        liveReach.checkInvariants(state: state, catalogue: catalogue)
        metrics.live.add(standingSince.count + extraSince.count - metrics.live.value)
        effectiveRecorder.set(Double(metrics.effective.value), at: time)
        liveRecorder.set(Double(metrics.live.value), at: time)
        structuralChange = false
        liveChange = false
        let compromised = state.compromisedNodes
        attackerReaches = compromised.contains { reachableSince[$0] != nil }
        attackerLive = compromised.contains { standingSince[$0] != nil || extraSince[$0] != nil }
        if attackerReaches && metrics.attackerFirstReachable == nil { metrics.attackerFirstReachable = time }
        if attackerLive && metrics.attackerFirstLive == nil { metrics.attackerFirstLive = time }
        if metrics.effective.value > seenPeak {
            seenPeak = metrics.effective.value
            metrics.peakTime = time
            peakState = state
        }
    }

    /// Moves `since` to the set `now`: nodes that leave are charged their time through
    /// `charge`; returns the nodes that entered.
    private static func update(
        _ since: inout [NodeID: SimTime], to now: [NodeID], at time: SimTime, charge: (NodeID, SimTime) -> Void
    ) -> Set<NodeID> {
        let current = Set(now)
        for (node, start) in since where !current.contains(node) {
            charge(node, time - start)
            since[node] = nil
        }
        var entering = Set<NodeID>()
        for node in now where since[node] == nil {
            since[node] = time
            entering.insert(node)
        }
        return entering
    }

    /// Accumulates the counts and the attacker's time held on `[settledAt, time)`.
    private mutating func settle(until time: SimTime) {
        let span = time - settledAt
        guard span > 0 else { return }
        metrics.effective.advance(to: time)
        metrics.live.advance(to: time)
        if attackerReaches { metrics.attackerReachableSeconds += span }
        if attackerLive { metrics.attackerLiveSeconds += span }
        settledAt = time
    }

    private mutating func close(at horizon: SimTime) {
        settle(until: horizon)
        for (node, start) in reachableSince { metrics.principals[node, default: Tier0Metrics.Principal()].reachableSeconds += horizon - start }
        for (node, start) in combinationSince { metrics.combinations[state.key(of: node), default: Tier0Metrics.Principal()].reachableSeconds += horizon - start }
        combinationSince = [:]
        for (node, start) in standingSince.merging(extraSince, uniquingKeysWith: min) {
            metrics.principals[node, default: Tier0Metrics.Principal()].liveSeconds += horizon - start
        }
        reachableSince = [:]
        standingSince = [:]
        extraSince = [:]
        metrics.effective.finish(at: horizon)
        metrics.live.finish(at: horizon)
    }
}
