import ExposureMetrics
import PIMEngine
import RunPipeline
import Reports
import TenantModel
import Testing
import TestSupport

/// The contract's `remove` rule: Entra refuses to remove the last active Global Administrator
/// assignment, and such a removal changes nothing at all.
@Suite("remove: the last active Global Administrator stays")
struct LastGlobalAdministratorTests {
    /// User-hours of a role over the run.
    func hours(_ scenario: Scenario, _ role: String, eligible: Bool = false) throws -> Double {
        let figures = try #require(coreMetrics(scenario).roles.first { $0.name == role })
        return Double(eligible ? figures.eligibleSeconds : figures.activeSeconds) / 3600
    }

    func refusals(_ scenario: Scenario) -> [(time: Int64, assignments: [Int])] {
        trace(scenario).compactMap { record in
            guard case .removalRefused(let time, _, let ids) = record else { return nil }
            return (time, ids)
        }
    }

    @Test("removing the only active Global Administrator changes nothing, and is counted")
    func onlyOne() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}]}
        assignments:
          - {principal: ann, role: Global Administrator, type: active}
          - {principal: ann, role: Global Administrator, type: eligible}
        events:
          - {at: 10h, remove: {principal: ann, role: Global Administrator}}
        """)
        // Neither the active assignment nor the eligible one (matched by the same event) ends.
        #expect(try hours(scenario, "Global Administrator") == 48)
        #expect(try hours(scenario, "Global Administrator", eligible: true) == 48)
        #expect(coreMetrics(scenario).refusedRemovals == 1)
        let refused = refusals(scenario)
        #expect(refused.map(\.time) == [h(10)])
        #expect(refused.map(\.assignments) == [[0]])
    }

    @Test("with a second active Global Administrator, the removal goes ahead")
    func another() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}, {id: bo}]}
        assignments:
          - {principal: ann, role: Global Administrator, type: active}
          - {principal: bo, role: Global Administrator, type: active}
        events:
          - {at: 10h, remove: {principal: ann, role: Global Administrator}}
          - {at: 20h, remove: {principal: bo, role: Global Administrator}}
        """)
        // ann's ends at 10h; bo's is then the last one, so the second removal is refused.
        #expect(try hours(scenario, "Global Administrator") == 10 + 48)
        #expect(coreMetrics(scenario).refusedRemovals == 1)
        #expect(refusals(scenario).map(\.time) == [h(20)])
    }

    @Test("an active assignment to a group counts as another, even a group without members")
    func throughAGroup() throws {
        let scenario = try makeScenario(header() + """
        tenant:
          users: [{id: ann}]
          groups: [{id: empty, roleAssignable: true}]
        assignments:
          - {principal: ann, role: Global Administrator, type: active}
          - {principal: empty, role: Global Administrator, type: active}
        events:
          - {at: 10h, remove: {principal: ann, role: Global Administrator}}
        """)
        #expect(try hours(scenario, "Global Administrator") == 10)
        #expect(coreMetrics(scenario).refusedRemovals == 0)
    }

    @Test("a disabled user's active assignment still counts: the rule looks at assignments, not people")
    func disabledHolder() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}, {id: bo}]}
        assignments:
          - {principal: ann, role: Global Administrator, type: active}
          - {principal: bo, role: Global Administrator, type: active}
        events:
          - {at: 5h, leave: bo}
          - {at: 10h, remove: {principal: ann, role: Global Administrator}}
        """)
        // ann 10 h, bo 5 h: after 10h no enabled user holds the role.
        #expect(try hours(scenario, "Global Administrator") == 15)
    }

    @Test("an assignment that starts later, or ends at the very instant, is not one that stays in force")
    func notInForce() throws {
        let later = try makeScenario(header() + """
        tenant: {users: [{id: ann}, {id: bo}, {id: cy}]}
        assignments:
          - {principal: ann, role: Global Administrator, type: active}
          - {principal: bo, role: Global Administrator, type: active, start: 12h}
          - {principal: cy, role: Global Administrator, type: active, end: 10h}
        events:
          - {at: 10h, remove: {principal: ann, role: Global Administrator}}
        """)
        // Refused: ann 48 h, bo 36 h, cy 10 h.
        #expect(try hours(later, "Global Administrator") == 48 + 36 + 10)
        #expect(coreMetrics(later).refusedRemovals == 1)
    }

    @Test("eligible assignments are not protected, nor a removal narrowed to them")
    func eligibleOnly() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}, {id: bo}]}
        assignments:
          - {principal: ann, role: Global Administrator, type: active}
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: bo, role: Global Administrator, type: eligible}
        events:
          - {at: 10h, remove: {principal: ann, role: Global Administrator, type: eligible}}
          - {at: 20h, remove: {principal: bo, role: Global Administrator}}
        """)
        #expect(try hours(scenario, "Global Administrator", eligible: true) == 10 + 20)
        #expect(coreMetrics(scenario).refusedRemovals == 0)
    }

    @Test("a removal of a future active assignment only is not refused; nor is one of another role")
    func futureAndOtherRoles() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}, {id: bo}]}
        assignments:
          - {principal: ann, role: Global Administrator, type: active, start: 30h}
          - {principal: bo, role: Privileged Role Administrator, type: active}
        events:
          - {at: 10h, remove: {principal: ann, role: Global Administrator}}
          - {at: 10h, remove: {principal: bo, role: Privileged Role Administrator}}
        """)
        #expect(try hours(scenario, "Global Administrator") == 0)
        #expect(try hours(scenario, "Privileged Role Administrator") == 10)
        #expect(coreMetrics(scenario).refusedRemovals == 0)
    }

    @Test("the refusal is in the audit log as a failed removal request, and in metrics.json")
    func audited() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}]}
        assignments:
          - {principal: ann, role: Global Administrator, type: active}
        events:
          - {at: 10h, remove: {principal: ann, role: Global Administrator}}
        """)
        let builder = AuditLogBuilder(identity: AuditIdentity(scenario: scenario, seed: 1), output: AuditCollector())
        let records = PIMReplay.run(scenario, seed: 1, sink: builder).sink.output.records
        let failures = records.filter { $0.value(at: ["result"]) == .string("failure") }
        #expect(failures.count == 1)
        #expect(failures.first?.value(at: ["activityDisplayName"]) == .string("Remove member from role in PIM requested (permanent)"))
        #expect(failures.first?.value(at: ["activityDateTime"]) == .string("2026-03-02T10:00:00Z"))
        #expect(failures.first?.value(at: ["resultReason"]) == .string("The last active Global Administrator assignment cannot be removed"))
        let outcome = Pipeline.simulate(scenario)
        #expect(outcome.document.value(at: ["hygiene", "refusedRemovals"]) == .integer(1))
    }
}
