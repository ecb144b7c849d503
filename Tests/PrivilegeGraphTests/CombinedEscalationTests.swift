import ExposureMetrics
import PIMEngine
import PrivilegeGraph
import RunPipeline
import Testing
import TestSupport

/// Dynamic groups, certificate-based authentication and service principals as owners.
@Suite("Dynamic groups, certificate sign-in and workload owners")
struct CombinedEscalationTests {
    /// eng-dyn is dynamic (department Engineering) and an eligible member of t0, which holds
    /// Global Administrator.
    static let dynamicGroup = header() + """
    tenant:
      users:
        - {id: member}
        - {id: eng1, attributes: {department: Engineering}}
        - {id: sales1, attributes: {department: Sales}}
        - {id: dw}
        - {id: groups}
        - {id: helpdesk}
      servicePrincipals:
        - {id: hr-sync, appPermissions: [User.ReadWrite.All]}
      groups:
        - {id: t0, roleAssignable: true, members: [member]}
        - {id: eng-dyn, membershipRule: 'user.department -eq "Engineering"'}
    assignments:
      - {principal: t0, role: Global Administrator, type: active}
      - {principal: eng-dyn, group: t0, access: member, type: eligible}
      - {principal: dw, role: Directory Writers, type: active}
      - {principal: groups, role: Groups Administrator, type: active}
      - {principal: helpdesk, role: Helpdesk Administrator, type: active}
    """

    @Test("A dynamic group's rule decides its members; its members reach through it")
    func dynamicGroupMembers() throws {
        let reach = try Reach(Self.dynamicGroup)
        #expect(reach.state.scenario.tenant.groups[1].members.map { reach.state.scenario.tenant[$0].id } == ["eng1"])
        #expect(try reach.steps("eng1") == 3)
        #expect(try reach.steps("sales1") == nil)
    }

    @Test("An attribute writer joins the dynamic group: Directory Writers -> write attributes -> eng-dyn -> t0")
    func attributeWriteIntoDynamicGroup() throws {
        let reach = try Reach(Self.dynamicGroup)
        #expect(try reach.steps("dw") == 4)
        #expect(try reach.path("dw") == [.standing, .writeAttributes, .eligibleMember, .standing, .controls])
    }

    @Test("Nobody adds members to a dynamic group by hand; Helpdesk writes no attributes (it resets a member instead)")
    func noManualMembers() throws {
        let reach = try Reach(Self.dynamicGroup)
        #expect(try reach.steps("groups") == nil)
        // A service principal writes attributes but has no account of its own to move into the group.
        #expect(try reach.steps("hr-sync") == nil)
        // eng1 is in no role-assignable group, so nothing protects it from Helpdesk.
        #expect(try reach.path("helpdesk") == [.standing, .resetPassword, .memberOf, .eligibleMember, .standing, .controls])
    }

    @Test("A dynamic group cannot be role-assignable, nor take members by an event")
    func dynamicGroupErrors() {
        let text = header() + """
        tenant:
          users: [{id: a}]
          groups:
            - {id: g, roleAssignable: true, membershipRule: 'user.department -eq "IT"'}
            - {id: h, membershipRule: 'user.department -eq'}
            - {id: k, membershipRule: 'user.department -eq "IT"'}
        events:
          - {at: 1h, membership: {group: k, add: [a]}}
        """
        do {
            _ = try makeScenario(text)
            Issue.record("the scenario should be refused")
        } catch {
            let description = String(describing: error)
            #expect(description.contains("test.yaml:6:53: error: tenant.groups[0].membershipRule: group 'g' is role-assignable"))
            #expect(description.contains("membership rule 'user.department -eq': the rule ends where a quoted value or null is expected (at character 20)"))
            #expect(description.contains("group 'k' is dynamic: its membership rule decides its members"))
        }
    }

    /// pki-sp can add a trusted certificate authority; apa can enable certificate-based
    /// authentication. Neither alone reaches Tier 0.
    static func certificate(enabled: Bool = false, apa: Bool = true) -> String {
        header() + """
        tenant:
          users: [{id: ga}, {id: apa}]
          servicePrincipals:
            - {id: pki-sp, appPermissions: [Organization.ReadWrite.All]}
          certificateBasedAuthentication: \(enabled)
        assignments:
          - {principal: ga, role: Global Administrator, type: active}
        \(apa ? "  - {principal: apa, role: Authentication Policy Administrator, type: eligible}" : "")
        """
    }

    @Test("A trusted authority and certificate authentication, held apart, combine into a sign-in as the Global Administrator")
    func certificateCombination() throws {
        let reach = try Reach(Self.certificate())
        #expect(try reach.steps("pki-sp") == nil)
        #expect(try reach.steps("apa") == nil)
        let combination = try reach.node("combination:sp:pki-sp+role:Authentication Policy Administrator")
        #expect(reach.potential.steps(from: combination) == 2)
        #expect(reach.potential.path(from: combination).map(\.kind) == [.signInWithCertificate, .standing, .controls])
        let listing = GraphPictures.pathListing(reach.state)
        #expect(listing.contains("sp:pki-sp (add a trusted certificate authority) + role:Authentication Policy Administrator (enable certificate-based authentication) held by user:apa"))
        let graph = PrivilegeGraph.build(state: reach.state, catalogue: reach.catalogue)
        #expect(graph.links.contains { $0.kind == .combines && $0.from == "sp:pki-sp" })
        #expect(graph.links.contains { $0.kind == .signInWithCertificate && $0.to == "user:ga" })
    }

    @Test("A service principal that both adds a trusted authority and enables the method signs in alone")
    func certificateSingleSource() throws {
        let reach = try Reach(header() + """
        tenant:
          users: [{id: ga}]
          servicePrincipals:
            - {id: both-sp, appPermissions: [Organization.ReadWrite.All, Policy.ReadWrite.AuthenticationMethod]}
            - {id: policy-sp, appPermissions: [Policy.ReadWrite.AuthenticationMethod]}
        assignments:
          - {principal: ga, role: Global Administrator, type: active}
        """)
        #expect(try reach.path("both-sp") == [.signInWithCertificate, .standing, .controls])
        // Enabling the method without a trusted authority of one's own opens nothing alone.
        #expect(try reach.steps("policy-sp") == nil)
        #expect(reach.state.node(named: "combination:sp:both-sp+sp:policy-sp") == nil)
    }

    @Test("The Tier-0 metrics count a combination's hours: apa's eligibility ends at 30 h")
    func combinationMetrics() throws {
        let scenario = try makeScenario(Self.certificate().replacingOccurrences(of: "type: eligible}", with: "type: eligible, end: 30h}"))
        let fold = PIMReplay.run(scenario, seed: 1, sink: Tier0Fold(scenario: scenario)).sink
        let figures = try #require(fold.metrics.combinations["combination:sp:pki-sp+role:Authentication Policy Administrator"])
        #expect(figures.reachableSeconds == h(30))
        #expect(figures.minSteps == 2)
        #expect(figures.firstReachable == 0)
        // Neither part is counted as a principal that reaches Tier 0: only ga.
        #expect(fold.metrics.effective.max == 1)
    }

    @Test("No combination while nobody holds the enabling role; with certificate authentication already on, the authority alone suffices")
    func certificateAlone() throws {
        let nobody = try Reach(Self.certificate(apa: false))
        #expect(!nobody.potential.reaches(try nobody.node("combination:sp:pki-sp+role:Authentication Policy Administrator")))
        let enabled = try Reach(Self.certificate(enabled: true))
        #expect(try enabled.steps("pki-sp") == 2)
        #expect(try enabled.path("pki-sp") == [.signInWithCertificate, .standing, .controls])
        #expect(enabled.state.node(named: "combination:sp:pki-sp+role:Authentication Policy Administrator") == nil)
    }

    /// deployer owns payroll-app; with Application.ReadWrite.OwnedBy it adds a credential to it.
    static func owners(_ permission: String) -> String {
        header() + """
        tenant:
          users: [{id: ga}]
          applications:
            - {id: payroll-app, owners: [deployer]}
          servicePrincipals:
            - {id: payroll-sp, application: payroll-app, appPermissions: [RoleManagement.ReadWrite.Directory]}
            - {id: deployer, appPermissions: [\(permission)]}
        assignments:
          - {principal: ga, role: Global Administrator, type: active}
        """
    }

    @Test("A service principal with Application.ReadWrite.OwnedBy takes over the application it owns; without it, not")
    func servicePrincipalOwner() throws {
        let owner = try Reach(Self.owners("Application.ReadWrite.OwnedBy"))
        #expect(try owner.steps("deployer") == 3)
        #expect(try owner.path("deployer") == [.owns, .runsAs, .grantRole, .controls])
        let inert = try Reach(Self.owners("User.Read.All"))
        #expect(try inert.steps("deployer") == nil)
    }

    /// ci-sp's secret leaks at 1d for 6 h: it may write every application (Application.ReadWrite.All),
    /// so it adds a credential to payroll-app, whose service principal may assign any role.
    static let foothold = header(horizon: "3d") + """
    tenant:
      users: [{id: ga}]
      applications: [{id: payroll-app}]
      servicePrincipals:
        - {id: payroll-sp, application: payroll-app, appPermissions: [RoleManagement.ReadWrite.Directory]}
        - {id: ci-sp, appPermissions: [Application.ReadWrite.All]}
        - {id: ga-sp, roles: [Global Administrator]}
    assignments:
      - {principal: ga, role: Global Administrator, type: active}
    events:
      - {at: 1d, compromise: {servicePrincipal: ci-sp, duration: 6h}}
      - {at: 2d, compromise: {servicePrincipal: ga-sp, duration: 2h}}
    """

    @Test("A leaked service principal secret is the attacker's foothold: Tier 0 reached through what it may write")
    func servicePrincipalFoothold() throws {
        let scenario = try makeScenario(Self.foothold)
        let fold = PIMReplay.run(scenario, seed: 1, sink: Tier0Fold(scenario: scenario)).sink
        // ci-sp: 6 h from 1d (live: no eligibility on the way); ga-sp: 2 h from 2d.
        #expect(fold.metrics.attackerReachableSeconds == h(8))
        #expect(fold.metrics.attackerLiveSeconds == h(8))
        #expect(fold.metrics.attackerFirstReachable == h(24))
        let attacker = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink.attacker.metrics
        #expect(attacker.compromises == 2)
        #expect(attacker.rolesReached == ["Global Administrator"])
        #expect(attacker.timeToTier0 == 0)
        #expect(attacker.privilegedSeconds == h(2))
    }

    @Test("A service principal compromise names a service principal and takes no attacker credentials")
    func footholdErrors() {
        let text = header() + """
        tenant:
          users: [{id: a}]
          servicePrincipals: [{id: ci-sp}]
        events:
          - {at: 1h, compromise: {servicePrincipal: ci-spp, duration: 1h}}
          - {at: 1h, compromise: {servicePrincipal: ci-sp, duration: 1h, attacker: {has: [token]}}}
        """
        #expect(throws: (any Error).self) { try makeScenario(text) }
        let description = (try? makeScenario(text)).map { _ in "" } ?? String(describing: Result { try makeScenario(text) })
        #expect(description.contains("unknown service principal 'ci-spp'; did you mean 'ci-sp'?"))
        #expect(description.contains("'attacker' applies to users only") || description.contains("attacker"))
    }

    /// arjun is eligible for Application Administrator scoped to one application (BloodHound's
    /// AZScopedTo): payroll-app, whose service principal may assign any role, or notes-app.
    static func appScoped(_ target: String) -> String {
        header() + """
        tenant:
          users: [{id: ga}, {id: arjun}]
          applications: [{id: payroll-app}, {id: notes-app}]
          servicePrincipals:
            - {id: payroll-sp, application: payroll-app, appPermissions: [RoleManagement.ReadWrite.Directory]}
        assignments:
          - {principal: ga, role: Global Administrator, type: active}
          - {principal: arjun, role: Application Administrator, type: eligible, scope: /\(target)}
        """
    }

    @Test("An Application Administrator scoped to one application adds a secret to it alone")
    func applicationScope() throws {
        let scoped = try Reach(Self.appScoped("payroll-app"))
        #expect(try scoped.steps("arjun") == 4)
        #expect(try scoped.path("arjun") == [.eligible, .addSecret, .runsAs, .grantRole, .controls])
        #expect(scoped.potential.path(from: try scoped.node("arjun")).first?.to == scoped.state.node(named: "scopedRole:Application Administrator@payroll-app"))
        let elsewhere = try Reach(Self.appScoped("notes-app"))
        #expect(try elsewhere.steps("arjun") == nil)
    }
}
