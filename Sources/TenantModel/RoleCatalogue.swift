import Foundation

/// Member or owner access to a group, as PIM for Groups manages it.
public enum GroupAccessKind: String, Sendable, Equatable, CaseIterable {
    /// Membership: the group's roles flow to the member.
    case member
    /// Ownership.
    case owner
}

/// A directory role: built-in from the catalogue, or custom from the scenario.
public struct RoleDefinition: Sendable, Equatable {
    /// The display name (`Global Administrator`), or a custom role's `name`.
    public var name: String
    /// The role template id (lowercase GUID) of a built-in role; nil for custom roles.
    public var templateId: String?
    /// Whether the role is privileged: the catalogue's label, or a privileged permission.
    public var privileged: Bool
    /// Whether the role comes from the built-in catalogue.
    public var builtIn: Bool
    /// A custom role's permissions (resource actions); empty for built-in roles.
    public var permissions: [String]
    /// For PIM for Groups: the group and the access this pseudo-role stands for.
    public var groupAccess: GroupAccess?
    /// Whether Entra lets the role be assigned at an administrative unit's scope (the catalogue's
    /// list for built-in roles; a permission on users, groups or devices for custom roles).
    public var administrativeUnitScope = false
    /// Why a built-in role that Microsoft does not label privileged opens an escalation path, with
    /// its source (the catalogue's `escalationPrivileged`); nil otherwise. `privileged` is unchanged.
    public var escalation: String?

    /// The group and the kind of access of a PIM for Groups pseudo-role.
    public struct GroupAccess: Sendable, Equatable, Hashable {
        /// The group.
        public var group: GroupIndex
        /// Member or owner.
        public var kind: GroupAccessKind
        /// Creates a group access.
        public init(group: GroupIndex, kind: GroupAccessKind) {
            self.group = group
            self.kind = kind
        }
    }

    /// Creates a role definition.
    public init(name: String, templateId: String?, privileged: Bool, builtIn: Bool, permissions: [String] = []) {
        self.name = name
        self.templateId = templateId
        self.privileged = privileged
        self.builtIn = builtIn
        self.permissions = permissions
    }
}

/// The built-in role catalogue, loaded from the `roles.json` resource compiled into the binary.
public struct RoleCatalogue: Sendable {
    /// Built-in roles, sorted by name.
    public let roles: [RoleDefinition]
    /// Resource actions that make a custom role privileged.
    public let privilegedPermissions: Set<String>
    /// Where the catalogue's data comes from.
    public let source: String
    /// Resource-action prefixes that make a custom role assignable at an administrative unit's scope.
    public let administrativeUnitPermissionPrefixes: [String]

    /// The template id of Global Administrator.
    public static let globalAdministratorId = "62e90394-69f5-4237-9190-012177145e10"
    /// The template id of Privileged Role Administrator.
    public static let privilegedRoleAdministratorId = "e8611ab8-c189-46e8-94e1-60213ab1f814"

    private let byName: [String: Int]
    private let byTemplateId: [String: Int]

    /// The catalogue shipped with pimsim.
    public static let builtIn: RoleCatalogue = {
        do {
            return try RoleCatalogue(json: Data(PackageResources.roles_json))
        } catch {
            // The resource is part of the build and checked by tests; an empty catalogue
            // makes every role reference fail validation with a clear message instead of a trap.
            return RoleCatalogue(roles: [], privilegedPermissions: [], source: "unreadable: \(error)")
        }
    }()

    /// Decodes a catalogue from its JSON form (`{"roles": [...], "privilegedPermissions": [...]}`).
    public init(json: Data) throws {
        struct File: Decodable {
            struct Role: Decodable {
                let name: String
                let templateId: String
                let privileged: Bool
            }
            struct UnitScope: Decodable {
                let roles: [String]
                let customRolePermissionPrefixes: [String]
            }
            let source: String?
            let roles: [Role]
            let privilegedPermissions: [String]
            let administrativeUnitScope: UnitScope?
            let escalationPrivileged: Escalation?
        }
        struct Escalation: Decodable {
            let roles: [String: String]
        }
        let file = try JSONDecoder().decode(File.self, from: json)
        let unitRoles = Set(file.administrativeUnitScope?.roles ?? [])
        self.init(
            roles: file.roles.map {
                var role = RoleDefinition(name: $0.name, templateId: $0.templateId.lowercased(), privileged: $0.privileged, builtIn: true)
                role.administrativeUnitScope = unitRoles.contains($0.name)
                role.escalation = file.escalationPrivileged?.roles[$0.name]
                return role
            },
            privilegedPermissions: Set(file.privilegedPermissions),
            source: file.source ?? "unknown",
            administrativeUnitPermissionPrefixes: file.administrativeUnitScope?.customRolePermissionPrefixes ?? []
        )
    }

    /// Creates a catalogue from definitions.
    public init(
        roles: [RoleDefinition], privilegedPermissions: Set<String>, source: String, administrativeUnitPermissionPrefixes: [String] = []
    ) {
        self.roles = roles.sorted { $0.name < $1.name }
        self.privilegedPermissions = privilegedPermissions
        self.source = source
        self.administrativeUnitPermissionPrefixes = administrativeUnitPermissionPrefixes
        var byName: [String: Int] = [:]
        var byTemplateId: [String: Int] = [:]
        for (index, role) in self.roles.enumerated() {
            byName[role.name] = index
            if let id = role.templateId { byTemplateId[id] = index }
        }
        self.byName = byName
        self.byTemplateId = byTemplateId
    }

    /// The built-in role named `reference` (display name, or template id in any letter case).
    public func role(_ reference: String) -> RoleDefinition? {
        if let index = byName[reference] ?? byTemplateId[reference.lowercased()] { return roles[index] }
        return nil
    }

    /// Whether a custom role with these permissions is privileged.
    public func isPrivileged(permissions: [String]) -> Bool {
        permissions.contains { privilegedPermissions.contains($0) }
    }

    /// Whether a custom role with these permissions may be assigned at an administrative unit's
    /// scope: Entra allows it when a permission concerns users, groups or devices.
    public func isAdministrativeUnitAssignable(permissions: [String]) -> Bool {
        permissions.contains { permission in administrativeUnitPermissionPrefixes.contains { permission.hasPrefix($0) } }
    }
}
