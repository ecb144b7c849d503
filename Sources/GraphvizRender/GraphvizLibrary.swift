import CGraphviz
import Foundation

/// The process's one way into libgvc: a lock held around every Graphviz call, and the text that
/// Graphviz reports through its error callback while that lock is held.
///
/// Graphviz keeps global state (the parser, the error channel, the current output job, the numeric
/// locale) even across separate contexts, so concurrent calls crash it; everything here runs with
/// `lock` held. The error callback is a C function pointer and cannot capture Swift context: it
/// reaches the messages through `shared`, which is safe because Graphviz only calls it from inside
/// a call this type made, on the thread holding the lock.
final class GraphvizLibrary: @unchecked Sendable {
    /// The one instance; all Graphviz use in the process goes through it.
    static let shared = GraphvizLibrary()

    /// Held for the whole of every parse, layout, render and free.
    private let lock = NSLock()
    /// Graphviz's context (`GVC_t *`), created on first use and kept for the life of the process;
    /// read and written with `lock` held.
    private var context: OpaquePointer?
    /// Whether `agseterrf` has been pointed at `capture`; read and written with `lock` held.
    private var callbackInstalled = false
    /// Graphviz's messages since the current call began; read and written with `lock` held.
    private var captured = ""

    private init() {}

    /// Renders `dot` (already checked for NUL bytes) as the format named `format` after laying it
    /// out with the engine named `layout`.
    func render(dot: String, layout: String, format: String, dotLimits: DotLimits) throws(GraphvizError) -> GraphvizRendering {
        try locked { () throws(GraphvizError) -> GraphvizRendering in
            let context = try sharedContext()

            // The scanner's line counter is global and only ever grows: restart it for this text.
            agreadline(1)
            guard let graph = agmemread(dot) else {
                let errors = messages().errors
                if errors.isEmpty { throw GraphvizError.noGraph(excerpt: String(dot.prefix(40))) }
                throw Self.syntaxError(errors.joined(separator: "\n"), in: dot)
            }
            defer { _ = agclose(graph) }
            drainScanner()

            if layout == GraphvizEngine.dot.rawValue, let refusal = dotLimits.refusal(for: graph) { throw refusal }

            // Freed on every path, failures included: a failed layout may have bound partial
            // records, and gvFreeLayout also restores the numeric locale that gvLayout switched.
            defer { _ = gvFreeLayout(context, graph) }
            Self.reseedLayoutRandomness()
            guard gvLayout(context, graph, layout) == 0 else {
                throw GraphvizError.layoutFailed(engine: layout, message: messages().errorText)
            }

            var buffer: UnsafeMutablePointer<CChar>?
            // gvRenderData's length is `unsigned int *` up to Graphviz 12 and `size_t *` from 13:
            // `withLength` takes whichever this header declares.
            let (status, length) = Self.withLength { gvRenderData(context, graph, format, &buffer, $0) }
            // On failure the buffer is either unset or the untouched initial allocation.
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard status == 0, let buffer else {
                throw GraphvizError.renderFailed(format: format, engine: layout, message: messages().errorText)
            }
            // The buffer is not NUL-terminated: copy exactly `length` bytes.
            let bytes = [UInt8](UnsafeRawBufferPointer(start: buffer, count: length))
            return GraphvizRendering(bytes: bytes, warnings: messages().warnings)
        }
    }

    /// The process's Graphviz context, created on first use.
    ///
    /// One context serves every call, and is never freed. Measured with 2.42 under valgrind, a
    /// context per call cost 3.6 KB per call that `gvFreeContext` never returns (the plugin
    /// configuration text read by `gvContext`), and freeing a context left the cairo/pango text
    /// layout plugin comparing against font names the context had freed (a read of freed memory
    /// on the next call). A context holds only the plugin registry and caches; graphs, layouts
    /// and output jobs are created and freed per call.
    private func sharedContext() throws(GraphvizError) -> OpaquePointer {
        if let context { return context }
        guard let created = gvContext() else {
            throw GraphvizError.contextUnavailable(message: messages().errorText)
        }
        context = created
        return created
    }

    /// Graphviz's version string.
    func version() throws(GraphvizError) -> String {
        try locked { () throws(GraphvizError) -> String in
            let context = try sharedContext()
            guard let text = gvcVersion(context) else { return "unknown" }
            return String(cString: text)
        }
    }

    /// Runs `body` with the lock held, the error callback installed and the message buffer empty.
    private func locked<T>(_ body: () throws(GraphvizError) -> T) throws(GraphvizError) -> T {
        lock.lock()
        defer {
            captured = ""
            lock.unlock()
        }
        if !callbackInstalled {
            // Report warnings and errors alike through the callback, never to standard error.
            _ = agseterr(AGWARN)
            _ = agseterrf { text in
                if let text { GraphvizLibrary.shared.capture(String(cString: text)) }
                return 0
            }
            callbackInstalled = true
        }
        captured = ""
        _ = agreseterrors()
        return try body()
    }

    /// Empties the DOT scanner's input buffer after a successful parse.
    ///
    /// The scanner is global and reads its input a line at a time; the parser stops after the
    /// first graph, and whatever followed it on that line stays buffered. Measured with 2.42:
    /// after `digraph {a} digraph {z}`, the next `agmemread("digraph {b}")` returned graph `z`,
    /// and a trailing newline left behind made the next syntax error name the wrong line. Parsing
    /// empty texts until nothing comes back consumes the leftovers (a syntax error among them
    /// flushes the buffer too); their messages are not this call's, so they are dropped.
    private func drainScanner() {
        let kept = captured
        // Each round consumes at least one buffered graph; the bound only guards against a
        // library that keeps returning graphs from nothing.
        for _ in 0..<64 {
            guard let leftover = agmemread("") else { break }
            _ = agclose(leftover)
        }
        captured = kept
    }

    /// Seeds the C library's `rand` generator, which `sfdp` draws from.
    ///
    /// Measured with 2.42: the same DOT text laid out with `sfdp` gave a different picture
    /// depending on the renders before it in the process. `sfdp` coarsens the graph with a random
    /// permutation drawn from `rand` before it seeds `rand` with its own seed, so the picture
    /// depended on whatever state earlier calls left behind (seeding `drand48` did not help).
    /// Seeding `rand` before every layout makes the output a function of the DOT text alone.
    /// `neato` seeds its own generator from the graph's `start` attribute, and `dot` draws none.
    private static func reseedLayoutRandomness() {
        srand(1)
    }

    /// Appends a piece of a Graphviz message; called only from the C callback, with the lock held.
    private func capture(_ text: String) {
        captured += text
    }

    /// The messages captured so far in this call, sorted into errors and warnings.
    private func messages() -> GraphvizMessages {
        GraphvizMessages(parsing: captured)
    }

    /// Calls `body` with a zeroed length of the integer type `gvRenderData` declares.
    private static func withLength<Length: BinaryInteger>(_ body: (UnsafeMutablePointer<Length>) -> Int32) -> (status: Int32, length: Int) {
        var length: Length = 0
        let status = body(&length)
        return (status, Int(length))
    }

    /// A syntax error carrying Graphviz's `message` and, when it names a line, that line of `dot`.
    static func syntaxError(_ message: String, in dot: String) -> GraphvizError {
        guard let line = GraphvizMessages.lineNumber(in: message) else {
            return .syntax(message: message, line: nil, excerpt: nil)
        }
        // Graphviz counts `\n` bytes; a `\r\n` is one Character to Swift, so split the bytes.
        let lines = dot.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else {
            return .syntax(message: message, line: line, excerpt: nil)
        }
        var excerpt = String(decoding: lines[line - 1], as: UTF8.self)
        if excerpt.hasSuffix("\r") { excerpt.removeLast() }
        return .syntax(message: message, line: line, excerpt: excerpt)
    }
}
