import TenantModel

/// Every scenario object's Graph id, computed once: users, groups, applications (object id and
/// appId), service principals, roles and the tenant.
public struct ExportIdentities: Sendable {
    /// The tenant id (lower case).
    public let tenantId: String
    /// Users' object ids, by user index.
    public let users: [String]
    /// Groups' object ids, by group index.
    public let groups: [String]
    /// Applications' object ids, by index.
    public let applications: [String]
    /// Applications' appIds (client ids), by index.
    public let applicationAppIds: [String]
    /// Service principals' object ids, by index.
    public let servicePrincipals: [String]
    /// Service principals' appIds: their application's, else one derived from their id.
    public let servicePrincipalAppIds: [String]
    /// Role definition ids by role index (a built-in role's template id); nil for PIM for Groups
    /// pseudo-roles, which are not role definitions.
    public let roles: [String?]
    /// The domain of the users' principal names.
    public let domain = "pimsim.invalid"

    /// The identities of `scenario`'s objects; `tenantId` overrides the tenant id derived from the
    /// scenario's name.
    public init(scenario: Scenario, tenantId: String? = nil) {
        let tenant = scenario.tenant
        self.tenantId = tenantId?.lowercased() ?? GraphIdentifier.derived(kind: "tenant", id: scenario.name)
        users = tenant.users.map { GraphIdentifier.objectId(kind: "user", id: $0.id) }
        groups = tenant.groups.map { GraphIdentifier.objectId(kind: "group", id: $0.id) }
        applications = tenant.applications.map { GraphIdentifier.objectId(kind: "application", id: $0.id) }
        let appIds = tenant.applications.map { GraphIdentifier.derived(kind: "appId", id: $0.id) }
        applicationAppIds = appIds
        servicePrincipals = tenant.servicePrincipals.map { GraphIdentifier.objectId(kind: "servicePrincipal", id: $0.id) }
        servicePrincipalAppIds = tenant.servicePrincipals.map { principal in
            principal.application.map { appIds[$0] } ?? GraphIdentifier.derived(kind: "appId", id: "servicePrincipal:" + principal.id)
        }
        roles = scenario.roles.map { role in
            guard role.groupAccess == nil else { return nil }
            return role.templateId ?? GraphIdentifier.objectId(kind: "role", id: role.name)
        }
    }

    /// The object id of an assignment's principal.
    public func principal(_ principal: Principal) -> String {
        switch principal {
        case .user(let user): return users[user.int]
        case .group(let group): return groups[group.int]
        }
    }

    /// A user's principal name: the scenario id (characters other than letters, digits, `.`,
    /// `_` and `-` replaced by `-`) at `pimsim.invalid`.
    public func userPrincipalName(_ user: User) -> String {
        let local = String(user.id.unicodeScalars.map { scalar -> Character in
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar))
            return allowed ? Character(scalar) : "-"
        })
        return local + "@" + domain
    }
}
