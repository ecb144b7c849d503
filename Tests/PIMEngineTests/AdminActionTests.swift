import ExposureMetrics
import PIMEngine
import TenantModel
import Testing
import TestSupport
import Trace

/// Administrators' actions as events: `cancelRequest`, `revokeActivation`, `adminExtend`.
@Suite("Administrators' actions")
struct AdminActionTests {
    /// ann holds Privileged Role Administrator (active); bo holds nothing; carol approves Global
    /// Administrator activations after 2 h; alice is eligible for Global Administrator.
    static let tenant = header(horizon: "2d") + """
    tenant: {users: [{id: alice}, {id: ann}, {id: bo}, {id: carol}]}
    policies:
      roles:
        Global Administrator: {activation: {requireApproval: true, approvers: [carol]}}
    behaviour: {approvers: {responseTime: 2h}}
    assignments:
      - {principal: alice, role: Global Administrator, type: eligible}
      - {principal: ann, role: Privileged Role Administrator, type: active}

    """

    func adminResults(_ scenario: Scenario) -> [(time: Int64, kind: AdminActionKind, result: AdminActionResult)] {
        trace(scenario).compactMap { record in
            guard case .adminAction(let time, let kind, _, _, _, let result) = record else { return nil }
            return (time, kind, result)
        }
    }

    func hours(_ scenario: Scenario, _ role: String, eligible: Bool = false) throws -> Double {
        let figures = try #require(coreMetrics(scenario).roles.first { $0.name == role })
        return Double(eligible ? figures.eligibleSeconds : figures.activeSeconds) / 3600
    }

    @Test("cancelRequest: the pending request is cancelled at once; the later approval changes nothing")
    func cancel() throws {
        let scenario = try makeScenario(Self.tenant + """
        workload: [{at: 1h, activate: {user: alice, role: Global Administrator, duration: 1h}}]
        events:
          - {at: 2h, cancelRequest: {user: alice, role: Global Administrator, by: ann}}
          - {at: 5h, cancelRequest: {user: alice, role: Global Administrator, by: ann}}
        """)
        let metrics = coreMetrics(scenario)
        // Requested at 1h, cancelled at 2h; carol's approval at 3h finds nothing pending.
        #expect(metrics.activations.requested == 1)
        #expect(metrics.activations.cancelled == 1)
        #expect(metrics.activations.granted == 0)
        #expect(metrics.activations.pending == 0)
        #expect(try hours(scenario, "Global Administrator") == 0)
        // The second cancel at 5h has nothing to cancel.
        #expect(metrics.adminActions.cancelRequest == 1)
        #expect(metrics.adminActions.noEffect == 1)
        let results = adminResults(scenario)
        #expect(results.map(\.time) == [h(2), h(5)])
        #expect(results.first?.result == .done(targets: [0], ends: []))
        let cancelled = trace(scenario).compactMap { record -> (Int64, CancellationReason)? in
            guard case .requestCancelled(let time, _, let reason) = record else { return nil }
            return (time, reason)
        }
        #expect(cancelled.count == 1 && cancelled.first?.0 == h(2) && cancelled.first?.1 == .administrator)
    }

    @Test("a task waiting for the cancelled request is blocked as for any cancellation; outcomes add up")
    func cancelBlocksTask() throws {
        let scenario = try makeScenario(Self.tenant + """
        workload: [{at: 1h, task: {user: alice, role: Global Administrator, duration: 30m}}]
        events: [{at: 90m, cancelRequest: {user: alice, role: Global Administrator}}]
        """)
        let blocked = trace(scenario).compactMap { record -> (Int64, TaskBlockReason)? in
            guard case .taskBlocked(let time, _, let reason) = record else { return nil }
            return (time, reason)
        }
        // The task's request goes in at 1h and waits for carol (3h); the scenario cancels it at 1h30.
        #expect(blocked.count == 1 && blocked.first?.0 == h(1.5) && blocked.first?.1 == .cancelled)
        let outcomes = coreMetrics(scenario).activations
        #expect(outcomes.requested == 1)
        #expect(outcomes.granted + outcomes.denied + outcomes.expired + outcomes.rejected + outcomes.cancelled + outcomes.pending == 1)
        #expect(outcomes.cancelled == 1)
    }

    @Test("an administrator without Privileged Role Administrator or Global Administrator is refused")
    func refusedWithoutRights() throws {
        let scenario = try makeScenario(Self.tenant + """
        workload: [{at: 1h, activate: {user: alice, role: Global Administrator, duration: 1h}}]
        events:
          - {at: 2h, cancelRequest: {user: alice, role: Global Administrator, by: bo}}
        """)
        let metrics = coreMetrics(scenario)
        // bo's cancel is refused; carol approves at 3h; alice holds the role 3h-4h.
        #expect(metrics.activations.granted == 1 && metrics.activations.cancelled == 0)
        #expect(metrics.adminActions.refused == 1 && metrics.adminActions.cancelRequest == 0)
        #expect(try hours(scenario, "Global Administrator") == 1)
        #expect(adminResults(scenario).first?.result
            == .refused("the administrator holds neither Privileged Role Administrator nor Global Administrator"))
    }

    @Test("revokeActivation ends the activation now; the eligibility stays and the user activates again")
    func revoke() throws {
        let scenario = try makeScenario(header(horizon: "1d") + """
        tenant: {users: [{id: alice}, {id: ann}]}
        assignments:
          - {principal: alice, role: User Administrator, type: eligible}
          - {principal: ann, role: Global Administrator, type: active}
        workload:
          - {at: 1h, activate: {user: alice, role: User Administrator, duration: 4h}}
          - {at: 3h, activate: {user: alice, role: User Administrator, duration: 30m}}
        events:
          - {at: 2h, revokeActivation: {user: alice, role: User Administrator, by: ann}}
          - {at: 10h, revokeActivation: {user: alice, role: User Administrator}}
        """)
        // Held 1h-2h (revoked), then 3h-3h30: 1.5 h; eligible the whole 24 h.
        #expect(try hours(scenario, "User Administrator") == 1.5)
        #expect(try hours(scenario, "User Administrator", eligible: true) == 24)
        let metrics = coreMetrics(scenario)
        #expect(metrics.activations.granted == 2)
        #expect(metrics.adminActions.revokeActivation == 1)
        // At 10h nothing is live: no effect.
        #expect(metrics.adminActions.noEffect == 1)
        let ends = trace(scenario).compactMap { record -> (Int64, ActivationEndReason)? in
            guard case .activationEnded(let time, _, _, _, let reason) = record else { return nil }
            return (time, reason)
        }
        #expect(ends.map(\.0) == [h(2), h(3.5)])
        #expect(ends.map(\.1) == [.revoked, .expired])
    }

    @Test("adminExtend: by a duration past the current end, or to a new end; permanent ones are left alone")
    func extend() throws {
        let yaml = header(horizon: "10d") + """
        tenant: {users: [{id: alice}, {id: ann}]}
        assignments:
          - {principal: alice, role: User Administrator, type: eligible, duration: 2d}
          - {principal: ann, role: Global Administrator, type: active}
        events:
          - {at: 1d, adminExtend: {principal: alice, role: User Administrator, CHANGE, by: ann}}
        """
        let byDuration = try makeScenario(yaml.replacingOccurrences(of: "CHANGE", with: "duration: 1d"))
        let toEnd = try makeScenario(yaml.replacingOccurrences(of: "CHANGE", with: "end: 5d"))
        let shorter = try makeScenario(yaml.replacingOccurrences(of: "CHANGE", with: "end: 36h"))
        // 2d + 1d = 72 h; to 5d = 120 h; an "extension" to 36 h is earlier than the end: no effect.
        #expect(try hours(byDuration, "User Administrator", eligible: true) == 72)
        #expect(try hours(toEnd, "User Administrator", eligible: true) == 120)
        #expect(try hours(shorter, "User Administrator", eligible: true) == 48)
        #expect(coreMetrics(byDuration).adminActions.adminExtend == 1)
        #expect(coreMetrics(shorter).adminActions.noEffect == 1)
        #expect(adminResults(toEnd).first?.result == .done(targets: [0], ends: [h(120)]))
        let permanent = try makeScenario(header(horizon: "2d") + """
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: active}]
        events: [{at: 1d, adminExtend: {principal: ann, role: Global Administrator, duration: 1d}}]
        """)
        #expect(coreMetrics(permanent).adminActions.noEffect == 1)
    }

    @Test("a disabled administrator is refused; one whose Global Administrator comes from an activation may act")
    func adminState() throws {
        let yaml = header(horizon: "10d") + """
        tenant: {users: [{id: alice}, {id: ann}, {id: gus}]}
        assignments:
          - {principal: alice, role: User Administrator, type: eligible, duration: 2d}
          - {principal: ann, role: Global Administrator, type: active}
          - {principal: gus, role: Global Administrator, type: eligible}
        workload: [{at: 12h, activate: {user: gus, role: Global Administrator, duration: 1h}}]
        events:
          - {at: 1h, leave: ann}
          - {at: AT, adminExtend: {principal: alice, role: User Administrator, duration: 1d, by: BY}}
        """
        let disabled = try makeScenario(yaml.replacingOccurrences(of: "AT", with: "1d").replacingOccurrences(of: "BY", with: "ann"))
        #expect(adminResults(disabled).first?.result == .refused("the administrator's account is disabled"))
        #expect(try hours(disabled, "User Administrator", eligible: true) == 48)
        // gus holds Global Administrator only from 12h to 13h: at 12h30 he may extend.
        let activated = try makeScenario(yaml.replacingOccurrences(of: "AT", with: "12h30m").replacingOccurrences(of: "BY", with: "gus"))
        #expect(try hours(activated, "User Administrator", eligible: true) == 72)
        let lapsed = try makeScenario(yaml.replacingOccurrences(of: "AT", with: "14h").replacingOccurrences(of: "BY", with: "gus"))
        #expect(coreMetrics(lapsed).adminActions.refused == 1)
    }
}
