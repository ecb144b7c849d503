import ExposureMetrics
import PIMEngine
import Testing
import TenantModel
import TestSupport

@Suite("PIM alerts and CISA checks over time")
struct AlertTests {
    /// Every alert triggers and (most) clear, at hand-computed times.
    static let timeline = header(horizon: "40d") + """
    tenant: {users: [{id: ann}, {id: bo}, {id: cy}, {id: dee}, {id: bg, breakGlass: true}]}
    policies:
      roles:
        Security Administrator: {activation: {requireMFA: false}}
    assignments:
      - {principal: ann, role: Global Administrator, type: eligible}
      - {principal: bo, role: Global Administrator, type: active}
      - {principal: bg, role: Global Administrator, type: active}
      - {principal: cy, role: User Administrator, type: eligible}
      - {principal: dee, role: Security Administrator, type: eligible}
    workload:
      - {at: 12d, activate: {user: cy, role: User Administrator, duration: 10m}}
      - {at: 12d20m, activate: {user: cy, role: User Administrator, duration: 10m}}
      - {at: 12d40m, activate: {user: cy, role: User Administrator, duration: 10m}}
    events:
      - {at: 5d, assign: {principal: dee, role: Helpdesk Administrator, type: active, duration: 50d, outsidePIM: true}}
      - {at: 10d, policy: {role: Security Administrator, activation: {requireMFA: true}}}
      - {at: 15d, remove: {principal: ann, role: Global Administrator}}
      - {at: 20d, policy: {role: Global Administrator, activation: {requireApproval: true, approvers: [cy]}}}
      - {at: 30d, remove: {principal: bo, role: Global Administrator}}
    """

    @Test("each alert's incidents: subject, trigger and clearing")
    func timelineIncidents() throws {
        let scenario = try makeScenario(Self.timeline)
        let folds = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink
        let d15 = "\(15 * 86_400)", d20 = "\(20 * 86_400)", d30 = "\(30 * 86_400)"
        let d5 = "\(5 * 86_400)", d35 = "\(35 * 86_400)", d10 = "\(10 * 86_400)"
        func incidents(_ kind: AlertKind) -> [String] {
            folds.alerts.incidents.filter { $0.alert == kind.rawValue }.map { incident in
                "\(incident.subject) \(incident.from)-\(incident.to.map(String.init) ?? "end")"
            }
        }
        // 3 of 5 assignments are Global Administrator until ann's goes at 15d.
        let tooMany = ["ann 0-\(d15)", "bg 0-\(d15)", "bo 0-\(d15)"]
        #expect(incidents(.tooManyGlobalAdmins) == tooMany)
        // bo's permanent active GA until it is removed; bg is a break-glass account.
        #expect(incidents(.cisaPermanentActive) == ["bo/Global Administrator 0-\(d30)"])
        #expect(incidents(.cisaGlobalAdminApproval) == ["Global Administrator 0-\(d20)"])
        #expect(incidents(.noMFAOnActivation) == ["Security Administrator 0-\(d10)"])
        // The outside-PIM assignment alerts for 30 days.
        #expect(incidents(.rolesAssignedOutsidePIM) == ["dee/Helpdesk Administrator \(d5)-\(d35)"])
        // Only bg holds GA from 30d: fewer than 2.
        #expect(incidents(.cisaGlobalAdminCount) == ["tenant \(d30)-end"])
        // dee never signs in (cy's requests count as sign-ins; bg is excluded).
        #expect(incidents(.staleSignIn) == ["dee \(d30)-end"])
        // Eligible and not activated for more than 30 days. dee's standing Helpdesk Administrator
        // is no subject: the alert concerns eligible administrators who do not activate.
        #expect(incidents(.redundantAssignment) == ["dee/Security Administrator \(30 * 86_400 + 1)-end"])
        // The third activation within an hour, until the first leaves the window.
        #expect(incidents(.sequentialActivations) == ["cy/User Administrator \(12 * 86_400 + 2400)-\(12 * 86_400 + 3600)"])
    }

    @Test("thresholds are configurable")
    func thresholds() throws {
        let scenario = try makeScenario(Self.timeline + """

        alerts:
          tooManyGlobalAdmins: {count: 4}
          frequentActivation: {count: 2, within: 30m}
          cisa: {exclusions: [bo]}
        """)
        let folds = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink
        let alerts = Set(folds.alerts.incidents.map(\.alert))
        #expect(!alerts.contains(AlertKind.tooManyGlobalAdmins.rawValue))
        #expect(!alerts.contains(AlertKind.cisaPermanentActive.rawValue))
        // Two activations within 30 minutes: from 00:20 (with 00:00) until 00:00 leaves the window
        // at 00:30; again from 00:40 (with 00:20) until 00:50.
        let frequent = folds.alerts.incidents.filter { $0.alert == AlertKind.sequentialActivations.rawValue }
        let day: Int64 = 12 * 86_400
        let starts: [Int64] = [day + 1200, day + 2400]
        let ends: [Int64?] = [day + 1800, day + 3000]
        #expect(frequent.map(\.from) == starts)
        #expect(frequent.map(\.to) == ends)
    }
}

@Suite("Compromise injection")
struct CompromiseTests {
    static func scenario(has: String) throws -> Scenario {
        try makeScenario(header(horizon: "3d") + """
        tenant: {users: [{id: ann}, {id: cy}]}
        policies:
          roles:
            Global Administrator: {activation: {maxDuration: 2h, requireMFA: true, requireApproval: true, approvers: [cy]}}
            Helpdesk Administrator: {activation: {requireMFA: false}}
        assignments:
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: ann, role: Helpdesk Administrator, type: eligible}
          - {principal: ann, role: User Administrator, type: active}
        behaviour: {approvers: {responseTime: 30m}}
        events:
          - {at: 1d, compromise: {user: ann, duration: 4h, attacker: {has: \(has)}}}
        """)
    }

    func attacker(_ scenario: Scenario) -> AttackerMetrics {
        PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink.attacker.metrics
    }

    @Test("with only the password, MFA keeps the attacker from Global Administrator")
    func passwordOnly() throws {
        let metrics = attacker(try Self.scenario(has: "[password]"))
        // User Administrator (standing) and Helpdesk Administrator (no MFA), 4 hours each.
        #expect(metrics.privilegedSeconds == h(8))
        #expect(metrics.rolesReached == ["Helpdesk Administrator", "User Administrator"])
        #expect(metrics.timeToTier0 == nil)
    }

    @Test("with the second factor or a token, the attacker reaches Tier 0 once the approver answers", arguments: ["[password, mfa]", "[token]"])
    func withMFA(has: String) throws {
        let metrics = attacker(try Self.scenario(has: has))
        // GA approved at +30m for 2h; asked again at +3h, approved at +3h30m, cut by the window at +4h.
        #expect(metrics.privilegedSeconds == h(4) + h(4) + h(2.5))
        #expect(metrics.rolesReached == ["Global Administrator", "Helpdesk Administrator", "User Administrator"])
        #expect(metrics.timeToTier0 == h(0.5))
    }
}

@Suite("Compromise through PIM for Groups")
struct GroupCompromiseTests {
    /// ann is an eligible member of t0, which holds Global Administrator; the membership needs
    /// MFA (the stolen token passes) and no approval, lasts at most 2 h, and is provisioned 10 min
    /// after the grant.
    static let scenario = header(horizon: "3d") + """
    tenant:
      users: [{id: ann}, {id: gary}]
      groups: [{id: t0, roleAssignable: true}]
    policies:
      groups:
        t0: {member: {activation: {maxDuration: 2h, requireMFA: true, requireApproval: false}}}
    assignments:
      - {principal: gary, role: Global Administrator, type: active}
      - {principal: t0, role: Global Administrator, type: active}
      - {principal: ann, group: t0, access: member, type: eligible}
    behaviour: {groups: {provisioningDelay: 10m}}
    events:
      - {at: 1d, compromise: {user: ann, duration: 4h, attacker: {has: [token]}}}
    """

    @Test("the attacker activates the eligible membership and holds Global Administrator through the group")
    func attackerActivatesTheGroup() throws {
        let scenario = try makeScenario(Self.scenario)
        let metrics = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink.attacker.metrics
        // Granted at +0 for 2 h, provisioned at +10m; it ends at +2h, when the hourly retry (the
        // one at +1h found it held) asks again: provisioned at +2h10m, cut by the window at +4h.
        // Held 1h50m twice.
        #expect(metrics.timeToTier0 == h(1.0 / 6.0))
        #expect(metrics.rolesReached == ["Global Administrator"])
        #expect(metrics.privilegedSeconds == 2 * (h(2) - h(1.0 / 6.0)))
    }
}

@Suite("Access reviews")
struct AccessReviewTests {
    @Test("recommendations from activity, reviewer and default decisions, applying denials")
    func reviews() throws {
        let scenario = try makeScenario(header(horizon: "60d") + """
        tenant:
          users: [{id: ann}, {id: bo}, {id: cy}, {id: rev}, {id: mgr}, {id: dee, manager: mgr}, {id: eve}, {id: fay}]
          groups: [{id: ops, roleAssignable: true, members: [fay]}]
        assignments:
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: bo, role: Global Administrator, type: eligible}
          - {principal: cy, role: Global Administrator, type: active}
          - {principal: ops, role: Global Administrator, type: eligible}
          - {principal: dee, role: User Administrator, type: eligible}
          - {principal: eve, role: User Administrator, type: eligible}
        workload:
          - {at: 3d, activate: {user: fay, role: Global Administrator, duration: 1h}}
          - {at: 5d, activate: {user: ann, role: Global Administrator, duration: 1h}}
        reviews:
          - name: ga-review
            roles: [Global Administrator]
            reviewers: {selected: [rev]}
            start: 10d
            duration: 7d
            reviewer: {delay: 1d, followRecommendations: true}
            apply: auto
          - name: ua-review
            roles: [User Administrator]
            assignments: eligible
            reviewers: {manager: {fallback: []}}
            start: 20d
            duration: 5d
            reviewer: {respond: 0}
            onNoResponse: removeAccess
            apply: 2d
        """)
        let folds = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink
        let reviews = folds.reviews.metrics
        // ga-review: ann (active at 5d) and ops (fay active at 3d) approved; bo and cy (no activity)
        // denied and removed at 17d. ua-review: nobody answers; dee and eve removed at 27d.
        #expect(reviews.instances == 2)
        #expect(reviews.items == 6)
        #expect(reviews.approvedByReviewers == 2 && reviews.deniedByReviewers == 2)
        #expect(reviews.deniedByDefault == 2 && reviews.approvedByDefault == 0)
        #expect(reviews.assignmentsRemoved == 4)
        #expect(reviews.privilegedSecondsRemoved == 2 * h(43 * 24) + 2 * h(33 * 24))
        #expect(reviews.needToRemoval.sorted() == [h(17 * 24), h(17 * 24), h(27 * 24), h(27 * 24)])
        let roles = Dictionary(uniqueKeysWithValues: folds.core.metrics.roles.map { ($0.name, $0) })
        #expect(roles["Global Administrator"]?.activeSeconds == h(17 * 24) + h(2))
        #expect(roles["User Administrator"]?.eligibleSeconds == 2 * h(27 * 24))
    }
}

@Suite("Access review defaults")
struct ReviewDefaultTests {
    /// ann was active (recommended: approve), bo was not (recommended: deny); nobody answers.
    @Test("each onNoResponse outcome, applied automatically at the end", arguments: [
        ("noChange", 0, 0, 0), ("removeAccess", 0, 2, 2), ("approveAccess", 2, 0, 0), ("takeRecommendations", 1, 1, 1),
    ])
    func defaults(onNoResponse: String, approved: Int, denied: Int, removed: Int) throws {
        let scenario = try makeScenario(header(horizon: "30d") + """
        tenant: {users: [{id: ann}, {id: bo}]}
        assignments:
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: bo, role: Global Administrator, type: eligible}
        workload: [{at: 1d, activate: {user: ann, role: Global Administrator, duration: 1h}}]
        reviews:
          - {name: r, roles: [Global Administrator], reviewers: members, start: 5d, duration: 3d, reviewer: {respond: 0}, onNoResponse: \(onNoResponse), apply: auto}
        """)
        let metrics = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink.reviews.metrics
        #expect(metrics.approvedByDefault == approved)
        #expect(metrics.deniedByDefault == denied)
        #expect(metrics.assignmentsRemoved == removed)
    }

    @Test("members review themselves; a recurring review snapshots again each period")
    func membersAndRecurrence() throws {
        let scenario = try makeScenario(header(horizon: "30d") + """
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        reviews:
          - {name: weekly, roles: [Global Administrator], reviewers: members, recurrence: weekly, start: 1d, reviewer: {delay: 1h, approve: 1}}
        """)
        let metrics = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink.reviews.metrics
        // Instances at 1d, 8d, 15d, 22d, 29d; ann approves herself each time.
        #expect(metrics.instances == 5)
        #expect(metrics.approvedByReviewers == 5)
    }
}

/// "Eligible administrators aren't activating their privileged role": activations are the use.
@Suite("Unused-role alert: eligible administrators who do not activate")
struct UnusedRoleAlertTests {
    @Test("the clock runs from the eligibility and from the end of each activation; standing holders are never subjects")
    func clock() throws {
        let scenario = try makeScenario(header(horizon: "30d") + """
        tenant: {users: [{id: ann}, {id: bo}, {id: gus}]}
        alerts: {unusedRoles: {after: 5d}, staleSignIn: {after: 365d}}
        assignments:
          - {principal: ann, role: User Administrator, type: eligible}
          - {principal: bo, role: User Administrator, type: active}
          - {principal: gus, role: User Administrator, type: eligible, start: 10d}
        workload:
          - {at: 8d, activate: {user: ann, role: User Administrator, duration: 2h}}
        """)
        let folds = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink
        let incidents = folds.alerts.incidents.filter { $0.alert == AlertKind.redundantAssignment.rawValue }
            .map { "\($0.subject) \($0.from)-\($0.to.map(String.init) ?? "end")" }
        let day: Int64 = 86_400
        #expect(incidents == [
            // ann: unused after 5 days, cleared by her activation at 8d, unused again 5 days after it ended.
            "ann/User Administrator \(5 * day + 1)-\(8 * day)",
            "ann/User Administrator \(13 * day + 7_200 + 1)-end",
            // gus: eligible from 10d, never activates.
            "gus/User Administrator \(15 * day + 1)-end",
        ])
    }
}
