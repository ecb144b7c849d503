import TenantModel

/// Which nodes can reach Tier 0 (control of the tenant) in one state, by a shortest escalation
/// path, found by a breadth-first search backwards from the tenant node.
///
/// `potential` reach uses every traversable edge, eligibilities included (their gates are listed
/// on the path); `live` reach uses only edges that give access now: no eligibility on the way.
/// Role assignments scoped to an administrative unit give no tenant-wide capability and are not
/// traversed.
public struct Reachability: Sendable {
    /// Which edges a path may use.
    public enum Mode: Sendable {
        /// Every traversable edge (eligible assignments included).
        case potential
        /// Only edges that give access now (no eligibility).
        case live
    }

    /// The mode used.
    public let mode: Mode
    /// Edges from each reaching node to the tenant node, along its shortest path.
    public private(set) var distance: [NodeID: Int] = [:]
    /// The first edge of each reaching node's shortest path.
    public private(set) var next: [NodeID: Edge] = [:]

    /// Searches the state.
    public init(state: PrivilegeState, catalogue: EscalationCatalogue, mode: Mode) {
        self.mode = mode
        distance[.tenant] = 0
        var queue: [NodeID] = [.tenant]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let steps = distance[node, default: 0] + 1
            for edge in state.edges(into: node, catalogue: catalogue) where Self.usable(edge, mode: mode) {
                guard distance[edge.from] == nil else { continue }
                distance[edge.from] = steps
                next[edge.from] = edge
                queue.append(edge.from)
            }
        }
    }

    /// Whether a path may use the edge in this mode.
    static func usable(_ edge: Edge, mode: Mode) -> Bool {
        guard edge.kind.isTraversable, edge.scope == nil else { return false }
        return mode == .potential || !edge.kind.isEligibility
    }

    /// Whether the node can reach Tier 0.
    public func reaches(_ node: NodeID) -> Bool { distance[node] != nil }

    /// Principals (users and service principals) that can reach Tier 0, sorted.
    public var principals: [NodeID] { distance.keys.filter(\.isPrincipal).sorted() }

    /// The shortest path from `node` to the tenant, edge by edge (empty when it cannot reach).
    public func path(from node: NodeID) -> [Edge] {
        var edges: [Edge] = []
        var current = node
        while let edge = next[current], edges.count <= distance.count {
            edges.append(edge)
            current = edge.to
        }
        return edges
    }

    /// Escalation steps from `node` to Global Administrator: the path's edges without the last
    /// one (Global Administrator controls the tenant). A holder of the role is 1 step away.
    public func steps(from node: NodeID) -> Int? {
        distance[node].map { $0 - 1 }
    }

    /// The union of the PIM gates along the node's shortest path.
    public func gates(from node: NodeID) -> Gates {
        path(from: node).reduce(into: Gates()) { $0.formUnion($1.gates) }
    }
}
