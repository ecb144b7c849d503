import TenantModel

/// A role scoped to an administrative unit, as a node of the graph.
public struct UnitRole: Sendable, Equatable {
    /// The role.
    public let role: RoleIndex
    /// The unit (an index into `Tenant.administrativeUnits`).
    public let unit: Int
    /// What the role lets its holders do to the unit's members.
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
    /// The administrative-unit-scoped roles the scenario assigns (in the file or by events),
    /// for units it declares, in (unit, role) order.
    static func unitRoles(of scenario: Scenario) -> [UnitRole] {
        let units = Dictionary(uniqueKeysWithValues: scenario.tenant.administrativeUnits.enumerated().map { ($1.scope, $0) })
        var pairs = Set<[Int32]>()
        var assignments = scenario.assignments
        for event in scenario.events { if case .assign(let assignment) = event.action { assignments.append(assignment) } }
        for assignment in assignments {
            guard let unit = units[assignment.scope], scenario[assignment.role].groupAccess == nil else { continue }
            pairs.insert([Int32(unit), assignment.role.rawValue])
        }
        return pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { pair in
            let role = RoleIndex(pair[1])
            return UnitRole(role: role, unit: Int(pair[0]), capabilities: EscalationRules.capabilities(of: scenario[role]))
        }
    }

    /// The capability sources (roles with tenant scope, service principals) with their capabilities.
    static func sources(capable: [(RoleIndex, Capabilities)], principals: [Capabilities]) -> [(NodeID, Capabilities)] {
        capable.map { (NodeID.role($0.0), $0.1) } + principals.enumerated().map { (NodeID.servicePrincipal($0.offset), $0.element) }
    }

    /// The combinations of the scenario: certificate sign-in (unless certificate-based
    /// authentication is already on, when a trusted authority alone suffices) and dynamic units.
    static func combinations(
        scenario: Scenario, sources: [(NodeID, Capabilities)], unitRoles: [UnitRole]
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
        for (index, unitRole) in unitRoles.enumerated() {
            let unit = scenario.tenant.administrativeUnits[unitRole.unit]
            guard unit.membershipRule != nil, !unit.restricted,
                  unitRole.capabilities.resetsPasswords != nil || unitRole.capabilities.resetsAuthentication != nil else { continue }
            // Global Administrator controls the tenant already: it takes part in no combination.
            for (writer, capabilities) in sources where capabilities.writesAttributes && !capabilities.controlsTenant {
                result.append(Combination(parts: (writer, .unitRole(index)), capabilities: ("write user attributes", "reset the unit's members"),
                                          effect: .dynamicUnit(unitRole.unit)))
            }
        }
        return result
    }
}
