/// A user account of the tenant.
public struct User: Sendable, Equatable {
    /// The scenario's id for the user (unique across users, groups, applications and service principals).
    public var id: String
    /// The display name, when given.
    public var name: String?
    /// The user's manager, when given.
    public var manager: UserIndex?
    /// Marks an emergency-access (break-glass) account.
    public var breakGlass: Bool
    /// The strongest authentication strength the user's registered methods satisfy
    /// ([assumption] by default every strength: administrators hold a phishing-resistant method).
    public var authentication: AuthenticationStrength = .phishingResistant
    /// Synchronised from an on-premises directory (Graph's `onPremisesSyncEnabled`), not cloud-only.
    public var onPremisesSync = false
    /// Directory attributes that dynamic membership rules read (`department`, `jobTitle`...).
    public var attributes: [String: String] = [:]

    /// Creates a user.
    public init(id: String, name: String? = nil, manager: UserIndex? = nil, breakGlass: Bool = false) {
        self.id = id
        self.name = name
        self.manager = manager
        self.breakGlass = breakGlass
    }

    /// The display name, or the id when there is none.
    public var displayName: String { name ?? id }
}

/// A group of users.
public struct Group: Sendable, Equatable {
    /// The scenario's id for the group (unique across users, groups, applications and service principals).
    public var id: String
    /// The display name, when given.
    public var name: String?
    /// Only role-assignable groups may hold role assignments.
    public var roleAssignable: Bool
    /// Members at the start of the simulation, in file order, without repeats.
    public var members: [UserIndex]
    /// Owners, in file order, without repeats.
    public var owners: [UserIndex]
    /// The dynamic membership rule, for a dynamic group: `members` are then the users it matches.
    public var membershipRule: MembershipRule?

    /// Creates a group.
    public init(
        id: String, name: String? = nil, roleAssignable: Bool = false,
        members: [UserIndex] = [], owners: [UserIndex] = []
    ) {
        self.id = id
        self.name = name
        self.roleAssignable = roleAssignable
        self.members = members
        self.owners = owners
    }
}

/// The directory: users, groups, applications and service principals, addressable by index.
public struct Tenant: Sendable, Equatable {
    /// Users in file order (generated users where their `generate` entry stands).
    public var users: [User]
    /// Groups in file order.
    public var groups: [Group]
    /// Application registrations in file order.
    public var applications: [Application]
    /// Service principals in file order.
    public var servicePrincipals: [ServicePrincipal]
    /// Administrative units in file order.
    public var administrativeUnits: [AdministrativeUnit] = []
    /// Whether certificate-based authentication is already enabled for users: then whoever can
    /// add a trusted certificate authority alone can sign in as any user.
    public var certificateBasedAuthentication = false

    /// Creates a tenant.
    public init(
        users: [User] = [], groups: [Group] = [], applications: [Application] = [], servicePrincipals: [ServicePrincipal] = []
    ) {
        self.users = users
        self.groups = groups
        self.applications = applications
        self.servicePrincipals = servicePrincipals
    }

    /// The id of a principal.
    public func id(of principal: Principal) -> String {
        switch principal {
        case .user(let user): return users[user.int].id
        case .group(let group): return groups[group.int].id
        }
    }

    /// The user at `index`.
    public subscript(user: UserIndex) -> User { users[user.int] }

    /// The group at `index`.
    public subscript(group: GroupIndex) -> Group { groups[group.int] }
}

/// An administrative unit: a set of users that roles may be scoped to
/// (`/administrativeUnits/<id>`), with static or dynamic membership.
public struct AdministrativeUnit: Sendable, Equatable {
    /// The scenario's id for the unit (the `<id>` of its scope).
    public var id: String
    /// The display name, when given.
    public var name: String?
    /// Member users, in file order without repeats (for a dynamic unit, the users its rule matches).
    public var members: [UserIndex]
    /// The dynamic membership rule, for a dynamic unit.
    public var membershipRule: MembershipRule?
    /// A restricted-management unit: only administrators scoped to it may manage its members.
    public var restricted: Bool

    /// Creates a unit.
    public init(id: String, name: String? = nil, members: [UserIndex] = [], membershipRule: MembershipRule? = nil, restricted: Bool = false) {
        self.id = id
        self.name = name
        self.members = members
        self.membershipRule = membershipRule
        self.restricted = restricted
    }

    /// The directory scope of role assignments to the unit.
    public var scope: String { "/administrativeUnits/" + id }
}
