import Testing
@testable import ScenarioFormat
import TenantModel

/// Further checks on values: empty values, conflicting keys, misplaced ids, and what is (not) an error.
@Suite struct ValueErrorTests {
    /// An empty value is null, positioned just after its key's colon.
    @Test func emptyValueIsNull() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
            policies: {}
            """)
        expect(error, line: 3, column: 8, path: "tenant", "expected the tenant (a map), got null")
    }

    @Test func endAndDurationTogether() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {users: [{id: alice}]}
            assignments:
              - {principal: alice, role: Global Administrator, type: active, end: 5d, duration: 2d}
            """)
        // '  - {principal: alice, role: Global Administrator, type: active, end: 5d, duration: 2d}'
        expect(error, line: 5, column: 85, path: "assignments[0].duration", "give either 'end' or 'duration', not both")
    }

    @Test func twoPoliciesForOneRole() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {}
            policies:
              roles:
                Global Administrator: {activation: {maxDuration: 1h}}
                62E90394-69F5-4237-9190-012177145E10: {activation: {maxDuration: 2h}}
            """)
        expect(error, line: 7, column: 5, path: "policies.roles.62E90394-69F5-4237-9190-012177145E10",
               "role 'Global Administrator' already has a policy under 'Global Administrator'")
    }

    @Test func customRoleNamedLikeABuiltInOne() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              roles:
                - name: Global Administrator
                  permissions: [microsoft.directory/users/password/update]
            """)
        expect(error, line: 5, column: 13, path: "tenant.roles[0].name",
               "custom role 'Global Administrator' has the same name as a built-in role")
    }

    @Test func misplacedIds() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - {id: alice, manager: alice}
                - {id: bob, manager: admins}
              groups:
                - {id: admins, members: [admins]}
            events:
              - {at: 1d, membership: {group: bob, add: [alice]}}
              - {at: 1d, leave: admins}
            """)
        #expect(found.count == 5, "\(found.map(\.description))")
        guard found.count == 5 else { return }
        expect(found[0], line: 5, column: 28, path: "tenant.users[0].manager", "a user cannot be their own manager")
        expect(found[1], line: 6, column: 26, path: "tenant.users[1].manager", "'admins' is a group; a user id is expected here")
        expect(found[2], line: 8, column: 30, path: "tenant.groups[0].members[0]", "'admins' is a group")
        expect(found[3], line: 10, column: 34, path: "events[0].membership.group", "'bob' is a user; a group id is expected here")
        expect(found[4], line: 11, column: 21, path: "events[1].leave", "'admins' is a group")
    }

    @Test func idAndGenerateTogether() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - id: alice
                  generate: {count: 3, prefix: a}
            """)
        expect(error, line: 6, column: 17, path: "tenant.users[0].generate", "give either 'id' (one user) or 'generate' (many), not both")
    }

    @Test func unquotedBooleanAsAnId() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {users: [{id: no}]}
            """)
        expect(error, line: 3, column: 23, path: "tenant.users[0].id", "expected a user id, got the boolean no; quote it")
    }

    @Test func badScenarioNameAndZeroHorizon() {
        let found = errors(in: """
            scenario: ../escape
            start: 2026-03-02T00:00:00Z
            horizon: 0
            tenant: {}
            """)
        #expect(found.count == 2, "\(found.map(\.description))")
        guard found.count == 2 else { return }
        expect(found[0], line: 1, column: 11, path: "scenario", "'../escape' cannot name an output folder")
        expect(found[1], line: 3, column: 10, path: "horizon", "the horizon must be longer than zero")
    }

    /// Times at or after the horizon have no effect but are not errors; an assign event's
    /// earlier start is a warning: the written start is kept, and the engine applies it from the event.
    @Test func lateTimesAndEarlyAssignStart() throws {
        let result = load("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {users: [{id: alice}]}
            assignments:
              - {principal: alice, role: Global Administrator, type: eligible}
            workload:
              - {at: 30d, activate: {user: alice, role: Global Administrator, duration: 1h}}
            events:
              - at: 40d
                assign: {principal: alice, role: Exchange Administrator, type: active, start: 2026-02-01}
            """)
        let model = try #require(result.scenario, "\(result.diagnostics.map(\.description))")
        #expect(model.requests.map(\.at) == [30 * 86_400])
        #expect(result.diagnostics.count == 1)
        expect(result.diagnostics.first, line: 10, column: 83, path: "events[0].assign.start",
               "the assignment starts before its event", severity: .warning)
        guard case .assign(let assignment) = model.events.first?.action else {
            Issue.record("expected an assign event")
            return
        }
        #expect(assignment.start == -29 * 86_400)
    }

    /// A review needs its roles and reviewers; a task generator needs a duration.
    @Test func reviewsAndTasksNeedTheirKeys() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {users: [{id: bob}]}
            workload:
              - tasks: {users: [bob], role: Global Administrator, every: 3d}
            reviews:
              - {name: quarterly}
            """)
        #expect(found.count == 3, "\(found.map(\.description))")
        guard found.count == 3 else { return }
        expect(found[0], line: 5, column: 12, path: "workload[0].tasks", "missing required key 'duration' (a duration or a distribution)")
        // Same position: sorted by message.
        expect(found[1], line: 7, column: 5, path: "reviews[0]", "missing required key 'reviewers'")
        expect(found[2], line: 7, column: 5, path: "reviews[0]", "missing required key 'roles' (the roles reviewed)")
    }

    /// YAML writes integers in hex, octal and binary too; `seed` is "integer".
    @Test func seedInOtherIntegerNotations() throws {
        #expect(try #require(scenario("start: 2026-03-02\nhorizon: 1d\ntenant: {}\nseed: 1_000\n")).seed == 1_000)
        let hex = load("start: 2026-03-02\nhorizon: 1d\ntenant: {}\nseed: 0x2A\n")
        let octal = load("start: 2026-03-02\nhorizon: 1d\ntenant: {}\nseed: 017\n")
        #expect(hex.scenario?.seed == 42, "\(hex.diagnostics.map(\.description))")
        // Yams follows YAML 1.1 here: a leading zero means octal.
        #expect(octal.scenario?.seed == 15)
    }
}
