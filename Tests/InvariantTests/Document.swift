import Foundation
import Reports

/// A scenario document as a tree, written out as YAML (block style, compact durations, `Z`
/// timestamps) or as JSON (ISO 8601 durations, `+00:00` timestamps): two spellings of one scenario.
indirect enum Document {
    case map([(String, Document)])
    case list([Document])
    case text(String)
    case integer(Int64)
    case number(Double)
    case bool(Bool)
    /// Seconds, written `1d9h` in YAML and `P1DT9H` in JSON.
    case duration(Int64)
    /// Seconds since 1970, written `2026-03-02T09:00:00Z` in YAML and `2026-03-02T09:00:00+00:00` in JSON.
    case timestamp(Int64)

    /// The value at `key` of a map (nil otherwise).
    subscript(key: String) -> Document? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    // MARK: JSON

    var json: String {
        switch self {
        case .map(let pairs): return "{" + pairs.map { Self.quoted($0.0) + ": " + $0.1.json }.joined(separator: ", ") + "}"
        case .list(let items): return "[" + items.map(\.json).joined(separator: ", ") + "]"
        case .text(let text): return Self.quoted(text)
        case .integer(let value): return String(value)
        case .number(let value): return "\(value)"
        case .bool(let value): return value ? "true" : "false"
        case .duration(let seconds): return Self.quoted(Self.iso(seconds))
        case .timestamp(let epoch): return Self.quoted(Self.timestampText(epoch, zone: "+00:00"))
        }
    }

    // MARK: YAML

    var yaml: String { yamlLines(indent: 0).joined(separator: "\n") + "\n" }

    private func yamlLines(indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .map(let pairs) where !pairs.isEmpty:
            return pairs.flatMap { key, value -> [String] in
                let head = pad + Self.plainOrQuoted(key) + ":"
                if value.isBlock { return [head] + value.yamlLines(indent: indent + 2) }
                return [head + " " + value.scalar]
            }
        case .list(let items) where !items.isEmpty:
            return items.flatMap { item -> [String] in
                guard item.isBlock else { return [pad + "- " + item.scalar] }
                var lines = item.yamlLines(indent: indent + 2)
                lines[0] = pad + "- " + lines[0].dropFirst(indent + 2)
                return lines
            }
        default:
            return [pad + scalar]
        }
    }

    private var isBlock: Bool {
        switch self {
        case .map(let pairs): return !pairs.isEmpty
        case .list(let items): return !items.isEmpty
        default: return false
        }
    }

    /// A value on one line: flow style for empty collections.
    private var scalar: String {
        switch self {
        case .map: return "{}"
        case .list: return "[]"
        case .text(let text): return Self.plainOrQuoted(text)
        case .integer(let value): return String(value)
        case .number(let value): return "\(value)"
        case .bool(let value): return value ? "true" : "false"
        case .duration(let seconds): return Self.compact(seconds)
        case .timestamp(let epoch): return Self.timestampText(epoch, zone: "Z")
        }
    }

    // MARK: Spellings

    static func quoted(_ text: String) -> String { JSONValue.quote(text) }

    /// Plain when the text cannot be read as anything but that string.
    static func plainOrQuoted(_ text: String) -> String {
        let safe = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || " -_.".contains($0) }
            && text.first.map({ $0.isLetter }) == true && text.last != " "
            && !["true", "false", "null", "yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
        return safe ? text : quoted(text)
    }

    static func compact(_ seconds: Int64) -> String { TimeText.duration(seconds) }

    static func iso(_ seconds: Int64) -> String {
        guard seconds > 0 else { return "PT0S" }
        let days = seconds / 86_400
        var rest = seconds % 86_400
        var time = ""
        for (unit, size) in [("H", Int64(3_600)), ("M", 60), ("S", 1)] where rest >= size {
            time += "\(rest / size)\(unit)"
            rest %= size
        }
        return "P" + (days > 0 ? "\(days)D" : "") + (time.isEmpty ? "" : "T" + time)
    }

    /// `2026-03-02T09:00:00` and the zone (`Z` or `+00:00`).
    static func timestampText(_ epoch: Int64, zone: String) -> String {
        String(TimeText.timestamp(epoch: epoch).dropLast()) + zone
    }
}
