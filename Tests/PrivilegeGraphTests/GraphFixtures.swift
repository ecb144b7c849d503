import PIMEngine
import PrivilegeGraph
import TenantModel
import TestSupport

/// Reachability of a scenario at one instant, read by keys (`user:alice`).
struct Reach {
    let state: PrivilegeState
    let catalogue: EscalationCatalogue
    let potential: Reachability
    let live: Reachability

    init(_ yaml: String, at time: Int64 = 0) throws {
        let scenario = try makeScenario(yaml)
        state = PIMReplay.run(scenario, seed: 1, sink: SnapshotSink(scenario: scenario, at: time)).sink.state
        catalogue = EscalationCatalogue(scenario: scenario)
        potential = Reachability(state: state, catalogue: catalogue, mode: .potential)
        live = Reachability(state: state, catalogue: catalogue, mode: .live)
    }

    func node(_ key: String) throws -> NodeID {
        guard let node = state.node(named: key) else { throw FixtureError("no node \(key)") }
        return node
    }

    /// Escalation steps to Global Administrator, nil when Tier 0 is out of reach.
    func steps(_ key: String) throws -> Int? { potential.steps(from: try node(key)) }

    /// Whether a path without eligibility exists now.
    func isLive(_ key: String) throws -> Bool { live.reaches(try node(key)) }

    /// The kinds of the edges on the shortest path.
    func path(_ key: String) throws -> [EdgeKind] { potential.path(from: try node(key)).map(\.kind) }

    /// The keys of the principals that can reach Tier 0.
    var reaching: [String] { potential.principals.map(state.key(of:)) }
}

/// The tenant with a role-assignable group `t0` that holds Global Administrator.
func tierZeroGroup(users: String, extraGroups: String = "", assignments: String, apps: String = "") -> String {
    header() + """
    tenant:
      users: [\(users)]
      groups:
        - {id: t0, roleAssignable: true, members: [member]}
    \(extraGroups)
    \(apps)
    assignments:
      - {principal: t0, role: Global Administrator, type: active}
    \(assignments)
    """
}
