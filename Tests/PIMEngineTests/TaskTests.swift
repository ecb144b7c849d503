import ExposureMetrics
import PIMEngine
import RunPipeline
import Reports
import ScenarioFormat
import TenantModel
import Testing
import TestSupport
import Trace

/// Tasks, hand-computed: 2026-03-02 is a Monday.
@Suite("Tasks and friction")
struct TaskTests {
    static let mechanics = header(horizon: "1d") + """
    tenant: {users: [{id: ann}, {id: bo}, {id: cy}, {id: di}, {id: ed}]}
    policies:
      default: {activation: {maxDuration: 8h, requireMFA: false}}
      roles:
        Security Administrator: {activation: {requireApproval: true, approvers: [cy]}}
        User Administrator: {activation: {maxDuration: 1h}}
    assignments:
      - {principal: ann, role: Global Administrator, type: eligible}
      - {principal: bo, role: Security Administrator, type: eligible}
      - {principal: di, role: Helpdesk Administrator, type: active}
      - {principal: ed, role: User Administrator, type: eligible}
    behaviour: {approvers: {responseTime: 1h}}
    workload:
      - {at: 1h, task: {user: ann, role: Global Administrator, duration: 30m, activation: {strategy: taskLength, slack: 15m}, deactivateEarly: 1}}
      - {at: 3h, task: {user: ann, role: Global Administrator, duration: 2m, activation: {strategy: taskLength, slack: 30m}, deactivateEarly: 1}}
      - {at: 10h, task: {user: bo, role: Security Administrator, duration: 2h, activation: {strategy: maximum}}}
      - {at: 10h30m, task: {user: bo, role: Security Administrator, duration: 1h}}
      - {at: 5h, task: {user: di, role: Helpdesk Administrator, duration: 1h}}
      - {at: 6h, task: {user: cy, role: Global Administrator, duration: 90m}}
      - {at: 2h, task: {user: ed, role: User Administrator, duration: 3h}}
    """

    func run(_ yaml: String) throws -> (RunOutcome, [TraceRecord]) {
        let scenario = try makeScenario(yaml)
        return (Pipeline.simulate(scenario), trace(scenario))
    }

    @Test("reuse, waiting on a pending request, strategies, uncovered and blocked work, idle time")
    func mechanics() throws {
        let (outcome, records) = try run(Self.mechanics)
        let friction = outcome.friction
        #expect(friction.tasks.arrived == 7)
        #expect(friction.tasks.served == 6)
        #expect(friction.tasks.blockedBy == [.rejected: 1])
        // Waits (minutes): ann 0, ann 0, ed 0, di 0 (standing), bo 60 (approval), bo 30 (joined the pending request).
        #expect(friction.wait.count == 6)
        #expect(friction.wait.p50 == 0)
        #expect(friction.wait.p90 == h(1))
        #expect(friction.wait.max == h(1))
        #expect(friction.wait.mean == 900)
        #expect(friction.weekendWait.count == 0)
        #expect(friction.blockedTaskSeconds == h(1.5))
        // ed's 3h task under a 1h activation: 2h without access.
        #expect(outcome.metrics.uncoveredTaskSeconds == h(2))
        // Idle: ann 3 min (deactivation refused in the first 5 minutes), bo 6h (8h for 2h of work), di 23h (standing).
        #expect(outcome.metrics.idlePrivilegedSeconds == 180 + h(6) + h(23))
        #expect(friction.activationsPerUser.values.reduce(0, +) == 4)
        #expect(friction.approvals.values.map(\.approved) == [1])
        let ends = records.compactMap { record -> (Int64, ActivationEndReason)? in
            guard case .activationEnded(let time, _, _, _, let reason) = record else { return nil }
            return (time, reason)
        }
        #expect(ends.map(\.0) == [h(1.5), h(3), 3 * 3600 + 300, h(19)])
        #expect(ends.map(\.1) == [.deactivated, .expired, .deactivated, .expired])
        let document = outcome.document
        #expect(document.value(at: ["friction", "taskHoursWithoutAccess"]) == .number(3.5))
        #expect(document.value(at: ["friction", "waitMinutes", "p90"]) == .number(60))
        #expect(document.value(at: ["users", "bo", "waitMinutes", "max"]) == .number(60))
        #expect(document.value(at: ["roles", "Security Administrator", "idleHours"]) == .number(6))
    }

    @Test("MFA: every failed prompt is retried after retryAfter until the attempts run out")
    func mfaRetries() throws {
        let yaml = header(horizon: "1d") + """
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        behaviour: {mfa: {failureRate: 1.0, retryAfter: 10m, attempts: 3}}
        workload: [{at: 1h, task: {user: ann, role: Global Administrator, duration: 30m}}]
        """
        let (outcome, records) = try run(yaml)
        let prompts = records.compactMap { record -> Int64? in
            guard case .mfaPrompt(let time, _, _, let passed) = record, !passed else { return nil }
            return time
        }
        #expect(prompts == [h(1), h(1) + 600, h(1) + 1200])
        #expect(outcome.friction.tasks.blockedBy == [.mfaFailed: 1])
        #expect(outcome.friction.mfaPrompts == 3 && outcome.friction.mfaFailures == 3)
        #expect(outcome.metrics.activations.requested == 0)
    }

    @Test("approvers in working hours: a Friday-evening request lapses over the weekend")
    func approverCalendar() throws {
        let yaml = header(horizon: "14d") + """
        tenant: {users: [{id: ann}, {id: cy}]}
        policies: {roles: {Global Administrator: {activation: {requireApproval: true, approvers: [cy]}}}}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        behaviour:
          calendars: {office: {utcOffset: "+00:00", days: mon-fri, hours: "09:00-18:00"}}
          approvers: {responseTime: 1h, calendar: office}
        workload:
          - {at: 2026-03-06T17:30:00Z, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 2026-03-09T10:00:00Z, activate: {user: ann, role: Global Administrator, duration: 1h}}
        """
        let scenario = try makeScenario(yaml)
        // Friday 17:30 + 1 working hour = Monday 09:30, after the 24 h window (Saturday 17:30).
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 4 * 24 + 17.5, "expired", decided: 5 * 24 + 17.5),
            RequestStory("ann", at: 7 * 24 + 10, "granted", decided: 7 * 24 + 11, active: (7 * 24 + 11, 7 * 24 + 12), endReason: "expired"),
        ])
    }

    @Test("an absent approver never answers")
    func absence() throws {
        let yaml = header(horizon: "2d") + """
        tenant: {users: [{id: ann}, {id: cy}]}
        policies: {roles: {Global Administrator: {activation: {requireApproval: true, approvers: [cy]}}}}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        behaviour: {approvers: {responseTime: 10m, absence: 1.0}}
        workload: [{at: 1h, activate: {user: ann, role: Global Administrator, duration: 1h}}]
        """
        let scenario = try makeScenario(yaml)
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [RequestStory("ann", at: 1, "expired", decided: 25)])
    }
}
