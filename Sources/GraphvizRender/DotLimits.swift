import CGraphviz

/// How large a graph the `dot` engine may lay out; larger graphs are refused before layout starts.
///
/// `dot` cannot be interrupted once it has started, and its cost depends far more on cycles than on
/// size. Measured with Graphviz 2.42 on this project's 2-core machines (layout and SVG; see
/// docs/graphviz.md): a layered, acyclic graph of 1 000 nodes and 3 000 edges takes 1.2 to 1.5 s,
/// but the same shape with 10 edges pointing back up the layers took 38 s; random graphs with three
/// edges per node took 0.14 s at 50 nodes, 0.9 to 7 s at 100 and 33 to 52 s at 150. `sfdp` lays any
/// of these out in well under a second. So the limits count nodes, far more strictly once the
/// graph has a cycle.
public struct DotLimits: Sendable, Equatable {
    /// The most nodes `dot` may lay out when the graph has no cycle.
    public var maxNodes: Int
    /// The most nodes `dot` may lay out when the graph has at least one cycle (self-loops aside).
    public var maxNodesWithCycles: Int

    /// Limits of `maxNodes` nodes for acyclic graphs and `maxNodesWithCycles` for cyclic ones.
    public init(maxNodes: Int, maxNodesWithCycles: Int) {
        self.maxNodes = maxNodes
        self.maxNodesWithCycles = maxNodesWithCycles
    }

    /// 1 000 nodes for acyclic graphs and 100 for cyclic ones: a few seconds at most in the
    /// measurements above.
    public static let standard = DotLimits(maxNodes: 1_000, maxNodesWithCycles: 100)

    /// No limit: `dot` lays out whatever it is given, however long that takes.
    public static let unlimited = DotLimits(maxNodes: .max, maxNodesWithCycles: .max)

    /// The refusal for `graph` (already parsed) under these limits, or nil when `dot` may lay it out.
    func refusal(for graph: UnsafeMutablePointer<Agraph_t>) -> GraphvizError? {
        let nodes = Int(agnnodes(graph))
        if nodes > maxNodes {
            return .tooLargeForDot(nodes: nodes, cycleEdges: nil, limit: maxNodes)
        }
        guard nodes > maxNodesWithCycles else { return nil }
        let cycleEdges = Self.cycleClosingEdges(in: graph)
        if cycleEdges > 0 {
            return .tooLargeForDot(nodes: nodes, cycleEdges: cycleEdges, limit: maxNodesWithCycles)
        }
        return nil
    }

    /// The edges that close a cycle in a depth-first search from each node in turn (the edges
    /// `dot` itself reverses to make the graph acyclic), self-loops excluded.
    static func cycleClosingEdges(in graph: UnsafeMutablePointer<Agraph_t>) -> Int {
        typealias Node = UnsafeMutablePointer<Agnode_t>
        typealias Edge = UnsafeMutablePointer<Agedge_t>
        enum Mark { case onPath, done }
        var marks: [Node: Mark] = [:]
        var count = 0
        var root = agfstnode(graph)
        while let start = root {
            defer { root = agnxtnode(graph, start) }
            if marks[start] != nil { continue }
            // Each frame is a node on the current path and the next of its out-edges to follow.
            var path: [(node: Node, edge: Edge?)] = [(start, agfstout(graph, start))]
            marks[start] = .onPath
            while let top = path.last {
                guard let edge = top.edge else {
                    marks[top.node] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].edge = agnxtout(graph, edge)
                guard let head = pimsim_aghead(edge), head != top.node else { continue }
                switch marks[head] {
                case .onPath?: count += 1
                case .done?: break
                case nil:
                    marks[head] = .onPath
                    path.append((head, agfstout(graph, head)))
                }
            }
        }
        return count
    }
}
