import Foundation

/// A JSON value with its members in a chosen order: the JSON Schema and the scenario-as-JSON are
/// written through it, so that their text is stable (ScenarioFormat does not depend on Reports).
public indirect enum SchemaNode: Equatable, Sendable {
    /// An object, members in order.
    case object([(String, SchemaNode)])
    /// An array.
    case array([SchemaNode])
    /// A string.
    case string(String)
    /// A whole number.
    case integer(Int64)
    /// A number, written in its shortest exact form.
    case number(Double)
    /// A whole number too large for 64 bits, written as its digits.
    case digits(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// Equal when their compact JSON texts are equal.
    public static func == (lhs: SchemaNode, rhs: SchemaNode) -> Bool { lhs.text(indent: nil) == rhs.text(indent: nil) }

    /// The JSON text: indented by two spaces per level with `indent` 0 at the top, or compact with nil.
    public func text(indent: Int? = 0) -> String {
        var output = ""
        write(into: &output, indent: indent)
        return output
    }

    private func write(into output: inout String, indent: Int?) {
        let newline = indent.map { "\n" + String(repeating: "  ", count: $0 + 1) } ?? ""
        let closing = indent.map { "\n" + String(repeating: "  ", count: $0) } ?? ""
        let next = indent.map { $0 + 1 }
        switch self {
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                output += newline
                output += Self.quote(key) + (indent == nil ? ":" : ": ")
                value.write(into: &output, indent: next)
            }
            output += closing + "}"
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                output += newline
                item.write(into: &output, indent: next)
            }
            output += closing + "]"
        case .string(let text): output += Self.quote(text)
        case .integer(let value): output += String(value)
        case .digits(let text): output += text
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { output += String(Int64(value)) } else { output += "\(value)" }
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
