import ArgumentParser
import Foundation
import GraphvizRender
import PimsimKit

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

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: "The moment to draw: an offset from the start (3d12h) or a timestamp (2026-03-05T10:00:00Z).")
    var at: String?

    @Flag(name: .long, help: "Draw at the peak of exposure (the default).")
    var peak = false

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

    @Flag(name: .long, help: "Print how long loading, replaying, building and rendering took (standard error).")
    var timings = false

    @Option(name: [.short, .customLong("output")], help: "The file to write ('-' for standard output); default Output/<scenario>/graph.<format>.")
    var output: String?

    func validate() throws {
        if at != nil && peak { throw ValidationError("--at and --peak exclude each other: give one") }
        if cap < 1 { throw ValidationError("--cap must be at least 1, got \(cap)") }
    }

    func run() throws {
        var request = GraphRequest(selection: scenario.selection, at: at, format: format)
        (request.diff, request.engine, request.focus, request.output) = (diff, engine, focus, output)
        (request.paths, request.collapse, request.cap, request.list) = (paths, collapse, cap, list)
        let picture = try scenario.limits.bound { try perform { () throws(UseCaseError) in try Graphs.picture(request) } }
        printWarnings(picture.warnings)
        if let listing = picture.listing { printError(listing) }
        if timings {
            let parts = picture.timings.map { stage, duration in
                let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
                return "\(stage) \(String(format: "%.3f", seconds)) s"
            }
            printError("timings: " + parts.joined(separator: ", "))
        }
        if let path = picture.path {
            print("wrote \(path) (\(picture.nodes) nodes, \(picture.edges) edges)")
        } else {
            FileHandle.standardOutput.write(Data(picture.bytes))
        }
    }
}
