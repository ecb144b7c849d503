import Reports
import RunPipeline
import TenantExport
import Testing
import TestSupport

/// The bundle of `ExportFixtures` at 09:45, object by object. Ids were computed by hand with
/// Python's hashlib (SHA-256 of `pimsim:<kind>:<id>`, version 5 layout); schedule ids carry the
/// engine's numbers, so schedules are compared without `id` and their instances by link.
@Suite("Graph bundle: the state at a moment as Graph collections")
struct GraphBundleTests {
    static let alice = "cf567356-c3fa-51cb-b690-3f65e3176242", bob = "2e8bed16-bd44-5036-bf54-ea633e55c482"
    static let carol = "f9747f1c-da60-5b2b-8a7b-abf5eb4c6824", dan = "395d4c24-ee39-53e0-8c2e-1d574169e516"
    static let erin = "9fddb5fe-f121-4709-8c1d-5c6a1f99f50d", ops = "4726db36-154c-552b-ab60-d4aadf7f5e88"
    static let resetter = "a544a050-6043-5d3d-aec9-c9b9a592a9bd"
    static let globalAdministrator = "62e90394-69f5-4237-9190-012177145e10", userAdministrator = "fe930be7-5e62-47db-91af-98c3a49a38b1"
    static let helpdeskAdministrator = "729827e3-9c14-49f7-bb1b-9608f156bbb8"

    static func bundle(at time: Int64 = 9 * 3600 + 45 * 60) throws -> JSONValue {
        let snapshot = try ExportFixtures.snapshot(at: time)
        return GraphBundle(snapshot: snapshot, ids: ExportFixtures.identities(snapshot)).document()
    }

    static func withoutId(_ value: JSONValue) -> JSONValue {
        guard case .object(var members) = value else { return value }
        members["id"] = nil
        return .object(members)
    }

    static func user(_ id: String) -> JSONValue {
        .object(["@odata.type": .string("#microsoft.graph.user"), "id": .string(id)])
    }

    static func schedule(_ principal: String, _ role: String, type: String?, start: String, end: String?) -> JSONValue {
        var object: [String: JSONValue] = [
            "principalId": .string(principal), "roleDefinitionId": .string(role), "directoryScopeId": .string("/"),
            "memberType": .string("Direct"), "status": .string("Provisioned"),
            "scheduleInfo": .object([
                "startDateTime": .string(start),
                "expiration": end.map { .object(["type": .string("afterDateTime"), "endDateTime": .string($0)]) } ?? .object(["type": .string("noExpiration")]),
            ]),
        ]
        if let type { object["assignmentType"] = .string(type) }
        return .object(object)
    }

    @Test("users: names, principal names, accountEnabled and manager; sorted by id")
    func users() throws {
        func user(_ id: String, _ name: String, _ upn: String, manager: String? = nil) -> JSONValue {
            var object: [String: JSONValue] = ["id": .string(id), "displayName": .string(name), "userPrincipalName": .string(upn), "accountEnabled": .bool(true)]
            if let manager { object["manager"] = Self.user(manager) }
            return .object(object)
        }
        #expect(try Self.bundle().collection("users") == [
            user(Self.bob, "Bob Jones", "bob@pimsim.invalid"),
            user(Self.dan, "dan", "dan@pimsim.invalid"),
            user(Self.erin, "Erin Guid", ExportFixtures.erin + "@pimsim.invalid"),
            user(Self.alice, "Alice Smith", "alice@pimsim.invalid", manager: Self.carol),
            user(Self.carol, "Carol White", "carol@pimsim.invalid"),
        ])
    }

    @Test("groups and role definitions: members, owners, built-in ids are template ids, custom permissions")
    func groupsAndRoles() throws {
        let bundle = try Self.bundle()
        #expect(bundle.collection("groups") == [.object([
            "id": .string(Self.ops), "displayName": .string("Ops admins"), "isAssignableToRole": .bool(true), "securityEnabled": .bool(true),
            "members": .array([Self.user(Self.bob)]), "owners": .array([Self.user(Self.carol)]),
        ])])
        func role(_ id: String, _ name: String, builtIn: Bool, permissions: [String] = []) -> JSONValue {
            .object([
                "id": .string(id), "templateId": .string(id), "displayName": .string(name), "isBuiltIn": .bool(builtIn), "isEnabled": .bool(true),
                "rolePermissions": .array(builtIn ? [] : [.object(["allowedResourceActions": .array(permissions.map(JSONValue.string))])]),
            ])
        }
        #expect(bundle.collection("roleDefinitions") == [
            role(Self.globalAdministrator, "Global Administrator", builtIn: true),
            role(Self.helpdeskAdministrator, "Helpdesk Administrator", builtIn: true),
            role(Self.resetter, "Password Resetter", builtIn: false, permissions: ["microsoft.directory/users/password/update"]),
            role(Self.userAdministrator, "User Administrator", builtIn: true),
        ])
        #expect(bundle.collection("servicePrincipals") == [] && bundle.collection("applications") == [])
    }

    @Test("schedules: eligible, standing (time-bound and permanent), activated, PIM for Groups; instances linked")
    func schedules() throws {
        let bundle = try Self.bundle()
        #expect(bundle.collection("roleEligibilitySchedules").map(Self.withoutId) == [
            Self.schedule(Self.alice, Self.globalAdministrator, type: nil, start: "2026-03-02T00:00:00Z", end: nil),
        ])
        let assignments = Set(bundle.collection("roleAssignmentSchedules").map { Self.withoutId($0).renderedCompact() })
        #expect(assignments == Set([
            Self.schedule(Self.bob, Self.userAdministrator, type: "Assigned", start: "2026-03-02T00:00:00Z", end: "2026-03-03T00:00:00Z"),
            Self.schedule(Self.ops, Self.helpdeskAdministrator, type: "Assigned", start: "2026-03-02T00:00:00Z", end: nil),
            Self.schedule(Self.erin, Self.resetter, type: "Assigned", start: "2026-03-02T00:00:00Z", end: nil),
            // Alice asked at 09:00; Carol approved 30 minutes later; 1 hour.
            Self.schedule(Self.alice, Self.globalAdministrator, type: "Activated", start: "2026-03-02T09:30:00Z", end: "2026-03-02T10:30:00Z"),
        ].map { $0.renderedCompact() }))
        // One instance per schedule, with the same principal, role and times.
        for (schedules, instances, link) in [("roleEligibilitySchedules", "roleEligibilityScheduleInstances", "roleEligibilityScheduleId"),
                                             ("roleAssignmentSchedules", "roleAssignmentScheduleInstances", "roleAssignmentScheduleId")] {
            let byId = Dictionary(uniqueKeysWithValues: bundle.collection(schedules).map { ($0.string("id") ?? "", $0) })
            #expect(bundle.collection(instances).count == byId.count)
            for instance in bundle.collection(instances) {
                let schedule = try #require(byId[instance.string(link) ?? ""])
                #expect(instance.string("principalId") == schedule.string("principalId"))
                #expect(instance.string("startDateTime") == schedule.value(at: ["scheduleInfo", "startDateTime"]).flatMap { if case .string(let s) = $0 { s } else { nil } })
                let end = schedule.value(at: ["scheduleInfo", "expiration", "endDateTime"]) ?? .null
                #expect(instance.value(at: ["endDateTime"]) == end)
            }
        }
        func groupSchedule(type: String?, start: String, end: String?) -> JSONValue {
            var object: [String: JSONValue] = [
                "principalId": .string(Self.dan), "groupId": .string(Self.ops), "accessId": .string("member"),
                "memberType": .string("Direct"), "status": .string("Provisioned"),
                "scheduleInfo": .object([
                    "startDateTime": .string(start),
                    "expiration": end.map { .object(["type": .string("afterDateTime"), "endDateTime": .string($0)]) } ?? .object(["type": .string("noExpiration")]),
                ]),
            ]
            if let type { object["assignmentType"] = .string(type) }
            return .object(object)
        }
        #expect(bundle.collection("privilegedAccessGroupEligibilitySchedules").map(Self.withoutId) == [
            groupSchedule(type: nil, start: "2026-03-02T00:00:00Z", end: nil),
        ])
        // Dan activated his membership at 09:00 for 2 hours (no approval for the group).
        #expect(bundle.collection("privilegedAccessGroupAssignmentSchedules").map(Self.withoutId) == [
            groupSchedule(type: "Activated", start: "2026-03-02T09:00:00Z", end: "2026-03-02T11:00:00Z"),
        ])
    }

    @Test("after the activations and bob's assignment end, only the permanent standing assignments remain")
    func later() throws {
        let bundle = try Self.bundle(at: 86_400 + 1800)
        let principals = bundle.collection("roleAssignmentSchedules").compactMap { $0.string("principalId") }
        #expect(principals.sorted() == [Self.ops, Self.erin].sorted())
        #expect(bundle.collection("privilegedAccessGroupAssignmentSchedules") == [])
        #expect(bundle.collection("roleEligibilitySchedules").count == 1)
    }

    @Test("an assignment of the scenario that starts later is a schedule without an instance")
    func pending() throws {
        let scenario = try makeScenario(header() + """
        tenant:
          users: [{id: alice}]
        assignments:
          - {principal: alice, role: Global Administrator, type: eligible, start: 1d, end: 1d12h}
        """)
        let snapshot = GraphPictures.replay(RunPlan(scenario: scenario), into: ExportSink(scenario: scenario, at: 3600)).result
        let bundle = GraphBundle(snapshot: snapshot, ids: ExportIdentities(scenario: scenario)).document()
        #expect(bundle.collection("roleEligibilitySchedules").map(Self.withoutId) == [
            Self.schedule(Self.alice, Self.globalAdministrator, type: nil, start: "2026-03-03T00:00:00Z", end: "2026-03-03T12:00:00Z"),
        ])
        #expect(bundle.collection("roleEligibilityScheduleInstances") == [])
    }

    @Test("policies: the settings in effect as the 17 rules, one policy per role and per PIM for Groups group")
    func policies() throws {
        let bundle = try Self.bundle()
        let tenant = "50a74cff-026f-4c84-aa8f-f5f8d837115f"
        let assignments = bundle.collection("roleManagementPolicyAssignments")
        #expect(assignments.compactMap { $0.string("roleDefinitionId") }.sorted()
            == [Self.resetter, Self.globalAdministrator, Self.userAdministrator, Self.helpdeskAdministrator, "member"].sorted())
        let global = try #require(assignments.first { $0.string("roleDefinitionId") == Self.globalAdministrator })
        let policyId = try #require(global.string("policyId"))
        #expect(policyId.hasPrefix("DirectoryRole_\(tenant)_"))
        #expect(global.string("id") == policyId + "_" + Self.globalAdministrator)
        let group = try #require(assignments.first { $0.string("roleDefinitionId") == "member" })
        #expect(group.string("scopeId") == Self.ops && group.string("scopeType") == "Group")

        let policy = try #require(bundle.collection("roleManagementPolicies").first { $0.string("id") == policyId })
        #expect(policy.string("scopeId") == "/" && policy.string("scopeType") == "DirectoryRole")
        guard case .array(let rules)? = policy.value(at: ["rules"]) else { Issue.record("no rules"); return }
        let byId = Dictionary(uniqueKeysWithValues: rules.map { ($0.string("id") ?? "", $0) })
        #expect(byId.count == 17)
        #expect(byId.keys.filter { $0.hasPrefix("Notification_") }.count == 9)
        #expect(byId["Expiration_EndUser_Assignment"]?.value(at: ["maximumDuration"]) == .string("PT2H"))
        #expect(byId["Expiration_EndUser_Assignment"]?.value(at: ["@odata.type"]) == .string("#microsoft.graph.unifiedRoleManagementPolicyExpirationRule"))
        #expect(byId["Expiration_EndUser_Assignment"]?.value(at: ["target", "caller"]) == .string("EndUser"))
        #expect(byId["Enablement_EndUser_Assignment"]?.value(at: ["enabledRules"]) == .array([.string("MultiFactorAuthentication"), .string("Justification")]))
        #expect(byId["Approval_EndUser_Assignment"]?.value(at: ["setting", "isApprovalRequired"]) == .bool(true))
        #expect(byId["Approval_EndUser_Assignment"]?.value(at: ["setting", "approvalStages"]) == .array([.object([
            "approvalStageTimeOutInDays": .integer(1), "isApproverJustificationRequired": .bool(true), "escalationTimeInMinutes": .integer(0),
            "isEscalationEnabled": .bool(false), "escalationApprovers": .array([]),
            "primaryApprovers": .array([.object(["@odata.type": .string("#microsoft.graph.singleUser"), "userId": .string(Self.carol)])]),
        ])]))
        // The defaults (Entra's examples): permanent eligible allowed up to 365 days, active 180 days.
        #expect(byId["Expiration_Admin_Eligibility"]?.value(at: ["isExpirationRequired"]) == .bool(false))
        #expect(byId["Expiration_Admin_Eligibility"]?.value(at: ["maximumDuration"]) == .string("P365D"))
        #expect(byId["Expiration_Admin_Assignment"]?.value(at: ["maximumDuration"]) == .string("P180D"))
        #expect(byId["AuthenticationContext_EndUser_Assignment"]?.value(at: ["isEnabled"]) == .bool(false))
        #expect(byId["AuthenticationContext_EndUser_Assignment"]?.value(at: ["claimValue"]) == .null)

        let userAdministrator = try #require(bundle.collection("roleManagementPolicies").first {
            $0.string("id") == assignments.first { $0.string("roleDefinitionId") == Self.userAdministrator }?.string("policyId")
        })
        guard case .array(let defaults)? = userAdministrator.value(at: ["rules"]) else { Issue.record("no rules"); return }
        let defaultRules = Dictionary(uniqueKeysWithValues: defaults.map { ($0.string("id") ?? "", $0) })
        #expect(defaultRules["Expiration_EndUser_Assignment"]?.value(at: ["maximumDuration"]) == .string("PT8H"))
        #expect(defaultRules["Approval_EndUser_Assignment"]?.value(at: ["setting", "approvalMode"]) == .string("NoApproval"))
    }

    @Test("deterministic: two replays render the same bytes; every collection sorted by id")
    func deterministic() throws {
        let first = try Self.bundle().rendered(), second = try Self.bundle().rendered()
        #expect(first == second)
        let bundle = try Self.bundle()
        guard case .object(let collections) = bundle else { Issue.record("not an object"); return }
        #expect(collections.count == 13)
        for name in collections.keys {
            let ids = bundle.collection(name).compactMap { $0.string("id") }
            #expect(ids == ids.sorted(), "\(name) is not sorted by id")
        }
    }
}
