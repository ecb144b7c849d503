import TenantModel
import Testing
import TestSupport
import Trace

/// Contract rules 1, 2 and 4: rejection on arrival, immediate grants, and the activation's end.
@Suite("Rules 1, 2, 4: rejection, grant, activation end")
struct RejectionRuleTests {
    @Test("a disabled, ineligible, already-holding or already-pending requester is rejected")
    func rejections() throws {
        let scenario = try makeScenario(header() + """
        tenant:
          users: [{id: ann}, {id: bo}, {id: cy}, {id: di}]
        policies:
          roles:
            Security Administrator: {activation: {requireApproval: true, approvers: [di]}}
        assignments:
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: bo, role: Global Administrator, type: active}
          - {principal: bo, role: Global Administrator, type: eligible}
          - {principal: cy, role: Security Administrator, type: eligible}
          - {principal: ann, role: User Administrator, type: eligible, start: 5h}
        behaviour: {approvers: {responseTime: 1h}}
        workload:
          - {at: 1h, activate: {user: di, role: Global Administrator, duration: 1h}}
          - {at: 1h, activate: {user: bo, role: Global Administrator, duration: 1h}}
          - {at: 2h, activate: {user: cy, role: Security Administrator, duration: 1h}}
          - {at: 2h30m, activate: {user: cy, role: Security Administrator, duration: 1h}}
          - {at: 3h, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 3h30m, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 4h, activate: {user: ann, role: User Administrator, duration: 1h}}
          - {at: 7h, activate: {user: ann, role: Global Administrator, duration: 1h}}
        events:
          - {at: 6h, leave: ann}
        """)
        let stories = RequestStory.read(trace(scenario), scenario: scenario)
        #expect(stories == [
            RequestStory("di", at: 1, "rejected:notEligible", decided: 1),
            RequestStory("bo", at: 1, "rejected:alreadyHoldsRole", decided: 1),
            RequestStory("cy", at: 2, "granted", decided: 3, active: (3, 4), endReason: "expired"),
            RequestStory("cy", at: 2.5, "rejected:requestPending", decided: 2.5),
            RequestStory("ann", at: 3, "granted", decided: 3, active: (3, 4), endReason: "expired"),
            RequestStory("ann", at: 3.5, "rejected:alreadyHoldsRole", decided: 3.5),
            // Her User Administrator eligibility starts only at 5h.
            RequestStory("ann", at: 4, "rejected:notEligible", decided: 4),
            RequestStory("ann", at: 7, "rejected:requesterDisabled", decided: 7),
        ])
    }

    @Test("a grant lasts the requested duration, cut to the policy's maximum")
    func durationCut() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}]}
        policies: {default: {activation: {maxDuration: 90m}}}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        workload:
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 30m}}
          - {at: 2h, activate: {user: ann, role: Global Administrator, duration: 5h}}
          - {at: 47h, activate: {user: ann, role: Global Administrator, duration: 2h}}
        """)
        let stories = RequestStory.read(trace(scenario), scenario: scenario)
        #expect(stories == [
            RequestStory("ann", at: 1, "granted", decided: 1, active: (1, 1.5), endReason: "expired"),
            RequestStory("ann", at: 2, "granted", decided: 2, active: (2, 3.5), endReason: "expired"),
            // Ends at 48h30m, after the 48h horizon: still active at the end.
            RequestStory("ann", at: 47, "granted", decided: 47, active: (47, nil)),
        ])
    }

    @Test("an activation ends when the last eligible path goes, not before")
    func eligibilityLoss() throws {
        let scenario = try makeScenario(header() + """
        tenant:
          users: [{id: ann}, {id: bo}, {id: cy}]
          groups:
            - {id: g1, roleAssignable: true, members: [ann, bo]}
            - {id: g2, roleAssignable: true, members: [ann]}
        assignments:
          - {principal: g1, role: Security Administrator, type: eligible}
          - {principal: g2, role: Security Administrator, type: eligible}
          - {principal: cy, role: Security Administrator, type: eligible, end: 3h}
          - {principal: cy, role: Security Administrator, type: eligible, start: 3h, end: 4h}
        workload:
          - {at: 1h, activate: {user: ann, role: Security Administrator, duration: 6h}}
          - {at: 1h, activate: {user: bo, role: Security Administrator, duration: 6h}}
          - {at: 1h, activate: {user: cy, role: Security Administrator, duration: 6h}}
        events:
          # ann keeps g2's path when she leaves g1; bo had only g1.
          - {at: 2h, membership: {group: g1, remove: [ann, bo]}}
          - {at: 5h, remove: {principal: g2, role: Security Administrator}}
        """)
        let stories = RequestStory.read(trace(scenario), scenario: scenario)
        #expect(stories == [
            RequestStory("ann", at: 1, "granted", decided: 1, active: (1, 5), endReason: "eligibilityLost"),
            RequestStory("bo", at: 1, "granted", decided: 1, active: (1, 2), endReason: "eligibilityLost"),
            // cy's eligibility ends at 3h and another starts at 3h: continuous, so the
            // activation runs on until the second one ends at 4h.
            RequestStory("cy", at: 1, "granted", decided: 1, active: (1, 4), endReason: "eligibilityLost"),
        ])
    }

    @Test("leaving ends the user's activations at once")
    func leaverActivation() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        workload: [{at: 1h, activate: {user: ann, role: Global Administrator, duration: 4h}}]
        events: [{at: 2h15m, leave: ann}]
        """)
        let stories = RequestStory.read(trace(scenario), scenario: scenario)
        #expect(stories == [RequestStory("ann", at: 1, "granted", decided: 1, active: (1, 2.25), endReason: "userDisabled")])
    }

    @Test("requests and events at or after the horizon have no effect and are not counted")
    func horizon() throws {
        let scenario = try makeScenario(header(horizon: "10h") + """
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        workload:
          - {at: 9h, activate: {user: ann, role: Global Administrator, duration: 4h}}
          - {at: 10h, activate: {user: ann, role: Global Administrator, duration: 4h}}
        events: [{at: 10h, leave: ann}]
        """)
        let metrics = coreMetrics(scenario)
        #expect(metrics.activations.requested == 1)
        #expect(metrics.activations.granted == 1)
        #expect(metrics.privilegedTotalSeconds == h(1))
        #expect(metrics.orphanedAssignments == 0)
    }
}
