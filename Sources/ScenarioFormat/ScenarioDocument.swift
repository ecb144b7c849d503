import Yams

/// A scenario file's document in JSON's data model, read as the decoder reads it: the values a
/// JSON Schema validator (an editor's, or a test's) checks against `ScenarioSchema`.
///
/// Scalars keep the type the decoder sees (Yams' YAML 1.1 resolution: `yes` is a boolean, `0x2A`
/// an integer, a timestamp a string); anchors and aliases are expanded.
public enum ScenarioDocument {
    /// Why a file could not be read as a document.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// The document of YAML or JSON `text`.
    public static func json(text: String) -> Result<SchemaNode, Failure> {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let limits = InputLimits.current
        guard TextChecks.anchor(number: limits.anchors + 1, in: text) == nil else {
            return .failure(Failure(description: "more than \(limits.anchors) YAML anchors"))
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return .failure(Failure(description: "the file is empty")) }
            var budget = 2 * limits.nodes
            guard let value = convert(node, budget: &budget) else { return .failure(Failure(description: "the document is too large")) }
            return .success(value)
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }

    static func convert(_ node: Node, budget: inout Int) -> SchemaNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .mapping(let mapping):
            var members: [(String, SchemaNode)] = []
            for (key, value) in mapping {
                guard let converted = convert(value, budget: &budget) else { return nil }
                // JSON keys are strings; the decoder reports non-string keys itself.
                members.append((key.string ?? "", converted))
            }
            return .object(members)
        case .sequence(let sequence):
            var items: [SchemaNode] = []
            for item in sequence {
                guard let converted = convert(item, budget: &budget) else { return nil }
                items.append(converted)
            }
            return .array(items)
        case .alias:
            return .null
        case .scalar(let scalar):
            switch node.tagName {
            case .null: return .null
            case .bool: return node.bool.map(SchemaNode.bool) ?? .string(scalar.string)
            case .int:
                if let value = node.int { return .integer(Int64(value)) }
                let digits = scalar.string.replacingUnderscores
                return digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) ? .digits(digits) : .string(scalar.string)
            case .float:
                guard let value = Double(scalar.string.replacingUnderscores), value.isFinite else { return .string(scalar.string) }
                return .number(value)
            default: return .string(scalar.string)
            }
        }
    }
}
