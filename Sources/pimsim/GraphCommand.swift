import ArgumentParser
import Foundation
import GraphvizRender
import PimsimKit
import PrivilegeGraph
import Reports
import ScenarioFormat
import TenantModel

extension GraphvizFormat: ExpressibleByArgument {}
extension GraphvizEngine: ExpressibleByArgument {}

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the privilege graph at a moment: who can reach Global Administrator, by what path, behind which PIM gate.",
        discussion: """
        The graph is rendered in-process by Graphviz (libgvc). Without --at it is drawn at the peak: the first \
        instant with the most principals able to reach Tier 0. Eligible edges are dashed, standing ones bold, \
        activations solid, escalation edges red; nodes are coloured by tier. See docs/privilege-graph.md.
        """
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var file: String

    @Option(name: .long, help: "The moment to draw: an offset from the start (3d12h) or a timestamp (2026-03-05T10:00:00Z).")
    var at: String?

    @Flag(name: .long, help: "Draw at the peak of exposure (the default).")
    var peak = false

    @Option(name: .long, help: "Draw this variant of the scenario.")
    var variant: String?

    @Option(name: .long, help: "Draw the difference from the baseline (or --variant) to this variant: added and removed access.")
    var diff: String?

    @Option(name: .long, help: "Output format: svg, png, pdf or dot.")
    var format: GraphvizFormat = .svg

    @Option(name: .long, help: "Layout engine: dot, sfdp or neato (default: dot up to 200 nodes, else sfdp).")
    var engine: GraphvizEngine?

    @Option(name: .long, help: "Only this principal or object (an id such as alice, or a role name) and its neighbours.")
    var focus: String?

    @Flag(name: .long, help: "Only principals and edges on shortest paths to Tier 0.")
    var paths = false

    @Flag(name: .long, help: "Fold each group's members that have no other edge into one node with a count.")
    var collapse = false

    @Option(name: .long, help: "The most nodes to draw before summarising (default 400).")
    var cap = 400

    @Flag(name: .long, help: "Also print every principal that can reach Tier 0: steps, live or gated, gates, path.")
    var list = false

    @Option(name: .long, help: "Override the scenario's seed.")
    var seed: UInt64?

    @Flag(name: .long, help: "Print how long loading, replaying, building and rendering took (standard error).")
    var timings = false

    @Option(name: [.short, .customLong("output")], help: "The file to write ('-' for standard output); default Output/<scenario>/graph.<format>.")
    var output: String?

    func validate() throws {
        if at != nil && peak { throw ValidationError("--at and --peak exclude each other: give one") }
        if cap < 1 { throw ValidationError("--cap must be at least 1, got \(cap)") }
        if let seed, seed > UInt64(Int64.max) { throw ValidationError("--seed must be at most \(Int64.max), got \(seed)") }
    }

    func run() throws {
        let clock = ContinuousClock()
        var marks: [(String, ContinuousClock.Instant)] = [("start", clock.now)]
        let scenario = try loadOrExit(file, variant: variant)
        marks.append(("load", clock.now))
        let time = try moment(in: scenario)
        var view = GraphView(paths: paths, focus: nil, collapse: collapse, cap: cap)
        let state = time.map { GraphPictures.state(of: scenario, at: $0, seed: seed) }
            ?? GraphPictures.peakState(of: scenario, seed: seed)
        marks.append(("replay", clock.now))
        if let focus {
            guard let node = state.node(named: focus) else {
                printError("error: --focus: no user, group, application, service principal or role named '\(focus)' in \(file)")
                throw Exit.invalidInput
            }
            view.focus = state.key(of: node)
        }
        var graph = GraphPictures.graph(state, view: view, variant: variant)
        if let diff {
            // Both sides drawn whole at the same instant, matched by stable keys, then viewed.
            let other = try loadOrExit(file, variant: diff)
            let otherState = GraphPictures.state(of: other, at: state.time, seed: seed)
            let whole = GraphView(paths: paths, focus: view.focus, collapse: false, cap: .max)
            graph = GraphDiff.diff(baseline: GraphPictures.graph(state, view: whole, variant: variant),
                                   variant: GraphPictures.graph(otherState, view: whole, variant: diff))
            graph = GraphView(collapse: collapse, cap: cap).apply(to: graph)
            graph.title = "\(scenario.name): \(variant ?? "baseline") to \(diff) at \(TimeText.timestamp(epoch: scenario.startEpoch + state.time))"
        }
        if list { printError(GraphPictures.pathListing(state)) }
        marks.append(("graph", clock.now))
        let bytes: [UInt8]
        do {
            bytes = try GraphPictures.render(graph, format: format, engine: engine)
        } catch {
            printError("error: rendering the graph: \(error)")
            throw Exit.runtimeFailure
        }
        marks.append(("render (\(GraphPictures.engine(for: graph, requested: engine).rawValue), \(format.rawValue))", clock.now))
        if timings {
            let parts = zip(marks.dropFirst(), marks).map { mark, previous in
                "\(mark.0) \(String(format: "%.3f", Double((mark.1 - previous.1).components.attoseconds) / 1e18 + Double((mark.1 - previous.1).components.seconds))) s"
            }
            printError("timings: " + parts.joined(separator: ", "))
        }
        if output == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let folder = Pipeline.outputFolder(scenario: scenario.name, variant: variant, directory: nil)
        let path = output ?? Pipeline.path(folder, "graph.\(format.rawValue)")
        do {
            try AtomicFile.write(Data(bytes), to: path)
        } catch {
            printError("error: \(error)")
            throw Exit.runtimeFailure
        }
        print("wrote \(path) (\(graph.nodes.count) nodes, \(graph.links.count) edges)")
    }

    /// The instant to draw, or nil for the peak.
    func moment(in scenario: Scenario) throws -> Int64? {
        guard let at else { return nil }
        let parsed: Result<Int64, TimeSyntaxError>
        if TimeSyntax.timestamp(at).map({ _ in true }) == .success(true) {
            parsed = TimeSyntax.timestamp(at).map { $0 - scenario.startEpoch }
        } else {
            parsed = TimeSyntax.duration(at)
        }
        switch parsed {
        case .success(let offset) where offset >= 0 && offset <= scenario.horizon:
            return offset
        case .success(let offset):
            printError("error: --at '\(at)' is \(offset < 0 ? "before the start" : "after the horizon") of \(scenario.name); expected a time within 0 and \(TimeText.duration(scenario.horizon))")
            throw Exit.invalidInput
        case .failure(let error):
            printError("error: --at '\(at)': \(error.message)")
            throw Exit.invalidInput
        }
    }
}
