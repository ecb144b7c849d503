import PrivilegeGraph
import Testing
import TestSupport

/// Each escalation rule on a hand-built tenant, with the steps and liveness worked out by hand.
/// Steps count edges to Global Administrator: holding it (or being eligible) is 1 step.
@Suite("Reachability per escalation rule")
struct ReachabilityTests {
    @Test("Standing and eligible Global Administrators; approvers do not reach through approval")
    func directGlobalAdministrators() throws {
        let reach = try Reach(header() + """
        tenant:
          users: [{id: ga}, {id: jit}, {id: approver}, {id: nobody}]
        policies:
          roles:
            Global Administrator: {activation: {requireMFA: true, requireApproval: true, approvers: [approver]}}
        assignments:
          - {principal: ga, role: Global Administrator, type: active}
          - {principal: jit, role: Global Administrator, type: eligible}
        """)
        #expect(try reach.steps("ga") == 1)
        #expect(try reach.isLive("ga"))
        #expect(try reach.steps("jit") == 1)
        #expect(try !reach.isLive("jit"))
        #expect(try reach.path("jit") == [.eligible, .controls])
        let gates = reach.potential.gates(from: try reach.node("jit"))
        #expect(gates.contains(.mfa) && gates.contains(.approval))
        #expect(try reach.steps("approver") == nil)
        #expect(reach.reaching == ["user:ga", "user:jit"])
    }

    @Test("Privileged Role Administrator grants any role: 2 steps")
    func privilegedRoleAdministrator() throws {
        let reach = try Reach(header() + """
        tenant:
          users: [{id: pra}, {id: jit}]
        assignments:
          - {principal: pra, role: Privileged Role Administrator, type: active}
          - {principal: jit, role: Privileged Role Administrator, type: eligible}
        """)
        #expect(try reach.steps("pra") == 2)
        #expect(try reach.path("pra") == [.standing, .grantRole, .controls])
        #expect(try reach.isLive("pra"))
        #expect(try reach.steps("jit") == 2)
        #expect(try !reach.isLive("jit"))
    }

    @Test("Privileged Authentication Administrator resets a Global Administrator's methods: 3 steps")
    func privilegedAuthenticationAdministrator() throws {
        let reach = try Reach(header() + """
        tenant:
          users: [{id: paa}, {id: ga}]
        assignments:
          - {principal: paa, role: Privileged Authentication Administrator, type: active}
          - {principal: ga, role: Global Administrator, type: active}
        """)
        #expect(try reach.steps("paa") == 3)
        #expect(try reach.path("paa") == [.standing, .resetAuthentication, .standing, .controls])
        #expect(try reach.isLive("paa"))
    }

    @Test("Helpdesk resets an eligible PIM for Groups member (unprotected), never a member of the role-assignable group")
    func helpdeskAndProtection() throws {
        let reach = try Reach(tierZeroGroup(users: "{id: hd}, {id: target}, {id: member}", assignments: """
          - {principal: target, group: t0, access: member, type: eligible}
          - {principal: hd, role: Helpdesk Administrator, type: active}
        """))
        #expect(try reach.steps("member") == 2)
        #expect(try reach.isLive("member"))
        #expect(try reach.steps("target") == 2)
        #expect(try !reach.isLive("target"))
        // hd -> Helpdesk Administrator -> target -> t0 -> Global Administrator.
        #expect(try reach.steps("hd") == 4)
        #expect(try reach.path("hd") == [.standing, .resetPassword, .eligibleMember, .standing, .controls])
        // Live: resetting target gives a password, but target's membership is only eligible.
        #expect(try !reach.isLive("hd"))
        // Helpdesk has no reset edge into the static member of the role-assignable group (only
        // the roles that reach everyone do: GA, PAA, Partner Tier2).
        let into = reach.state.edges(into: try reach.node("member"), catalogue: reach.catalogue)
        let resetters = into.filter { $0.kind == .resetPassword || $0.kind == .resetAuthentication }.map { reach.state.key(of: $0.from) }
        #expect(resetters == [
            "role:Global Administrator", "role:Partner Tier2 Support", "role:Privileged Authentication Administrator",
        ])
    }

    @Test("A directly assigned admin role protects from Helpdesk; an allowed reader role does not")
    func helpdeskMatrixInATenant() throws {
        let protected = try Reach(tierZeroGroup(users: "{id: hd}, {id: target}, {id: member}", assignments: """
          - {principal: target, group: t0, access: member, type: eligible}
          - {principal: target, role: Security Administrator, type: eligible}
          - {principal: hd, role: Helpdesk Administrator, type: active}
        """))
        #expect(try protected.steps("hd") == nil)
        let reader = try Reach(tierZeroGroup(users: "{id: hd}, {id: target}, {id: member}", assignments: """
          - {principal: target, group: t0, access: member, type: eligible}
          - {principal: target, role: Reports Reader, type: active}
          - {principal: hd, role: Helpdesk Administrator, type: eligible}
        """))
        #expect(try reader.steps("hd") == 4)
    }

    @Test("An owner of a role-assignable group is protected like a member")
    func ownersProtected() throws {
        let reach = try Reach(header() + """
        tenant:
          users: [{id: hd}, {id: owner}]
          groups:
            - {id: t0, roleAssignable: true, owners: [owner]}
        assignments:
          - {principal: t0, role: Global Administrator, type: active}
          - {principal: hd, role: Helpdesk Administrator, type: active}
        """)
        #expect(try reach.steps("owner") == 2)
        #expect(try reach.steps("hd") == nil)
    }

    @Test("User Administrator resets a Helpdesk Administrator; Password Administrator may not")
    func userAdministrator() throws {
        let reach = try Reach(tierZeroGroup(users: "{id: ua}, {id: pa}, {id: target}, {id: member}", assignments: """
          - {principal: target, group: t0, access: member, type: eligible}
          - {principal: target, role: Helpdesk Administrator, type: active}
          - {principal: ua, role: User Administrator, type: active}
          - {principal: pa, role: Password Administrator, type: active}
        """))
        #expect(try reach.steps("ua") == 4)
        #expect(try reach.steps("pa") == nil)
    }

    @Test("Add members: Privileged Role Administrator into role-assignable groups, Groups Administrator not")
    func addMembers() throws {
        let reach = try Reach(tierZeroGroup(users: "{id: groups}, {id: pra}, {id: member}", assignments: """
          - {principal: groups, role: Groups Administrator, type: active}
          - {principal: pra, role: Privileged Role Administrator, type: active}
        """))
        let into = reach.state.edges(into: try reach.node("t0"), catalogue: reach.catalogue)
        let adders = into.filter { $0.kind == .addMembers }.map { reach.state.key(of: $0.from) }
        #expect(adders.contains("role:Privileged Role Administrator"))
        #expect(adders.contains("role:Global Administrator"))
        #expect(!adders.contains("role:Groups Administrator"))
        #expect(try reach.steps("groups") == nil)
        #expect(try reach.steps("pra") == 2)
    }

    @Test("Scoped assignments give no tenant-wide capability")
    func scopedAssignments() throws {
        let reach = try Reach(tierZeroGroup(users: "{id: hd}, {id: target}, {id: member}", assignments: """
          - {principal: target, group: t0, access: member, type: eligible}
          - {principal: hd, role: Helpdesk Administrator, type: active, scope: /administrativeUnits/sales}
        """))
        #expect(try reach.steps("hd") == nil)
    }
}
