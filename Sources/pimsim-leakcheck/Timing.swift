import Foundation
import GraphvizRender

/// `pimsim-leakcheck time [NODES] [REPEATS]`: times layout and SVG rendering of generated graphs
/// of NODES nodes (default 1000) and three edges per node, for docs/graphviz.md. Prints one line
/// per graph and engine: the first render in the process, then the median and the range of
/// REPEATS more (default 5). `dot` runs on the random graph under `DotLimits.standard`, which
/// refuses it above 100 nodes (the refusal is what gets timed then): it would run for many minutes.
func runTiming(_ arguments: [String]) -> Int32 {
    let nodes = arguments.first.flatMap(Int.init) ?? 1_000
    let repeats = arguments.dropFirst().first.flatMap(Int.init) ?? 5
    guard nodes >= 20, repeats >= 1 else {
        print("time: expected NODES >= 20 and REPEATS >= 1, got \(arguments)")
        return 2
    }
    let layered = TimingGraphs.layered(nodes: nodes, edges: 3 * nodes)
    let random = TimingGraphs.random(nodes: nodes, edges: 3 * nodes)
    let runs: [(graph: String, name: String, engine: GraphvizEngine, limits: DotLimits)] = [
        (layered, "layered", .sfdp, .standard),
        (layered, "layered", .dot, .unlimited),
        (random, "random", .sfdp, .standard),
        (random, "random", .dot, .standard),
    ]
    print("Graphviz \((try? Graphviz.libraryVersion()) ?? "?"), \(nodes) nodes, \(3 * nodes) edges, SVG; seconds")
    for run in runs {
        var times: [Double] = []
        var outcome = ""
        for _ in 0...repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                outcome = "\(try Graphviz.render(dot: run.graph, engine: run.engine, dotLimits: run.limits).count) bytes"
            } catch {
                outcome = "refused: \(error)".prefix(90) + "..."
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let warm = times.dropFirst().sorted()
        let median = warm[warm.count / 2]
        let label = (run.name + " " + run.engine.rawValue).padding(toLength: 14, withPad: " ", startingAt: 0)
        let line = String(format: "first %7.3f  median %7.3f  (%.3f-%.3f, %d runs)  ",
                          times[0], median, warm.first ?? 0, warm.last ?? 0, warm.count)
        print(label + line + outcome)
    }
    return 0
}

/// Seeded graph generators for the timings.
enum TimingGraphs {
    /// `nodes` nodes in 10 layers; each edge runs from a node to one in the next layer.
    static func layered(nodes: Int, edges: Int) -> String {
        var random = Generator(seed: 7)
        let width = nodes / 10
        var text = "digraph layered {\n"
        for node in 0..<nodes { text += "  n\(node);\n" }
        for _ in 0..<edges {
            let layer = random.next(below: 9)
            text += "  n\(layer * width + random.next(below: width)) -> n\((layer + 1) * width + random.next(below: width));\n"
        }
        return text + "}\n"
    }

    /// `nodes` nodes and `edges` edges between uniformly random nodes (cycles everywhere).
    static func random(nodes: Int, edges: Int) -> String {
        var random = Generator(seed: 11)
        var text = "digraph random {\n"
        for node in 0..<nodes { text += "  n\(node);\n" }
        for _ in 0..<edges { text += "  n\(random.next(below: nodes)) -> n\(random.next(below: nodes));\n" }
        return text + "}\n"
    }

    /// SplitMix64.
    struct Generator {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next(below bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }
}
