import Testing
@testable import ScenarioFormat
import TenantModel

/// Structural errors: keys, types, required keys, YAML syntax, empty files; and how diagnostics render.
/// Positions are 1-based; a node's position is that of its first character.
@Suite struct DiagnosticTests {
    @Test func unknownKeyWithDidYouMean() {
        let text = """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - id: alice
                  manger: bob
                - id: bob
            """
        let error = onlyError(text)
        expect(error, line: 6, column: 7, path: "tenant.users[0].manger",
               "unknown key 'manger'; did you mean 'manager'?", "allowed here: id, name, manager, breakGlass, authentication, onPremisesSyncEnabled, attributes, generate")
        #expect(error?.description == "test.yaml:6:7: error: tenant.users[0].manger: " + (error?.message ?? ""))
    }

    @Test func unknownTopLevelKey() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {}
            asignments: []
            """)
        expect(error, line: 4, column: 1, path: "asignments", "unknown key 'asignments'; did you mean 'assignments'?")
    }

    @Test func stringWhereABoolIsExpected() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              groups:
                - id: admins
                  roleAssignable: maybe
            """)
        expect(error, line: 6, column: 23, path: "tenant.groups[0].roleAssignable",
               "expected true or false, got the string 'maybe'")
    }

    @Test func listWhereAMapIsExpected() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {}
            behaviour:
              approvers:
                - carol
            """)
        expect(error, line: 6, column: 5, path: "behaviour.approvers", "expected approver behaviour (a map), got a list")

        let flow = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: [alice, bob]
            """)
        expect(flow, line: 3, column: 9, path: "tenant", "expected the tenant (a map), got a list")
    }

    @Test func numberAndNullWhereOtherTypesAreExpected() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            seed: -3
            tenant:
              users: ~
            behaviour: {approvers: {approveRate: 1.5}, deactivateEarly: often}
            """)
        #expect(found.count == 4, "\(found.map(\.description))")
        guard found.count == 4 else { return }
        expect(found[0], line: 3, column: 7, path: "seed", "seed must be between 0 and")
        expect(found[1], line: 5, column: 10, path: "tenant.users", "expected a list of users, got null")
        expect(found[2], line: 6, column: 38, path: "behaviour.approvers.approveRate", "approveRate must be between 0 and 1, got 1.5")
        expect(found[3], line: 6, column: 61, path: "behaviour.deactivateEarly",
               "expected deactivateEarly (a number), got the string 'often'")
    }

    @Test func missingTopLevelKeys() {
        let found = errors(in: """
            # only a description
            description: nothing else
            """)
        // All three at the root map's first key, sorted by message.
        #expect(found.map(\.message) == [
            "missing required key 'horizon' (a duration such as 30d)",
            "missing required key 'start' (an ISO 8601 UTC timestamp such as 2026-03-02T00:00:00Z)",
            "missing required key 'tenant' (users, groups, custom roles, applications and service principals)",
        ])
        for error in found { expect(error, line: 2, column: 1, path: "") }
    }

    @Test func missingAssignmentType() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - id: alice
            assignments:
              - principal: alice
                role: Global Administrator
            """)
        expect(error, line: 7, column: 5, path: "assignments[0]", "missing required key 'type' (active or eligible)")
    }

    @Test func eventWithTwoActionsOrNone() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {users: [{id: alice}]}
            events:
              - at: 1d
                leave: alice
                remove: {principal: alice, role: Global Administrator}
              - {at: 2d}
            """)
        #expect(found.count == 2, "\(found.map(\.description))")
        guard found.count == 2 else { return }
        expect(found[0], line: 5, column: 5, path: "events[0]",
               "an event needs exactly one of 'leave', 'membership', 'assign', 'remove', 'policy', 'join', 'move', 'compromise', 'cancelRequest', 'revokeActivation', 'adminExtend', 'assignPackage', 'removePackage'; found 'leave', 'remove'")
        expect(found[1], line: 8, column: 5, path: "events[1]",
               "an event needs exactly one of 'leave', 'membership', 'assign', 'remove', 'policy', 'join', 'move', 'compromise', 'cancelRequest', 'revokeActivation', 'adminExtend'")
        #expect(found[1].message.contains("found") == false)
    }

    @Test func yamlSyntaxErrorHasAPosition() {
        let text = """
            start: 2026-03-02T00:00:00Z
            horizon: 30d: x
            tenant: {}
            """
        let error = onlyError(text)
        // 'horizon: 30d: x': the second ':' (a mapping value where none is allowed) is column 13.
        expect(error, line: 2, column: 13, path: "", "YAML syntax", "mapping values are not allowed")
        #expect(error?.description.hasPrefix("test.yaml:2:13: error: YAML syntax") == true)
    }

    @Test func unclosedFlowListIsASyntaxError() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {users: [alice}
            """)
        #expect(error?.message.hasPrefix("YAML syntax") == true)
        #expect(error?.line == 3)
        #expect((error?.column ?? 0) > 0)
    }

    @Test(arguments: ["", "\n\n", "# nothing but a comment\n"])
    func emptyFile(text: String) {
        let error = onlyError(text)
        expect(error, line: 0, column: 0, path: "", "the file is empty")
        #expect(error?.description == "test.yaml: error: the file is empty; a scenario needs at least 'start', 'horizon' and 'tenant'")
    }

    @Test func rootThatIsNotAMap() {
        let error = onlyError("- just\n- a list\n")
        expect(error, line: 1, column: 1, path: "", "expected a scenario (a map), got a list")
    }

    /// Warnings render as such and do not stop the scenario from loading.
    @Test func warningsDoNotBlockLoading() throws {
        let result = load("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {groups: [{id: admins}]}
            events:
              - at: 1d
                membership: {group: admins}
            """)
        #expect(result.hasScenario)
        #expect(result.diagnostics.count == 1)
        let warning = try #require(result.diagnostics.first)
        expect(warning, line: 6, column: 17, path: "events[0].membership", "neither adds nor removes anyone", severity: .warning)
        #expect(warning.description.hasPrefix("test.yaml:6:17: warning: events[0].membership: "))
    }

    @Test func keyPathRendering() {
        let path = KeyPath.root.appending("policies").appending("roles").appending("Global Administrator")
            .appending("activation").appending("approvers").appending(2)
        #expect(path.description == #"policies.roles["Global Administrator"].activation.approvers[2]"#)
        #expect(KeyPath.root.description == "")
        #expect(KeyPath.root.appending("tier0-admins").appending(0).description == "tier0-admins[0]")
    }

    /// Columns count Unicode scalars; CRLF line ends count as one line break.
    @Test func columnsCountUnicodeScalarsAndCRLFIsOneLineBreak() {
        func text(_ letter: String, lineEnd: String = "\n") -> String {
            ["start: 2026-03-02T00:00:00Z", "horizon: 30d", "tenant:", "  users:",
             "    - {name: Zo\(letter), id: alice}", "    - {name: Zo\(letter), id: alice}", ""].joined(separator: lineEnd)
        }
        expect(onlyError(text("\u{EB}")), line: 6, column: 23, path: "tenant.users[1].id",
               "duplicate id 'alice' (first defined at line 5, column 23)")
        // 'e' + combining diaeresis: two scalars, so everything after it moves one column right.
        expect(onlyError(text("e\u{308}")), line: 6, column: 24, path: "tenant.users[1].id",
               "duplicate id 'alice' (first defined at line 5, column 24)")
        expect(onlyError(text("\u{EB}", lineEnd: "\r\n")), line: 6, column: 23, path: "tenant.users[1].id",
               "(first defined at line 5, column 23)")
    }
}
