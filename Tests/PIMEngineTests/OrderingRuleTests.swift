import TenantModel
import Testing
import TestSupport
import Trace

/// Contract rule 6 (state changes, then decisions, then requests) and the timed events.
@Suite("Rule 6 and events: order within one instant")
struct OrderingRuleTests {
    @Test("a membership change and a request at the same instant: the change applies first")
    func membershipBeforeRequest() throws {
        let scenario = try makeScenario(header() + """
        tenant:
          users: [{id: ann}]
          groups: [{id: ops, roleAssignable: true}]
        assignments: [{principal: ops, role: Security Administrator, type: eligible}]
        workload: [{at: 6h, activate: {user: ann, role: Security Administrator, duration: 1h}}]
        events: [{at: 6h, membership: {group: ops, add: [ann]}}]
        """)
        #expect(RequestStory.read(trace(scenario), scenario: scenario)
            == [RequestStory("ann", at: 6, "granted", decided: 6, active: (6, 7), endReason: "expired")])
    }

    @Test("an activation ending at t does not block a new request at t; a decision at t does")
    func endsAndDecisionsBeforeRequests() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}, {id: bo}, {id: cy}]}
        policies: {roles: {Security Administrator: {activation: {requireApproval: true, approvers: [cy]}}}}
        assignments:
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: bo, role: Security Administrator, type: eligible}
        behaviour: {approvers: {responseTime: 1h}}
        workload:
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 2h, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 3h, activate: {user: bo, role: Security Administrator, duration: 1h}}
          - {at: 4h, activate: {user: bo, role: Security Administrator, duration: 1h}}
        """)
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 1, "granted", decided: 1, active: (1, 2), endReason: "expired"),
            RequestStory("ann", at: 2, "granted", decided: 2, active: (2, 3), endReason: "expired"),
            RequestStory("bo", at: 3, "granted", decided: 4, active: (4, 5), endReason: "expired"),
            // Approved at 4h (a decision) before this request (a request) is looked at.
            RequestStory("bo", at: 4, "rejected:alreadyHoldsRole", decided: 4),
        ])
    }

    @Test("an expiry at t frees the way for a new request at t")
    func expiryBeforeRequest() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}]}
        policies: {default: {activation: {requireApproval: true}}}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        workload:
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 25h, activate: {user: ann, role: Global Administrator, duration: 1h}}
        """)
        let stories = RequestStory.read(trace(scenario), scenario: scenario)
        #expect(stories.map(\.outcome) == ["expired", "pending"])
        #expect(stories.first?.decided == h(25))
    }

    @Test("assign and remove at one instant follow the file's order", arguments: [true, false])
    func assignRemoveOrder(assignFirst: Bool) throws {
        let assign = "- {at: 5h, assign: {principal: ann, role: User Administrator, type: active}}"
        let remove = "- {at: 5h, remove: {principal: ann, role: User Administrator}}"
        let scenario = try makeScenario(header(horizon: "10h") + """
        tenant: {users: [{id: ann}]}
        events:
          \(assignFirst ? assign : remove)
          \(assignFirst ? remove : assign)
        """)
        let held = coreMetrics(scenario).roles.first { $0.name == "User Administrator" }?.activeSeconds
        #expect(held == (assignFirst ? 0 : h(5)))
    }

    @Test("remove ends running assignments and cancels scheduled ones; type and scope narrow it")
    func removeFilter() throws {
        let scenario = try makeScenario(header(horizon: "10h") + """
        tenant: {users: [{id: ann}]}
        assignments:
          - {principal: ann, role: User Administrator, type: active}
          - {principal: ann, role: User Administrator, type: eligible}
          - {principal: ann, role: User Administrator, type: active, scope: /administrativeUnits/emea, start: 1h}
          - {principal: ann, role: User Administrator, type: active, start: 8h}
        events:
          - {at: 2h, remove: {principal: ann, role: User Administrator, type: active, scope: /}}
          - {at: 4h, remove: {principal: ann, role: User Administrator}}
        """)
        let role = try #require(coreMetrics(scenario).roles.first { $0.name == "User Administrator" })
        // Held 0-4h: the tenant-wide one until 2h, the EMEA one 1h-4h (union); the 8h one never starts.
        #expect(role.activeSeconds == h(4))
        #expect(role.eligibleSeconds == h(4))
    }

    @Test("assign events start at their time by default, or later when given")
    func assignStarts() throws {
        let scenario = try makeScenario(header(horizon: "10h") + """
        tenant: {users: [{id: ann}, {id: bo}]}
        events:
          - {at: 2h, assign: {principal: ann, role: Exchange Administrator, type: active, duration: 3h}}
          - {at: 2h, assign: {principal: bo, role: Exchange Administrator, type: active, start: 6h, end: 7h}}
        """)
        let role = try #require(coreMetrics(scenario).roles.first { $0.name == "Exchange Administrator" })
        #expect(role.activeSeconds == h(3) + h(1))
        #expect(role.privileged == false)
    }

    @Test("orphaned: a disabled user's direct assignments still in effect at the horizon")
    func orphaned() throws {
        let scenario = try makeScenario(header(horizon: "10h") + """
        tenant:
          users: [{id: ann}, {id: bo}]
          groups: [{id: ops, roleAssignable: true, members: [bo]}]
        assignments:
          - {principal: ann, role: User Administrator, type: active}
          - {principal: ann, role: Global Administrator, type: eligible, end: 10h}
          - {principal: ann, role: Helpdesk Administrator, type: eligible, end: 9h}
          - {principal: ann, role: Security Reader, type: eligible, start: 10h}
          - {principal: ops, role: Global Reader, type: active}
        events:
          - {at: 1h, leave: ann}
          - {at: 1h, leave: bo}
        """)
        // User Administrator and Global Administrator (ending exactly at the horizon) count;
        // Helpdesk ended before, Security Reader never started, ops is a group.
        #expect(coreMetrics(scenario).orphanedAssignments == 2)
    }
}

@Suite("Joiner, mover, leaver")
struct JoinerMoverLeaverTests {
    @Test("a joiner is absent until joining; a mover changes groups at once; a leaver stays exposed until disabled")
    func lifecycle() throws {
        let scenario = try makeScenario(header(horizon: "10d") + """
        tenant:
          users: [{id: ann}, {id: bo}, {id: cy}]
          groups:
            - {id: ops, roleAssignable: true, members: [cy]}
            - {id: helpdesk, roleAssignable: true}
        assignments:
          - {principal: ann, role: Global Administrator, type: active}
          - {principal: ops, role: Security Administrator, type: active}
          - {principal: helpdesk, role: Helpdesk Administrator, type: active}
          - {principal: bo, role: User Administrator, type: active}
        workload:
          - {at: 1d, activate: {user: bo, role: Global Administrator, duration: 1h}}
        events:
          - {at: 2d, join: bo}
          - {at: 3d, move: {user: cy, remove: [ops], add: [helpdesk], manager: ann}}
          - {at: 5d, leave: {user: ann, disableAfter: 2d}}
        """)
        let metrics = coreMetrics(scenario)
        let held = Dictionary(uniqueKeysWithValues: metrics.roles.map { ($0.name, $0.activeSeconds) })
        #expect(held["Global Administrator"] == h(7 * 24))
        #expect(held["User Administrator"] == h(8 * 24))
        #expect(held["Security Administrator"] == h(3 * 24))
        #expect(held["Helpdesk Administrator"] == h(7 * 24))
        #expect(metrics.leaverExposureSeconds == h(2 * 24))
        #expect(metrics.privilegedTotalSeconds == h(600))
        #expect(metrics.activations.rejected == 1)
        #expect(metrics.orphanedAssignments == 1)
    }
}
