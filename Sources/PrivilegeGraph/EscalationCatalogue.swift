import TenantModel

/// The escalation rules resolved against one scenario: which of its roles and service
/// principals have which capabilities, and which pseudo-roles stand for PIM for Groups access.
/// Constant for a run; built once.
public struct EscalationCatalogue: Sendable {
    /// Roles with at least one capability, in index order.
    public let capableRoles: [(role: RoleIndex, capabilities: Capabilities)]
    /// Each service principal's capabilities (the union over its Graph permissions).
    public let servicePrincipalCapabilities: [Capabilities]
    /// Roles that control the tenant (Global Administrator).
    public let tenantControllers: [RoleIndex]
    /// The PIM for Groups pseudo-role of each group's membership.
    public let memberRole: [GroupIndex: RoleIndex]
    /// The PIM for Groups pseudo-role of each group's ownership.
    public let ownerRole: [GroupIndex: RoleIndex]
    /// Service principals holding each role.
    public let servicePrincipalsByRole: [RoleIndex: [Int]]
    /// Service principals in each group.
    public let servicePrincipalsByGroup: [GroupIndex: [Int]]
    /// Role-assignable groups, in index order.
    public let roleAssignableGroups: [GroupIndex]
    /// Static owners of role-assignable groups (protected from password resets like members).
    public let roleAssignableOwners: Set<UserIndex>
    /// Privileged Role Administrator, the default approvers' role, when the catalogue has it.
    public let defaultApproverRole: RoleIndex?
    /// Roles and service principals that can reset passwords or authentication methods.
    let resetters: [Resetter]
    /// Administrative-scoped roles the scenario assigns, one node each.
    public let scopedRoles: [ScopedRole]
    /// Roles scoped to each application or service principal (indices into `scopedRoles`).
    let scopedRolesByObject: [NodeID: [Int]]
    /// The node of each (unit, role) pair, keyed by the unit's scope and the role.
    let scopedRoleByScope: [String: [RoleIndex: Int]]
    /// Roles that some assignment scopes to a declared unit: their activations move unit-role
    /// edges, which the fold treats as a structural change.
    public let scopedRoleSet: Set<RoleIndex>
    /// The units each user is a member of, in unit order.
    public let unitsByUser: [UserIndex: [Int]]
    /// Members of restricted-management units: only administrators scoped to the unit manage them.
    public let restrictedMembers: Set<UserIndex>
    /// The scopes of restricted-management units: a user holding a role there is protected from
    /// all resetters but the "everyone" ones.
    public let restrictedScopes: Set<String>
    /// Pairs of capabilities that open a path together, one node each.
    public let combinations: [Combination]
    /// Combinations by the users they reach: certificate sign-ins reach everyone; a dynamic
    /// unit's reach every user outside it.
    let certificateCombinations: [Int]
    /// Sources (roles, service principals) that sign in as any user alone: they add a trusted
    /// authority and enable certificate authentication, or the tenant has it on already.
    let certificateSigners: [NodeID]
    /// Sources that write the attributes dynamic groups read.
    let attributeWriters: [NodeID]
    /// Service principals that may add credentials to what they own.
    let ownerWriters: Set<Int>
    /// Whether any user edge beyond tenant-wide resets exists (units, certificates).
    let hasScopedUserEdges: Bool

    /// A role or service principal with reset rights, flattened for the per-user check.
    struct Resetter: Sendable {
        let from: NodeID
        let authentication: ResetReach?
        let password: ResetReach?
    }

    /// Resolves the rules for a scenario.
    public init(scenario: Scenario) {
        var capable: [(RoleIndex, Capabilities)] = []
        var controllers: [RoleIndex] = []
        var memberRole: [GroupIndex: RoleIndex] = [:]
        var ownerRole: [GroupIndex: RoleIndex] = [:]
        for (index, role) in scenario.roles.enumerated() {
            let roleIndex = RoleIndex(index)
            if let access = role.groupAccess {
                switch access.kind {
                case .member: memberRole[access.group] = roleIndex
                case .owner: ownerRole[access.group] = roleIndex
                }
                continue
            }
            let capabilities = EscalationRules.capabilities(of: role)
            if !capabilities.isEmpty { capable.append((roleIndex, capabilities)) }
            if capabilities.controlsTenant { controllers.append(roleIndex) }
        }
        capableRoles = capable
        tenantControllers = controllers
        self.memberRole = memberRole
        self.ownerRole = ownerRole
        var byRole: [RoleIndex: [Int]] = [:]
        var byGroup: [GroupIndex: [Int]] = [:]
        servicePrincipalCapabilities = scenario.tenant.servicePrincipals.enumerated().map { index, principal in
            for role in principal.roles { byRole[role, default: []].append(index) }
            for group in principal.memberOf { byGroup[group, default: []].append(index) }
            var union = Capabilities()
            for permission in principal.appPermissions {
                union.merge(EscalationRules.capabilities(ofGraphPermission: permission))
            }
            return union
        }
        servicePrincipalsByRole = byRole
        servicePrincipalsByGroup = byGroup
        roleAssignableGroups = scenario.tenant.groups.indices.filter { scenario.tenant.groups[$0].roleAssignable }.map { GroupIndex($0) }
        roleAssignableOwners = Set(roleAssignableGroups.flatMap { scenario.tenant[$0].owners })
        defaultApproverRole = scenario.privilegedRoleAdministrator
        var resetters: [Resetter] = []
        for (role, capabilities) in capable where capabilities.resetsAuthentication != nil || capabilities.resetsPasswords != nil {
            resetters.append(Resetter(from: .role(role), authentication: capabilities.resetsAuthentication, password: capabilities.resetsPasswords))
        }
        for (index, capabilities) in servicePrincipalCapabilities.enumerated()
        where capabilities.resetsAuthentication != nil || capabilities.resetsPasswords != nil {
            resetters.append(Resetter(from: .servicePrincipal(index), authentication: capabilities.resetsAuthentication,
                                      password: capabilities.resetsPasswords))
        }
        self.resetters = resetters
        let scopedRoles = Self.scopedRoles(of: scenario)
        self.scopedRoles = scopedRoles
        var byScope: [String: [RoleIndex: Int]] = [:]
        for (index, scopedRole) in scopedRoles.enumerated() {
            byScope[scopedRole.scope, default: [:]][scopedRole.role] = index
        }
        scopedRoleByScope = byScope
        var byObject: [NodeID: [Int]] = [:]
        for (index, scopedRole) in scopedRoles.enumerated() {
            if let object = scopedRole.object { byObject[object, default: []].append(index) }
        }
        scopedRolesByObject = byObject
        scopedRoleSet = Set(scopedRoles.map(\.role))
        var units: [UserIndex: [Int]] = [:]
        var restricted = Set<UserIndex>()
        for (index, unit) in scenario.tenant.administrativeUnits.enumerated() {
            for member in unit.members {
                units[member, default: []].append(index)
                if unit.restricted { restricted.insert(member) }
            }
        }
        unitsByUser = units
        restrictedMembers = restricted
        restrictedScopes = Set(scenario.tenant.administrativeUnits.filter(\.restricted).map(\.scope))
        let sources = Self.sources(capable: capable, principals: servicePrincipalCapabilities)
        let combinations = Self.combinations(scenario: scenario, sources: sources, scopedRoles: scopedRoles)
        self.combinations = combinations
        certificateCombinations = combinations.indices.filter { combinations[$0].effect == .certificateSignIn }
        let cbaOn = scenario.tenant.certificateBasedAuthentication
        // Global Administrator controls the tenant already: its certificate sign-ins add nothing.
        let signers = sources.filter { $0.1.addsTrustedAuthority && !$0.1.controlsTenant && (cbaOn || $0.1.enablesCertificateAuthentication) }.map(\.0)
        certificateSigners = signers
        attributeWriters = sources.filter { $0.1.writesAttributes }.map(\.0)
        hasScopedUserEdges = !scopedRoles.isEmpty || !combinations.isEmpty || !signers.isEmpty
        let principalCapabilities = servicePrincipalCapabilities
        ownerWriters = Set(principalCapabilities.indices.filter {
            principalCapabilities[$0].addsSecretsToOwned || principalCapabilities[$0].addsSecrets
        })
    }

    /// The node an activation of `role` at `scope` gives an edge into: the role (tenant scope),
    /// the group (PIM for Groups), the scoped role (a declared unit), or none.
    public func activationTarget(role: RoleIndex, scope: String, scenario: Scenario) -> NodeID? {
        if let access = scenario[role].groupAccess { return .group(access.group) }
        if scope == "/" { return .role(role) }
        return scopedRoleByScope[scope]?[role].map(NodeID.scopedRole)
    }
}

extension Capabilities {
    /// Adds another set of capabilities (the wider reach wins).
    public mutating func merge(_ other: Capabilities) {
        controlsTenant = controlsTenant || other.controlsTenant
        grantsAnyRole = grantsAnyRole || other.grantsAnyRole
        grantsAppRoles = grantsAppRoles || other.grantsAppRoles
        resetsPasswords = Self.wider(resetsPasswords, other.resetsPasswords)
        resetsAuthentication = Self.wider(resetsAuthentication, other.resetsAuthentication)
        if addsMembers == .all || other.addsMembers == .all {
            addsMembers = .all
        } else if addsMembers == nil {
            addsMembers = other.addsMembers
        }
        addsSecrets = addsSecrets || other.addsSecrets
        addsOwners = addsOwners || other.addsOwners
        addsServicePrincipalOwners = addsServicePrincipalOwners || other.addsServicePrincipalOwners
        addsSecretsToOwned = addsSecretsToOwned || other.addsSecretsToOwned
        writesAttributes = writesAttributes || other.writesAttributes
        addsTrustedAuthority = addsTrustedAuthority || other.addsTrustedAuthority
        enablesCertificateAuthentication = enablesCertificateAuthentication || other.enablesCertificateAuthentication
    }

    private static func wider(_ lhs: ResetReach?, _ rhs: ResetReach?) -> ResetReach? {
        switch (lhs, rhs) {
        case (nil, let other), (let other, nil): return other
        case (.everyone, _), (_, .everyone): return .everyone
        case (.usersWithOnly(let left)?, .usersWithOnly(let right)?): return .usersWithOnly(left.union(right))
        }
    }
}
