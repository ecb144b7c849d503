import Testing
@testable import ScenarioFormat
import TenantModel

/// The contract's Entra rules on assignments: at least 5 minutes long, and an administrative
/// unit's scope only for the roles Entra lets be scoped there.
@Suite("Entra's assignment rules: 5-minute minimum, administrative-unit scopes")
struct EntraRuleErrorTests {
    static let head = """
        start: 2026-03-02T00:00:00Z
        horizon: 30d
        tenant:
          users: [{id: alice}, {id: bob}]
          groups: [{id: ops, roleAssignable: true}]
          roles:
            - {name: Profile Editor, permissions: [microsoft.directory/users/basic/update]}
            - {name: App Secret Writer, permissions: [microsoft.directory/applications/credentials/update]}

        """

    // MARK: Five minutes

    @Test("an assignment of 4m59s is refused at its end key; 5m exactly is accepted")
    func shorterThanFiveMinutes() {
        let error = onlyError(Self.head + """
            assignments:
              - {principal: alice, role: Global Administrator, type: active, start: 1d, end: 1d4m59s}
            """)
        // '  - {principal: alice, role: Global Administrator, type: active, start: 1d, end: 1d4m59s}'
        expect(error, line: 10, column: 82, path: "assignments[0].end", "lasts 4m59s", "shorter than 5 minutes")
        let exactly = scenario(Self.head + """
            assignments:
              - {principal: alice, role: Global Administrator, type: active, start: 1d, end: 1d5m}
            """)
        let end: Seconds? = exactly?.assignments.first?.end
        #expect(end == 86_700)
    }

    @Test("a too-short duration is refused at its duration key, eligible or active")
    func shortDuration() {
        let error = onlyError(Self.head + """
            assignments:
              - {principal: ops, role: Exchange Administrator, type: eligible, duration: 90s}
            """)
        expect(error, line: 10, column: 78, path: "assignments[0].duration", "lasts 1m30s", "5 minutes")
    }

    @Test("a zero-length assignment is an error now, not a warning")
    func zeroLength() {
        let error = onlyError(Self.head + """
            assignments:
              - {principal: alice, role: Exchange Administrator, type: eligible, start: 2d, end: 2d}
            """)
        expect(error, line: 10, column: 86, path: "assignments[0].end", "lasts 0s")
    }

    @Test("an assign event is held to the same minimum, from its written start")
    func assignEvent() {
        let error = onlyError(Self.head + """
            events:
              - {at: 3d, assign: {principal: bob, role: Exchange Administrator, type: active, duration: 2m}}
            """)
        expect(error, line: 10, column: 93, path: "events[0].assign.duration", "lasts 2m")
        let fromWrittenStart = onlyError(Self.head + """
            events:
              - {at: 3d, assign: {principal: bob, role: Exchange Administrator, type: active, start: 3d, end: 3d1m}}
            """)
        expect(fromWrittenStart, line: 10, column: 99, path: "events[0].assign.end", "lasts 1m")
    }

    @Test("an assignment started before the scenario is measured from its own start")
    func startedBeforeTheScenario() {
        let model = scenario(Self.head + """
            assignments:
              - {principal: alice, role: Global Administrator, type: active, start: 2026-03-01T23:58:00Z, end: 3m}
            """)
        #expect(model?.assignments.first?.start == -120)
        #expect(model?.assignments.first?.end == 180)
    }

    // MARK: Administrative units

    @Test("Global Administrator at an administrative unit is an error at its scope key", arguments: [
        "Global Administrator", "Privileged Role Administrator", "Security Administrator", "62e90394-69f5-4237-9190-012177145e10",
    ])
    func tenantWideRoles(role: String) {
        let error = onlyError(Self.head + """
            assignments:
              - {principal: alice, type: eligible, scope: /administrativeUnits/emea, role: \(role)}
            """)
        // '  - {principal: alice, type: eligible, scope: /administrativeUnits/emea, role: ...}'
        expect(error, line: 10, column: 47, path: "assignments[0].scope",
               "cannot be assigned at administrative unit scope '/administrativeUnits/emea'", "use scope '/'")
    }

    @Test("every role Microsoft lists is accepted at an administrative unit", arguments: [
        "Authentication Administrator", "Cloud Device Administrator", "Groups Administrator", "Helpdesk Administrator",
        "License Administrator", "Password Administrator", "Printer Administrator", "Privileged Authentication Administrator",
        "SharePoint Administrator", "Teams Administrator", "Teams Devices Administrator", "User Administrator",
    ])
    func unitRoles(role: String) {
        let model = scenario(Self.head + """
            assignments:
              - {principal: ops, role: \(role), type: active, scope: /administrativeUnits/emea}
            """)
        #expect(model?.assignments.first?.scope == "/administrativeUnits/emea")
        #expect(RoleCatalogue.builtIn.role(role)?.administrativeUnitScope == true)
    }

    @Test("the catalogue marks exactly the twelve roles Microsoft lists")
    func catalogueCount() {
        #expect(RoleCatalogue.builtIn.roles.filter(\.administrativeUnitScope).count == 12)
        #expect(RoleCatalogue.builtIn.role("Global Administrator")?.administrativeUnitScope == false)
    }

    @Test("a custom role may be scoped to a unit only with a permission on users, groups or devices")
    func customRoles() {
        #expect(scenario(Self.head + """
            assignments:
              - {principal: bob, role: Profile Editor, type: eligible, scope: /administrativeUnits/emea}
            """) != nil)
        let error = onlyError(Self.head + """
            assignments:
              - {principal: bob, role: App Secret Writer, type: eligible, scope: /administrativeUnits/emea}
            """)
        expect(error, line: 10, column: 70, path: "assignments[0].scope", "App Secret Writer", "users, groups or devices")
    }

    @Test("PIM for Groups access takes no directory scope")
    func groupAccess() {
        let error = onlyError(Self.head + """
            assignments:
              - {principal: bob, group: ops, access: member, type: eligible, scope: /administrativeUnits/emea}
            """)
        expect(error, line: 10, column: 73, path: "assignments[0].scope", "PIM for Groups", "no directory scope")
    }

    @Test("other scopes are not administrative units and are not checked")
    func otherScopes() {
        let model = scenario(Self.head + """
            assignments:
              - {principal: alice, role: Global Administrator, type: active, scope: /}
              - {principal: bob, role: Application Administrator, type: active, scope: /0ef3-app-object}
            """)
        #expect(model?.assignments.map(\.scope) == ["/", "/0ef3-app-object"])
    }
}
