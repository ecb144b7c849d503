/// What part of a privilege graph to draw, and how much of it at most.
public struct GraphView: Sendable, Equatable {
    /// Keep only principals and edges on shortest paths to Tier 0.
    public var paths = false
    /// Keep only this node (a key such as `user:alice`) and its first-degree neighbours.
    public var focus: String?
    /// Fold each group's members that have no other edge into one node with a count.
    public var collapse = false
    /// The most nodes to draw; beyond it the view collapses members, then drops principals
    /// without privileged access, then keeps the nodes closest to Tier 0, and says so.
    public var cap = 400

    /// The default view: everything, up to 400 nodes.
    public init(paths: Bool = false, focus: String? = nil, collapse: Bool = false, cap: Int = 400) {
        self.paths = paths
        self.focus = focus
        self.collapse = collapse
        self.cap = cap
    }

    /// The graph as this view draws it.
    public func apply(to graph: PrivilegeGraph) -> PrivilegeGraph {
        var result = graph
        if let focus { result = Self.focused(result, on: focus) }
        if paths { result = Self.pathsOnly(result) }
        if collapse { result = Self.collapsed(result) }
        if result.nodes.count > cap { result = summarised(result) }
        return result
    }

    /// The node and its first-degree neighbourhood.
    static func focused(_ graph: PrivilegeGraph, on key: String) -> PrivilegeGraph {
        let links = graph.links.filter { $0.from == key || $0.to == key }
        var keep = Set([key])
        for link in links {
            keep.insert(link.from)
            keep.insert(link.to)
        }
        var result = restricted(graph, to: keep, links: links)
        result.notes.append("Focus: \(graph.nodes[key]?.label ?? key) and its first-degree neighbours")
        return result
    }

    /// Nodes that can reach Tier 0 and the edges of their shortest paths.
    static func pathsOnly(_ graph: PrivilegeGraph) -> PrivilegeGraph {
        let distance: [String: Int] = graph.nodes.compactMapValues { $0.steps.map { $0 + 1 } }
        let links = graph.links.filter { link in
            guard link.kind.isTraversable, link.scope == nil, let from = distance[link.from], let to = distance[link.to] else { return false }
            return from == to + 1
        }
        var result = restricted(graph, to: Set(distance.keys), links: links)
        result.notes.append("Only principals that can reach Tier 0, with the edges of their shortest paths")
        return result
    }

    /// Each group's members without other edges folded into one node per group.
    static func collapsed(_ graph: PrivilegeGraph) -> PrivilegeGraph {
        var degree: [String: Int] = [:]
        for link in graph.links {
            degree[link.from, default: 0] += 1
            degree[link.to, default: 0] += 1
        }
        var folded: [String: [String]] = [:]
        for link in graph.links where link.kind == .memberOf && degree[link.from] == 1 && graph.nodes[link.from]?.kind == .user {
            folded[link.to, default: []].append(link.from)
        }
        folded = folded.filter { $0.value.count >= 2 }
        guard !folded.isEmpty else { return graph }
        var result = graph
        var links = graph.links
        var removedNodes = Set<String>()
        for (group, members) in folded.sorted(by: { $0.key < $1.key }) {
            let summary = "members:" + group
            let tier = members.compactMap { graph.nodes[$0]?.tier }.min() ?? .other
            result.nodes[summary] = PrivilegeGraph.Node(
                key: summary, label: "\(members.count) members", kind: nil, tier: tier, steps: nil, count: members.count
            )
            removedNodes.formUnion(members)
            links.append(PrivilegeGraph.Link(from: summary, to: group, kind: .memberOf, gates: [], scope: nil))
        }
        for key in removedNodes { result.nodes[key] = nil }
        result.links = links.filter { !removedNodes.contains($0.from) && !removedNodes.contains($0.to) }.sorted()
        let total = folded.values.reduce(0) { $0 + $1.count }
        result.notes.append("\(total) members without other edges collapsed into \(folded.count) group node\(folded.count == 1 ? "" : "s")")
        return result
    }

    /// Applies the cap: collapse, then drop principals without privileged access, then keep the
    /// nodes closest to Tier 0.
    func summarised(_ graph: PrivilegeGraph) -> PrivilegeGraph {
        var result = graph
        if !collapse { result = Self.collapsed(result) }
        if result.nodes.count > cap {
            let drop = Set(result.nodes.values.filter { $0.tier == .other && ($0.kind == .user || $0.kind == nil) }.map(\.key))
            if !drop.isEmpty {
                result = Self.restricted(result, to: Set(result.nodes.keys).subtracting(drop), links: result.links)
                result.notes.append("\(drop.count) principals without privileged access left out")
            }
        }
        if result.nodes.count > cap {
            let ranked = result.nodes.values.sorted { lhs, rhs in
                if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
                let left = lhs.steps ?? Int.max, right = rhs.steps ?? Int.max
                return left != right ? left < right : lhs.key < rhs.key
            }
            let keep = Set(ranked.prefix(Swift.max(cap, 1)).map(\.key)).union(["tenant"])
            let omitted = result.nodes.count - keep.count
            result = Self.restricted(result, to: keep, links: result.links)
            if omitted > 0 { result.notes.append("\(omitted) more nodes omitted (cap \(cap)); the closest to Tier 0 are kept") }
        }
        return result
    }

    /// The graph limited to `keys`, with the given links between them.
    static func restricted(_ graph: PrivilegeGraph, to keys: Set<String>, links: [PrivilegeGraph.Link]) -> PrivilegeGraph {
        var result = graph
        result.nodes = graph.nodes.filter { keys.contains($0.key) }
        result.links = links.filter { keys.contains($0.from) && keys.contains($0.to) }.sorted()
        return result
    }
}
