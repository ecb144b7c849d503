import TenantModel

extension PrivilegeGraph {
    /// The whole graph of a state: every collected edge (assignments, activations, memberships,
    /// ownerships, approvers), and the derived escalation edges that bring their source closer
    /// to Tier 0 (the others lead nowhere and would bury the picture: a Helpdesk Administrator
    /// can reset every ordinary user, a Global Administrator everyone).
    public static func build(state: PrivilegeState, catalogue: EscalationCatalogue) -> PrivilegeGraph {
        let potential = Reachability(state: state, catalogue: catalogue, mode: .potential)
        let scenario = state.scenario
        var edges = Set<Edge>()
        func closer(_ edge: Edge) -> Bool {
            guard let to = potential.distance(from: edge.to), let from = potential.distance(from: edge.from) else { return false }
            return from == to + 1
        }
        func add(_ incoming: [Edge]) {
            for edge in incoming where !edge.kind.isDerived || closer(edge) { edges.insert(edge) }
        }
        add(state.edges(into: .tenant, catalogue: catalogue))
        for (index, role) in scenario.roles.enumerated() where role.groupAccess == nil {
            add(state.edges(into: .role(RoleIndex(index)), catalogue: catalogue))
        }
        for index in scenario.tenant.groups.indices { add(state.edges(into: .group(GroupIndex(index)), catalogue: catalogue)) }
        for index in scenario.tenant.applications.indices { add(state.edges(into: .application(index), catalogue: catalogue)) }
        for index in scenario.tenant.servicePrincipals.indices { add(state.edges(into: .servicePrincipal(index), catalogue: catalogue)) }
        for index in catalogue.scopedRoles.indices { add(state.edges(into: .scopedRole(index), catalogue: catalogue)) }
        for index in scenario.accessPackages.indices { add(state.edges(into: .accessPackage(index), catalogue: catalogue)) }
        // A combination is drawn, with its two parts, only when it leads to Tier 0.
        for node in potential.reachingNodes where node.kind == .combination { add(state.edges(into: node, catalogue: catalogue)) }
        for node in potential.reachingNodes where node.kind == .user { add(state.edges(into: node, catalogue: catalogue)) }

        // Nodes: the ends of kept edges, the tenant, and every service principal and application.
        var ids = Set<NodeID>([.tenant])
        for edge in edges {
            ids.insert(edge.from)
            ids.insert(edge.to)
        }
        for index in scenario.tenant.applications.indices { ids.insert(.application(index)) }
        for index in scenario.tenant.servicePrincipals.indices { ids.insert(.servicePrincipal(index)) }
        // A role nobody holds, may activate or approves is only drawn when it leads somewhere.
        let heldRoles = Set(edges.filter { ($0.to.kind == .role || $0.to.kind == .scopedRole) && !$0.kind.isDerived && $0.kind != .combines }.map(\.to))
        ids = ids.filter {
            ($0.kind != .role && $0.kind != .scopedRole) || heldRoles.contains($0) || catalogue.tenantControllers.contains(RoleIndex($0.index))
        }
        let privileged = privilegedNodes(edges: edges, scenario: scenario)
        var nodes: [String: Node] = [:]
        for id in ids {
            let tier: Tier = potential.reaches(id) ? .tier0 : (privileged.contains(id) ? .privileged : .other)
            nodes[state.key(of: id)] = Node(key: state.key(of: id), label: state.label(of: id), kind: id.kind, tier: tier,
                                            steps: potential.steps(from: id))
        }
        let links = edges.filter { ids.contains($0.from) && ids.contains($0.to) }.map { edge in
            Link(from: state.key(of: edge.from), to: state.key(of: edge.to), kind: edge.kind, gates: edge.gates, scope: edge.scope)
        }
        return PrivilegeGraph(nodes: nodes, links: links, time: state.time)
    }

    /// Privileged roles, and whatever holds, may activate or owns a way into one.
    private static func privilegedNodes(edges: Set<Edge>, scenario: Scenario) -> Set<NodeID> {
        var result = Set<NodeID>()
        for edge in edges where edge.to.kind == .role && (scenario.roles[Int(edge.to.index)].privileged || scenario.roles[Int(edge.to.index)].escalation != nil) {
            result.insert(edge.to)
            if !edge.kind.isDerived && edge.kind != .approverOf { result.insert(edge.from) }
        }
        // Members and owners of groups that hold privileged roles.
        let privilegedGroups = result.filter { $0.kind == .group }
        for edge in edges where privilegedGroups.contains(edge.to) && edge.kind != .approverOf && !edge.kind.isDerived {
            result.insert(edge.from)
        }
        return result
    }
}
