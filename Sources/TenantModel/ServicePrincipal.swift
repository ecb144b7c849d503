/// An application registration: the object that holds credentials (secrets, certificates) for
/// its service principal.
public struct Application: Sendable, Equatable {
    /// The scenario's id for the application (unique across every kind of principal).
    public var id: String
    /// The display name, when given.
    public var name: String?
    /// Users who own the registration: they can add credentials to it.
    public var owners: [UserIndex]
    /// Service principals that own the registration (indices into `Tenant.servicePrincipals`).
    public var servicePrincipalOwners: [Int] = []

    /// Creates an application.
    public init(id: String, name: String? = nil, owners: [UserIndex] = []) {
        self.id = id
        self.name = name
        self.owners = owners
    }

    /// The display name, or the id when there is none.
    public var displayName: String { name ?? id }
}

/// A service principal (an enterprise application or a managed identity): a non-human principal
/// that can hold directory roles, Microsoft Graph application permissions and group memberships.
public struct ServicePrincipal: Sendable, Equatable {
    /// The scenario's id for the service principal (unique across every kind of principal).
    public var id: String
    /// The display name, when given.
    public var name: String?
    /// The application registration it runs as, when it has one in the scenario (an index into
    /// `Tenant.applications`); whoever controls the application controls it.
    public var application: Int?
    /// Users who own the service principal.
    public var owners: [UserIndex]
    /// Service principals that own this one (indices into `Tenant.servicePrincipals`).
    public var servicePrincipalOwners: [Int] = []
    /// Directory roles it holds as standing (active, permanent) assignments: PIM cannot make a
    /// service principal activate, so these hold for the whole run.
    public var roles: [RoleIndex]
    /// Microsoft Graph application permissions granted to it (`RoleManagement.ReadWrite.Directory`).
    public var appPermissions: [String]
    /// Groups it is a member of for the whole run.
    public var memberOf: [GroupIndex]

    /// Creates a service principal.
    public init(
        id: String, name: String? = nil, application: Int? = nil, owners: [UserIndex] = [],
        roles: [RoleIndex] = [], appPermissions: [String] = [], memberOf: [GroupIndex] = []
    ) {
        self.id = id
        self.name = name
        self.application = application
        self.owners = owners
        self.roles = roles
        self.appPermissions = appPermissions
        self.memberOf = memberOf
    }

    /// The display name, or the id when there is none.
    public var displayName: String { name ?? id }
}
