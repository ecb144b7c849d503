import PIMEngine
import RunPipeline
import PrivilegeGraph
import Testing
import TestSupport

/// Tier-0 reachability over time, with every hour worked out by hand.
@Suite("Tier-0 reachability over time")
struct Tier0FoldTests {
    func fold(_ yaml: String) throws -> Tier0Fold {
        let scenario = try makeScenario(yaml)
        return PIMReplay.run(scenario, seed: 1, sink: Tier0Fold(scenario: scenario)).sink
    }

    func principal(_ fold: Tier0Fold, _ key: String) throws -> Tier0Metrics.Principal {
        guard let node = fold.state.node(named: key), let figures = fold.metrics.principals[node] else {
            throw FixtureError("\(key) never reached Tier 0")
        }
        return figures
    }

    @Test("A leaver, an expiring eligibility and an activation: hours, counts, peak")
    func hoursAndCounts() throws {
        // 48 h. ga: standing all along. leaver: standing GA until leaving at 12 h. jit: eligible
        // for PRA until 30 h, activates at 6 h for 2 h (no approval, MFA always passes).
        let fold = try fold(header(horizon: "2d") + """
        tenant:
          users: [{id: ga}, {id: leaver}, {id: jit}]
        policies:
          roles:
            Privileged Role Administrator: {activation: {requireMFA: false, requireJustification: false}}
        assignments:
          - {principal: ga, role: Global Administrator, type: active}
          - {principal: leaver, role: Global Administrator, type: active}
          - {principal: jit, role: Privileged Role Administrator, type: eligible, end: 30h}
        workload:
          - {at: 6h, activate: {user: jit, role: Privileged Role Administrator, duration: 2h}}
        events:
          - {at: 12h, leave: leaver}
        """)
        let metrics = fold.metrics
        #expect(try principal(fold, "ga").reachableSeconds == h(48))
        #expect(try principal(fold, "leaver").reachableSeconds == h(12))
        #expect(try principal(fold, "jit").reachableSeconds == h(30))
        #expect(try principal(fold, "jit").liveSeconds == h(2))
        #expect(try principal(fold, "jit").minSteps == 2)
        // Effective: 3 on [0,12), 2 on [12,30), 1 on [30,48): mean (36 + 36 + 18) / 48.
        #expect(metrics.effective.max == 3)
        #expect(metrics.effective.min == 1)
        #expect(metrics.effective.value == 1)
        #expect(metrics.effective.mean(horizon: h(48)) == 90.0 / 48.0)
        // Live: ga all along, leaver until 12 h, jit 6-8 h: 2 + 1 on [6,8): integral 48 + 12 + 2 = 62.
        #expect(metrics.live.max == 3)
        #expect(metrics.live.mean(horizon: h(48)) == 62.0 / 48.0)
        #expect(metrics.peakTime == 0)
    }

    @Test("An activation makes others live: a Privileged Authentication Administrator while a Global Administrator is activated")
    func cascade() throws {
        // No standing Global Administrator. ga is eligible and activates from 5 h to 7 h; paa holds
        // Privileged Authentication Administrator and may reset ga's methods: live only then.
        let fold = try fold(header(horizon: "2d") + """
        tenant:
          users: [{id: ga}, {id: paa}]
        policies:
          roles:
            Global Administrator: {activation: {requireJustification: false}}
        assignments:
          - {principal: ga, role: Global Administrator, type: eligible}
          - {principal: paa, role: Privileged Authentication Administrator, type: active}
        workload:
          - {at: 5h, activate: {user: ga, role: Global Administrator, duration: 2h}}
        """)
        #expect(try principal(fold, "ga").liveSeconds == h(2))
        #expect(try principal(fold, "paa").liveSeconds == h(2))
        #expect(try principal(fold, "paa").reachableSeconds == h(48))
        #expect(try principal(fold, "paa").minSteps == 3)
        #expect(fold.metrics.live.max == 2)
    }

    @Test("Activating a role-assignable group's membership protects the account: the resetter loses its path meanwhile")
    func protectionByActivation() throws {
        // u owns an application whose service principal can grant any role: u reaches Tier 0 live.
        // hd (Helpdesk) can reset u, who has no role, except while u's membership of the
        // role-assignable group ra is activated (1d to 1d8h): 72 h - 8 h.
        let fold = try fold(header(horizon: "3d") + """
        tenant:
          users: [{id: u}, {id: hd}]
          groups:
            - {id: ra, roleAssignable: true}
          applications:
            - {id: app, owners: [u]}
          servicePrincipals:
            - {id: sp, application: app, appPermissions: [RoleManagement.ReadWrite.Directory]}
        policies:
          groups:
            ra: {member: {activation: {maxDuration: 8h, requireJustification: false}}}
        assignments:
          - {principal: u, group: ra, access: member, type: eligible}
          - {principal: hd, role: Helpdesk Administrator, type: active}
        workload:
          - {at: 1d, activate: {user: u, group: ra, access: member, duration: 8h}}
        """)
        #expect(try principal(fold, "hd").reachableSeconds == h(64))
        #expect(try principal(fold, "hd").liveSeconds == h(64))
        #expect(try principal(fold, "u").reachableSeconds == h(72))
        #expect(fold.metrics.effective.min == 2)  // sp and u during the activation
        #expect(fold.metrics.effective.value == 3)
    }

    @Test("An activation at an administrative unit gives no tenant-wide path")
    func scopedActivation() throws {
        let fold = try fold(header(horizon: "2d") + """
        tenant:
          users: [{id: x}, {id: g}]
        policies:
          roles:
            Privileged Authentication Administrator: {activation: {requireJustification: false}}
        assignments:
          - {principal: g, role: Global Administrator, type: active}
          - {principal: x, role: Privileged Authentication Administrator, type: eligible, scope: /administrativeUnits/au1}
        workload:
          - {at: 2h, activate: {user: x, role: Privileged Authentication Administrator, duration: 4h}}
        """)
        // Tenant-wide, x could reset g's authentication methods (3 steps); in the unit, never.
        #expect(throws: FixtureError.self) { try self.principal(fold, "x") }
        #expect(try principal(fold, "g").reachableSeconds == h(48))
        #expect(fold.metrics.live.max == 1)
        #expect(fold.metrics.effective.max == 1)
        // The control: the same eligibility tenant-wide puts x on a path.
        let tenantWide = try self.fold(header(horizon: "2d") + """
        tenant:
          users: [{id: x}, {id: g}]
        assignments:
          - {principal: g, role: Global Administrator, type: active}
          - {principal: x, role: Privileged Authentication Administrator, type: eligible}
        """)
        #expect(try principal(tenantWide, "x").reachableSeconds == h(48))
    }

    @Test("An attacker's reach: a compromised ordinary user who owns a privileged application")
    func attacker() throws {
        let fold = try fold(header(horizon: "2d") + """
        tenant:
          users: [{id: olivia}]
          applications:
            - {id: app, owners: [olivia]}
          servicePrincipals:
            - {id: sp, application: app, appPermissions: [RoleManagement.ReadWrite.Directory]}
        events:
          - {at: 10h, compromise: {user: olivia, duration: 5h, attacker: {has: [password]}}}
        """)
        #expect(fold.metrics.attackerReachableSeconds == h(5))
        #expect(fold.metrics.attackerLiveSeconds == h(5))
        #expect(fold.metrics.attackerFirstReachable == h(10))
        #expect(fold.metrics.attackerFirstLive == h(10))
    }

    @Test("metrics.json carries the tier0 section with the contract's time formats")
    func document() throws {
        let scenario = try makeScenario(header(horizon: "1d") + """
        tenant:
          users: [{id: ga}]
        assignments:
          - {principal: ga, role: Global Administrator, type: active, end: 6h}
        """)
        let outcome = Pipeline.simulate(scenario)
        #expect(outcome.document.value(at: ["tier0", "reachableHours"]) == .number(6))
        #expect(outcome.document.value(at: ["tier0", "effectiveGlobalAdmins", "mean"]) == .number(0.25))
        #expect(outcome.document.value(at: ["tier0", "principals", "ga", "firstReachable"]) == .string("2026-03-02T00:00:00Z"))
        #expect(outcome.document.value(at: ["tier0", "peak", "time"]) == .string("2026-03-02T00:00:00Z"))
    }
}

/// The fold's shortcut for live reach (standing reach extended by the activations in effect) must
/// agree with a full live search, at every instant where something changes.
@Suite("Live reach shortcut")
struct LiveReachShortcutTests {
    @Test("Standing reach extended by activations equals a full live search", arguments: [
        "quickstart", "app-escalation", "compromised-admin", "governance", "weekend-approvals", "role-settings", "escalation-coverage",
    ])
    func agrees(name: String) throws {
        let result = Pipeline.load(path: repositoryRoot.appendingPathComponent("Scenarios/\(name).yaml").path)
        let scenario = try #require(result.scenario)
        let times = Set(trace(scenario).map(\.time)).sorted()
        let catalogue = EscalationCatalogue(scenario: scenario)
        var checked = 0
        let step = max(1, times.count / 60)
        for time in stride(from: 0, to: times.count, by: step).map({ times[$0] }) {
            let state = GraphPictures.state(of: RunPlan(scenario: scenario), at: time)
            let full = Set(Reachability(state: state, catalogue: catalogue, mode: .live).reachingNodes)
            let standing = Set(Reachability(state: state, catalogue: catalogue, mode: .standing).reachingNodes)
            let extended = Reachability.live(extending: standing, state: state, catalogue: catalogue)
            #expect(full == extended, "at \(time)")
            checked += 1
        }
        #expect(checked > 3)
    }
}
