/// Why Graphviz could not render a graph; carries Graphviz's own text where it had any.
public enum GraphvizError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The DOT text contains a NUL byte at this UTF-8 offset, which the C library would read as
    /// the end of the text.
    case nulByte(offset: Int)
    /// The DOT text holds no graph at all (empty, blank or only comments); `excerpt` is its start.
    case noGraph(excerpt: String)
    /// The DOT text does not parse. `message` is Graphviz's error text (for example
    /// `syntax error in line 3 near '}'`), `line` the line it names and `excerpt` that line of
    /// the input, when Graphviz named one.
    case syntax(message: String, line: Int?, excerpt: String?)
    /// The graph has more nodes than `DotLimits` lets the `dot` engine lay out. `cycleEdges` is
    /// the number of edges closing a cycle when the cyclic-graph limit was the one exceeded, and
    /// nil when the graph is over the plain node limit.
    case tooLargeForDot(nodes: Int, cycleEdges: Int?, limit: Int)
    /// Graphviz could not create its context (it could not read its plugin configuration).
    case contextUnavailable(message: String)
    /// The layout engine named `engine` failed or is not installed; `message` is Graphviz's error text.
    case layoutFailed(engine: String, message: String)
    /// The renderer for `format` failed or is not installed; `message` is Graphviz's error text.
    case renderFailed(format: String, engine: String, message: String)

    /// What failed, the value at fault and what was expected.
    public var description: String {
        switch self {
        case .nulByte(let offset):
            return "the DOT text contains a NUL byte at UTF-8 offset \(offset); expected text without NUL bytes"
        case .noGraph(let excerpt):
            return "no graph in the DOT text \(Self.quote(excerpt)); expected `digraph { ... }` or `graph { ... }`"
        case .syntax(let message, let line, let excerpt):
            var text = "the DOT text does not parse: Graphviz says \(Self.quote(message))"
            if let line, let excerpt { text += "; line \(line) is \(Self.quote(excerpt))" }
            return text + "; expected a graph in the DOT language (https://graphviz.org/doc/info/lang.html)"
        case .tooLargeForDot(let nodes, let cycleEdges?, let limit):
            return "the graph has \(nodes) nodes and \(cycleEdges) edges that close cycles; the dot engine may lay out "
                + "at most \(limit) nodes of a cyclic graph (dot can run for minutes on cyclic graphs); "
                + "use the sfdp engine, summarise the graph, or raise DotLimits.maxNodesWithCycles"
        case .tooLargeForDot(let nodes, nil, let limit):
            return "the graph has \(nodes) nodes; the dot engine may lay out at most \(limit) "
                + "(dot can run for minutes on large graphs); use the sfdp engine, summarise the graph, "
                + "or raise DotLimits.maxNodes"
        case .contextUnavailable(let message):
            return "Graphviz could not start: \(Self.quote(message)); expected libgraphviz with its "
                + "plugin configuration (apt-get install libgraphviz-dev)"
        case .layoutFailed(let engine, let message):
            return "Graphviz could not lay the graph out with \(Self.quote(engine)): \(Self.quote(message)); "
                + "expected a layout plugin for it (installed with libgraphviz-dev)"
        case .renderFailed(let format, let engine, let message):
            return "Graphviz could not render the \(Self.quote(engine)) layout as \(Self.quote(format)): "
                + "\(Self.quote(message)); expected a renderer plugin for it (installed with libgraphviz-dev)"
        }
    }

    /// `text` in double quotes, with control characters and quotes escaped, cut at 200 characters.
    static func quote(_ text: String) -> String {
        let limit = 200
        var body = ""
        for character in text.prefix(limit) {
            switch character {
            case "\"": body += "\\\""
            case "\\": body += "\\\\"
            case "\n": body += "\\n"
            case "\r": body += "\\r"
            case "\t": body += "\\t"
            default: body.append(character)
            }
        }
        return "\"" + body + (text.count > limit ? "…" : "") + "\""
    }
}
