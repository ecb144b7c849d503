import RunPipeline
import PrivilegeGraph
import Testing
import TestSupport

/// Views (collapse, paths, focus, cap) and the diff between a baseline and a variant.
@Suite("Privilege graph views and diffs")
struct GraphViewTests {
    static let tenant = header(horizon: "1d") + """
    tenant:
      users: [{id: ga}, {id: hd}, {id: m1}, {id: m2}, {id: m3}, {id: m4}, {id: loner}]
      groups:
        - {id: staff, members: [m1, m2, m3, m4]}
    assignments:
      - {principal: ga, role: Global Administrator, type: active}
      - {principal: hd, role: Helpdesk Administrator, type: active}
    variants:
      jit:
        convert: {activeToEligible: {roles: [Global Administrator]}}
    """

    func graph(_ view: GraphView, variant: String? = nil) throws -> PrivilegeGraph {
        let scenario = try makeScenario(Self.tenant, variant: variant)
        return GraphPictures.graph(GraphPictures.state(of: RunPlan(scenario: scenario), at: 0), view: view, variant: variant)
    }

    @Test("The whole graph: principals without any edge are not drawn; members are")
    func whole() throws {
        let graph = try graph(GraphView())
        #expect(graph.nodes["user:m1"] != nil)
        #expect(graph.nodes["user:loner"] == nil)
        #expect(graph.nodes["user:ga"]?.tier == .tier0)
        #expect(graph.nodes["user:hd"]?.tier == .privileged)
        #expect(graph.nodes["user:m1"]?.tier == .other)
        #expect(graph.links.contains(PrivilegeGraph.Link(from: "user:ga", to: "role:Global Administrator", kind: .standing)))
    }

    @Test("Collapse folds the four plain members of staff into one counted node")
    func collapse() throws {
        let graph = try graph(GraphView(collapse: true))
        #expect(graph.nodes["user:m1"] == nil)
        #expect(graph.nodes["members:group:staff"]?.count == 4)
        #expect(graph.nodes["members:group:staff"]?.label == "4 members")
        #expect(graph.links.contains(PrivilegeGraph.Link(from: "members:group:staff", to: "group:staff", kind: .memberOf)))
        #expect(graph.notes.contains("4 members without other edges collapsed into 1 group node"))
    }

    @Test("Paths keep only what leads to Tier 0")
    func paths() throws {
        let graph = try graph(GraphView(paths: true))
        #expect(Set(graph.nodes.keys) == ["tenant", "role:Global Administrator", "user:ga"])
        #expect(graph.links.map(\.kind) == [.controls, .standing])
    }

    @Test("Focus keeps one node and its first-degree neighbours")
    func focus() throws {
        let graph = try graph(GraphView(focus: "group:staff"))
        #expect(Set(graph.nodes.keys) == ["group:staff", "user:m1", "user:m2", "user:m3", "user:m4"])
    }

    @Test("A cap summarises and says what it left out")
    func cap() throws {
        let graph = try graph(GraphView(cap: 4))
        #expect(graph.nodes.count <= 5)
        #expect(graph.nodes["tenant"] != nil)
        #expect(graph.nodes["user:ga"] != nil)
        #expect(graph.notes.contains { $0.contains("collapsed") })
        #expect(graph.notes.contains { $0.contains("omitted (cap 4)") || $0.contains("left out") })
    }

    @Test("Diff: converting the standing Global Administrator to eligible removes one edge and adds one")
    func diff() throws {
        let diff = GraphDiff.diff(baseline: try graph(GraphView()), variant: try graph(GraphView(), variant: "jit"))
        let changed = diff.links.filter { $0.change != .kept }
        #expect(changed.count == 2)
        #expect(changed.contains { $0.from == "user:ga" && $0.kind == .standing && $0.change == .removed })
        #expect(changed.contains { $0.from == "user:ga" && $0.kind == .eligible && $0.change == .added })
        #expect(diff.notes.first == "1 edge added, 1 removed")
        let dot = DOTWriter.write(diff)
        #expect(dot.contains(#"label="+ eligible"#))
        #expect(dot.contains(#"label="- active""#))
    }
}
