/// A JSON document rendered piece by piece, byte for byte as `JSONValue.rendered()` would render
/// the whole tree, without ever holding the whole tree: large objects and arrays produce their
/// members on demand.
///
/// compare.json and sweep.json of a large tenant hold hundreds of thousands of values; as one
/// `JSONValue` tree they would take several times the memory of their text.
public enum StreamedJSON {
    /// A small value, rendered through `JSONValue`.
    case value(JSONValue)
    /// An object whose members are made when rendered; keys are sorted then.
    case object(keys: [String], member: (String) -> StreamedJSON)
    /// An array of `count` items made when rendered.
    case array(count: Int, item: (Int) -> StreamedJSON)

    /// An object from members already at hand.
    public static func object(_ members: [String: StreamedJSON]) -> StreamedJSON {
        .object(keys: Array(members.keys)) { members[$0] ?? .value(.null) }
    }

    /// The whole tree as one value (for tests: its rendering must equal `rendered()`).
    public func materialized() -> JSONValue {
        switch self {
        case .value(let value): return value
        case .object(let keys, let member):
            var members: [String: JSONValue] = [:]
            for key in keys { members[key] = member(key).materialized() }
            return .object(members)
        case .array(let count, let item):
            return .array((0..<count).map { item($0).materialized() })
        }
    }

    /// Pretty-printed text with two-space indentation and a final newline, as `JSONValue.rendered()`.
    public func rendered() -> String {
        var output = ""
        write(to: &output, indent: 0)
        output += "\n"
        return output
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .value(let value):
            // Rendered alone, then every line after the first indented (strings in JSON never
            // hold a raw line break, so each one separates lines).
            let pad = String(repeating: " ", count: indent)
            for (index, line) in value.rendered().utf8.split(separator: UInt8(ascii: "\n")).enumerated() {
                if index > 0 { output += "\n" + pad }
                output += String(Substring(line))
            }
        case .object(let keys, let member):
            guard !keys.isEmpty else { output += "{}"; return }
            output += "{\n"
            let sorted = keys.sorted()
            for (index, key) in sorted.enumerated() {
                output += String(repeating: " ", count: indent + 2) + JSONValue.quote(key) + ": "
                member(key).write(to: &output, indent: indent + 2)
                output += index + 1 < sorted.count ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        case .array(let count, let item):
            guard count > 0 else { output += "[]"; return }
            output += "[\n"
            for index in 0..<count {
                output += String(repeating: " ", count: indent + 2)
                item(index).write(to: &output, indent: indent + 2)
                output += index + 1 < count ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        }
    }
}
