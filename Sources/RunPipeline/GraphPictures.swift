import GraphvizRender
import PIMEngine
import PrivilegeGraph
import Reports
import TenantModel
import Trace

/// Privilege graphs of runs: a state captured at a moment, drawn through a view, rendered by
/// Graphviz in-process.
public enum GraphPictures {
    /// The most nodes laid out with `dot` when no engine is named; larger graphs use `sfdp`.
    public static let dotPreferredLimit = 200

    /// The privilege state of a planned run at `time` (seconds since its start), from a replay.
    public static func state(of plan: RunPlan, at time: Int64) -> PrivilegeState {
        PIMReplay.run(plan.scenario, seed: plan.seed, sink: SnapshotSink(scenario: plan.scenario, at: time)).sink.state
    }

    /// Replays a planned run to its horizon into `sink` and returns the sink (for sinks that
    /// capture what a use case needs, such as an export's snapshot).
    public static func replay<Sink: TraceSink>(_ plan: RunPlan, into sink: Sink) -> Sink {
        PIMReplay.run(plan.scenario, seed: plan.seed, sink: sink).sink
    }

    /// The privilege state at the first instant of peak exposure, from a replay that feeds only
    /// the Tier-0 fold (no metrics, no audit log).
    public static func peakState(of plan: RunPlan) -> PrivilegeState {
        PIMReplay.run(plan.scenario, seed: plan.seed, sink: Tier0Fold(scenario: plan.scenario)).sink.peakState
    }

    /// The graph of a state with a caption, through a view.
    public static func graph(_ state: PrivilegeState, view: GraphView, variant: String?, caption: String? = nil) -> PrivilegeGraph {
        let catalogue = EscalationCatalogue(scenario: state.scenario)
        var graph = PrivilegeGraph.build(state: state, catalogue: catalogue)
        let reaching = graph.tier0Principals.count
        graph = view.apply(to: graph)
        let when = TimeText.timestamp(epoch: state.scenario.startEpoch + state.time)
        let name = state.scenario.name + (variant.map { " (variant \($0))" } ?? "")
        graph.title = caption ?? "\(name) at \(when): \(reaching) principal\(reaching == 1 ? "" : "s") can reach Tier 0"
        return graph
    }

    /// The engine for a graph when none is named: `dot` for small graphs, `sfdp` beyond.
    public static func engine(for graph: PrivilegeGraph, requested: GraphvizEngine?) -> GraphvizEngine {
        requested ?? (graph.nodes.count <= dotPreferredLimit ? .dot : .sfdp)
    }

    /// Renders a graph as SVG, PNG, PDF (through Graphviz) or DOT text.
    public static func render(_ graph: PrivilegeGraph, format: GraphvizFormat, engine: GraphvizEngine? = nil) throws -> [UInt8] {
        let text = DOTWriter.write(graph)
        if format == .dot { return Array(text.utf8) }
        let chosen = Self.engine(for: graph, requested: engine)
        do {
            return try Graphviz.render(dot: text, engine: chosen, format: format)
        } catch .tooLargeForDot where engine == nil {
            // A small graph with many cycles: dot could take minutes, sfdp takes milliseconds.
            return try Graphviz.render(dot: text, engine: .sfdp, format: format)
        }
    }

    /// Principals that can reach Tier 0 in a state, one line each: steps, gates and the path.
    public static func pathListing(_ state: PrivilegeState) -> String {
        let catalogue = EscalationCatalogue(scenario: state.scenario)
        let potential = Reachability(state: state, catalogue: catalogue, mode: .potential)
        let live = Reachability(state: state, catalogue: catalogue, mode: .live)
        var lines: [String] = []
        func hops(_ node: NodeID) -> String {
            var hops: [String] = [state.key(of: node)]
            for edge in potential.path(from: node) {
                let label = DOTWriter.edgeLabel(PrivilegeGraph.Link(from: "", to: "", kind: edge.kind, gates: edge.gates, scope: edge.scope))
                    .split(separator: "\n").joined(separator: ": ")
                hops.append("-[\(label)]-> \(state.key(of: edge.to))")
            }
            return hops.joined(separator: " ")
        }
        for node in potential.principals {
            let steps = potential.steps(from: node) ?? 0
            let gates = potential.gates(from: node).names
            let liveText = live.reaches(node) ? "live" : "gated"
            lines.append("\(state.key(of: node))\t\(steps) step\(steps == 1 ? "" : "s")\t\(liveText)\t"
                         + "\(gates.isEmpty ? "no gates" : gates.joined(separator: ", "))\t\(hops(node))")
        }
        // Paths that need two capabilities held by different principals: the combination, what
        // each part contributes and who holds it.
        for node in potential.reachingNodes where node.kind == .combination {
            let combination = catalogue.combinations[Int(node.index)]
            let steps = potential.steps(from: node) ?? 0
            func part(_ part: NodeID, _ capability: String) -> String {
                let holders = state.edges(into: part, catalogue: catalogue).filter { $0.kind.isTraversable && !$0.kind.isDerived }.map { state.key(of: $0.from) }
                let held = part.kind == .servicePrincipal ? "" : " held by " + (holders.isEmpty ? "nobody" : holders.joined(separator: ", "))
                return "\(state.key(of: part)) (\(capability))\(held)"
            }
            lines.append("\(state.key(of: node))\t\(steps) step\(steps == 1 ? "" : "s")\tcombined\t"
                         + "\(part(combination.parts.0, combination.capabilities.0)) + \(part(combination.parts.1, combination.capabilities.1))\t\(hops(node))")
        }
        return lines.joined(separator: "\n")
    }
}

extension Pipeline {
    /// The privilege graph at the first instant of peak exposure (the most principals able to
    /// reach Tier 0), in the default view, as SVG text.
    public static func graphSVG(_ outcome: RunOutcome) throws -> String {
        let graph = GraphPictures.graph(outcome.peakState, view: GraphView(), variant: outcome.variant)
        return String(decoding: try GraphPictures.render(graph, format: .svg), as: UTF8.self)
    }

    /// Writes `graph.svg` into `folder`; returns its path.
    @discardableResult
    public static func writeGraph(_ svg: String, to folder: String) throws -> String {
        let path = path(folder, "graph.svg")
        try AtomicFile.write(svg, to: path)
        return path
    }
}
