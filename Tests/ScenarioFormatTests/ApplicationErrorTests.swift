import Testing
@testable import ScenarioFormat
import TenantModel

/// Errors in `tenant.applications` and `tenant.servicePrincipals`, and service principals named
/// where only users and groups may stand; each with its line, column and key path.
@Suite struct ApplicationErrorTests {
    @Test func duplicateIdsAcrossEveryKind() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - id: alice
              groups:
                - id: admins
              applications:
                - id: alice
                - id: app1
              servicePrincipals:
                - id: admins
                - id: app1
            """)
        #expect(found.count == 3, "\(found.map(\.description))")
        guard found.count == 3 else { return }
        expect(found[0], line: 9, column: 11, path: "tenant.applications[0].id",
               "duplicate id 'alice' (first defined at line 5, column 11); ids are unique across users, groups, applications and service principals")
        expect(found[1], line: 12, column: 11, path: "tenant.servicePrincipals[0].id", "duplicate id 'admins' (first defined at line 7, column 11)")
        expect(found[2], line: 13, column: 11, path: "tenant.servicePrincipals[1].id", "duplicate id 'app1' (first defined at line 10, column 11)")
    }

    @Test func unknownReferencesWithDidYouMean() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users:
                - id: alice
              groups:
                - {id: tier0, roleAssignable: true}
              applications:
                - {id: payroll-app, owners: [alcie]}
              servicePrincipals:
                - id: payroll-sp
                  application: payrol-app
                  owners: [alice, payroll-sp]
                  roles: [Helpdesk Admin, Global Adminstrator]
                  memberOf: [tier-0, alice]
            """)
        #expect(found.count == 7, "\(found.map(\.description))")
        guard found.count == 7 else { return }
        let sp = "tenant.servicePrincipals[0]"
        expect(found[0], line: 9, column: 34, path: "tenant.applications[0].owners[0]", "unknown user 'alcie'; did you mean 'alice'?")
        expect(found[1], line: 12, column: 20, path: "\(sp).application", "unknown application 'payrol-app'; did you mean 'payroll-app'?")
        expect(found[2], line: 13, column: 23, path: "\(sp).owners[1]", "service principal 'payroll-sp' cannot own itself")
        expect(found[3], line: 14, column: 15, path: "\(sp).roles[0]", "unknown role 'Helpdesk Admin'; did you mean 'Helpdesk Administrator'?")
        expect(found[4], line: 14, column: 31, path: "\(sp).roles[1]", "unknown role 'Global Adminstrator'; did you mean 'Global Administrator'?")
        expect(found[5], line: 15, column: 18, path: "\(sp).memberOf[0]", "unknown group 'tier-0'; did you mean 'tier0'?")
        expect(found[6], line: 15, column: 26, path: "\(sp).memberOf[1]", "'alice' is a user; a group id is expected here")
    }

    @Test func unknownApplicationWithoutAnyApplications() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              servicePrincipals:
                - {id: sp, application: payroll}
            """)
        expect(error, line: 5, column: 29, path: "tenant.servicePrincipals[0].application",
               "unknown application 'payroll'; define it under tenant.applications")
    }

    @Test func oneServicePrincipalPerApplication() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users: [{id: alice}]
              applications: [{id: app}]
              servicePrincipals:
                - {id: sp1, application: app}
                - {id: sp2, application: app}
                - {id: sp3, application: sp1}
                - {id: sp4, application: alice}
            """)
        #expect(found.count == 3, "\(found.map(\.description))")
        guard found.count == 3 else { return }
        let expected = "is expected here"
        expect(found[0], line: 8, column: 30, path: "tenant.servicePrincipals[1].application",
               "application 'app' already has a service principal, 'sp1' (line 7, column 30); an application has one service principal per tenant")
        expect(found[1], line: 9, column: 30, path: "tenant.servicePrincipals[2].application",
               "'sp1' is a service principal; an application id (from tenant.applications) \(expected)")
        expect(found[2], line: 10, column: 30, path: "tenant.servicePrincipals[3].application", "'alice' is a user; an application id")
    }

    /// PIM for Groups access is for users; a service principal names its groups under `memberOf`.
    @Test func groupAccessIsNotARoleOfAServicePrincipal() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              groups: [{id: tier0}]
              servicePrincipals:
                - {id: sp, roles: [tier0, tier0 (owner), Global Administrator]}
            """)
        #expect(found.count == 2, "\(found.map(\.description))")
        guard found.count == 2 else { return }
        let message = "is PIM for Groups access, not a directory role; PIM for Groups is for users: a service principal joins groups through 'memberOf', for the whole run"
        expect(found[0], line: 6, column: 24, path: "tenant.servicePrincipals[0].roles[0]", "'tier0' \(message)")
        expect(found[1], line: 6, column: 31, path: "tenant.servicePrincipals[0].roles[1]", "'tier0 (owner)' \(message)")
    }

    @Test func malformedPermissionNamesAreErrors() {
        let result = load("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              servicePrincipals:
                - id: sp
                  appPermissions:
                    - RoleManagement.ReadWrite.Directory
                    - ReadWrite All
                    - User..All
                    - 42
            """)
        #expect(!result.hasScenario)
        let found = result.diagnostics
        #expect(found.count == 3, "\(found.map(\.description))")
        guard found.count == 3 else { return }
        let path = "tenant.servicePrincipals[0].appPermissions"
        let expected = "(expected words joined by dots, such as 'RoleManagement.ReadWrite.Directory')"
        expect(found[0], line: 8, column: 11, path: "\(path)[1]", "'ReadWrite All' is not a Microsoft Graph permission name", expected)
        expect(found[1], line: 9, column: 11, path: "\(path)[2]", "'User..All' is not a Microsoft Graph permission name", expected)
        expect(found[2], line: 10, column: 11, path: "\(path)[3]", "'42' is not a Microsoft Graph permission name", expected)
    }

    @Test func shapeErrors() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              applications: {id: app}
              servicePrincipals:
                - name: No id
                - id: sp
                  appPermission: [Group.Read.All]
                  roles: {Global Administrator: true}
            """)
        #expect(found.count == 4, "\(found.map(\.description))")
        guard found.count == 4 else { return }
        expect(found[0], line: 4, column: 17, path: "tenant.applications", "expected a list of applications, got a map")
        expect(found[1], line: 6, column: 7, path: "tenant.servicePrincipals[0]", "missing required key 'id' (a unique id)")
        expect(found[2], line: 8, column: 7, path: "tenant.servicePrincipals[1].appPermission",
               "unknown key 'appPermission'; did you mean 'appPermissions'?")
        expect(found[3], line: 9, column: 14, path: "tenant.servicePrincipals[1].roles",
               "expected a list of role names or template ids, got a map")
    }

    /// Every place a user or group stands turns a service principal away, saying how it holds roles.
    @Test func servicePrincipalsAreNotAssignmentPrincipals() {
        let found = errors(in: """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              users: [{id: alice}]
              groups: [{id: tier0, members: [payroll-sp]}]
              applications: [{id: payroll-app}]
              servicePrincipals: [{id: payroll-sp, application: payroll-app}]
            policies:
              roles:
                Global Administrator: {activation: {requireApproval: true, approvers: [payroll-sp]}}
            assignments:
              - {principal: payroll-sp, role: Global Administrator, type: active}
              - {principal: payroll-app, role: Global Administrator, type: active}
              - {principal: payroll-sp, group: tier0, type: eligible}
            events:
              - {at: 1d, assign: {principal: payroll-sp, role: Exchange Administrator, type: active}}
              - {at: 2d, remove: {principal: payroll-sp, role: Exchange Administrator}}
              - {at: 3d, leave: payroll-sp}
            """)
        #expect(found.count == 8, "\(found.map(\.description))")
        guard found.count == 8 else { return }
        let standing = "'payroll-sp' is a service principal; assignments are for users and groups: a service principal holds roles through 'tenant.servicePrincipals[].roles', standing for the whole run, since PIM does not activate roles for service principals"
        expect(found[0], line: 5, column: 34, path: "tenant.groups[0].members[0]", "'payroll-sp' is a service principal; a user id is expected here")
        expect(found[1], line: 10, column: 76, path: #"policies.roles["Global Administrator"].activation.approvers[0]"#,
               "'payroll-sp' is a service principal; a user or group id is expected here")
        expect(found[2], line: 12, column: 17, path: "assignments[0].principal", standing)
        expect(found[3], line: 13, column: 17, path: "assignments[1].principal",
               "'payroll-app' is an application; an application holds no roles or memberships itself: give them to its service principal under 'tenant.servicePrincipals'")
        expect(found[4], line: 14, column: 17, path: "assignments[2].principal",
               "'payroll-sp' is a service principal; PIM for Groups is for users: a service principal joins groups through 'tenant.servicePrincipals[].memberOf', for the whole run")
        expect(found[5], line: 16, column: 34, path: "events[0].assign.principal", standing)
        expect(found[6], line: 17, column: 34, path: "events[1].remove.principal", standing)
        expect(found[7], line: 18, column: 21, path: "events[2].leave", "'payroll-sp' is a service principal; a user id is expected here")
    }

    @Test func conversionsCannotExceptAServicePrincipal() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant:
              servicePrincipals: [{id: automation-sp, roles: [Global Administrator]}]
            variants:
              jit:
                convert: {activeToEligible: {except: [automation-sp]}}
            """)
        expect(error, line: 7, column: 43, path: "variants.jit.convert.activeToEligible.except[0]",
               "'automation-sp' is a service principal; assignments are for users and groups")
    }
}
