import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a test needs from a Graphviz SVG: the graph's node and edge groups with their titles and
/// texts, read with Foundation's XML parser (so reading it at all proves the SVG is well-formed).
struct SVGSummary {
    /// A `<g class="node">` or `<g class="edge">` element.
    struct Group: Equatable {
        /// `node` or `edge`.
        var kind: String
        /// The group's `id` attribute.
        var id: String
        /// The text of its `<title>` (Graphviz writes the node's name, or `tail->head`).
        var title: String = ""
        /// The texts of its `<text>` elements, one per label line.
        var texts: [String] = []
    }

    /// The node groups, in document order.
    var nodes: [Group] = []
    /// The edge groups, in document order.
    var edges: [Group] = []
    /// The root element's name.
    var root: String = ""

    /// The titles of the nodes.
    var nodeTitles: [String] { nodes.map(\.title) }

    /// An empty summary, filled by the reader.
    fileprivate init() {}

    /// Parses `bytes`, throwing the parser's error (with its line) when they are not well-formed XML.
    init(_ bytes: [UInt8]) throws {
        let parser = XMLParser(data: Data(bytes))
        let reader = Reader()
        parser.delegate = reader
        guard parser.parse() else {
            throw ParseFailure(line: parser.lineNumber, reason: String(describing: parser.parserError))
        }
        self = reader.summary
    }

    /// The SVG was not well-formed.
    struct ParseFailure: Error, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "SVG is not well-formed XML at line \(line): \(reason)" }
    }

    /// Collects groups while the parser walks the document.
    private final class Reader: NSObject, XMLParserDelegate {
        var summary = SVGSummary()
        private var group: Group?
        private var depthInGroup = 0
        private var text: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if summary.root.isEmpty { summary.root = name }
            if group != nil {
                depthInGroup += 1
            } else if name == "g", let kind = attributes["class"], kind == "node" || kind == "edge" {
                group = Group(kind: kind, id: attributes["id"] ?? "")
                depthInGroup = 0
                return
            }
            if name == "title" || name == "text" { text = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text? += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard var current = group else { return }
            if depthInGroup == 0 {
                if current.kind == "node" { summary.nodes.append(current) } else { summary.edges.append(current) }
                group = nil
                return
            }
            depthInGroup -= 1
            if let collected = text {
                if name == "title" { current.title = collected } else if name == "text" { current.texts.append(collected) }
                text = nil
            }
            group = current
        }
    }
}

/// DOT texts for the tests.
enum SampleGraphs {
    /// A small directed graph: a -> b -> c, a -> c.
    static let small = "digraph G {\n  a -> b;\n  b -> c;\n  a -> c;\n}\n"

    /// A layered, acyclic graph: `layers` layers of `width` nodes, each node with an edge to each
    /// of `fanOut` pseudo-randomly chosen nodes of the next layer; node names are `nL_I`.
    static func layered(layers: Int, width: Int, fanOut: Int = 3, seed: UInt64 = 1) -> String {
        var random = SplitMix(seed: seed)
        var text = "digraph layered {\n"
        for layer in 0..<layers {
            text += "  " + (0..<width).map { "n\(layer)_\($0)" }.joined(separator: "; ") + ";\n"
        }
        for layer in 0..<(layers - 1) {
            for index in 0..<width {
                for _ in 0..<fanOut {
                    text += "  n\(layer)_\(index) -> n\(layer + 1)_\(random.next(below: width));\n"
                }
            }
        }
        return text + "}\n"
    }

    /// A ring of `count` nodes (one cycle).
    static func ring(_ count: Int) -> String {
        "digraph ring {\n" + (0..<count).map { "  r\($0) -> r\(($0 + 1) % count);\n" }.joined() + "}\n"
    }
}

/// A small seeded generator, so the test graphs are the same on every run.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
