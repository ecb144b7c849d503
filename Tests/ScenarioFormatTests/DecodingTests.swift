import Testing
@testable import ScenarioFormat
import TenantModel

/// A valid scenario using every core key, and the model it lowers to.
@Suite struct DecodingTests {
    static let march2: Int64 = 1_772_409_600
    static let day: Int64 = 86_400
    static let customBase = RoleCatalogue.builtIn.roles.count

    static let full = """
        scenario: full-example
        description: Everything the core offers.
        start: 2026-03-02T00:00:00Z
        horizon: 30d
        seed: 42
        tenant:
          users:
            - id: alice
              name: Alice Smith
              manager: carol
            - id: bob
            - id: carol
            - id: breakglass1
              breakGlass: true
            - generate: {count: 12, prefix: staff}
          groups:
            - id: tier0-admins
              roleAssignable: true
              members: [bob, staff03]
              owners: [carol]
            - id: readers
          roles:
            - name: Custom Password Resetter
              permissions:
                - microsoft.directory/users/password/update
            - name: Custom Profile Editor
              permissions:
                - microsoft.directory/users/basic/update
        policies:
          default:
            activation:
              maxDuration: 4h
              requireTicket: true
          roles:
            Global Administrator:
              activation: {requireApproval: true, approvers: [carol, tier0-admins]}
            Exchange Administrator:
              eligibleAssignment: {allowPermanent: false, maxDuration: 90d}
        assignments:
          - principal: alice
            role: Global Administrator
            type: active
          - principal: breakglass1
            role: 62e90394-69f5-4237-9190-012177145e10
            type: active
            start: 2026-02-01T00:00:00Z
          - principal: tier0-admins
            role: Privileged Authentication Administrator
            type: eligible
            scope: /administrativeUnits/emea
            start: 1d
            duration: 14d
          - principal: bob
            role: Custom Password Resetter
            type: eligible
            end: permanent
          - principal: staff12
            role: Custom Profile Editor
            type: eligible
            start: 2d
            end: 2026-03-10T00:00:00Z
        workload:
          - at: 1d9h
            activate: {user: bob, role: Custom Password Resetter, duration: 1h}
          - at: 2026-03-05T12:00:00+02:00
            activate: {user: staff03, role: Privileged Authentication Administrator, duration: PT30M}
        behaviour:
          approvers:
            responseTime: 45m
            approveRate: 0.75
          deactivateEarly: 0.25
        events:
          - at: 20d
            leave: alice
          - at: 12d
            membership: {group: tier0-admins, add: [staff01], remove: [bob]}
          - at: 10d
            assign: {principal: carol, role: Exchange Administrator, type: active}
          - at: 15d
            remove: {principal: carol, role: Exchange Administrator, type: active}
          - at: 16d
            assign: {principal: bob, role: Exchange Administrator, type: eligible, start: 17d, duration: 1w}
        variants:
          strict-jit:
            description: No standing GA.
            patch:
              policies: {default: {activation: {maxDuration: 1h}}}
            convert: {activeToEligible: {roles: [Global Administrator], except: [breakglass1]}}
        assertions:
          - metric: standingAdmins.max
            max: 2
          - variant: strict-jit
            metric: globalAdmins.max
            between: [1, 3]
        """

    @Test func topLevelAndTenant() throws {
        let result = load(Self.full)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let model = try #require(result.scenario)
        #expect(model.name == "full-example")
        #expect(model.description == "Everything the core offers.")
        #expect(model.startEpoch == Self.march2)
        #expect(model.horizon == 30 * Self.day)
        #expect(model.seed == 42)

        let ids = model.tenant.users.map(\.id)
        #expect(ids == ["alice", "bob", "carol", "breakglass1"] + (1...12).map { $0 < 10 ? "staff0\($0)" : "staff\($0)" })
        #expect(ids[4] == "staff01" && ids[15] == "staff12")
        #expect(model.tenant.users[0].name == "Alice Smith")
        #expect(model.tenant.users[0].manager == UserIndex(2))
        #expect(model.tenant.users[3].breakGlass)
        #expect(!model.tenant.users[1].breakGlass)
        #expect(model.tenant.groups == [
            Group(id: "tier0-admins", roleAssignable: true, members: [UserIndex(1), UserIndex(6)], owners: [UserIndex(2)]),
            Group(id: "readers"),
        ])
    }

    @Test func generatedIdsArePaddedToTheCountsWidth() throws {
        func ids(_ count: Int) throws -> [String] {
            let model = try #require(scenario("""
                start: 2026-03-02T00:00:00Z
                horizon: 1d
                tenant: {users: [{generate: {count: \(count), prefix: u}}]}
                """))
            return model.tenant.users.map(\.id)
        }
        #expect(try ids(9) == (1...9).map { "u\($0)" })
        #expect(try ids(10).first == "u01")
        #expect(try ids(200).prefix(2) == ["u001", "u002"])
        #expect(try ids(200).last == "u200")
    }

    @Test func customRolesAndRoleReferences() throws {
        let model = try #require(scenario(Self.full))
        let resetter = RoleIndex(Self.customBase), editor = RoleIndex(Self.customBase + 1)
        #expect(model.roles.count == Self.customBase + 2)
        var expectedResetter = RoleDefinition(
            name: "Custom Password Resetter", templateId: nil, privileged: true, builtIn: false,
            permissions: ["microsoft.directory/users/password/update"])
        // A permission on users: Entra lets the custom role be scoped to an administrative unit.
        expectedResetter.administrativeUnitScope = true
        #expect(model[resetter] == expectedResetter)
        #expect(model[editor].privileged == false)
        #expect(model[globalAdministrator].privileged)
        // By display name and by template id: the same role.
        #expect(model.assignments[0].role == globalAdministrator)
        #expect(model.assignments[1].role == globalAdministrator)
        #expect(model.referencedRoles.map { model[$0].name } == [
            "Custom Password Resetter", "Custom Profile Editor", "Exchange Administrator",
            "Global Administrator", "Privileged Authentication Administrator",
        ])
    }

    @Test func policiesMergeFieldByField() throws {
        let model = try #require(scenario(Self.full))
        var fallback = RolePolicy.defaults
        fallback.activation.maxDuration = 4 * 3_600
        fallback.activation.requireTicket = true
        #expect(model.policies.fallback == fallback)

        let ga = model.policies[globalAdministrator]
        #expect(ga.activation.maxDuration == 4 * 3_600)   // from default
        #expect(ga.activation.requireTicket)              // from default
        #expect(ga.activation.requireMFA)                 // built-in default
        #expect(ga.activation.requireApproval)            // the override
        #expect(ga.activation.approvers == [.user(UserIndex(2)), .group(GroupIndex(0))])
        #expect(ga.eligibleAssignment == RolePolicy.defaults.eligibleAssignment)

        let exchange = model.policies[builtInRole("Exchange Administrator")]
        #expect(exchange.activation == fallback.activation)
        #expect(exchange.eligibleAssignment == AssignmentRule(allowPermanent: false, maxDuration: 90 * Self.day))
        #expect(exchange.activeAssignment == RolePolicy.defaults.activeAssignment)
        #expect(model.policies[builtInRole("Privileged Authentication Administrator")] == fallback)
    }

    @Test func assignmentsRequestsAndBehaviour() throws {
        let model = try #require(scenario(Self.full))
        let day = Self.day, resetter = RoleIndex(Self.customBase), editor = RoleIndex(Self.customBase + 1)
        let paa = builtInRole("Privileged Authentication Administrator")
        #expect(model.assignments == [
            Assignment(principal: .user(UserIndex(0)), role: globalAdministrator, type: .active, origin: "assignments[0]"),
            // 2026-02-01 is 29 days before 2026-03-02 (February 2026 has 28 days).
            Assignment(principal: .user(UserIndex(3)), role: globalAdministrator, type: .active,
                       start: -29 * day, origin: "assignments[1]"),
            Assignment(principal: .group(GroupIndex(0)), role: paa, type: .eligible, scope: "/administrativeUnits/emea",
                       start: day, end: 15 * day, origin: "assignments[2]"),
            Assignment(principal: .user(UserIndex(1)), role: resetter, type: .eligible, end: nil, origin: "assignments[3]"),
            Assignment(principal: .user(UserIndex(15)), role: editor, type: .eligible,
                       start: 2 * day, end: 8 * day, origin: "assignments[4]"),
        ])
        var second = ActivationRequest(at: 3 * day + 10 * 3_600, user: UserIndex(6), role: paa, duration: 1_800, origin: "workload[1]")
        second.order = 1
        #expect(model.requests == [
            ActivationRequest(at: day + 9 * 3_600, user: UserIndex(1), role: resetter, duration: 3_600, origin: "workload[0]"),
            // 12:00+02:00 on 5 March is 10:00 UTC: 3 days 10 hours after start.
            second,
        ])
        #expect(model.behaviour == Behaviour(
            approvers: ApproverBehaviour(responseTime: .fixed(2_700), approveRate: 0.75), deactivateEarly: 0.25))
        #expect(model.variants == [VariantInfo(name: "strict-jit", description: "No standing GA.")])
        #expect(model.assertions == [
            MetricAssertion(metric: "standingAdmins.max", max: 2, origin: "assertions[0]"),
            MetricAssertion(variant: "strict-jit", metric: "globalAdmins.max", min: 1, max: 3, origin: "assertions[1]"),
        ])
    }

    @Test func eventsOfEachKind() throws {
        let model = try #require(scenario(Self.full))
        let day = Self.day, exchange = builtInRole("Exchange Administrator")
        #expect(model.events == [
            ScenarioEvent(at: 20 * day, action: .leave(UserIndex(0)), origin: "events[0]"),
            ScenarioEvent(at: 12 * day, action: .membership(group: GroupIndex(0), add: [UserIndex(4)], remove: [UserIndex(1)]),
                          origin: "events[1]"),
            // An `assign` event's start defaults to its `at`.
            ScenarioEvent(at: 10 * day, action: .assign(Assignment(
                principal: .user(UserIndex(2)), role: exchange, type: .active, start: 10 * day, origin: "events[2].assign")),
                origin: "events[2]"),
            ScenarioEvent(at: 15 * day, action: .remove(RemovalFilter(principal: .user(UserIndex(2)), role: exchange, type: .active)),
                          origin: "events[3]"),
            ScenarioEvent(at: 16 * day, action: .assign(Assignment(
                principal: .user(UserIndex(1)), role: exchange, type: .eligible, start: 17 * day, end: 24 * day,
                origin: "events[4].assign")), origin: "events[4]"),
        ])
    }

    @Test func defaultsWhenAbsent() throws {
        let model = try #require(scenario("""
            start: 2026-03-02
            horizon: 1w
            tenant: {}
            """, defaultName: "from-the-file-name"))
        #expect(model.name == "from-the-file-name")
        #expect(model.description == nil)
        #expect(model.seed == 1)
        #expect(model.horizon == 7 * Self.day)
        #expect(model.policies == PolicySet())
        #expect(model.policies[globalAdministrator].activation.maxDuration == 8 * 3_600)
        #expect(model.policies[globalAdministrator].activation.requireApproval == false)
        #expect(model.behaviour.approvers.responseTime == .fixed(1_200))
        #expect(model.behaviour.approvers.approveRate == 1)
        #expect(model.behaviour.deactivateEarly == 0)
        #expect(model.assignments.isEmpty && model.requests.isEmpty && model.events.isEmpty)
        #expect(model.variants.isEmpty && model.assertions.isEmpty && model.referencedRoles.isEmpty)
    }

    /// A role's settings merge over `default` wherever `default` stands in the file.
    @Test func overrideWrittenBeforeDefaultStillMergesOverIt() throws {
        let model = try #require(scenario("""
            start: 2026-03-02T00:00:00Z
            horizon: 1d
            tenant: {}
            policies:
              roles:
                Global Administrator: {activation: {requireApproval: true}}
              default: {activation: {maxDuration: 4h}, activeAssignment: {allowPermanent: false}}
            """))
        let ga = model.policies[globalAdministrator]
        #expect(ga.activation.maxDuration == 4 * 3_600 && ga.activation.requireApproval)
        #expect(ga.activeAssignment == AssignmentRule(allowPermanent: false, maxDuration: 180 * Self.day))
    }

    /// 30m and 24h are the inclusive bounds of the activation maximum.
    @Test(arguments: ["30m", "24h", "PT24H"])
    func activationMaxDurationBounds(text: String) throws {
        let model = try #require(scenario("""
            start: 2026-03-02T00:00:00Z
            horizon: 1d
            tenant: {}
            policies: {default: {activation: {maxDuration: \(text)}}}
            """))
        #expect([1_800, 86_400].contains(model.policies.fallback.activation.maxDuration))
    }
}
