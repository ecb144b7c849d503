import TenantModel
import Testing
import TestSupport
import Trace

/// Contract rule 3: approvers, the 24 h window, decisions and cancellations.
@Suite("Rule 3: approval")
struct ApprovalRuleTests {
    static let base = header(horizon: "4d") + """
    tenant:
      users: [{id: ann}, {id: bo}, {id: cy}, {id: di}, {id: ed}]
      groups:
        - {id: approvers, members: [cy, ann]}

    """

    static let eligibleAnnAndBo = """
    assignments:
      - {principal: ann, role: Global Administrator, type: eligible}
      - {principal: bo, role: Global Administrator, type: eligible}

    """

    @Test("named approvers: groups are expanded, the requester never approves, the first enabled answer decides")
    func namedApprovers() throws {
        let scenario = try makeScenario(Self.base + Self.eligibleAnnAndBo + """
        policies: {roles: {Global Administrator: {activation: {requireApproval: true, approvers: [ann, approvers, di]}}}}
        behaviour: {approvers: {responseTime: 30m, approveRate: 0.0}}
        workload: [{at: 1h, activate: {user: ann, role: Global Administrator, duration: 1h}}]
        events: [{at: 1h10m, leave: cy}]
        """)
        let records = trace(scenario)
        let approvers = records.compactMap { record -> [String]? in
            guard case .approvalRequested(_, _, let users) = record else { return nil }
            return users.map { scenario.tenant[$0].id }
        }
        // ann (requester) is dropped; the group expands to cy; di follows.
        #expect(approvers == [["cy", "di"]])
        // cy left before answering at 1h30m, so di's answer (deny, rate 0) decides.
        let deciders = records.compactMap { record -> String? in
            guard case .requestDenied(_, _, let approver) = record else { return nil }
            return scenario.tenant[approver].id
        }
        #expect(deciders == ["di"])
        #expect(RequestStory.read(records, scenario: scenario) == [RequestStory("ann", at: 1, "denied", decided: 1.5)])
    }

    @Test("default approvers are the holders of GA or PRA at the request, activated ones included")
    func defaultApprovers() throws {
        let scenario = try makeScenario(Self.base + """
        policies: {roles: {Global Administrator: {activation: {requireApproval: true}}}}
        assignments:
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: bo, role: Global Administrator, type: eligible}
          - {principal: ed, role: Privileged Role Administrator, type: active}
          - {principal: di, role: Privileged Role Administrator, type: eligible}
        behaviour: {approvers: {responseTime: 20m}}
        workload:
          - {at: 1h, activate: {user: di, role: Privileged Role Administrator, duration: 2h}}
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 1h}}
        """)
        let records = trace(scenario)
        let approvers = records.compactMap { record -> [String]? in
            guard case .approvalRequested(_, _, let users) = record else { return nil }
            return users.map { scenario.tenant[$0].id }
        }
        // di activated PRA at 1h (no approval for PRA) before ann's request in file order.
        #expect(approvers == [["di", "ed"]])
        #expect(RequestStory.read(records, scenario: scenario)[1]
            == RequestStory("ann", at: 1, "granted", decided: 1 + 20.0 / 60, active: (1 + 20.0 / 60, 2 + 20.0 / 60), endReason: "expired"))
    }

    @Test("no approver left: the request expires after exactly 24 hours")
    func noApprover() throws {
        let scenario = try makeScenario(Self.base + Self.eligibleAnnAndBo + """
        policies: {roles: {Global Administrator: {activation: {requireApproval: true}}}}
        workload: [{at: 2h, activate: {user: ann, role: Global Administrator, duration: 1h}}]
        """)
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [RequestStory("ann", at: 2, "expired", decided: 26)])
    }

    @Test("an answer at 24h is too late; one second earlier decides", arguments: [
        ("24h", "expired", 25.0), ("86399s", "granted", 1 + 86_399.0 / 3600),
    ])
    func windowBoundary(responseTime: String, outcome: String, decided: Double) throws {
        let scenario = try makeScenario(Self.base + Self.eligibleAnnAndBo + """
        policies: {roles: {Global Administrator: {activation: {requireApproval: true, approvers: [cy]}}}}
        behaviour: {approvers: {responseTime: \(responseTime)}}
        workload: [{at: 1h, activate: {user: ann, role: Global Administrator, duration: 1h}}]
        """)
        let story = try #require(RequestStory.read(trace(scenario), scenario: scenario).first)
        #expect(story.outcome == outcome)
        #expect(story.decided == h(decided))
    }

    @Test("cancellation: requester disabled while pending, not eligible or already holding at the decision")
    func cancellations() throws {
        let scenario = try makeScenario(Self.base + """
        policies: {roles: {Global Administrator: {activation: {requireApproval: true, approvers: [cy]}}}}
        assignments:
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: bo, role: Global Administrator, type: eligible, end: 30h}
          - {principal: di, role: Global Administrator, type: eligible}
          - {principal: di, role: Global Administrator, type: active, start: 50h}
        behaviour: {approvers: {responseTime: 2h}}
        workload:
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 29h, activate: {user: bo, role: Global Administrator, duration: 1h}}
          - {at: 49h, activate: {user: di, role: Global Administrator, duration: 1h}}
          - {at: 70h, activate: {user: ed, role: Global Administrator, duration: 1h}}
          - {at: 95h, activate: {user: ann, role: Global Administrator, duration: 1h}}
        events: [{at: 2h, leave: ann}]
        """)
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 1, "cancelled:requesterDisabled", decided: 2),
            RequestStory("bo", at: 29, "cancelled:notEligible", decided: 31),
            RequestStory("di", at: 49, "cancelled:alreadyHoldsRole", decided: 51),
            RequestStory("ed", at: 70, "rejected:notEligible", decided: 70),
            RequestStory("ann", at: 95, "rejected:requesterDisabled", decided: 95),
        ])
    }

    @Test("a request whose answer falls after the horizon is still pending at the end")
    func pendingAtHorizon() throws {
        let scenario = try makeScenario(Self.base + Self.eligibleAnnAndBo + """
        policies: {roles: {Global Administrator: {activation: {requireApproval: true, approvers: [cy]}}}}
        behaviour: {approvers: {responseTime: 3h}}
        workload: [{at: 95h, activate: {user: ann, role: Global Administrator, duration: 1h}}]
        """)
        let metrics = coreMetrics(scenario)
        #expect(metrics.activations.requested == 1)
        #expect(metrics.activations.pending == 1)
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [RequestStory("ann", at: 95, "pending", decided: nil)])
    }
}

/// Regressions found by the differential test against an independent model of the contract.
@Suite("Differential regressions")
struct DifferentialRegressionTests {
    @Test("a deny of a requester who is no longer eligible is denied, once")
    func denyCountedOnce() throws {
        let scenario = try makeScenario(header(horizon: "1d") + """
        tenant: {users: [{id: ann}, {id: bo}]}
        policies: {default: {activation: {requireApproval: true, approvers: [bo]}}}
        assignments: [{principal: ann, role: Global Administrator, type: eligible, end: 1h}]
        behaviour: {approvers: {responseTime: 2h, approveRate: 0.0}}
        workload: [{at: 0h, activate: {user: ann, role: Global Administrator, duration: 1h}}]
        """)
        let a = coreMetrics(scenario).activations
        #expect(a.requested == 1 && a.denied == 1 && a.cancelled == 0)
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [RequestStory("ann", at: 0, "denied", decided: 2)])
    }

    @Test("a zero response time decides right after its instant's requests")
    func zeroResponseTime() throws {
        let scenario = try makeScenario(header(horizon: "1d") + """
        tenant: {users: [{id: ann}, {id: bo}]}
        policies: {default: {activation: {requireApproval: true, approvers: [bo]}}}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        behaviour: {approvers: {responseTime: 0s}}
        workload:
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 1h}}
        """)
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 1, "granted", decided: 1, active: (1, 2), endReason: "expired"),
            RequestStory("ann", at: 1, "rejected:requestPending", decided: 1),
        ])
    }

    @Test("an assign event keeps its written interval and takes effect only from the event")
    func assignBeforeEvent() throws {
        let yaml = header(horizon: "1d") + """
        tenant: {users: [{id: ann}]}
        events:
          - {at: 5h, assign: {principal: ann, role: User Administrator, type: active, start: 1h, duration: 2h}}
          - {at: 5h, assign: {principal: ann, role: Helpdesk Administrator, type: active, start: 1h, end: 7h}}
        """
        let metrics = coreMetrics(try makeScenario(yaml))
        let held = Dictionary(uniqueKeysWithValues: metrics.roles.map { ($0.name, $0.activeSeconds) })
        #expect(held["User Administrator"] == 0)
        #expect(held["Helpdesk Administrator"] == h(2))
    }

    @Test("a zero-length activation is granted and never held")
    func zeroLengthActivation() throws {
        let scenario = try makeScenario(header(horizon: "1d") + """
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        workload:
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 0s}}
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 1h}}
        """)
        let metrics = coreMetrics(scenario)
        #expect(metrics.activations.granted == 2)
        #expect(metrics.privilegedTotalSeconds == h(1))
    }
}
