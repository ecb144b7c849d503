/// The difference between a baseline's privilege graph and a variant's: every node of either,
/// edges marked added (only in the variant), removed (only in the baseline) or kept. Nodes and
/// edges are matched by their stable keys, so variants that add users or roles line up.
public enum GraphDiff {
    /// Identity of an edge across graphs, gates included: a changed gate shows as the old edge
    /// removed and the new one added.
    struct EdgeKey: Hashable {
        var from: String, to: String, kind: EdgeKind, scope: String?, gates: Gates
        init(_ link: PrivilegeGraph.Link) {
            (from, to, kind, scope, gates) = (link.from, link.to, link.kind, link.scope, link.gates)
        }
    }

    /// The combined graph; `unchanged` keeps edges present in both (drawn faded) when true,
    /// and leaves them out when false.
    public static func diff(baseline: PrivilegeGraph, variant: PrivilegeGraph, unchanged: Bool = true) -> PrivilegeGraph {
        let before = Set(baseline.links.map(EdgeKey.init))
        let after = Set(variant.links.map(EdgeKey.init))
        var links: [PrivilegeGraph.Link] = []
        for link in variant.links {
            var copy = link
            copy.change = before.contains(EdgeKey(link)) ? .kept : .added
            if copy.change == .added || unchanged { links.append(copy) }
        }
        for link in baseline.links where !after.contains(EdgeKey(link)) {
            var copy = link
            copy.change = .removed
            links.append(copy)
        }
        var nodes = baseline.nodes
        for (key, node) in variant.nodes {
            // The variant's view of a node wins (its tier after the change).
            nodes[key] = node
        }
        if !unchanged {
            let used = Set(links.flatMap { [$0.from, $0.to] })
            nodes = nodes.filter { used.contains($0.key) || $0.key == "tenant" }
        }
        var result = PrivilegeGraph(nodes: nodes, links: links, time: variant.time)
        let added = links.filter { $0.change == .added }.count
        let removed = links.filter { $0.change == .removed }.count
        let reachBefore = Set(baseline.tier0Principals), reachAfter = Set(variant.tier0Principals)
        result.notes = [
            "\(added) edge\(added == 1 ? "" : "s") added, \(removed) removed",
            "Principals that can reach Tier 0: \(reachBefore.count) in the baseline, \(reachAfter.count) in the variant"
                + " (\(reachAfter.subtracting(reachBefore).count) new, \(reachBefore.subtracting(reachAfter).count) no longer)",
        ]
        return result
    }
}
