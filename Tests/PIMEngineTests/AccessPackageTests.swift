import ExposureMetrics
import Reports
import RunPipeline
import PIMEngine
import TenantModel
import Testing
import TestSupport
import Trace

/// Entitlement management: a request moves through its stages in order; each stage approves,
/// denies, times out or escalates; the assignment grants its resources until it expires or is
/// extended. Times are hand-computed from fixed response times.
@Suite("Access packages: stages, expiry, extension, role flow")
struct AccessPackageTests {
    /// A tenant with a requester (managed by `mgr`), approvers and a role-assignable group that
    /// holds Global Administrator as `groupType`; approvers answer after exactly 2 hours.
    static func tenant(policy: String, groupType: String = "active", behaviour: String = "responseTime: 2h", horizon: String = "40d",
                       workload: String = "  - {at: 1d, request: {user: alice, package: p}}", events: String = "") -> String {
        header(horizon: horizon) + """
        tenant:
          users: [{id: alice, manager: mgr}, {id: mgr}, {id: sec1}, {id: sec2}, {id: ciso}, {id: bg}, {id: bob}]
          groups: [{id: t0, roleAssignable: true}, {id: secs, members: [sec1, sec2]}]
        assignments:
          - {principal: bg, role: Global Administrator, type: active}
          - {principal: t0, role: Global Administrator, type: \(groupType)}
        behaviour:
          approvers: {\(behaviour)}
        accessPackages:
          - id: p
            resources: [{group: t0}]
            policies:
              - \(policy)
        workload:
        \(workload)
        \(events)
        """
    }

    static let threeStages = "{id: admins, requestors: {users: [alice]}, approval: [{approvers: [manager]}, {approvers: [secs]}, {approvers: [ciso]}], expiry: 30d}"

    func packageRecords(_ scenario: Scenario) -> [TraceRecord] {
        trace(scenario).filter {
            switch $0 {
            case .packageRequestSubmitted, .packageRequestRejected, .packageStageStarted, .packageStageEscalated, .packageStageDecided,
                 .packageRequestTimedOut, .packageRequestCancelled, .packageRequestFulfilled, .packageAssignmentStarted,
                 .packageAssignmentExtended, .packageAssignmentEnded:
                return true
            default:
                return false
            }
        }
    }

    func metrics(_ scenario: Scenario) -> AccessPackageMetrics {
        PIMReplay.run(scenario, sink: AccessPackageFold(scenario: scenario)).sink.metrics
    }

    @Test("three stages approve in order, two hours each; the group's Global Administrator flows to the user for 30 days")
    func threeStagesApprove() throws {
        let scenario = try makeScenario(Self.tenant(policy: Self.threeStages))
        let records = packageRecords(scenario)
        let stages = records.compactMap { record -> (Int64, Int, [UserIndex])? in
            if case .packageStageStarted(let time, _, let stage, let approvers, _) = record { return (time, stage, approvers) }
            return nil
        }
        #expect(stages.map(\.0) == [h(24), h(26), h(28)])
        #expect(stages.map(\.1) == [1, 2, 3])
        #expect(stages[0].2 == [UserIndex(1)])            // alice's manager
        #expect(stages[1].2 == [UserIndex(2), UserIndex(3)]) // the group's members
        #expect(stages[2].2 == [UserIndex(4)])
        let started = records.compactMap { record -> (Int64, Int64?)? in
            if case .packageAssignmentStarted(let time, _, _, _, _, let end, _, _) = record { return (time, end) }
            return nil
        }
        #expect(started.count == 1)
        #expect(started.first?.0 == h(30))
        #expect(started.first?.1 == h(30) + h(720))
        #expect(records.contains { if case .packageAssignmentEnded(let time, _, .expired, _) = $0 { return time == h(750) }; return false })
        let figures = metrics(scenario)
        #expect(figures.requests.fulfilled == 1)
        #expect(figures.stages.map(\.latencies) == [[h(2)], [h(2)], [h(2)]])
        // Alice holds Global Administrator from 1d06:00 for exactly 30 days; bg holds it all 40 days.
        #expect(figures.privilegedSecondsViaPackages == h(720))
        #expect(figures.privilegedSecondsOther == h(960))
        #expect(coreMetrics(scenario).privilegedTotalSeconds == h(720 + 960))
    }

    @Test("a denial at the first stage ends the request; nothing is granted")
    func deny() throws {
        let scenario = try makeScenario(Self.tenant(policy: Self.threeStages, behaviour: "responseTime: 2h, approveRate: 0"))
        let records = packageRecords(scenario)
        #expect(records.contains { if case .packageStageDecided(let time, _, 1, UserIndex(1), false) = $0 { return time == h(26) }; return false })
        #expect(!records.contains { if case .packageStageStarted(_, _, 2, _, _) = $0 { return true }; return false })
        #expect(!records.contains { if case .packageAssignmentStarted = $0 { return true }; return false })
        let figures = metrics(scenario)
        #expect(figures.requests.denied == 1 && figures.requests.fulfilled == 0)
        #expect(figures.privilegedSecondsViaPackages == 0)
    }

    @Test("a stage nobody answers times out after its timeout and denies the request")
    func timeOut() throws {
        let policy = "{id: a, requestors: {users: [alice]}, approval: [{approvers: [ciso], timeout: 2d}], expiry: 30d}"
        let scenario = try makeScenario(Self.tenant(policy: policy, behaviour: "responseTime: 2h, absence: 1"))
        let records = packageRecords(scenario)
        #expect(records.contains { if case .packageRequestTimedOut(let time, _, 1) = $0 { return time == h(24 + 48) }; return false })
        #expect(metrics(scenario).requests.timedOut == 1)
        #expect(metrics(scenario).stages.first?.timedOut == 1)
    }

    @Test("with no primary approver left, the stage escalates after 8 hours and the escalation approver decides 2 hours later")
    func escalation() throws {
        let policy = "{id: a, requestors: {users: [alice]}, approval: [{approvers: [sec1], timeout: 3d, escalation: {after: 8h, approvers: [ciso]}}], expiry: 30d}"
        let scenario = try makeScenario(Self.tenant(policy: policy, events: "events: [{at: 12h, leave: sec1}]"))
        let records = packageRecords(scenario)
        #expect(records.contains { if case .packageStageStarted(let time, _, 1, let approvers, false) = $0 { return time == h(24) && approvers.isEmpty }; return false })
        #expect(records.contains { if case .packageStageEscalated(let time, _, 1, let approvers, false) = $0 { return time == h(32) && approvers == [UserIndex(4)] }; return false })
        #expect(records.contains { if case .packageStageDecided(let time, _, 1, UserIndex(4), true) = $0 { return time == h(34) }; return false })
        #expect(metrics(scenario).stages.first?.escalated == 1)
        #expect(metrics(scenario).stages.first?.latencies == [h(10)])
    }

    @Test("a requester without a manager goes to the stage's fallback approvers")
    func fallback() throws {
        let policy = "{id: a, requestors: {users: [bob]}, approval: [{approvers: [manager], fallback: [ciso]}], expiry: 30d}"
        let scenario = try makeScenario(Self.tenant(policy: policy, workload: "  - {at: 1d, request: {user: bob, package: p}}"))
        let records = packageRecords(scenario)
        #expect(records.contains { if case .packageStageStarted(_, _, 1, let approvers, true) = $0 { return approvers == [UserIndex(4)] }; return false })
        #expect(metrics(scenario).stages.first?.fallback == 1)
        #expect(metrics(scenario).requests.fulfilled == 1)
    }

    @Test("an extension within 14 days of the end moves it to the approval time plus the duration; earlier is refused")
    func extensionMovesEnd() throws {
        let policy = "{id: a, requestors: allMembers, expiry: 10d, extension: {allowed: true, approval: false}}"
        let workload = """
          - {at: 1d, request: {user: alice, package: p}}
          - {at: 5d, request: {user: alice, package: p, extend: true}}
        """
        let scenario = try makeScenario(Self.tenant(policy: policy, workload: workload))
        let records = packageRecords(scenario)
        #expect(records.contains { if case .packageAssignmentExtended(let time, _, let end) = $0 { return time == h(120) && end == h(120 + 240) }; return false })
        #expect(records.contains { if case .packageAssignmentEnded(let time, _, .expired, _) = $0 { return time == h(360) }; return false })
        #expect(metrics(scenario).privilegedSecondsViaPackages == h(360 - 24))

        let early = try makeScenario(Self.tenant(policy: "{id: a, requestors: allMembers, expiry: 30d, extension: {allowed: true, approval: false}}",
                                                 workload: workload))
        #expect(packageRecords(early).contains { if case .packageRequestRejected(_, _, .tooEarly) = $0 { return true }; return false })
    }

    @Test("membership through a package carries the group's assignments exactly like a membership event")
    func sameAsMembershipEvent() throws {
        let viaPackage = try makeScenario(Self.tenant(policy: "{id: a, requestors: allMembers, expiry: 10d}"))
        let byHand = try makeScenario(Self.tenant(policy: "{id: a, requestors: none}", workload: "  []",
                                                  events: "events: [{at: 1d, membership: {group: t0, add: [alice]}}, {at: 11d, membership: {group: t0, remove: [alice]}}]"))
        #expect(coreMetrics(viaPackage).privilegedTotalSeconds == coreMetrics(byHand).privilegedTotalSeconds)
        #expect(coreMetrics(viaPackage).privilegedStandingSeconds == coreMetrics(byHand).privilegedStandingSeconds)

        // Eligibility through the package's group still goes through PIM: activated after the grant, never before.
        let eligible = try makeScenario(Self.tenant(policy: "{id: a, requestors: allMembers, expiry: 10d}", groupType: "eligible", workload: """
          - {at: 12h, activate: {user: alice, role: Global Administrator, duration: 1h}}
          - {at: 1d, request: {user: alice, package: p}}
          - {at: 2d, activate: {user: alice, role: Global Administrator, duration: 1h}}
        """))
        let outcomes = trace(eligible).compactMap { record -> String? in
            switch record {
            case .requestRejected(_, _, let reason): return "rejected \(reason)"
            case .activationStarted(let time, _, _, _, _, _, _): return "granted \(time)"
            default: return nil
            }
        }
        #expect(outcomes == ["rejected notEligible", "granted \(h(48))"])
        #expect(metrics(eligible).privilegedSecondsViaPackages == h(1))
    }

    @Test("a review denies the assignment: it ends when the instance ends; unanswered items follow onNoResponse")
    func reviewDenies() throws {
        func run(_ reviewer: String, onNoResponse: String) throws -> [TraceRecord] {
            let policy = "{id: a, requestors: allMembers, expiry: 30d, review: {reviewers: {selected: [ciso]}, recurrence: monthly, "
                + "start: 3d, duration: 5d, reviewer: {\(reviewer)}, onNoResponse: \(onNoResponse)}}"
            return packageRecords(try makeScenario(Self.tenant(policy: policy)))
        }
        // The request at 1d is fulfilled at once; the instance runs from 3d to 8d; the CISO denies at 3d + 2d.
        let denied = try run("respond: 1, approve: 0, delay: 2d", onNoResponse: "noChange")
        #expect(denied.contains { if case .packageAssignmentEnded(let time, _, .reviewDenied, nil) = $0 { return time == h(8 * 24) }; return false })
        let silent = try run("respond: 0", onNoResponse: "removeAccess")
        #expect(silent.contains { if case .packageAssignmentEnded(let time, _, .reviewDenied, nil) = $0 { return time == h(8 * 24) }; return false })
        let kept = try run("respond: 0", onNoResponse: "noChange")
        #expect(kept.contains { if case .packageAssignmentEnded(let time, _, .expired, nil) = $0 { return time == h(31 * 24) }; return false })
        let scenario = try makeScenario(Self.tenant(policy: "{id: a, requestors: allMembers, expiry: 30d, review: {reviewers: {selected: [ciso]}, "
            + "recurrence: monthly, start: 3d, duration: 5d, reviewer: {respond: 1, approve: 0, delay: 2d}}}"))
        let figures = metrics(scenario)
        #expect(figures.reviewInstances == 2 && figures.reviewItems == 1 && figures.reviewRefused == 1 && figures.reviewDenied == 1)
        #expect(figures.privilegedSecondsViaPackages == h(7 * 24))
    }

    @Test("an administrator assigns and removes a package directly; a request while assigned is refused")
    func administratorActions() throws {
        let events = "events: [{at: 2d, assignPackage: {user: alice, package: p, by: ciso}}, {at: 5d, removePackage: {user: alice, package: p}}]"
        let scenario = try makeScenario(Self.tenant(policy: "{id: a, requestors: allMembers, expiry: 30d}",
                                                    workload: "  - {at: 3d, request: {user: alice, package: p}}", events: events))
        let records = packageRecords(scenario)
        #expect(records.contains { if case .packageAssignmentStarted(let time, _, _, _, _, _, nil, UserIndex(4)?) = $0 { return time == h(48) }; return false })
        #expect(records.contains { if case .packageRequestRejected(_, _, .alreadyAssigned) = $0 { return true }; return false })
        #expect(records.contains { if case .packageAssignmentEnded(let time, _, .removed, nil) = $0 { return time == h(120) }; return false })
        let figures = metrics(scenario)
        #expect(figures.assignmentsDirect == 1 && figures.removed == 1)
        #expect(figures.privilegedSecondsViaPackages == h(72))
    }

    @Test("a requester disabled while the request waits: cancelled; a policy that does not admit the user: refused")
    func cancelledAndRefused() throws {
        let disabled = try makeScenario(Self.tenant(policy: Self.threeStages, events: "events: [{at: 25h, leave: alice}]"))
        #expect(packageRecords(disabled).contains { if case .packageRequestCancelled(let time, _, .requesterDisabled) = $0 { return time == h(25) }; return false })
        let refused = try makeScenario(Self.tenant(policy: "{id: a, requestors: {users: [bob]}}"))
        #expect(packageRecords(refused).contains { if case .packageRequestRejected(_, _, .notAllowed) = $0 { return true }; return false })
        #expect(metrics(refused).requests.rejected[.notAllowed] == 1)
    }
}

/// The library's access package scenario end to end: metrics, report and audit log.
@Suite("Access packages: Scenarios/access-package.yaml end to end")
struct AccessPackageScenarioTests {
    @Test("the package arm has every accessPackages glossary key, a report section and entitlement management's records")
    func endToEnd() throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/access-package.yaml").path
        let scenario = try #require(Pipeline.load(path: path, variant: "access-package").scenario)
        let outcome = Pipeline.simulate(scenario, variant: "access-package")
        for entry in MetricGlossary.entries where entry.key.hasPrefix("accessPackages.") {
            #expect(MetricsDocument.value(of: entry.key, in: outcome.document) != nil, "\(entry.key) is not in metrics.json")
        }
        let via = try #require(MetricsDocument.value(of: "accessPackages.privilegedHours.viaPackages", in: outcome.document))
        #expect(via != .number(0))
        let html = HTMLReport.render(Pipeline.reportInput(outcome))
        #expect(html.contains("<section id=\"packages\">") && html.contains("Approval stages"))

        let builder = AuditLogBuilder(identity: AuditIdentity(scenario: scenario, seed: scenario.seed), output: AuditCollector())
        let audit = PIMReplay.run(scenario, sink: builder).sink
        let activities = audit.output.records.compactMap { record -> String? in
            guard case .object(let fields) = record, case .string(let name)? = fields["activityDisplayName"] else { return nil }
            return name
        }
        let first = try #require(activities.firstIndex(of: "User requests access package assignment"))
        #expect(Array(activities[first...].prefix(3)) == ["User requests access package assignment", "Create request approval", "Add approver to request approval"])
        #expect(activities.contains("Approve access package assignment request"))
        #expect(activities.contains("Fulfill access package assignment"))
        #expect(activities.contains("Remove access package assignment"))
    }
}
