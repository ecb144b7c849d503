import PrivilegeGraph
import Reports
import TenantModel

extension OpenGraphExport {
    /// A node's properties: lower-case names, primitive values, never null, never `objectid`.
    func nodeProperties(_ node: NodeID) -> [String: JSONValue] {
        let scenario = snapshot.scenario, tenant = scenario.tenant, index = Int(node.index)
        var result: [String: JSONValue] = ["tenantid": .string(ids.tenantId.uppercased())]
        func named(_ display: String, scenarioId: String?) {
            result["displayname"] = .string(display)
            result["name"] = .string(display.uppercased())
            if let scenarioId { result["scenarioid"] = .string(scenarioId) }
        }
        switch node.kind {
        case .tenant:
            named(scenario.name, scenarioId: nil)
        case .user:
            let user = tenant.users[index]
            named(user.displayName, scenarioId: user.id)
            result["name"] = .string(ids.userPrincipalName(user).uppercased())
            result["userprincipalname"] = .string(ids.userPrincipalName(user))
            result["enabled"] = .bool(snapshot.state.isPresent(UserIndex(index)))
            result["breakglass"] = .bool(user.breakGlass)
            result["compromised"] = .bool(snapshot.state.compromised.contains(UserIndex(index)))
        case .group:
            let group = tenant.groups[index]
            named(group.name ?? group.id, scenarioId: group.id)
            result["isassignabletorole"] = .bool(group.roleAssignable)
        case .role:
            let role = scenario.roles[index]
            named(role.name, scenarioId: nil)
            result["templateid"] = .string(ids.roles[index] ?? "")
            result["builtin"] = .bool(role.builtIn)
            result["privileged"] = .bool(role.privileged)
        case .application:
            let application = tenant.applications[index]
            named(application.displayName, scenarioId: application.id)
            result["appid"] = .string(ids.applicationAppIds[index].uppercased())
            result["appobjectid"] = .string(ids.applications[index].uppercased())
        case .servicePrincipal:
            let principal = tenant.servicePrincipals[index]
            named(principal.displayName, scenarioId: principal.id)
            result["appid"] = .string(ids.servicePrincipalAppIds[index].uppercased())
        }
        return result
    }

    /// An edge's properties: whether paths may use it, whether it is derived from the escalation
    /// catalogue, its scope, and for assignments, memberships and ownerships their start and end
    /// (or `permanent`), for eligibilities the gates of the policy in effect.
    func properties(of link: PrivilegeGraph.Link, from: NodeID, to: NodeID) -> [String: JSONValue] {
        var result: [String: JSONValue] = ["traversable": .bool(link.kind.isTraversable), "derived": .bool(link.kind.isDerived)]
        if let scope = link.scope { result["scope"] = .string(scope) }
        var gated: RoleIndex?
        var window: (start: Int64?, end: Int64?)?
        switch (link.kind, to.kind) {
        case (.eligible, .role), (.standing, .role), (.activated, .role):
            let role = RoleIndex(to.index)
            window = from.kind == .servicePrincipal ? (nil, nil) : self.window(link.kind, principal: from, role: role, scope: link.scope ?? "/")
            if link.kind == .eligible { gated = role }
        case (.eligibleMember, .group), (.activatedMember, .group), (.memberOf, .group),
             (.eligibleOwner, .group), (.activatedOwner, .group), (.owns, .group):
            let group = GroupIndex(to.index)
            let owner = link.kind == .eligibleOwner || link.kind == .activatedOwner || link.kind == .owns
            let role = pseudoRoles[RoleDefinition.GroupAccess(group: group, kind: owner ? .owner : .member)]
            window = groupWindow(link.kind, principal: from, group: group, role: role)
            if link.kind.isEligibility { gated = role }
        case (.owns, _):
            window = (nil, nil)
        default:
            break
        }
        if let window {
            if let start = window.start { result["start"] = .string(ExportTime.timestamp(start, startEpoch: snapshot.scenario.startEpoch)) }
            result["permanent"] = .bool(window.end == nil)
            if let end = window.end { result["end"] = .string(ExportTime.timestamp(end, startEpoch: snapshot.scenario.startEpoch)) }
        }
        if let gated { gates(of: gated, into: &result) }
        return result
    }

    /// The gates of activating `role` under the settings in effect.
    func gates(of role: RoleIndex, into result: inout [String: JSONValue]) {
        let settings = snapshot.state.policies[role].activation
        result["requiresapproval"] = .bool(settings.requireApproval)
        result["requiresmfa"] = .bool(settings.requireMFA)
        result["requiresjustification"] = .bool(settings.requireJustification)
        result["requiresticket"] = .bool(settings.requireTicket)
        result["maxactivation"] = .string(ExportTime.duration(settings.maxDuration))
        if let context = settings.authenticationContext { result["authenticationcontext"] = .string(context) }
        let approvers = settings.approvers.map { approver -> JSONValue in
            switch approver {
            case .user(let user): return .string(ids.users[user.int].uppercased())
            case .group(let group): return .string(ids.groups[group.int].uppercased())
            }
        }
        if !approvers.isEmpty { result["approvers"] = .array(approvers) }
    }

    /// The earliest start and latest end (nil: permanent) of what an edge into a role stands for.
    func window(_ kind: EdgeKind, principal: NodeID, role: RoleIndex, scope: String) -> (start: Int64?, end: Int64?) {
        let state = snapshot.state
        var starts: [Int64] = [], ends: [Int64?] = []
        if kind == .activated {
            for (id, activation) in state.activations(of: role)
            where NodeID.user(activation.user) == principal && activation.scope == scope {
                guard let window = snapshot.activationWindows[id] else { continue }
                starts.append(window.start)
                ends.append(window.end)
            }
        } else {
            let type: AssignmentType = kind == .eligible ? .eligible : .active
            for (id, assignment) in state.assignments(of: role)
            where assignment.type == type && assignment.scope == scope && node(of: assignment.principal) == principal {
                starts.append(assignment.start)
                ends.append(snapshot.end(of: id, assignment))
            }
        }
        guard !starts.isEmpty else { return (nil, nil) }
        return (starts.min(), ends.contains { $0 == nil } ? nil : ends.compactMap { $0 }.max())
    }

    /// The window of a membership or ownership edge: a static one is permanent, a PIM for Groups
    /// one lasts as its assignment or activation does.
    func groupWindow(_ kind: EdgeKind, principal: NodeID, group: GroupIndex, role: RoleIndex?) -> (start: Int64?, end: Int64?) {
        let definition = snapshot.scenario.tenant[group]
        switch kind {
        case .memberOf:
            if principal.kind != .user || snapshot.state.staticMembers[group.int].contains(principal.index) { return (nil, nil) }
        case .owns:
            if principal.kind != .user || definition.owners.contains(UserIndex(principal.index)) { return (nil, nil) }
        default:
            break
        }
        guard let role else { return (nil, nil) }
        let roleKind: EdgeKind = kind.isEligibility ? .eligible : (kind.isActivation ? .activated : .standing)
        return window(roleKind, principal: principal, role: role, scope: "/")
    }

    private func node(of principal: Principal) -> NodeID {
        switch principal {
        case .user(let user): return .user(user)
        case .group(let group): return .group(group)
        }
    }
}
