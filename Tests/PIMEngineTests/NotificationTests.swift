import ExposureMetrics
import PIMEngine
import TenantModel
import Testing
import TestSupport
import Trace

/// PIM's emails: their delivery delay before approvers answer, approvers without an email, the
/// emails counted by kind and recipient type, and expiry notices (hand-computed).
@Suite("Notifications: approval emails, counts, expiry notices")
struct NotificationTests {
    static let approval = header() + """
    tenant: {users: [{id: ann}, {id: bo}]}
    policies:
      roles:
        Exchange Administrator:
          activation: {requireApproval: true, approvers: [bo]}
          NOTIFY
    assignments:
      - {principal: ann, role: Exchange Administrator, type: eligible}
    behaviour: {approvers: {responseTime: 20m}, BEHAVIOUR}
    workload:
      - {at: 2h, activate: {user: ann, role: Exchange Administrator, duration: 1h}}

    """

    static func approvalScenario(notify: String = "", behaviour: String = "deactivateEarly: 0") throws -> Scenario {
        try makeScenario(Self.approval.replacingOccurrences(of: "NOTIFY", with: notify)
            .replacingOccurrences(of: "BEHAVIOUR", with: behaviour))
    }

    @Test("without a mail delay the approver answers at t + responseTime, as in the core")
    func noDelay() throws {
        let scenario = try Self.approvalScenario()
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 2, "granted", decided: 2 + 20.0 / 60, active: (2 + 20.0 / 60, 3 + 20.0 / 60), endReason: "expired"),
        ])
    }

    @Test("a 10-minute mail delay: the response time counts from receipt, 2h + 10m + 20m")
    func mailDelay() throws {
        let scenario = try Self.approvalScenario(behaviour: "notifications: {delay: 10m}")
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 2, "granted", decided: 2.5, active: (2.5, 3.5), endReason: "expired"),
        ])
    }

    @Test("approver emails off: by default approvers do not find the request within 24 h, so it expires")
    func approverMailOffExpires() throws {
        let scenario = try Self.approvalScenario(notify: "notifications: {activation: {approver: {defaultRecipients: false}}}")
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [RequestStory("ann", at: 2, "expired", decided: 26)])
    }

    @Test("approver emails off with withoutMail 1h: the answer comes 1h + 20m after the request")
    func approverMailOffLooks() throws {
        let scenario = try Self.approvalScenario(
            notify: "notifications: {activation: {approver: {defaultRecipients: false}}}",
            behaviour: "notifications: {delay: 10m, withoutMail: 1h}"
        )
        let start = 3 + 20.0 / 60
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 2, "granted", decided: start, active: (start, start + 1), endReason: "expired"),
        ])
    }

    @Test("under a calendar the response time is working time counted from the email's receipt")
    func calendarFromReceipt() throws {
        // Monday 17:55 UTC; office hours 09:00-18:00. Without a delay: 5 working minutes on
        // Monday and 15 on Tuesday, 09:15. With a 10-minute delay the email arrives at 18:05,
        // after hours: 20 working minutes on Tuesday, 09:20.
        func decided(_ behaviour: String) throws -> Int64? {
            let yaml = Self.approval.replacingOccurrences(of: "NOTIFY", with: "")
                .replacingOccurrences(of: "responseTime: 20m}", with: "responseTime: 20m, calendar: {hours: '09:00-18:00'}}")
                .replacingOccurrences(of: "BEHAVIOUR", with: behaviour)
                .replacingOccurrences(of: "at: 2h,", with: "at: 17h55m,")
            let scenario = try makeScenario(yaml)
            return RequestStory.read(trace(scenario), scenario: scenario).first?.decided
        }
        #expect(try decided("deactivateEarly: 0") == h(24 + 9.25))
        #expect(try decided("notifications: {delay: 10m}") == h(24 + 9 + 20.0 / 60))
    }

    /// gary (Global Administrator) and sam (Security Administrator) are the administrators.
    static let counting = header(horizon: "25d") + """
    tenant: {users: [{id: ann}, {id: bo}, {id: gary}, {id: sam}]}
    policies:
      roles:
        Exchange Administrator:
          activation: {requireApproval: true, approvers: [bo]}
          notifications: {activation: {admin: {additionalRecipients: [secops@contoso.com]}}}
    assignments:
      - {principal: ann, role: Exchange Administrator, type: eligible}
      - {principal: gary, role: Global Administrator, type: active}
      - {principal: sam, role: Security Administrator, type: active}
    workload:
      - {at: 2h, activate: {user: ann, role: Exchange Administrator, duration: 1h}}
    events:
      - {at: 1d, assign: {principal: bo, role: Exchange Administrator, type: eligible, duration: 20d}}
      - {at: 19d, policy: {role: Exchange Administrator, notifications: {eligibleAssignment: {admin: {level: critical}}}}}
    """

    @Test("emails by kind and recipient type, expiry notices at 14 d, 1 d and the end, a critical-only level")
    func counts() throws {
        let scenario = try makeScenario(Self.counting)
        let sent = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink.notifications.metrics
        // The request to approve: bo. The activation alert: gary, sam and secops; the notice: ann.
        #expect(sent.count(.activation, .approver) == 1)
        #expect(sent.count(.activation, .admin) == 3)
        #expect(sent.count(.activation, .requestor) == 1)
        // bo's eligible assignment at 1d: gary and sam, and bo. (ann's, from the file, was made before the run.)
        #expect(sent.count(.eligibleAssignment, .admin) == 2)
        #expect(sent.count(.eligibleAssignment, .requestor) == 1)
        #expect(sent.count(.activeAssignment, .admin) == 0)
        // bo's assignment ends at 21d: notices at 7d, 20d and 21d to bo; to the administrators only
        // at 7d, since from 19d the rule sends critical emails only.
        #expect(sent.count(.expiry, .requestor) == 3)
        #expect(sent.count(.expiry, .admin) == 2)
        #expect(sent.count(.expiry, .approver) == 0)
        #expect(sent.total == 13)
    }

    @Test("expiry notices: none for a removed assignment, and the 14-day notice only when the assignment began before it")
    func expiryNotices() throws {
        let yaml = header(horizon: "25d") + """
        tenant: {users: [{id: ann}, {id: bo}]}
        assignments:
          - {principal: ann, role: Exchange Administrator, type: active, start: 5d, duration: 10d}
          - {principal: bo, role: Exchange Administrator, type: eligible, duration: 20d}
        events:
          - {at: 10d, remove: {principal: bo, role: Exchange Administrator}}
        """
        let scenario = try makeScenario(yaml)
        let records = trace(scenario).compactMap { record -> String? in
            guard case .notificationSent(let time, let kind, let recipient, _, let count) = record else { return nil }
            return "\(time / 86_400)d \(kind.rawValue) \(recipient.rawValue) \(count)"
        }
        // ann's ends at 15d: 1d before (14d) and at 15d; 14 days before (1d) is before it began.
        // bo's would end at 20d: its 14-day notice at 6d goes out; then it is removed at 10d.
        // No administrator holds GA, PRA or Security Administrator: only the assignees are written to.
        #expect(records == ["6d expiry requestor 1", "14d expiry requestor 1", "15d expiry requestor 1"])
    }
}

/// The email delay has its own random stream: it moves no verdict and no response time.
@Suite("Notifications: the email delay's stream is its own")
struct NotificationStreamTests {
    @Test("with a random email delay, every answer comes later by exactly its own draw, with the same verdicts")
    func independentDraws() throws {
        let base = header(horizon: "5d") + """
        tenant: {users: [{id: ann}, {id: bo}, {id: cy}]}
        policies: {roles: {Exchange Administrator: {activation: {requireApproval: true, approvers: [bo, cy]}}}}
        assignments:
          - {principal: ann, role: Exchange Administrator, type: eligible}
        behaviour:
          approvers: {responseTime: {distribution: exponential, mean: 30m}, approveRate: 0.5}
          NOTIFY
        workload:
          - {at: 1h, activate: {user: ann, role: Exchange Administrator, duration: 30m}}
          - {at: 1d1h, activate: {user: ann, role: Exchange Administrator, duration: 30m}}
          - {at: 2d1h, activate: {user: ann, role: Exchange Administrator, duration: 30m}}
          - {at: 3d1h, activate: {user: ann, role: Exchange Administrator, duration: 30m}}
        """
        func decisions(_ notify: String) throws -> [(time: Int64, approver: Int32, approved: Bool)] {
            let scenario = try makeScenario(base.replacingOccurrences(of: "NOTIFY", with: notify))
            return trace(scenario).compactMap { record in
                switch record {
                case .requestApproved(let time, _, let approver): return (time, approver.rawValue, true)
                case .requestDenied(let time, _, let approver): return (time, approver.rawValue, false)
                default: return nil
                }
            }
        }
        let plain = try decisions("")
        let fixed = try decisions("notifications: {delay: 10m}")
        #expect(plain.count == 4)
        // A fixed delay: the same decisions, 10 minutes later.
        #expect(fixed.map(\.approver) == plain.map(\.approver))
        #expect(fixed.map(\.approved) == plain.map(\.approved))
        #expect(fixed.map(\.time) == plain.map { $0.time + 600 })
        // A random delay may reorder the approvers, but each one's verdict stays the same draw:
        // the first answer of each request decides, so compare per request and approver.
        let random = try decisions("notifications: {delay: {distribution: uniform, min: 3m, max: 10m}}")
        #expect(random.count == 4)
        let submitted: [Int64] = [3600, 90_000, 176_400, 262_800]
        for (index, decision) in random.enumerated() {
            let request = plain[index]
            if decision.approver == request.approver { #expect(decision.approved == request.approved) }
            // No answer before its email can have arrived.
            #expect(decision.time - submitted[index] >= 180)
        }
    }
}
