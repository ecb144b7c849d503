import TenantModel

extension PrivilegeState {
    /// Edges into an administrative-scoped role: assignments and activations at the unit's
    /// scope, as into a role.
    func scopedRoleEdges(into index: Int, catalogue: EscalationCatalogue, result: inout [Edge]) {
        let scopedRole = catalogue.scopedRoles[index]
        let node = NodeID.scopedRole(index)
        let scope = scopedRole.scope
        let gates = gates(for: scopedRole.role)
        for (_, assignment) in assignments(of: scopedRole.role) where assignment.scope == scope {
            guard let from = sourceNode(of: assignment.principal) else { continue }
            let eligible = assignment.type == .eligible
            result.append(Edge(from: from, to: node, kind: eligible ? .eligible : .standing, gates: eligible ? gates : []))
        }
        for (_, activation) in activations(of: scopedRole.role) where activation.scope == scope && isPresent(activation.user) {
            result.append(Edge(from: .user(activation.user), to: node, kind: .activated))
        }
    }

    /// Edges from roles scoped to this one application or service principal (BloodHound's
    /// AZScopedTo): a credential or an owner added to it alone.
    func objectScopedEdges(into node: NodeID, catalogue: EscalationCatalogue, result: inout [Edge]) {
        for index in catalogue.scopedRolesByObject[node] ?? [] {
            let capabilities = catalogue.scopedRoles[index].capabilities
            if capabilities.addsSecrets {
                result.append(Edge(from: .scopedRole(index), to: node, kind: .addSecret))
            } else if capabilities.addsOwners || (capabilities.addsServicePrincipalOwners && node.kind == .servicePrincipal) {
                result.append(Edge(from: .scopedRole(index), to: node, kind: .addOwner))
            }
        }
    }

    /// Ownership by service principals: drawn (and traversed) when the owner may add credentials
    /// to what it owns (`Application.ReadWrite.OwnedBy`, or a wider permission).
    func ownerPrincipalEdges(into node: NodeID, owners: [Int], catalogue: EscalationCatalogue, result: inout [Edge]) {
        for owner in owners where catalogue.ownerWriters.contains(owner) {
            result.append(Edge(from: .servicePrincipal(owner), to: node, kind: .owns))
        }
    }

    /// The edges into a user beyond tenant-wide resets: resets by scoped roles of the
    /// user's units, sign-ins with a certificate, and the combinations that reach the user.
    /// `covers` says whether a reset reach covers the user (the matrix).
    func scopedUserEdges(into user: UserIndex, catalogue: EscalationCatalogue, covers: (ResetReach?) -> Bool, result: inout [Edge]) {
        let node = NodeID.user(user)
        let units = catalogue.unitsByUser[user] ?? []
        for (index, scopedRole) in catalogue.scopedRoles.enumerated() where scopedRole.unit.map(units.contains) == true {
            if covers(scopedRole.capabilities.resetsAuthentication) {
                result.append(Edge(from: .scopedRole(index), to: node, kind: .resetAuthentication))
            } else if covers(scopedRole.capabilities.resetsPasswords) {
                result.append(Edge(from: .scopedRole(index), to: node, kind: .resetPassword))
            }
        }
        for signer in catalogue.certificateSigners { result.append(Edge(from: signer, to: node, kind: .signInWithCertificate)) }
        for index in catalogue.certificateCombinations where isHeld(catalogue.combinations[index], catalogue: catalogue) {
            result.append(Edge(from: .combination(index), to: node, kind: .signInWithCertificate))
        }
        guard !catalogue.restrictedMembers.contains(user) else { return }
        for (index, combination) in catalogue.combinations.enumerated() {
            guard case .dynamicUnit(let unit) = combination.effect, !units.contains(unit), isHeld(combination, catalogue: catalogue) else { continue }
            let capabilities = catalogue.scopedRoles[Int(combination.parts.1.index)].capabilities
            if covers(capabilities.resetsAuthentication) {
                result.append(Edge(from: .combination(index), to: node, kind: .resetAuthentication))
            } else if covers(capabilities.resetsPasswords) {
                result.append(Edge(from: .combination(index), to: node, kind: .resetPassword))
            }
        }
    }

    /// Whether the user holds (eligible, active or activated) a role scoped to a restricted-management
    /// unit: Microsoft's matrix lets only Global and Privileged Authentication Administrators reset
    /// such a user, as a member of a role-assignable group.
    func holdsRestrictedScope(_ user: UserIndex, catalogue: EscalationCatalogue) -> Bool {
        guard !catalogue.restrictedScopes.isEmpty else { return false }
        for id in assignmentsByUser[user] ?? [] where catalogue.restrictedScopes.contains(assignments[id]?.scope ?? "/") { return true }
        for id in activationsByUser[user] ?? [] where catalogue.restrictedScopes.contains(activations[id]?.scope ?? "/") { return true }
        return false
    }

    /// Whether both parts of a combination are held by someone: a role with an assignment in
    /// effect (any principal, eligible or active) or a service principal holding it; a service
    /// principal always. Assignments are structural changes, activations are not: an edge that
    /// depends on this moves only when the potential reach is searched again.
    func isHeld(_ combination: Combination, catalogue: EscalationCatalogue) -> Bool {
        isHeld(combination.parts.0, catalogue: catalogue) && isHeld(combination.parts.1, catalogue: catalogue)
    }

    private func isHeld(_ node: NodeID, catalogue: EscalationCatalogue) -> Bool {
        switch node.kind {
        case .role:
            let role = RoleIndex(node.index)
            if !(catalogue.servicePrincipalsByRole[role] ?? []).isEmpty { return true }
            return (assignmentsByRole[role] ?? []).contains { assignments[$0]?.scope == "/" }
        case .scopedRole:
            let scopedRole = catalogue.scopedRoles[Int(node.index)]
            let scope = scopedRole.scope
            return (assignmentsByRole[scopedRole.role] ?? []).contains { assignments[$0]?.scope == scope }
        default:
            return true
        }
    }
}
