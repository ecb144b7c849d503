import PIMEngine
import PrivilegeGraph
import RunPipeline
import Testing
import TestSupport

/// Administrative units: scoped resets reach only the unit's members; restricted units keep
/// tenant-wide resetters out; a dynamic unit lets an attribute writer and the unit's
/// administrator combine.
@Suite("Administrative units and dynamic membership")
struct UnitEscalationTests {
    /// dev owns an application whose service principal may assign any role, so whoever takes
    /// dev's account reaches Global Administrator: dev -owns-> app -runs as-> sp -grant-> GA.
    static func tenant(units: String, extraUsers: String = "", assignments: String, servicePrincipals: String = "") -> String {
        header() + """
        tenant:
          users:
            - {id: ga}
            - {id: hd}
            - {id: dev, attributes: {department: Finance}}
            - {id: other, attributes: {department: Engineering}}
        \(extraUsers)
          applications:
            - {id: payroll-app, owners: [dev]}
          servicePrincipals:
            - {id: payroll-sp, application: payroll-app, appPermissions: [RoleManagement.ReadWrite.Directory]}
        \(servicePrincipals)
          administrativeUnits:
        \(units)
        assignments:
          - {principal: ga, role: Global Administrator, type: active}
        \(assignments)
        """
    }

    static let scopedHelpdesk = "  - {principal: hd, role: Helpdesk Administrator, type: active, scope: /administrativeUnits/eng}"

    @Test("A Helpdesk Administrator scoped to a unit resets its member: 5 steps through the scoped role")
    func scopedResetOpens() throws {
        let reach = try Reach(Self.tenant(units: "    - {id: eng, members: [dev]}", assignments: Self.scopedHelpdesk))
        #expect(try reach.steps("hd") == 5)
        #expect(try reach.path("hd") == [.standing, .resetPassword, .owns, .runsAs, .grantRole, .controls])
        #expect(reach.potential.path(from: try reach.node("hd")).first?.to == reach.state.node(named: "scopedRole:Helpdesk Administrator@eng"))
        #expect(try reach.isLive("hd"))
    }

    @Test("The same scoped Helpdesk Administrator does not reach a user outside the unit")
    func scopedResetStopsAtTheUnit() throws {
        let reach = try Reach(Self.tenant(units: "    - {id: eng, members: [other]}", assignments: Self.scopedHelpdesk))
        #expect(try reach.steps("hd") == nil)
        #expect(try reach.steps("dev") == 3)
    }

    @Test("A restricted-management unit keeps tenant-wide resetters out; its own scoped administrator still resets")
    func restrictedUnit() throws {
        let tenantWide = "  - {principal: hd, role: Helpdesk Administrator, type: active}"
        let reach = try Reach(Self.tenant(units: "    - {id: eng, members: [dev], restricted: true}", assignments: tenantWide))
        #expect(try reach.steps("hd") == nil)
        let open = try Reach(Self.tenant(units: "    - {id: eng, members: [dev]}", assignments: tenantWide))
        #expect(try open.steps("hd") == 5)
        let scoped = try Reach(Self.tenant(units: "    - {id: eng, members: [dev], restricted: true}", assignments: Self.scopedHelpdesk))
        #expect(try scoped.steps("hd") == 5)
    }

    @Test("A user holding a role scoped to a restricted unit is protected like a role-assignable group's member")
    func restrictedScopeProtects() throws {
        // dev also holds Password Administrator at the unit's scope: Helpdesk may reset a Password
        // Administrator, but not one scoped to a restricted unit.
        let assignments = """
          - {principal: hd, role: Helpdesk Administrator, type: active}
          - {principal: dev, role: Password Administrator, type: eligible, scope: /administrativeUnits/vault}
        """
        let restricted = try Reach(Self.tenant(units: "    - {id: vault, members: [other], restricted: true}", assignments: assignments))
        #expect(try restricted.steps("hd") == nil)
        let open = try Reach(Self.tenant(units: "    - {id: vault, members: [other]}", assignments: assignments))
        #expect(try open.steps("hd") == 5)
    }

    @Test("A dynamic unit: its rule decides its members")
    func dynamicMembers() throws {
        let scenario = try makeScenario(Self.tenant(units: "    - {id: eng, membershipRule: 'user.department -eq \"engineering\"'}", assignments: ""))
        #expect(scenario.tenant.administrativeUnits[0].members.map { scenario.tenant[$0].id } == ["other"])
    }

    /// hr-sync writes user attributes (User.ReadWrite.All) but resets nobody; hd resets only the
    /// dynamic unit eng (department Engineering). Together they move dev into eng and reset it.
    static let combined = tenant(
        units: "    - {id: eng, membershipRule: 'user.department -eq \"Engineering\"'}",
        assignments: scopedHelpdesk,
        servicePrincipals: "    - {id: hr-sync, appPermissions: [User.ReadWrite.All]}"
    )

    @Test("An attribute writer and a dynamic unit's administrator combine: the combination resets dev")
    func dynamicUnitCombination() throws {
        let reach = try Reach(Self.combined)
        #expect(try reach.steps("hd") == nil)
        #expect(try reach.steps("hr-sync") == nil)
        let combination = try reach.node("combination:sp:hr-sync+scopedRole:Helpdesk Administrator@eng")
        #expect(reach.potential.steps(from: combination) == 4)
        #expect(reach.potential.path(from: combination).map(\.kind) == [.resetPassword, .owns, .runsAs, .grantRole, .controls])
        #expect(reach.state.label(of: combination).contains("write user attributes"))
        let listing = GraphPictures.pathListing(reach.state)
        #expect(listing.contains("combination:sp:hr-sync+scopedRole:Helpdesk Administrator@eng\t4 steps\tcombined\tsp:hr-sync (write user attributes) + scopedRole:Helpdesk Administrator@eng (reset the unit's members) held by user:hd"))
    }

    @Test("No combination where the unit is static, or where the target sits in a restricted unit")
    func noCombination() throws {
        let writer = "    - {id: hr-sync, appPermissions: [User.ReadWrite.All]}"
        let staticUnit = try Reach(Self.tenant(units: "    - {id: eng, members: [other]}", assignments: Self.scopedHelpdesk, servicePrincipals: writer))
        #expect(staticUnit.state.node(named: "combination:sp:hr-sync+scopedRole:Helpdesk Administrator@eng") == nil)
        let guarded = try Reach(Self.tenant(
            units: "    - {id: eng, membershipRule: 'user.department -eq \"Engineering\"'}\n    - {id: vault, members: [dev], restricted: true}",
            assignments: Self.scopedHelpdesk, servicePrincipals: writer))
        let combination = try guarded.node("combination:sp:hr-sync+scopedRole:Helpdesk Administrator@eng")
        #expect(!guarded.potential.reaches(combination))
    }

    @Test("An activation at a unit's scope makes the path live only while it lasts (the fold searches again)")
    func scopedActivationOverTime() throws {
        let scenario = try makeScenario(Self.tenant(
            units: "    - {id: eng, members: [dev]}",
            assignments: "  - {principal: hd, role: Helpdesk Administrator, type: eligible, scope: /administrativeUnits/eng}"
        ) + """

        policies:
          roles:
            Helpdesk Administrator: {activation: {requireMFA: false, requireJustification: false}}
        workload:
          - {at: 6h, activate: {user: hd, role: Helpdesk Administrator, duration: 2h}}
        """)
        let fold = PIMReplay.run(scenario, seed: 1, sink: Tier0Fold(scenario: scenario)).sink
        let hd = try #require(fold.state.node(named: "hd"))
        let figures = try #require(fold.metrics.principals[hd])
        #expect(figures.reachableSeconds == h(48))
        #expect(figures.liveSeconds == h(2))
        #expect(figures.minSteps == 5)
    }
}
