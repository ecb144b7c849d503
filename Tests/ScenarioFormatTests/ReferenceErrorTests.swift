import Testing
@testable import ScenarioFormat
import TenantModel

/// Semantic errors: duplicate ids and keys, undefined references, times and ranges; and that every
/// error of a file is reported, in position order.
@Suite struct ReferenceErrorTests {
    @Test func duplicateIdsAcrossUsersAndGroups() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - id: alice
                - id: bob
                - id: bob
              groups:
                - id: alice
            """)
        #expect(found.count == 2, "\(found.map(\.description))")
        guard found.count == 2 else { return }
        expect(found[0], line: 7, column: 11, path: "tenant.users[2].id",
               "duplicate id 'bob' (first defined at line 6, column 11); ids are unique across users, groups, applications and service principals")
        expect(found[1], line: 9, column: 11, path: "tenant.groups[0].id", "duplicate id 'alice' (first defined at line 5, column 11)")
    }

    @Test func generatedIdClashingWithAnExplicitOne() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - id: staff3
                - generate: {count: 5, prefix: staff}
            """)
        expect(error, line: 6, column: 36, path: "tenant.users[1].generate.prefix",
               "duplicate id 'staff3' (first defined at line 5, column 11)")
    }

    @Test func unknownUserInMembers() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - id: alice
              groups:
                - id: admins
                  members: [alice, alcie]
            """)
        expect(error, line: 8, column: 24, path: "tenant.groups[0].members[1]", "unknown user 'alcie'; did you mean 'alice'?")
    }

    @Test func unknownRolesWithDidYouMean() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - id: alice
            assignments:
              - principal: alice
                role: Global Admin
                type: active
              - principal: alice
                role: Global Adminstrator
                type: eligible
              - principal: alice
                role: Chief Wizard
                type: eligible
            """)
        #expect(found.count == 3, "\(found.map(\.description))")
        guard found.count == 3 else { return }
        expect(found[0], line: 8, column: 11, path: "assignments[0].role",
               "unknown role 'Global Admin'; did you mean 'Global Administrator'?")
        expect(found[1], line: 11, column: 11, path: "assignments[1].role",
               "unknown role 'Global Adminstrator'; did you mean 'Global Administrator'?")
        expect(found[2], line: 14, column: 11, path: "assignments[2].role",
               "unknown role 'Chief Wizard'; name a built-in role (see 'pimsim roles') or a custom role under tenant.roles")
    }

    @Test func unknownRoleAsAPolicyKey() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {}
            policies:
              roles:
                Global Admin:
                  activation: {maxDuration: 1h}
            """)
        expect(error, line: 6, column: 5, path: #"policies.roles["Global Admin"]"#,
               "unknown role 'Global Admin'; did you mean 'Global Administrator'?")
    }

    @Test func nonRoleAssignableGroupHoldingAnAssignment() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              groups:
                - id: helpdesk
            assignments:
              - principal: helpdesk
                role: Helpdesk Administrator
                type: active
            """)
        expect(error, line: 7, column: 16, path: "assignments[0].principal",
               "group 'helpdesk' is not role-assignable, so it cannot hold role assignments")
    }

    @Test func assignmentEndingBeforeItStarts() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - id: alice
            assignments:
              - principal: alice
                role: Global Administrator
                type: active
                start: 5d
                end: 2d
            """)
        expect(error, line: 11, column: 10, path: "assignments[0].end", "the assignment ends before it starts")
    }

    @Test func requestAndEventDatedBeforeStart() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - id: alice
            assignments:
              - {principal: alice, role: Global Administrator, type: eligible}
            workload:
              - at: 2026-03-01T23:00:00Z
                activate: {user: alice, role: Global Administrator, duration: 1h}
            events:
              - {at: 2026-03-02T01:00:00+02:00, leave: alice}
            """)
        #expect(found.count == 2, "\(found.map(\.description))")
        guard found.count == 2 else { return }
        expect(found[0], line: 9, column: 9, path: "workload[0].at", "'2026-03-01T23:00:00Z' is before the scenario's start")
        expect(found[1], line: 12, column: 10, path: "events[0].at", "'2026-03-02T01:00:00+02:00' is before the scenario's start")
    }

    @Test func activationMaxDurationOutOfRange() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {}
            policies:
              default:
                activation:
                  maxDuration: 25h
              roles:
                Global Administrator:
                  activation: {maxDuration: 20m}
            """)
        #expect(found.count == 2, "\(found.map(\.description))")
        guard found.count == 2 else { return }
        expect(found[0], line: 7, column: 20, path: "policies.default.activation.maxDuration",
               "activation maxDuration must be between 30m and 24h, got '25h'")
        expect(found[1], line: 10, column: 33, path: #"policies.roles["Global Administrator"].activation.maxDuration"#,
               "activation maxDuration must be between 30m and 24h, got '20m'")
    }

    /// A repeated key is reported at the repeat, with its path, naming the first occurrence.
    @Test func duplicateKeysInOneMap() {
        let text = """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            horizon: 60d
            tenant: {}
            """
        let error = onlyError(text)
        #expect(error?.message == "duplicate key 'horizon' (first at line 2, column 1); each key may appear once in a map")
        #expect(error?.line == 3)
        #expect(error?.column == 1)
        #expect(error?.path == "horizon")
    }

    /// The contract wants every error reported; a duplicate key must not hide the others.
    @Test func duplicateKeyHidesEveryOtherError() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30x
            tenant:
              users:
                - {id: alice, name: A, name: B}
            """)
        #expect(found.count == 2, "\(found.map(\.description))")
        #expect(found.contains { $0.line == 2 && $0.column == 10 && $0.path == "horizon" })
        // `    - {id: alice, name: A, name: B}`: the repeat starts at column 28.
        #expect(found.contains {
            $0.line == 5 && $0.column == 28 && $0.path == "tenant.users[0].name"
                && $0.message == "duplicate key 'name' (first at line 5, column 19); each key may appear once in a map"
        })
    }

    /// Five independent errors, written in an order unlike the decoder's: all reported, sorted by position.
    @Test func everyErrorIsReportedInPositionOrder() {
        let result = load("""
            events:
              - at: 1d
                leave: nobody
            assignments:
              - principal: alice
                role: Global Administrator
                type: standing
            start: 2026-03-02T00:00:00Z
            horizon: 30x
            tenant:
              users:
                - id: alice
                  breakGlass: yes please
            policies:
              default:
                activation: {maxDuration: 48h}
            """)
        #expect(result.hasScenario == false)
        let found = result.diagnostics
        #expect(found.count == 5, "\(found.map(\.description))")
        #expect(found == found.sortedByPosition)
        guard found.count == 5 else { return }
        expect(found[0], line: 3, column: 12, path: "events[0].leave", "unknown user 'nobody'")
        expect(found[1], line: 7, column: 11, path: "assignments[0].type",
               "unknown assignment type 'standing' (the types are 'active', meaning standing, and 'eligible')")
        expect(found[2], line: 9, column: 10, path: "horizon", "'30x' is not a duration")
        expect(found[3], line: 13, column: 19, path: "tenant.users[0].breakGlass", "expected true or false, got the string 'yes please'")
        expect(found[4], line: 16, column: 31, path: "policies.default.activation.maxDuration",
               "activation maxDuration must be between 30m and 24h, got '48h'")
    }
}
