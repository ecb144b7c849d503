import Foundation
import Testing
import GraphvizRender

@Suite("Graphviz errors")
struct GraphvizErrorTests {
    /// The GraphvizError `body` throws, or nil (recorded as an issue) when it throws none.
    func error(_ body: () throws -> Void) -> GraphvizError? {
        do {
            try body()
        } catch let error as GraphvizError {
            return error
        } catch {
            Issue.record("expected a GraphvizError, got \(error)")
            return nil
        }
        Issue.record("expected a GraphvizError")
        return nil
    }

    @Test("a syntax error carries Graphviz's message, the line it names and that line of the input")
    func syntaxError() throws {
        let dot = "digraph {\n  a -> b\n  c -> }\n"
        let failure = try #require(error { _ = try Graphviz.render(dot: dot) })
        guard case .syntax(let message, let line, let excerpt) = failure else {
            Issue.record("expected a syntax error, got \(failure)")
            return
        }
        #expect(message == "syntax error in line 3 near '}'")
        #expect(line == 3)
        #expect(excerpt == "  c -> }")
        #expect(failure.description.contains("syntax error in line 3 near '}'"))
        #expect(failure.description.contains("line 3 is \"  c -> }\""))
    }

    @Test("line numbers stay right after earlier renders, good or bad")
    func lineNumbersDoNotDrift() throws {
        let bad = "digraph {\n\n\n  x -> -> y\n}\n"
        for _ in 0..<3 {
            _ = try Graphviz.render(dot: "digraph {\n a\n}\n\n\n")
            #expect(error { _ = try Graphviz.render(dot: bad) } == .syntax(message: "syntax error in line 4 near '->'", line: 4, excerpt: "  x -> -> y"))
        }
    }

    @Test("text after the first graph never leaks into the next call")
    func scannerLeftovers() throws {
        _ = try Graphviz.render(dot: "digraph {a} digraph {leftover}")
        #expect(try SVGSummary(try Graphviz.render(dot: "digraph {b}")).nodeTitles == ["b"])
        _ = try Graphviz.render(dot: "digraph {a} digraph { unfinished ")
        #expect(try SVGSummary(try Graphviz.render(dot: "digraph {c}")).nodeTitles == ["c"])
    }

    @Test("empty or comment-only text is no graph", arguments: ["", "   \n", "// nothing here\n", "/* x */"])
    func noGraph(_ dot: String) {
        #expect(error { _ = try Graphviz.render(dot: dot) } == .noGraph(excerpt: dot))
    }

    @Test("a NUL byte is refused with its offset")
    func nulByte() {
        let failure = error { _ = try Graphviz.render(dot: "digraph { é\u{0}b }") }
        #expect(failure == .nulByte(offset: 12))
        #expect(failure?.description.contains("offset 12") == true)
    }

    @Test("an unknown layout engine fails with Graphviz's list of engines")
    func unknownLayout() throws {
        let failure = try #require(error {
            _ = try Graphviz.render(dot: SampleGraphs.small, engineNamed: "nosuch", formatNamed: "svg")
        })
        guard case .layoutFailed(let engine, let message) = failure else {
            Issue.record("expected a layout failure, got \(failure)")
            return
        }
        #expect(engine == "nosuch")
        #expect(message.contains("Layout type: \"nosuch\" not recognized"))
        #expect(message.contains("sfdp"))
        #expect(failure.description.contains("\"nosuch\""))
    }

    @Test("an unknown output format fails with Graphviz's message, and the next call is unaffected")
    func unknownFormat() throws {
        let before = try Graphviz.render(dot: SampleGraphs.small)
        let failure = try #require(error {
            _ = try Graphviz.render(dot: SampleGraphs.small, engineNamed: "dot", formatNamed: "nosuch")
        })
        guard case .renderFailed(let format, let engine, let message) = failure else {
            Issue.record("expected a render failure, got \(failure)")
            return
        }
        #expect(format == "nosuch" && engine == "dot")
        #expect(message.contains("nosuch"))
        #expect(try Graphviz.render(dot: SampleGraphs.small) == before)
    }

    @Test("dot refuses acyclic graphs over maxNodes, and cyclic ones over maxNodesWithCycles")
    func dotLimits() throws {
        let limits = DotLimits(maxNodes: 40, maxNodesWithCycles: 10)
        let layered = SampleGraphs.layered(layers: 5, width: 10)
        #expect(error { _ = try Graphviz.render(dot: layered, dotLimits: limits) } == .tooLargeForDot(nodes: 50, cycleEdges: nil, limit: 40))
        #expect(try SVGSummary(try Graphviz.render(dot: layered, dotLimits: DotLimits(maxNodes: 50, maxNodesWithCycles: 10))).nodes.count == 50)

        let failure = error { _ = try Graphviz.render(dot: SampleGraphs.ring(11), dotLimits: limits) }
        #expect(failure == .tooLargeForDot(nodes: 11, cycleEdges: 1, limit: 10))
        #expect(failure?.description.contains("sfdp") == true)
        #expect(try SVGSummary(try Graphviz.render(dot: SampleGraphs.ring(10), dotLimits: limits)).nodes.count == 10)
        // Other engines are not limited.
        #expect(try SVGSummary(try Graphviz.render(dot: SampleGraphs.ring(11), engine: .sfdp, dotLimits: limits)).nodes.count == 11)
    }

    @Test("the standard limits: 1 000 nodes, and 100 once the graph has a cycle")
    func standardLimits() throws {
        #expect(DotLimits.standard == DotLimits(maxNodes: 1_000, maxNodesWithCycles: 100))
        #expect(error { _ = try Graphviz.render(dot: SampleGraphs.ring(101)) } == .tooLargeForDot(nodes: 101, cycleEdges: 1, limit: 100))
        #expect(try SVGSummary(try Graphviz.render(dot: SampleGraphs.ring(100))).nodes.count == 100)
        let wide = "digraph {\n" + (0..<1_001).map { "  n\($0);\n" }.joined() + "}\n"
        #expect(error { _ = try Graphviz.render(dot: wide) } == .tooLargeForDot(nodes: 1_001, cycleEdges: nil, limit: 1_000))
    }

    @Test("cycle-closing edges are counted as a depth-first search finds them; self-loops are not cycles")
    func cycleCount() throws {
        let limits = DotLimits(maxNodes: 100, maxNodesWithCycles: 0)
        func cycleEdges(_ dot: String) -> Int? {
            switch error({ _ = try Graphviz.render(dot: dot, dotLimits: limits) }) {
            case .tooLargeForDot(_, let cycleEdges?, _)?: return cycleEdges
            default: return nil
            }
        }
        #expect(cycleEdges("digraph { a -> b -> c -> a; c -> b; a -> a }") == 2)
        #expect(cycleEdges("digraph { a -> b -> c; a -> c; c -> b }") == 1)
        // Acyclic (a self-loop only): dot may lay it out, as it can with limits at zero cycles.
        #expect(try SVGSummary(try Graphviz.render(dot: "digraph { a -> b; a -> c; b -> c; c -> c }", dotLimits: limits)).nodes.count == 3)
    }

    @Test("descriptions quote the offending value and say what was expected")
    func descriptions() {
        #expect(GraphvizError.noGraph(excerpt: "hello\n").description
            == "no graph in the DOT text \"hello\\n\"; expected `digraph { ... }` or `graph { ... }`")
        #expect(GraphvizError.tooLargeForDot(nodes: 2_000, cycleEdges: nil, limit: 1_000).description.contains("2000 nodes; the dot engine may lay out at most 1000"))
        #expect(GraphvizError.renderFailed(format: "gif", engine: "dot", message: "Format: \"gif\" not recognized").description
            .hasPrefix("Graphviz could not render the \"dot\" layout as \"gif\": \"Format: \\\"gif\\\" not recognized\""))
    }
}
