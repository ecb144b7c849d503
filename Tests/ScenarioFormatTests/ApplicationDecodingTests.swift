import Testing
@testable import ScenarioFormat
import TenantModel

/// `tenant.applications` and `tenant.servicePrincipals`: what a valid file lowers to, the
/// permission warnings that still let it run, and variants that patch service principals.
@Suite struct ApplicationDecodingTests {
    static let customRole = RoleIndex(RoleCatalogue.builtIn.roles.count)

    static let valid = """
        start: 2026-03-02T00:00:00Z
        horizon: 14d
        tenant:
          users:
            - {id: alice}
            - {id: bob}
            - {id: carol}
          groups:
            - {id: tier0, roleAssignable: true, members: [alice]}
            - {id: readers}
          roles:
            - name: Custom Secret Rotator
              permissions: [microsoft.directory/applications/credentials/update]
          applications:
            - id: payroll-app
              name: Payroll
              owners: [bob, carol, bob]
            - {id: orphan-app}
          servicePrincipals:
            - id: payroll-sp
              name: Payroll (enterprise app)
              application: payroll-app
              owners: carol
              roles: [62E90394-69F5-4237-9190-012177145E10, Custom Secret Rotator, Global Administrator]
              appPermissions: [RoleManagement.ReadWrite.Directory, Group.ReadWrite.All, Mail.Read, Group.ReadWrite.All]
              memberOf: [readers, tier0]
            - id: sync-sp
              roles: Helpdesk Administrator
              appPermissions: GroupMember.ReadWrite.All
            - {id: bare-sp}
        assignments:
          - {principal: alice, role: Exchange Administrator, type: eligible}
        """

    @Test func applicationsDecodeWithOwnersInOrderWithoutRepeats() throws {
        let result = load(Self.valid)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let model = try #require(result.scenario)
        #expect(model.tenant.applications == [
            Application(id: "payroll-app", name: "Payroll", owners: [UserIndex(1), UserIndex(2)]),
            Application(id: "orphan-app"),
        ])
        #expect(model.tenant.applications[1].displayName == "orphan-app")
    }

    @Test func servicePrincipalsResolveEveryReference() throws {
        let model = try #require(scenario(Self.valid))
        #expect(model.tenant.servicePrincipals == [
            // The template id in capitals and the display name are one role, listed once.
            ServicePrincipal(
                id: "payroll-sp", name: "Payroll (enterprise app)", application: 0, owners: [UserIndex(2)],
                roles: [globalAdministrator, Self.customRole],
                appPermissions: ["RoleManagement.ReadWrite.Directory", "Group.ReadWrite.All", "Mail.Read"],
                memberOf: [GroupIndex(1), GroupIndex(0)]
            ),
            // Single values stand for one-element lists.
            ServicePrincipal(id: "sync-sp", roles: [builtInRole("Helpdesk Administrator")], appPermissions: ["GroupMember.ReadWrite.All"]),
            ServicePrincipal(id: "bare-sp"),
        ])
        // Users and groups are as before: a service principal's memberOf does not touch `members`.
        #expect(model.tenant.groups[0].members == [UserIndex(0)])
        #expect(model.tenant.groups[1].members.isEmpty)
    }

    /// Roles held by service principals are not "mentioned" roles: metrics.json reports human holders.
    @Test func servicePrincipalRolesAreNotReferencedRoles() throws {
        let model = try #require(scenario(Self.valid))
        #expect(model.referencedRoles.map { model[$0].name } == ["Custom Secret Rotator", "Exchange Administrator"])
    }

    @Test func aTenantWithoutThemHasNone() throws {
        let model = try #require(scenario("""
            start: 2026-03-02T00:00:00Z
            horizon: 1d
            tenant: {users: [{id: alice}], applications: [], servicePrincipals: []}
            """))
        #expect(model.tenant.applications.isEmpty)
        #expect(model.tenant.servicePrincipals.isEmpty)
    }

    /// An unknown permission is a warning naming the nearest known one; the file still runs and
    /// keeps the name as written, in order.
    @Test func unknownPermissionIsAWarningAndIsKept() throws {
        let result = load("""
            start: 2026-03-02T00:00:00Z
            horizon: 1d
            tenant:
              servicePrincipals:
                - id: backup-sp
                  appPermissions: [Sites.Read.All, Group.ReadWrite.Al, Contoso.Payroll.Export]
            """)
        let model = try #require(result.scenario)
        #expect(model.tenant.servicePrincipals[0].appPermissions == ["Sites.Read.All", "Group.ReadWrite.Al", "Contoso.Payroll.Export"])
        let found = result.diagnostics
        #expect(found.count == 2, "\(found.map(\.description))")
        guard found.count == 2 else { return }
        // '      appPermissions: [Sites.Read.All, Group.ReadWrite.Al, Contoso.Payroll.Export]'
        expect(found[0], line: 6, column: 40, path: "tenant.servicePrincipals[0].appPermissions[1]",
               "unknown Microsoft Graph application permission 'Group.ReadWrite.Al'; did you mean 'Group.ReadWrite.All'?",
               "kept as written", severity: .warning)
        expect(found[1], line: 6, column: 60, path: "tenant.servicePrincipals[0].appPermissions[2]",
               "unknown Microsoft Graph application permission 'Contoso.Payroll.Export' (kept as written",
               severity: .warning)
        #expect(!found[1].message.contains("did you mean"))
    }

    @Test func delegatedPermissionIsAWarning() throws {
        let result = load("""
            start: 2026-03-02T00:00:00Z
            horizon: 1d
            tenant:
              servicePrincipals:
                - {id: legacy-sp, appPermissions: [Directory.AccessAsUser.All]}
            """)
        #expect(result.hasScenario)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.description))")
        expect(result.diagnostics.first, line: 5, column: 40, path: "tenant.servicePrincipals[0].appPermissions[0]",
               "'Directory.AccessAsUser.All' is a delegated permission", severity: .warning)
    }

    @Test func knownPermissionsIncludeTheEscalatingOnes() {
        #expect(GraphPermission.escalating.isSubset(of: GraphPermission.known))
        #expect(GraphPermission.escalating.count == 7)
        #expect(GraphPermission.known.isDisjoint(with: GraphPermission.delegatedOnly))
        #expect(GraphPermission.known.allSatisfy(GraphPermission.isWellFormed))
        for name in ["Mail.Read", "User-LifeCycleInfo.ReadWrite.All", "eDiscovery.Read.All", "Sites.Selected"] {
            #expect(GraphPermission.isWellFormed(name), "\(name)")
        }
        for name in ["Mail", "Mail.", ".Read", "User..All", "User.Read All", "User-.Read", "User--X.Read", "1Mail.Read", "Mail.Read-"] {
            #expect(!GraphPermission.isWellFormed(name), "\(name)")
        }
    }

    static let variants = """
        start: 2026-03-02T00:00:00Z
        horizon: 30d
        tenant:
          users: [{id: alice}]
          groups: [{id: readers}]
          servicePrincipals:
            - {id: automation-sp, appPermissions: [RoleManagement.ReadWrite.Directory], roles: [Global Administrator]}
            - {id: reporting-sp, appPermissions: [Reports.Read.All]}
        variants:
          least-privilege:
            patch:
              tenant:
                servicePrincipals:
                  - {id: automation-sp, appPermissions: [Group.Read.All], memberOf: [readers]}
          typo:
            patch:
              tenant: {servicePrincipals: [{id: automation-sp, memberOf: [reader]}]}
        """

    @Test func variantReplacesTheServicePrincipalList() throws {
        let base = try #require(scenario(Self.variants))
        #expect(base.tenant.servicePrincipals.map(\.id) == ["automation-sp", "reporting-sp"])
        let model = try #require(scenario(Self.variants, variant: "least-privilege"))
        #expect(model.tenant.servicePrincipals == [
            ServicePrincipal(id: "automation-sp", appPermissions: ["Group.Read.All"], memberOf: [GroupIndex(0)]),
        ])
        // The rest of the tenant map is merged, not replaced.
        #expect(model.tenant.users.map(\.id) == ["alice"])
        #expect(model.tenant.groups.map(\.id) == ["readers"])
    }

    @Test func errorsInAServicePrincipalPatchPointIntoThePatch() {
        #expect(load(Self.variants).diagnostics.isEmpty)
        // '      tenant: {servicePrincipals: [{id: automation-sp, memberOf: [reader]}]}'
        let error = onlyError(Self.variants, variant: "typo")
        expect(error, line: 17, column: 67, path: "tenant.servicePrincipals[0].memberOf[0]",
               "unknown group 'reader'; did you mean 'readers'?")
    }
}
