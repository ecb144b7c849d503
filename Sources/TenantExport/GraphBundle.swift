import PrivilegeGraph
import Reports
import TenantModel

/// The simulated state at one moment as a Graph-shaped bundle: one JSON object whose members are
/// the collections of docs/import-export.md, each `{"value": [...]}` with Graph v1.0's property
/// names, every array sorted by `id`.
public struct GraphBundle {
    /// The state exported.
    public let snapshot: ExportSnapshot
    /// The objects' Graph ids.
    public let ids: ExportIdentities

    /// Prepares the export of `snapshot` with `ids`.
    public init(snapshot: ExportSnapshot, ids: ExportIdentities) {
        self.snapshot = snapshot
        self.ids = ids
    }

    /// The whole bundle.
    public func document() -> JSONValue {
        let schedules = roleSchedules()
        let groupSchedules = groupAccessSchedules()
        var collections: [String: [JSONValue]] = [
            "users": users(),
            "groups": groups(),
            "roleDefinitions": roleDefinitions(),
            "servicePrincipals": servicePrincipals(),
            "applications": applications(),
            "roleEligibilitySchedules": schedules.eligibility,
            "roleEligibilityScheduleInstances": schedules.eligibilityInstances,
            "roleAssignmentSchedules": schedules.assignment,
            "roleAssignmentScheduleInstances": schedules.assignmentInstances,
            "privilegedAccessGroupEligibilitySchedules": groupSchedules.eligibility,
            "privilegedAccessGroupAssignmentSchedules": groupSchedules.assignment,
        ]
        let policies = policyCollections()
        collections["roleManagementPolicies"] = policies.policies
        collections["roleManagementPolicyAssignments"] = policies.assignments
        return .object(collections.mapValues { .object(["value": .array(Self.sortedById($0))]) })
    }

    /// An ISO 8601 time of the scenario.
    func timestamp(_ seconds: Int64) -> JSONValue {
        .string(ExportTime.timestamp(seconds, startEpoch: snapshot.scenario.startEpoch))
    }

    /// Objects sorted by their `id` member (then by their rendering, for equal ids).
    static func sortedById(_ objects: [JSONValue]) -> [JSONValue] {
        func id(_ value: JSONValue) -> String {
            if case .string(let text)? = value.value(at: ["id"]) { return text }
            return ""
        }
        return objects.map { (id($0), $0.renderedCompact(), $0) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// `[{"@odata.type": ..., "id": ...}]` for directory objects, sorted by id.
    static func references(_ items: [(type: String, id: String)]) -> JSONValue {
        .array(items.sorted { ($0.id, $0.type) < ($1.id, $1.type) }.map { item in
            .object(["@odata.type": .string("#microsoft.graph." + item.type), "id": .string(item.id)])
        })
    }

    private func users() -> [JSONValue] {
        snapshot.scenario.tenant.users.enumerated().map { index, user in
            var object: [String: JSONValue] = [
                "id": .string(ids.users[index]),
                "displayName": .string(user.displayName),
                "userPrincipalName": .string(ids.userPrincipalName(user)),
                "accountEnabled": .bool(snapshot.state.isPresent(UserIndex(index))),
            ]
            if let manager = snapshot.managers[index] {
                object["manager"] = .object(["@odata.type": .string("#microsoft.graph.user"), "id": .string(ids.users[manager.int])])
            }
            return .object(object)
        }
    }

    private func groups() -> [JSONValue] {
        let tenant = snapshot.scenario.tenant
        var principalMembers: [Int: [Int]] = [:]
        for (index, principal) in tenant.servicePrincipals.enumerated() {
            for group in principal.memberOf { principalMembers[group.int, default: []].append(index) }
        }
        return tenant.groups.enumerated().map { index, group in
            let members = snapshot.state.staticMembers[index].map { (type: "user", id: ids.users[Int($0)]) }
                + (principalMembers[index] ?? []).map { (type: "servicePrincipal", id: ids.servicePrincipals[$0]) }
            return .object([
                "id": .string(ids.groups[index]),
                "displayName": .string(group.name ?? group.id),
                "isAssignableToRole": .bool(group.roleAssignable),
                "securityEnabled": .bool(true),
                "members": Self.references(members),
                "owners": Self.references(group.owners.map { (type: "user", id: ids.users[$0.int]) }),
            ])
        }
    }

    /// Directory roles the export names: those the scenario references, every custom role, and
    /// the roles of assignments in effect and of service principals.
    func exportedRoles() -> [RoleIndex] {
        let scenario = snapshot.scenario
        var roles = Set(scenario.referencedRoles)
        for (index, role) in scenario.roles.enumerated() where !role.builtIn { roles.insert(RoleIndex(index)) }
        for assignment in snapshot.state.assignments.values { roles.insert(assignment.role) }
        for activation in snapshot.state.activations.values { roles.insert(activation.role) }
        for principal in scenario.tenant.servicePrincipals { roles.formUnion(principal.roles) }
        return roles.filter { ids.roles[$0.int] != nil }.sorted()
    }

    private func roleDefinitions() -> [JSONValue] {
        exportedRoles().compactMap { index in
            let role = snapshot.scenario[index]
            guard let id = ids.roles[index.int] else { return nil }
            let permissions: [JSONValue] = role.builtIn
                ? []
                : [.object(["allowedResourceActions": .array(role.permissions.sorted().map(JSONValue.string))])]
            return .object([
                "id": .string(id),
                "templateId": .string(id),
                "displayName": .string(role.name),
                "isBuiltIn": .bool(role.builtIn),
                "isEnabled": .bool(true),
                "rolePermissions": .array(permissions),
            ])
        }
    }

    private func servicePrincipals() -> [JSONValue] {
        snapshot.scenario.tenant.servicePrincipals.enumerated().map { index, principal in
            .object([
                "id": .string(ids.servicePrincipals[index]),
                "appId": .string(ids.servicePrincipalAppIds[index]),
                "displayName": .string(principal.displayName),
                "servicePrincipalType": .string("Application"),
                "owners": Self.references(principal.owners.map { (type: "user", id: ids.users[$0.int]) }),
            ])
        }
    }

    private func applications() -> [JSONValue] {
        snapshot.scenario.tenant.applications.enumerated().map { index, application in
            .object([
                "id": .string(ids.applications[index]),
                "appId": .string(ids.applicationAppIds[index]),
                "displayName": .string(application.displayName),
                "owners": Self.references(application.owners.map { (type: "user", id: ids.users[$0.int]) }),
            ])
        }
    }
}
