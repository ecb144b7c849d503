import TenantModel
import ExposureMetrics
import Testing
import TestSupport

@Suite("Core metrics, hand-computed")
struct CoreMetricsTests {
    @Test("a hand-over at one instant keeps the counts steady")
    func handOver() throws {
        let scenario = try makeScenario(header(horizon: "10h") + """
        tenant: {users: [{id: ann}, {id: bo}]}
        assignments:
          - {principal: ann, role: Global Administrator, type: active, end: 5h}
          - {principal: bo, role: Global Administrator, type: active, start: 5h}
          - {principal: ann, role: User Administrator, type: active, end: 5h}
          - {principal: ann, role: User Administrator, type: active, start: 5h}
        """)
        let metrics = coreMetrics(scenario)
        #expect(metrics.globalAdmins.min == 1)
        #expect(metrics.globalAdmins.max == 1)
        #expect(metrics.standingAdmins.max == 2)
        #expect(metrics.standingAdmins.min == 1)
        // ann holds GA 0-5h and UA 0-10h; bo GA 5-10h: 20 privileged hours, all standing.
        #expect(metrics.privilegedTotalSeconds == h(20))
        #expect(metrics.privilegedStandingSeconds == h(20))
        #expect(metrics.standingAdmins.mean(horizon: metrics.horizon) == (2.0 * 5 + 1.0 * 5) / 10)
    }

    @Test("paths and scopes are a union; standing wins over activation; non-privileged roles stay out of the totals")
    func unions() throws {
        let scenario = try makeScenario(header(horizon: "10h") + """
        tenant:
          users: [{id: ann}, {id: bo}]
          groups: [{id: ops, roleAssignable: true, members: [ann, bo]}]
          roles:
            - {name: Password Resetter, permissions: [microsoft.directory/users/password/update]}
            - {name: Reader of Things, permissions: [microsoft.directory/users/standard/read]}
        assignments:
          - {principal: ann, role: User Administrator, type: active, end: 4h}
          - {principal: ann, role: User Administrator, type: active, scope: /administrativeUnits/emea, start: 2h, end: 6h}
          - {principal: ops, role: User Administrator, type: eligible}
          - {principal: ann, role: Exchange Administrator, type: active}
          - {principal: bo, role: Password Resetter, type: active, end: 3h}
          - {principal: bo, role: Reader of Things, type: active, end: 3h}
        workload:
          - {at: 5h, activate: {user: ann, role: User Administrator, duration: 3h}}
          - {at: 1h, activate: {user: bo, role: User Administrator, duration: 2h}}
        """)
        let metrics = coreMetrics(scenario)
        let roles = Dictionary(uniqueKeysWithValues: metrics.roles.map { ($0.name, $0) })
        // ann: UA standing 0-6h (two scopes overlapping 2h-4h: counted once); at 5h she already
        // holds UA, so her request is rejected. bo: UA activated 1h-3h; Password Resetter (a
        // custom role with a privileged permission) 0-3h; Reader of Things is not privileged.
        #expect(roles["User Administrator"]?.activeSeconds == h(6) + h(2))
        #expect(roles["User Administrator"]?.standingSeconds == h(6))
        #expect(roles["User Administrator"]?.eligibleSeconds == h(10) + h(10))
        #expect(roles["Password Resetter"]?.privileged == true)
        #expect(roles["Reader of Things"]?.privileged == false)
        #expect(roles["Exchange Administrator"]?.activeSeconds == h(10))
        #expect(metrics.privilegedTotalSeconds == h(8) + h(3))
        #expect(metrics.privilegedStandingSeconds == h(6) + h(3))
        #expect(metrics.privilegedJITSeconds == h(2))
        #expect(metrics.activations.rejected == 1)
        #expect(metrics.activations.granted == 1)
    }

    @Test("a leaver stops counting at once, eligibility included; request outcomes add up")
    func leaverAndOutcomes() throws {
        let scenario = try makeScenario(header(horizon: "2d") + """
        tenant:
          users: [{id: ann}, {id: bo}, {id: cy}]
          groups: [{id: ops, roleAssignable: true, members: [ann, bo]}]
        policies: {roles: {Global Administrator: {activation: {requireApproval: true, approvers: [cy]}}}}
        assignments:
          - {principal: ops, role: Global Administrator, type: eligible}
          - {principal: ann, role: Global Administrator, type: active, end: 12h}
        behaviour: {approvers: {responseTime: 1h, approveRate: 0}}
        workload:
          - {at: 1h, activate: {user: bo, role: Global Administrator, duration: 1h}}
          - {at: 1h, activate: {user: bo, role: Global Administrator, duration: 1h}}
          - {at: 40h, activate: {user: bo, role: Global Administrator, duration: 1h}}
          - {at: 47h, activate: {user: bo, role: Global Administrator, duration: 1h}}
        events: [{at: 6h, leave: ann}, {at: 41h, leave: cy}]
        """)
        let metrics = coreMetrics(scenario)
        let role = try #require(metrics.roles.first { $0.name == "Global Administrator" })
        #expect(role.activeSeconds == h(6))
        #expect(role.eligibleSeconds == h(6) + h(48))
        #expect(metrics.globalAdmins.max == 1)
        #expect(metrics.globalAdmins.value == 0)
        #expect(metrics.globalAdmins.mean(horizon: metrics.horizon) == 6.0 / 48)
        let a = metrics.activations
        // 1h: denied at 2h; 1h again: rejected (pending); 40h: cy gone at 41h, expires at 64h
        // (after the horizon): pending; 47h: rejected (still pending).
        #expect([a.requested, a.granted, a.denied, a.expired, a.rejected, a.cancelled, a.pending] == [4, 0, 1, 0, 2, 0, 1])
        #expect(a.granted + a.denied + a.expired + a.rejected + a.cancelled + a.pending == a.requested)
    }
}
