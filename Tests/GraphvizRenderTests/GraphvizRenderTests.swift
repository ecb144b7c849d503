import Foundation
import Testing
@testable import GraphvizRender

@Suite("Graphviz rendering")
struct GraphvizRenderTests {
    @Test("SVG is well-formed XML with one titled group per node and per edge")
    func svgStructure() throws {
        let svg = try SVGSummary(try Graphviz.render(dot: SampleGraphs.small))
        #expect(svg.root == "svg")
        #expect(svg.nodeTitles == ["a", "b", "c"])
        #expect(svg.nodes.map(\.texts) == [["a"], ["b"], ["c"]])
        #expect(Set(svg.edges.map(\.title)) == ["a->b", "b->c", "a->c"])
        #expect(Set(svg.nodes.map(\.id)).count == 3)
    }

    @Test("a node's id attribute becomes its SVG group's id")
    func explicitIDs() throws {
        let dot = "digraph { \"alice@pimsim.example\" [id=\"user-alice\"]; r [id=\"role-global-admin\"]; \"alice@pimsim.example\" -> r [id=\"holds-1\"] }"
        let svg = try SVGSummary(try Graphviz.render(dot: dot))
        #expect(svg.nodes.map(\.id) == ["user-alice", "role-global-admin"])
        #expect(svg.nodes.map(\.title) == ["alice@pimsim.example", "r"])
        #expect(svg.edges.map(\.id) == ["holds-1"])
    }

    @Test("quotes, angle brackets, ampersands, newlines and non-ASCII survive into the SVG, escaped")
    func awkwardText() throws {
        let name = "say \"hi\" <b> & c\nnext: é 漢字 🙂"
        let label = "x & y <z> \"q\""
        let id = "weird<&>\"id\""
        // In DOT's quoted strings only `"` needs escaping; a raw newline stays part of the name.
        let dot = """
            digraph {
              "\(name.replacingOccurrences(of: "\"", with: "\\\""))" [id="\(id.replacingOccurrences(of: "\"", with: "\\\""))"];
              plain [label="\(label.replacingOccurrences(of: "\"", with: "\\\""))\\nsecond line ü"];
            }
            """
        let bytes = try Graphviz.render(dot: dot)
        let svg = try SVGSummary(bytes)
        #expect(svg.nodeTitles == [name, "plain"])
        #expect(svg.nodes.first?.id == id)
        // A raw newline in a name splits the default label (`\N`) into lines, as `\n` does.
        #expect(svg.nodes.first?.texts == ["say \"hi\" <b> & c", "next: é 漢字 🙂"])
        #expect(svg.nodes.last?.texts == [label, "second line ü"])
        // Escaped rather than raw in the document itself.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("say &quot;hi&quot; &lt;b&gt; &amp; c"))
        #expect(!text.contains("<b>"))
    }

    @Test("PNG output starts with PNG's signature")
    func png() throws {
        let bytes = try Graphviz.render(dot: SampleGraphs.small, format: .png)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(bytes.count > 100)
    }

    @Test("PDF output starts with %PDF- and ends with %%EOF")
    func pdf() throws {
        let bytes = try Graphviz.render(dot: SampleGraphs.small, format: .pdf)
        #expect(Array(bytes.prefix(5)) == Array("%PDF-".utf8))
        let tail = String(decoding: bytes.suffix(16), as: UTF8.self)
        #expect(tail.contains("%%EOF"))
    }

    @Test("DOT output carries the layout's positions")
    func laidOutDOT() throws {
        let text = String(decoding: try Graphviz.render(dot: SampleGraphs.small, format: .dot), as: UTF8.self)
        #expect(text.hasPrefix("digraph G {"))
        #expect(text.contains("pos="))
        #expect(text.contains("bb="))
    }

    @Test("each engine lays out and renders", arguments: GraphvizEngine.allCases)
    func engines(_ engine: GraphvizEngine) throws {
        let dot = SampleGraphs.layered(layers: 4, width: 5)
        let svg = try SVGSummary(try Graphviz.render(dot: dot, engine: engine))
        #expect(svg.nodes.count == 20)
        #expect(svg.edges.count == 45)
    }

    @Test("the returned bytes are exactly the document, with no NUL terminator")
    func exactLength() throws {
        let bytes = try Graphviz.render(dot: SampleGraphs.small)
        #expect(!bytes.contains(0))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix("</svg>\n"))
    }

    @Test("warnings are returned, not printed, and do not fail the rendering")
    func warnings() throws {
        let rendering = try Graphviz.renderWithWarnings(dot: "digraph { a [shape=wibble]; b [color=nosuchcolour]; a -> b }")
        #expect(rendering.warnings.contains { $0.contains("wibble") })
        #expect(rendering.warnings.contains { $0.contains("nosuchcolour") })
        #expect(try SVGSummary(rendering.bytes).nodeTitles == ["a", "b"])
        #expect(try Graphviz.renderWithWarnings(dot: SampleGraphs.small).warnings.isEmpty)
    }

    @Test("undirected graphs and subgraph clusters render")
    func undirectedAndClusters() throws {
        let dot = "graph { subgraph cluster_t0 { label=\"Tier 0\"; ga; pra } u1 -- ga; u2 -- pra }"
        let svg = try SVGSummary(try Graphviz.render(dot: dot))
        #expect(Set(svg.nodeTitles) == ["ga", "pra", "u1", "u2"])
        #expect(Set(svg.edges.map(\.title)) == ["u1--ga", "u2--pra"])
    }

    @Test("the library reports its version")
    func version() throws {
        let version = try Graphviz.libraryVersion()
        #expect(version.first?.isNumber == true)
        #expect(version.contains("."))
    }
}
