import TenantModel

extension PrivilegeState {
    /// The PIM gates an eligibility for `role` must pass under the settings in effect.
    public func gates(for role: RoleIndex) -> Gates {
        let settings = policies[role].activation
        var gates: Gates = []
        if settings.requireMFA { gates.insert(.mfa) }
        if settings.authenticationContext != nil { gates.insert(.authenticationContext) }
        if settings.requireApproval { gates.insert(.approval) }
        if settings.requireJustification { gates.insert(.justification) }
        if settings.requireTicket { gates.insert(.ticket) }
        return gates
    }

    /// Every edge that ends at `node` in the current state, sorted, without repeats.
    public func edges(into node: NodeID, catalogue: EscalationCatalogue) -> [Edge] {
        var result: [Edge] = []
        switch node.kind {
        case .tenant:
            for role in catalogue.tenantControllers { result.append(Edge(from: .role(role), to: node, kind: .controls)) }
        case .role:
            roleEdges(into: RoleIndex(node.index), catalogue: catalogue, result: &result)
            packageGrantEdges(into: node, result: &result)
        case .group:
            groupEdges(into: GroupIndex(node.index), catalogue: catalogue, result: &result)
            packageGrantEdges(into: node, result: &result)
        case .scopedRole:
            scopedRoleEdges(into: Int(node.index), catalogue: catalogue, result: &result)
        case .accessPackage:
            packageEdges(into: Int(node.index), result: &result)
        case .combination:
            let combination = catalogue.combinations[Int(node.index)]
            result.append(Edge(from: combination.parts.0, to: node, kind: .combines))
            result.append(Edge(from: combination.parts.1, to: node, kind: .combines))
        case .user:
            // One edge per resetter, already in node order.
            userEdges(into: UserIndex(node.index), catalogue: catalogue, result: &result)
            return result
        case .application:
            let application = scenario.tenant.applications[Int(node.index)]
            objectEdges(into: node, owners: application.owners, catalogue: catalogue, result: &result)
            ownerPrincipalEdges(into: node, owners: application.servicePrincipalOwners, catalogue: catalogue, result: &result)
            objectScopedEdges(into: node, catalogue: catalogue, result: &result)
            packageGrantEdges(into: node, result: &result)
        case .servicePrincipal:
            let principal = scenario.tenant.servicePrincipals[Int(node.index)]
            if let application = principal.application {
                result.append(Edge(from: .application(application), to: node, kind: .runsAs))
            }
            objectEdges(into: node, owners: principal.owners, catalogue: catalogue, result: &result)
            ownerPrincipalEdges(into: node, owners: principal.servicePrincipalOwners, catalogue: catalogue, result: &result)
            objectScopedEdges(into: node, catalogue: catalogue, result: &result)
        }
        // Sorted, then repeats dropped (a static member may also be an active PIM member).
        result.sort()
        var unique: [Edge] = []
        unique.reserveCapacity(result.count)
        for edge in result where unique.last != edge { unique.append(edge) }
        return unique
    }

    private func scopeLabel(_ scope: String) -> String? { scope == "/" ? nil : scope }

    /// The node an assignment's edge starts from: the user when present, or the group.
    func sourceNode(of principal: Principal) -> NodeID? {
        switch principal {
        case .user(let user): return isPresent(user) ? .user(user) : nil
        case .group(let group): return .group(group)
        }
    }

    private func roleEdges(into role: RoleIndex, catalogue: EscalationCatalogue, result: inout [Edge]) {
        let node = NodeID.role(role)
        let gates = gates(for: role)
        let scoped = catalogue.scopedRoleSet.contains(role)
        for (_, assignment) in assignments(of: role) {
            // An assignment to a declared unit is drawn into the scoped role's node.
            if scoped && catalogue.scopedRoleByScope[assignment.scope]?[role] != nil { continue }
            guard let from = sourceNode(of: assignment.principal) else { continue }
            let eligible = assignment.type == .eligible
            result.append(Edge(from: from, to: node, kind: eligible ? .eligible : .standing,
                               gates: eligible ? gates : [], scope: scopeLabel(assignment.scope)))
        }
        for (_, activation) in activations(of: role) where isPresent(activation.user) {
            if scoped && catalogue.scopedRoleByScope[activation.scope]?[role] != nil { continue }
            result.append(Edge(from: .user(activation.user), to: node, kind: .activated, scope: scopeLabel(activation.scope)))
        }
        for principal in catalogue.servicePrincipalsByRole[role] ?? [] {
            result.append(Edge(from: .servicePrincipal(principal), to: node, kind: .standing))
        }
        approverEdges(into: node, role: role, catalogue: catalogue, result: &result)
        guard catalogue.tenantControllers.contains(role) else { return }
        for (other, capabilities) in catalogue.capableRoles where capabilities.grantsAnyRole && other != role {
            result.append(Edge(from: .role(other), to: node, kind: .grantRole))
        }
        for (index, capabilities) in catalogue.servicePrincipalCapabilities.enumerated() {
            if capabilities.grantsAnyRole {
                result.append(Edge(from: .servicePrincipal(index), to: node, kind: .grantRole))
            } else if capabilities.grantsAppRoles {
                result.append(Edge(from: .servicePrincipal(index), to: node, kind: .grantAppRoles))
            }
        }
    }

    /// Named approvers of a role's (or a PIM for Groups pseudo-role's) activations, or the
    /// default approvers' role when approval is required and nobody is named.
    private func approverEdges(into node: NodeID, role: RoleIndex, catalogue: EscalationCatalogue, result: inout [Edge]) {
        let settings = policies[role].activation
        guard settings.requireApproval else { return }
        if settings.approvers.isEmpty {
            // PIM for Groups has no default approvers.
            if scenario.roles[role.int].groupAccess == nil, let fallback = catalogue.defaultApproverRole, NodeID.role(fallback) != node {
                result.append(Edge(from: .role(fallback), to: node, kind: .approverOf))
            }
            return
        }
        for approver in settings.approvers {
            switch approver {
            case .user(let user) where isPresent(user): result.append(Edge(from: .user(user), to: node, kind: .approverOf))
            case .group(let group): result.append(Edge(from: .group(group), to: node, kind: .approverOf))
            default: break
            }
        }
    }

    private func groupEdges(into group: GroupIndex, catalogue: EscalationCatalogue, result: inout [Edge]) {
        let node = NodeID.group(group)
        let definition = scenario.tenant[group]
        for member in staticMembers[group.int].sorted() where present[Int(member)] {
            result.append(Edge(from: .user(UserIndex(member)), to: node, kind: .memberOf))
        }
        for principal in catalogue.servicePrincipalsByGroup[group] ?? [] {
            result.append(Edge(from: .servicePrincipal(principal), to: node, kind: .memberOf))
        }
        for owner in definition.owners where isPresent(owner) {
            result.append(Edge(from: .user(owner), to: node, kind: .owns))
        }
        let pseudo: [(RoleIndex?, EdgeKind, EdgeKind, EdgeKind)] = [
            (catalogue.memberRole[group], .memberOf, .eligibleMember, .activatedMember),
            (catalogue.ownerRole[group], .owns, .eligibleOwner, .activatedOwner),
        ]
        for case let (role?, standing, eligible, activated) in pseudo {
            let gates = gates(for: role)
            for (_, assignment) in assignments(of: role) {
                let isEligible = assignment.type == .eligible
                switch assignment.principal {
                case .user(let user) where isPresent(user):
                    result.append(Edge(from: .user(user), to: node, kind: isEligible ? eligible : standing, gates: isEligible ? gates : []))
                case .group(let member):
                    // A group eligible member of this one: its members may each activate the membership.
                    result.append(Edge(from: .group(member), to: node, kind: eligible, gates: gates))
                default:
                    continue
                }
            }
            for (_, activation) in activations(of: role) where isPresent(activation.user) {
                result.append(Edge(from: .user(activation.user), to: node, kind: activated))
            }
            approverEdges(into: node, role: role, catalogue: catalogue, result: &result)
        }
        if definition.membershipRule != nil {
            // A dynamic group takes no members by hand: whoever writes the attributes its rule
            // reads joins it instead.
            // (Roles only: a service principal writes attributes but has no user account to move.)
            for writer in catalogue.attributeWriters where writer.kind == .role {
                result.append(Edge(from: writer, to: node, kind: .writeAttributes))
            }
            return
        }
        for (role, capabilities) in catalogue.capableRoles {
            if let reach = capabilities.addsMembers, reach == .all || !definition.roleAssignable {
                result.append(Edge(from: .role(role), to: node, kind: .addMembers))
            }
        }
        for (index, capabilities) in catalogue.servicePrincipalCapabilities.enumerated() {
            if let reach = capabilities.addsMembers, reach == .all || !definition.roleAssignable {
                result.append(Edge(from: .servicePrincipal(index), to: node, kind: .addMembers))
            }
        }
    }

    /// Whether the user is a member or an owner (static, or active or activated through PIM for
    /// Groups) of a role-assignable group: Microsoft's matrix lets only Global and Privileged
    /// Authentication Administrators reset such a user.
    public func isInRoleAssignableGroup(_ user: UserIndex, catalogue: EscalationCatalogue) -> Bool {
        if catalogue.roleAssignableOwners.contains(user) { return true }
        if roleAssignableMemberships[user.int] > 0 { return true }
        for id in assignmentsByUser[user] ?? [] {
            guard let assignment = assignments[id], assignment.type == .active,
                  let access = scenario[assignment.role].groupAccess else { continue }
            if scenario.tenant[access.group].roleAssignable { return true }
        }
        for id in activationsByUser[user] ?? [] {
            guard let activation = activations[id], let access = scenario[activation.role].groupAccess else { continue }
            if scenario.tenant[access.group].roleAssignable { return true }
        }
        return false
    }

    /// Template ids of the directory roles the user holds or may activate directly (nil for
    /// custom roles; PIM for Groups access is not a role). Repeats are harmless.
    func roleTemplates(of user: UserIndex) -> [String?] {
        var result: [String?] = []
        for id in assignmentsByUser[user] ?? [] {
            guard let role = assignments[id]?.role, scenario[role].groupAccess == nil else { continue }
            result.append(scenario[role].templateId)
        }
        for id in activationsByUser[user] ?? [] {
            guard let role = activations[id]?.role, scenario[role].groupAccess == nil else { continue }
            result.append(scenario[role].templateId)
        }
        return result
    }

    /// Reset edges into a user: the authentication-method reset when it covers the user, else the
    /// password reset. Called once per user on every search: no sets, roles read only when needed.
    func userEdges(into user: UserIndex, catalogue: EscalationCatalogue, result: inout [Edge]) {
        guard isPresent(user) else { return }
        let node = NodeID.user(user)
        let protected = isInRoleAssignableGroup(user, catalogue: catalogue) || holdsRestrictedScope(user, catalogue: catalogue)
        var templates: [String?]?
        func covers(_ reach: ResetReach?) -> Bool {
            guard let reach else { return false }
            // The user's roles are read once, and only when a restricted resetter asks.
            if reach != .everyone && !protected && templates == nil { templates = roleTemplates(of: user) }
            return EscalationRules.covers(reach, roles: templates ?? [], inRoleAssignableGroup: protected)
        }
        // Members of a restricted-management unit are managed only by the unit's own
        // administrators: tenant-wide resetters do not reach them.
        if !catalogue.restrictedMembers.contains(user) {
            for resetter in catalogue.resetters {
                if covers(resetter.authentication) {
                    result.append(Edge(from: resetter.from, to: node, kind: .resetAuthentication))
                } else if covers(resetter.password) {
                    result.append(Edge(from: resetter.from, to: node, kind: .resetPassword))
                }
            }
        }
        guard catalogue.hasScopedUserEdges else { return }
        let before = result.count
        scopedUserEdges(into: user, catalogue: catalogue, covers: covers, result: &result)
        if result.count > before { result.sort() }
    }

    /// Edges into an application or a service principal: owners and credential rights.
    private func objectEdges(into node: NodeID, owners: [UserIndex], catalogue: EscalationCatalogue, result: inout [Edge]) {
        for owner in owners where isPresent(owner) { result.append(Edge(from: .user(owner), to: node, kind: .owns)) }
        for (role, capabilities) in catalogue.capableRoles {
            if capabilities.addsSecrets {
                result.append(Edge(from: .role(role), to: node, kind: .addSecret))
            } else if capabilities.addsOwners {
                result.append(Edge(from: .role(role), to: node, kind: .addOwner))
            }
        }
        for (index, capabilities) in catalogue.servicePrincipalCapabilities.enumerated() where NodeID.servicePrincipal(index) != node {
            if capabilities.addsSecrets {
                result.append(Edge(from: .servicePrincipal(index), to: node, kind: .addSecret))
            } else if capabilities.addsOwners || (capabilities.addsServicePrincipalOwners && node.kind == .servicePrincipal) {
                result.append(Edge(from: .servicePrincipal(index), to: node, kind: .addOwner))
            }
        }
    }
}
