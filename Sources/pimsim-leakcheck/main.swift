// pimsim-leakcheck: renders DOT text through GraphvizRender many times, for scripts/leakcheck to
// run under valgrind; also times large renderings for docs/graphviz.md. Not part of pimsim itself.
//
//   pimsim-leakcheck [CYCLES] [CASE...]
//   pimsim-leakcheck time [NODES] [REPEATS]     (see Timing.swift)
//
// Each cycle runs every named case once (all cases when none is named), through the same public
// API pimsim uses, success and failure paths alike. Prints one line per case and exits 1 if any
// case's outcome was not the expected one.
import Foundation
import GraphvizRender

/// One rendering the leak check repeats, and whether it should succeed.
struct LeakCase {
    let name: String
    let succeeds: Bool
    let run: () throws(GraphvizError) -> Void
}

let layered: String = {
    var text = "digraph layered {\n  node [shape=box]\n"
    for layer in 0..<4 {
        for index in 0..<6 {
            text += "  \"n\(layer)_\(index) <&> é\" -> \"n\(layer + 1)_\((index * 5 + layer) % 6) <&> é\" [label=\"e\(index)\"];\n"
        }
    }
    return text + "  subgraph cluster_top { label=\"Tier 0\"; \"n4_0 <&> é\" }\n}\n"
}()

let cases: [LeakCase] = [
    LeakCase(name: "svg-dot", succeeds: true) { () throws(GraphvizError) in _ = try Graphviz.render(dot: layered) },
    LeakCase(name: "svg-sfdp", succeeds: true) { () throws(GraphvizError) in _ = try Graphviz.render(dot: layered, engine: .sfdp) },
    LeakCase(name: "svg-neato", succeeds: true) { () throws(GraphvizError) in _ = try Graphviz.render(dot: layered, engine: .neato) },
    LeakCase(name: "png-dot", succeeds: true) { () throws(GraphvizError) in _ = try Graphviz.render(dot: layered, format: .png) },
    LeakCase(name: "pdf-dot", succeeds: true) { () throws(GraphvizError) in _ = try Graphviz.render(dot: layered, format: .pdf) },
    LeakCase(name: "dot-dot", succeeds: true) { () throws(GraphvizError) in _ = try Graphviz.render(dot: layered, format: .dot) },
    LeakCase(name: "warnings", succeeds: true) { () throws(GraphvizError) in
        _ = try Graphviz.renderWithWarnings(dot: "digraph { a [shape=wibble] a -> b }")
    },
    LeakCase(name: "syntax-error", succeeds: false) { () throws(GraphvizError) in _ = try Graphviz.render(dot: "digraph {\n a -> }\n") },
    LeakCase(name: "no-graph", succeeds: false) { () throws(GraphvizError) in _ = try Graphviz.render(dot: "// nothing\n") },
    LeakCase(name: "leftover-graph", succeeds: true) { () throws(GraphvizError) in _ = try Graphviz.render(dot: "digraph {a} digraph {b}") },
    LeakCase(name: "too-large", succeeds: false) { () throws(GraphvizError) in
        _ = try Graphviz.render(dot: layered, dotLimits: DotLimits(maxNodes: 5, maxNodesWithCycles: 5))
    },
    LeakCase(name: "unknown-engine", succeeds: false) { () throws(GraphvizError) in
        _ = try Graphviz.render(dot: layered, engineNamed: "nosuch", formatNamed: "svg")
    },
    LeakCase(name: "unknown-format", succeeds: false) { () throws(GraphvizError) in
        _ = try Graphviz.render(dot: layered, engineNamed: "dot", formatNamed: "nosuch")
    },
]

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "time" {
    exit(runTiming(Array(arguments.dropFirst())))
}
var cycles = 100
if let first = arguments.first, let number = Int(first) {
    cycles = number
    arguments.removeFirst()
}
let unknown = arguments.filter { name in !cases.contains { $0.name == name } }
guard cycles >= 0, unknown.isEmpty else {
    print("usage: pimsim-leakcheck [CYCLES] [CASE...]; unknown case(s) \(unknown); expected some of: \(cases.map(\.name).joined(separator: " "))")
    exit(2)
}
let selected = arguments.isEmpty ? cases : cases.filter { arguments.contains($0.name) }

var unexpected = 0
for leakCase in selected {
    var outcomes: [Bool] = []
    for _ in 0..<cycles {
        do {
            try leakCase.run()
            outcomes.append(true)
        } catch {
            outcomes.append(false)
        }
    }
    let wrong = outcomes.filter { $0 != leakCase.succeeds }.count
    unexpected += wrong
    print("\(leakCase.name): \(cycles) renders, \(wrong) unexpected outcomes")
}
exit(unexpected == 0 ? 0 : 1)
