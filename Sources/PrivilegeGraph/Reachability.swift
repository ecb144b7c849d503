import TenantModel

/// Which nodes can reach Tier 0 (control of the tenant) in one state, by a shortest escalation
/// path, found by a breadth-first search backwards from the tenant node.
///
/// `potential` reach uses every traversable edge except activations, eligibilities included
/// (their gates are listed on the path): an activation only makes live what an eligibility
/// already allowed, so it never changes who can reach Tier 0 or how many steps it takes.
/// `live` reach uses only edges that give access now: no eligibility on the way.
/// Role assignments scoped to an administrative unit give no tenant-wide capability and are not
/// traversed.
public struct Reachability: Sendable {
    /// Which edges a path may use.
    public enum Mode: Sendable {
        /// Every traversable edge (eligible assignments included).
        case potential
        /// Only edges that give access now (no eligibility).
        case live
        /// Live edges without activations: what holds between activations.
        case standing
    }

    /// The mode used.
    public let mode: Mode
    /// What the search knows of a node: edges to the tenant, the path's cost, its first edge.
    struct Entry {
        var distance: Int
        var cost: Int
        var next: Edge?
    }
    private var entries: [NodeID: Entry] = [:]

    /// Searches the state. Among paths of the same length the one with the fewest
    /// eligibilities, then the fewest gates, is kept (ties: the first in node order).
    public init(state: PrivilegeState, catalogue: EscalationCatalogue, mode: Mode) {
        self.mode = mode
        entries[.tenant] = Entry(distance: 0, cost: 0, next: nil)
        var queue: [NodeID] = [.tenant]
        var head = 0
        while head < queue.count {
            // Breadth first: every node at distance d is expanded before any at d + 1, so a node
            // still waiting in the queue may take a cheaper edge from another node at distance d.
            let node = queue[head]
            head += 1
            guard let here = entries[node] else { continue }
            for edge in state.edges(into: node, catalogue: catalogue) where Self.usable(edge, mode: mode) {
                let cost = here.cost + (edge.kind.isEligibility ? 16 : 0) + edge.gates.rawValue.nonzeroBitCount
                if let known = entries[edge.from] {
                    guard known.distance == here.distance + 1, cost < known.cost else { continue }
                } else {
                    queue.append(edge.from)
                }
                entries[edge.from] = Entry(distance: here.distance + 1, cost: cost, next: edge)
            }
        }
    }

    /// Whether a path may use the edge in this mode.
    static func usable(_ edge: Edge, mode: Mode) -> Bool {
        guard edge.kind.isTraversable, edge.scope == nil else { return false }
        switch mode {
        case .potential: return !edge.kind.isActivation
        case .live: return !edge.kind.isEligibility
        case .standing: return !edge.kind.isEligibility && !edge.kind.isActivation
        }
    }

    /// The nodes with a live path, from those with a standing path (`standing`, a `.standing`
    /// search of the same state's structure) and the activations in effect.
    public static func live(extending standing: Set<NodeID>, state: PrivilegeState, catalogue: EscalationCatalogue) -> Set<NodeID> {
        standing.union(liveAdditions(beyond: standing, state: state, catalogue: catalogue))
    }

    /// The nodes that the activations in effect give a live path beyond `standing`: a search
    /// that only visits what the activations add, so its cost follows the activations, not the
    /// tenant.
    public static func liveAdditions(beyond standing: Set<NodeID>, state: PrivilegeState, catalogue: EscalationCatalogue) -> Set<NodeID> {
        var added = Set<NodeID>()
        var queue: [NodeID] = []
        func known(_ node: NodeID) -> Bool { standing.contains(node) || added.contains(node) }
        // The closure does not depend on the order: an activation whose target is only added
        // later by the search is found through its activation edge into that target.
        for activation in state.activations.values {
            let user = NodeID.user(activation.user)
            guard state.isPresent(activation.user), !known(user),
                  let target = catalogue.activationTarget(role: activation.role, scope: activation.scope, scenario: state.scenario),
                  known(target) else { continue }
            added.insert(user)
            queue.append(user)
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in state.edges(into: node, catalogue: catalogue) where usable(edge, mode: .live) && !known(edge.from) {
                added.insert(edge.from)
                queue.append(edge.from)
            }
        }
        return added
    }

    /// Whether the node can reach Tier 0.
    public func reaches(_ node: NodeID) -> Bool { entries[node] != nil }

    /// Edges from `node` to the tenant along its shortest path, when it can reach Tier 0.
    public func distance(from node: NodeID) -> Int? { entries[node]?.distance }

    /// Every node that can reach Tier 0, sorted.
    public var reachingNodes: [NodeID] { entries.keys.sorted() }

    /// Principals (users and service principals) that can reach Tier 0, sorted.
    public var principals: [NodeID] { entries.keys.filter(\.isPrincipal).sorted() }

    /// The shortest path from `node` to the tenant, edge by edge (empty when it cannot reach).
    public func path(from node: NodeID) -> [Edge] {
        var edges: [Edge] = []
        var current = node
        while let edge = entries[current]?.next, edges.count <= entries.count {
            edges.append(edge)
            current = edge.to
        }
        return edges
    }

    /// Escalation steps from `node` to Global Administrator: the path's edges without the last
    /// one (Global Administrator controls the tenant). A holder of the role is 1 step away.
    public func steps(from node: NodeID) -> Int? {
        entries[node].map { $0.distance - 1 }
    }

    /// The union of the PIM gates along the node's shortest path.
    public func gates(from node: NodeID) -> Gates {
        path(from: node).reduce(into: Gates()) { $0.formUnion($1.gates) }
    }
}
