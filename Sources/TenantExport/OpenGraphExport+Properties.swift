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
        case .accessPackage:
            named(scenario.accessPackages[index].displayName, scenarioId: scenario.accessPackages[index].id)
        case .scopedRole, .combination:
            named(snapshot.state.label(of: node), scenarioId: nil)
            result["pimsimkey"] = .string(snapshot.state.key(of: node))
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

    /// What an assignment edge stands for: a principal's eligible, active or activated access to a
    /// role (or PIM for Groups pseudo-role) at a scope.
    struct WindowKey: Hashable {
        var principal: NodeID
        var role: RoleIndex
        var kind: EdgeKind
        var scope: String
    }

    /// The span of what an edge stands for: the earliest start, the latest end (nil: permanent).
    struct Window {
        var start: Int64
        var end: Int64?
    }

    /// Every assignment and live activation of the snapshot folded by edge, in one pass.
    static func windows(of snapshot: ExportSnapshot) -> [WindowKey: Window] {
        var result: [WindowKey: Window] = [:]
        func add(_ key: WindowKey, _ start: Int64, _ end: Int64?) {
            guard let known = result[key] else {
                result[key] = Window(start: start, end: end)
                return
            }
            let later = known.end.flatMap { old in end.map { max(old, $0) } }
            result[key] = Window(start: min(known.start, start), end: later)
        }
        let state = snapshot.state
        for (id, assignment) in state.assignments {
            let principal: NodeID
            switch assignment.principal {
            case .user(let user): principal = .user(user)
            case .group(let group): principal = .group(group)
            }
            let key = WindowKey(principal: principal, role: assignment.role, kind: assignment.type == .eligible ? .eligible : .standing,
                                scope: assignment.scope)
            add(key, assignment.start, snapshot.end(of: id, assignment))
        }
        for (id, activation) in state.activations {
            guard let window = snapshot.activationWindows[id] else { continue }
            add(WindowKey(principal: .user(activation.user), role: activation.role, kind: .activated, scope: activation.scope), window.start, window.end)
        }
        return result
    }

    /// The earliest start and latest end (nil: permanent) of what an edge into a role stands for.
    func window(_ kind: EdgeKind, principal: NodeID, role: RoleIndex, scope: String) -> (start: Int64?, end: Int64?) {
        guard let window = windows[WindowKey(principal: principal, role: role, kind: kind, scope: scope)] else { return (nil, nil) }
        return (window.start, window.end)
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
}
