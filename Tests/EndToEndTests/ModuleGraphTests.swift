import Foundation
import Testing
import TestSupport

/// The module graph in docs/architecture.md is the one Package.swift declares: a test, so that
/// the picture cannot drift from the code.
@Suite("Module graph: Package.swift and docs/architecture.md agree")
struct ModuleGraphTests {
    /// Target name → the names of the targets (not packages' products) it depends on.
    typealias Graph = [String: Set<String>]

    /// The library and executable targets of Package.swift, read from its text: each
    /// `.target(`, `.executableTarget(` or `.systemLibrary(` with its `name:` and the string
    /// literals of its `dependencies:` list (products of other packages are skipped).
    static func declared() throws -> Graph {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        var graph: Graph = [:]
        for kind in [".target(", ".executableTarget(", ".systemLibrary("] {
            var rest = Substring(text)
            while let start = rest.range(of: kind) {
                let body = Self.balanced(rest[start.upperBound...])
                rest = rest[start.upperBound...]
                guard let name = Self.firstString(after: "name:", in: body) else { continue }
                var dependencies: Set<String> = []
                if let list = body.range(of: "dependencies:") {
                    let items = Self.bracketed(body[list.upperBound...])
                    // Strings directly in the list, not inside `.product(...)`.
                    var depth = 0
                    var index = items.startIndex
                    while index < items.endIndex {
                        let character = items[index]
                        if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
                        if character == "\"", depth == 0, let close = items[items.index(after: index)...].firstIndex(of: "\"") {
                            dependencies.insert(String(items[items.index(after: index)..<close]))
                            index = close
                        }
                        index = items.index(after: index)
                    }
                }
                graph[name] = dependencies
            }
        }
        return graph
    }

    /// The table under "## Module graph" in docs/architecture.md: `| module | depends on |`, the
    /// dependencies as `code` spans, `–` for none.
    static func documented() throws -> Graph {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        guard let section = text.range(of: "## Module graph") else { throw FixtureError("docs/architecture.md has no '## Module graph' section") }
        var graph: Graph = [:]
        for line in text[section.upperBound...].split(separator: "\n") {
            if line.hasPrefix("## ") { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[1].hasPrefix("`") else { continue }
            let name = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let names = cells[2].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            graph[name] = Set(names)
        }
        return graph
    }

    static func balanced(_ text: Substring) -> Substring {
        var depth = 1
        for index in text.indices {
            if text[index] == "(" { depth += 1 } else if text[index] == ")" { depth -= 1 }
            if depth == 0 { return text[..<index] }
        }
        return text
    }

    static func bracketed(_ text: Substring) -> Substring {
        guard let open = text.firstIndex(of: "[") else { return "" }
        var depth = 0
        for index in text[open...].indices {
            if text[index] == "[" { depth += 1 } else if text[index] == "]" { depth -= 1 }
            if depth == 0 { return text[text.index(after: open)..<index] }
        }
        return ""
    }

    static func firstString(after key: String, in text: Substring) -> String? {
        guard let key = text.range(of: key), let open = text[key.upperBound...].firstIndex(of: "\"") else { return nil }
        let after = text.index(after: open)
        guard let close = text[after...].firstIndex(of: "\"") else { return nil }
        return String(text[after..<close])
    }

    @Test("every target's dependencies are exactly those documented")
    func agree() throws {
        let declared = try Self.declared()
        let documented = try Self.documented()
        #expect(declared.count >= 10, "read \(declared.keys.sorted()) from Package.swift")
        for name in Set(declared.keys).union(documented.keys).sorted() {
            #expect(declared[name] == documented[name],
                    "\(name): Package.swift says \(declared[name]?.sorted() ?? []), docs/architecture.md says \(documented[name]?.sorted() ?? [])")
        }
    }

    @Test("the graph has no cycle, and the command line sits on top")
    func acyclic() throws {
        let graph = try Self.declared()
        var visiting: Set<String> = [], done: Set<String> = []
        func visit(_ name: String, _ path: [String]) {
            guard !done.contains(name) else { return }
            #expect(!visiting.contains(name), "cycle: \((path + [name]).joined(separator: " → "))")
            guard !visiting.contains(name) else { return }
            visiting.insert(name)
            for next in graph[name, default: []].sorted() { visit(next, path + [name]) }
            visiting.remove(name)
            done.insert(name)
        }
        for name in graph.keys.sorted() { visit(name, []) }
        #expect(!graph.values.contains { $0.contains("pimsim") })
    }
}
