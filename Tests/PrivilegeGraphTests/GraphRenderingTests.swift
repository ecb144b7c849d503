import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizRender
import RunPipeline
import PrivilegeGraph
import Testing
import TestSupport

/// DOT text, escaping and in-process rendering of privilege graphs.
@Suite("Privilege graph rendering")
struct GraphRenderingTests {
    static let awkwardNames = header(horizon: "1d") + #"""
    tenant:
      users:
        - {id: zoe, name: "Zoë \"Z\" <admin> & co\nsecond line"}
        - {id: "back\\slash", name: "C:\\admins\\N"}
      groups:
        - {id: g1, name: "Ops <&> \"quoted\"", roleAssignable: true, members: [zoe]}
    assignments:
      - {principal: g1, role: Global Administrator, type: eligible}
      - {principal: "back\\slash", role: Global Administrator, type: active}
    """#

    func graph(_ yaml: String, view: GraphView = GraphView()) throws -> PrivilegeGraph {
        let scenario = try makeScenario(yaml)
        return GraphPictures.graph(GraphPictures.state(of: RunPlan(scenario: scenario), at: 0), view: view, variant: nil)
    }

    @Test("DOT quoting: quotes, backslashes, newlines, control characters; non-ASCII kept")
    func quoting() {
        #expect(DOTWriter.quote(#"a "b" c"#) == #""a \"b\" c""#)
        #expect(DOTWriter.quote(#"C:\N"#) == #""C:\\N""#)
        #expect(DOTWriter.quote("one\ntwo\r\n") == #""one\ntwo\n""#)
        #expect(DOTWriter.quote("tab\there\u{7}") == #""tab here ""#)
        #expect(DOTWriter.quote("Zoë <&>") == "\"Zoë <&>\"")
    }

    @Test("Awkward names reach the SVG escaped, and the SVG is well-formed XML with the node ids")
    func svgEscaping() throws {
        let bytes = try GraphPictures.render(try graph(Self.awkwardNames), format: .svg)
        let svg = String(decoding: bytes, as: UTF8.self)
        let parser = XMLParser(data: Data(bytes))
        #expect(parser.parse(), "SVG is not well-formed: \(String(describing: parser.parserError))")
        #expect(svg.contains(#"<g id="user:zoe" class="node">"#))
        #expect(svg.contains(#"<g id="group:g1" class="node">"#))
        #expect(svg.contains("Zoë &quot;Z&quot; &lt;admin&gt; &amp; co"))
        #expect(svg.contains(">second line<"))
        #expect(svg.contains("Ops &lt;&amp;&gt; &quot;quoted&quot;"))
        #expect(svg.contains(#">C:\admins\N<"#))  // a literal \N, not the node name
        #expect(!svg.contains("<admin>"))
    }

    @Test("PNG and PDF start with their magic bytes; DOT output is the DOT text")
    func formats() throws {
        let picture = try graph(Self.awkwardNames)
        let png = try GraphPictures.render(picture, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try GraphPictures.render(picture, format: .pdf)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        let dot = try GraphPictures.render(picture, format: .dot)
        #expect(String(decoding: dot, as: UTF8.self) == DOTWriter.write(picture))
        for engine in GraphvizEngine.allCases {
            let svg = try GraphPictures.render(picture, format: .svg, engine: engine)
            #expect(String(decoding: svg, as: UTF8.self).contains("user:zoe"))
        }
    }

    @Test("Golden DOT: the app-escalation scenario's paths to Tier 0 at its peak")
    func goldenDOT() throws {
        let result = Pipeline.load(path: repositoryRoot.appendingPathComponent("Scenarios/app-escalation.yaml").path)
        let scenario = try #require(result.scenario)
        let outcome = Pipeline.simulate(scenario)
        let first = DOTWriter.write(GraphPictures.graph(outcome.peakState, view: GraphView(paths: true), variant: nil))
        let second = DOTWriter.write(GraphPictures.graph(Pipeline.simulate(scenario).peakState, view: GraphView(paths: true), variant: nil))
        #expect(first == second)
        try Golden.check(first, against: "Tests/PrivilegeGraphTests/Golden/app-escalation-paths.dot")
    }
}
