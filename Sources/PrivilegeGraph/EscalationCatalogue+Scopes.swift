import TenantModel

/// A role scoped to an administrative unit or to one application or service principal, as a
/// node of the graph: its capabilities reach the unit's members, or that one object.
public struct ScopedRole: Sendable, Equatable {
    /// The role.
    public let role: RoleIndex
    /// The directory scope (`/administrativeUnits/emea`, `/payroll-app`).
    public let scope: String
    /// The unit (an index into `Tenant.administrativeUnits`), for a unit scope.
    public let unit: Int?
    /// The application or service principal, for an object scope.
    public let object: NodeID?
    /// What the role lets its holders do within the scope.
    public let capabilities: Capabilities
}

/// Two capabilities held by different nodes that open a path only together.
public struct Combination: Sendable, Equatable {
    /// What the combination does.
    public enum Effect: Sendable, Equatable {
        /// A trusted certificate authority plus certificate-based authentication enabled: sign in
        /// as any user.
        case certificateSignIn
        /// An attribute writer moves a user into a dynamic unit, whose scoped administrator then
        /// resets them (the unit's index).
        case dynamicUnit(Int)
    }

    /// The two nodes whose capabilities combine, in node order.
    public let parts: (NodeID, NodeID)
    /// The capability each part contributes, in the same order (`add a trusted CA`).
    public let capabilities: (String, String)
    /// What the combination does.
    public let effect: Effect

    /// Compares parts, capabilities and effect.
    public static func == (lhs: Combination, rhs: Combination) -> Bool {
        lhs.parts == rhs.parts && lhs.capabilities == rhs.capabilities && lhs.effect == rhs.effect
    }
}

extension EscalationCatalogue {
    /// The scoped roles the scenario assigns (in the file or by events): at the scope of a unit
    /// it declares, or of one of its applications or service principals (`/<id>`, BloodHound's
    /// AZScopedTo), in (target, role) order.
    static func scopedRoles(of scenario: Scenario) -> [ScopedRole] {
        let tenant = scenario.tenant
        // Targets in order: units, then applications, then service principals.
        var targets: [String: (order: Int32, unit: Int?, object: NodeID?)] = [:]
        for (index, unit) in tenant.administrativeUnits.enumerated() { targets[unit.scope] = (Int32(index), index, nil) }
        let base = Int32(tenant.administrativeUnits.count)
        for (index, application) in tenant.applications.enumerated() {
            targets["/" + application.id] = (base + Int32(index), nil, .application(index))
        }
        for (index, principal) in tenant.servicePrincipals.enumerated() {
            targets["/" + principal.id] = (base + Int32(tenant.applications.count + index), nil, .servicePrincipal(index))
        }
        var pairs: [[Int32]: String] = [:]
        var assignments = scenario.assignments
        for event in scenario.events { if case .assign(let assignment) = event.action { assignments.append(assignment) } }
        for assignment in assignments {
            guard let target = targets[assignment.scope], scenario[assignment.role].groupAccess == nil else { continue }
            pairs[[target.order, assignment.role.rawValue]] = assignment.scope
        }
        return pairs.keys.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { pair in
            guard let scope = pairs[pair], let target = targets[scope] else { return nil }
            let role = RoleIndex(pair[1])
            return ScopedRole(role: role, scope: scope, unit: target.unit, object: target.object,
                              capabilities: EscalationRules.capabilities(of: scenario[role]))
        }
    }

    /// The capability sources (roles with tenant scope, service principals) with their capabilities.
    static func sources(capable: [(RoleIndex, Capabilities)], principals: [Capabilities]) -> [(NodeID, Capabilities)] {
        capable.map { (NodeID.role($0.0), $0.1) } + principals.enumerated().map { (NodeID.servicePrincipal($0.offset), $0.element) }
    }

    /// The combinations of the scenario: certificate sign-in (unless certificate-based
    /// authentication is already on, when a trusted authority alone suffices) and dynamic units.
    static func combinations(
        scenario: Scenario, sources: [(NodeID, Capabilities)], scopedRoles: [ScopedRole]
    ) -> [Combination] {
        var result: [Combination] = []
        if !scenario.tenant.certificateBasedAuthentication {
            // A source with both capabilities needs no partner; it gets its own edge.
            let single = sources.filter { $0.1.addsTrustedAuthority && $0.1.enablesCertificateAuthentication }.map(\.0)
            // (Global Administrator has both, so it never takes part in a combination.)
            for (authority, capabilities) in sources where capabilities.addsTrustedAuthority && !single.contains(authority) {
                for (enabler, other) in sources where other.enablesCertificateAuthentication && !single.contains(enabler) && enabler != authority {
                    result.append(Combination(parts: (authority, enabler), capabilities: ("add a trusted certificate authority", "enable certificate-based authentication"),
                                              effect: .certificateSignIn))
                }
            }
        }
        for (index, scopedRole) in scopedRoles.enumerated() {
            guard let unitIndex = scopedRole.unit else { continue }
            let unit = scenario.tenant.administrativeUnits[unitIndex]
            guard unit.membershipRule != nil, !unit.restricted,
                  scopedRole.capabilities.resetsPasswords != nil || scopedRole.capabilities.resetsAuthentication != nil else { continue }
            // Global Administrator controls the tenant already: it takes part in no combination.
            for (writer, capabilities) in sources where capabilities.writesAttributes && !capabilities.controlsTenant {
                result.append(Combination(parts: (writer, .scopedRole(index)), capabilities: ("write user attributes", "reset the unit's members"),
                                          effect: .dynamicUnit(unitIndex)))
            }
        }
        return result
    }
}
