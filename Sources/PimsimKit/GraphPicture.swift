import Foundation
import GraphvizRender
import PrivilegeGraph
import Reports
import RunPipeline
import ScenarioFormat
import TenantModel

/// What `pimsim graph` is asked to draw.
public struct GraphRequest: Sendable {
    /// The scenario, variant and seed.
    public var selection: ScenarioSelection
    /// The moment: an offset from the start (`3d12h`) or a timestamp; nil means the peak.
    public var at: String?
    /// Draw the difference from the selected run to this variant.
    public var diff: String?
    /// SVG, PNG, PDF or DOT.
    public var format: GraphvizFormat
    /// The layout engine; nil chooses by size.
    public var engine: GraphvizEngine?
    /// What of the graph to show: paths, focus (by name, resolved here), collapse, cap.
    public var paths = false, collapse = false, cap = 400
    /// Only this principal or object and its neighbours.
    public var focus: String?
    /// Also list every principal that can reach Tier 0.
    public var list = false
    /// The file to write; nil means `Output/<scenario>/graph.<format>`, `-` means none (the bytes are returned).
    public var output: String?

    /// Describes a picture.
    public init(selection: ScenarioSelection, at: String? = nil, format: GraphvizFormat = .svg) {
        self.selection = selection
        self.at = at
        self.format = format
    }
}

/// A picture drawn.
public struct GraphPicture: Sendable {
    /// The rendered bytes.
    public var bytes: [UInt8]
    /// Where they were written, when they were.
    public var path: String?
    /// Nodes and edges drawn.
    public var nodes: Int, edges: Int
    /// The path listing, when asked for.
    public var listing: String?
    /// How long each stage took: load, replay, graph, render (with engine and format).
    public var timings: [(stage: String, duration: Duration)]
    /// The scenario file's warnings.
    public var warnings: [Diagnostic]
}

/// The graph use case: a privilege graph at a moment, through a view, rendered in-process.
public enum Graphs {
    /// Draws the request's picture and writes it unless `output` is `-`.
    public static func picture(_ request: GraphRequest) throws(UseCaseError) -> GraphPicture {
        let clock = ContinuousClock()
        var marks: [(String, ContinuousClock.Instant)] = [("start", clock.now)]
        let loaded = try RunLoader.load(request.selection)
        let plan = loaded.plan
        marks.append(("load", clock.now))
        let time = try moment(request.at, in: plan.scenario)
        let state = time.map { GraphPictures.state(of: plan, at: $0) } ?? GraphPictures.peakState(of: plan)
        marks.append(("replay", clock.now))
        var view = GraphView(paths: request.paths, focus: nil, collapse: request.collapse, cap: request.cap)
        if let focus = request.focus {
            guard let node = state.node(named: focus) else {
                throw .invalidInput("--focus: no user, group, application, service principal or role named '\(focus)' in \(request.selection.path)")
            }
            view.focus = state.key(of: node)
        }
        var graph = GraphPictures.graph(state, view: view, variant: plan.variant)
        if let diff = request.diff {
            // Both sides drawn whole at the same instant, matched by stable keys, then viewed.
            let other = try RunLoader.load(request.selection.with(variant: diff)).plan
            let otherState = GraphPictures.state(of: other, at: state.time)
            let whole = GraphView(paths: request.paths, focus: view.focus, collapse: false, cap: .max)
            graph = GraphDiff.diff(baseline: GraphPictures.graph(state, view: whole, variant: plan.variant),
                                   variant: GraphPictures.graph(otherState, view: whole, variant: diff))
            graph = GraphView(collapse: request.collapse, cap: request.cap).apply(to: graph)
            let when = TimeText.timestamp(epoch: plan.scenario.startEpoch + state.time)
            graph.title = "\(plan.scenario.name): \(plan.variant ?? "baseline") to \(diff) at \(when)"
        }
        let listing = request.list ? GraphPictures.pathListing(state) : nil
        marks.append(("graph", clock.now))
        let bytes: [UInt8]
        do {
            bytes = try GraphPictures.render(graph, format: request.format, engine: request.engine)
        } catch {
            throw .runtime("rendering the graph: \(error)")
        }
        marks.append(("render (\(GraphPictures.engine(for: graph, requested: request.engine).rawValue), \(request.format.rawValue))", clock.now))
        var path: String?
        if request.output != "-" {
            let target: String
            do {
                target = try request.output ?? Pipeline.path(Pipeline.outputFolder(scenario: plan.scenario.name, variant: plan.variant, directory: nil),
                                                             "graph.\(request.format.rawValue)")
                try AtomicFile.write(Data(bytes), to: target)
            } catch let refused as OutputPath.Refused {
                throw .invalidInput("\(refused)")
            } catch {
                throw .runtime("\(error)")
            }
            path = target
        }
        let timings = zip(marks.dropFirst(), marks).map { mark, previous in (stage: mark.0, duration: mark.1 - previous.1) }
        return GraphPicture(bytes: bytes, path: path, nodes: graph.nodes.count, edges: graph.links.count, listing: listing,
                            timings: timings, warnings: loaded.warnings)
    }

    /// The instant `text` names in the scenario (seconds since its start), or nil for the peak.
    public static func moment(_ text: String?, in scenario: Scenario) throws(UseCaseError) -> Int64? {
        guard let text else { return nil }
        let parsed: Result<Int64, TimeSyntaxError>
        if case .success = TimeSyntax.timestamp(text) {
            parsed = TimeSyntax.timestamp(text).map { $0 - scenario.startEpoch }
        } else {
            parsed = TimeSyntax.duration(text)
        }
        switch parsed {
        case .success(let offset) where offset >= 0 && offset <= scenario.horizon:
            return offset
        case .success(let offset):
            let side = offset < 0 ? "before the start" : "after the horizon"
            throw .invalidInput("--at '\(text)' is \(side) of \(scenario.name); expected a time within 0 and \(TimeText.duration(scenario.horizon))")
        case .failure(let error):
            throw .invalidInput("--at '\(text)': \(error.message)")
        }
    }
}
