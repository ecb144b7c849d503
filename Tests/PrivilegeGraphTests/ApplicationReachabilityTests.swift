import PrivilegeGraph
import Testing
import TestSupport

/// Applications and service principals: ownership, credentials and Graph application permissions.
@Suite("Reachability through applications and service principals")
struct ApplicationReachabilityTests {
    static let tenant = header() + """
    tenant:
      users: [{id: olivia}, {id: arjun}, {id: hybrid}, {id: member}]
      groups:
        - {id: t0, roleAssignable: true, members: [member]}
        - {id: staff, members: [olivia]}
      applications:
        - {id: payroll-app, owners: [olivia]}
      servicePrincipals:
        - {id: payroll-sp, application: payroll-app, appPermissions: [RoleManagement.ReadWrite.Directory]}
        - {id: granter, appPermissions: [AppRoleAssignment.ReadWrite.All]}
        - {id: app-writer, appPermissions: [Application.ReadWrite.All]}
        - {id: groups-sp, appPermissions: [Group.ReadWrite.All], memberOf: [staff]}
        - {id: ga-sp, roles: [Global Administrator]}
        - {id: in-t0, memberOf: [t0]}
    assignments:
      - {principal: t0, role: Global Administrator, type: active}
      - {principal: arjun, role: Application Administrator, type: eligible}
      - {principal: hybrid, role: Hybrid Identity Administrator, type: active}
    """

    @Test("Owner -> application -> service principal -> any role: 3 steps, live")
    func ownerOfApplication() throws {
        let reach = try Reach(Self.tenant)
        #expect(try reach.steps("payroll-sp") == 1)
        #expect(try reach.path("payroll-sp") == [.grantRole, .controls])
        #expect(try reach.steps("olivia") == 3)
        #expect(try reach.path("olivia") == [.owns, .runsAs, .grantRole, .controls])
        #expect(try reach.isLive("olivia"))
    }

    @Test("Application Administrator adds a secret; Hybrid Identity Administrator adds an owner")
    func roleHolders() throws {
        let reach = try Reach(Self.tenant)
        #expect(try reach.steps("arjun") == 3)
        #expect(try reach.path("arjun") == [.eligible, .addSecret, .grantRole, .controls])
        #expect(try !reach.isLive("arjun"))
        #expect(try reach.steps("hybrid") == 3)
        #expect(try reach.path("hybrid") == [.standing, .addOwner, .grantRole, .controls])
    }

    @Test("Graph permissions: grant app roles, write applications; Group.ReadWrite.All stops at role-assignable groups")
    func graphPermissions() throws {
        let reach = try Reach(Self.tenant)
        #expect(try reach.steps("granter") == 1)
        #expect(try reach.path("granter") == [.grantAppRoles, .controls])
        #expect(try reach.steps("app-writer") == 2)
        #expect(try reach.path("app-writer") == [.addSecret, .grantRole, .controls])
        #expect(try reach.steps("groups-sp") == nil)
    }

    @Test("A service principal holding Global Administrator, and one in the role-assignable group")
    func servicePrincipalHolders() throws {
        let reach = try Reach(Self.tenant)
        #expect(try reach.steps("ga-sp") == 1)
        #expect(try reach.path("ga-sp") == [.standing, .controls])
        #expect(try reach.steps("in-t0") == 2)
        #expect(try reach.path("in-t0") == [.memberOf, .standing, .controls])
        #expect(reach.reaching == [
            "sp:payroll-sp", "sp:granter", "sp:app-writer", "sp:ga-sp", "sp:in-t0",
            "user:olivia", "user:arjun", "user:hybrid", "user:member",
        ])
    }
}
