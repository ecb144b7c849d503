/// A Graphviz layout engine that pimsim renders with.
public enum GraphvizEngine: String, CaseIterable, Sendable {
    /// Hierarchical layers, edges flowing one way: readable for small, mostly acyclic graphs,
    /// but slow on large or cyclic ones (see `DotLimits`).
    case dot
    /// Scalable force-directed placement: the engine for large or cyclic graphs.
    case sfdp
    /// Spring model (stress majorisation): good for small undirected pictures.
    case neato
}

/// An output format of a rendering.
public enum GraphvizFormat: String, CaseIterable, Sendable {
    /// Scalable Vector Graphics (UTF-8 XML text).
    case svg
    /// A PNG bitmap drawn by cairo.
    case png
    /// A PDF document drawn by cairo.
    case pdf
    /// The input graph as DOT text again, with the layout's coordinates in `pos`, `bb` and friends.
    case dot
}

/// What one rendering produced: the bytes and the warnings Graphviz raised on the way.
public struct GraphvizRendering: Sendable, Equatable {
    /// The rendered document (not NUL-terminated; SVG and DOT are UTF-8 text).
    public let bytes: [UInt8]
    /// Graphviz's warnings, one a line, without the `Warning: ` prefix (empty when all went well).
    public let warnings: [String]

    /// A rendering of `bytes` with `warnings`.
    public init(bytes: [UInt8], warnings: [String]) {
        self.bytes = bytes
        self.warnings = warnings
    }
}

/// DOT text in, rendered bytes out, through libgvc in this process.
///
/// Graphviz is not thread-safe, not even with one context per thread, so every call into it goes
/// through one process-wide lock: any number of threads or tasks may call these functions at once,
/// and they take turns. One Graphviz context, created on first use, serves the whole process;
/// each call frees every other handle it obtained (graph, layout, output buffer) before returning,
/// errors included. Graphviz's own error and warning text is captured rather than printed to
/// standard error.
public enum Graphviz {
    /// Lays `dot` out with `engine` and renders it as `format`.
    ///
    /// - Parameter dotLimits: how large a graph the `dot` engine may lay out; larger graphs are
    ///   refused with `GraphvizError.tooLargeForDot` before any layout starts. Other engines
    ///   are not limited.
    /// - Returns: the rendered document's bytes.
    public static func render(
        dot: String, engine: GraphvizEngine = .dot, format: GraphvizFormat = .svg,
        dotLimits: DotLimits = .standard
    ) throws(GraphvizError) -> [UInt8] {
        try renderWithWarnings(dot: dot, engine: engine, format: format, dotLimits: dotLimits).bytes
    }

    /// Like `render`, and also returns the warnings Graphviz raised while parsing, laying out and
    /// rendering.
    public static func renderWithWarnings(
        dot: String, engine: GraphvizEngine = .dot, format: GraphvizFormat = .svg,
        dotLimits: DotLimits = .standard
    ) throws(GraphvizError) -> GraphvizRendering {
        try render(dot: dot, engineNamed: engine.rawValue, formatNamed: format.rawValue, dotLimits: dotLimits)
    }

    /// Like `renderWithWarnings`, with the layout engine and output format given by Graphviz's own
    /// names (`fdp`, `circo`, `json`, `svg:cairo`, ...), for those the enums leave out. Names this
    /// Graphviz has no plugin for fail with `layoutFailed` or `renderFailed` and Graphviz's message
    /// (for engines, a list of the ones it has). `dotLimits` applies when `engineNamed` is `dot`.
    public static func render(
        dot: String, engineNamed: String, formatNamed: String, dotLimits: DotLimits = .standard
    ) throws(GraphvizError) -> GraphvizRendering {
        if let index = dot.utf8.firstIndex(of: 0) {
            throw GraphvizError.nulByte(offset: dot.utf8.distance(from: dot.utf8.startIndex, to: index))
        }
        return try GraphvizLibrary.shared.render(dot: dot, layout: engineNamed, format: formatNamed, dotLimits: dotLimits)
    }

    /// The version of the Graphviz library this process is linked with, as Graphviz reports it
    /// (Debian bookworm's 2.42 says `2.43.0`).
    public static func libraryVersion() throws(GraphvizError) -> String {
        try GraphvizLibrary.shared.version()
    }
}
