import Foundation
import TenantModel
import Yams

/// A node of the document with the key path that leads to it.
struct Value {
    let node: Node
    let path: KeyPath

    var mark: Mark? { node.mark }

    /// What kind of YAML value this is, in words, for "expected X, got Y" messages.
    var kindDescription: String {
        switch node {
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch node.tagName {
            case .null: return "null"
            case .bool: return "the boolean \(scalar.string)"
            case .int, .float: return "the number \(scalar.string)"
            default: return "the string '\(scalar.string)'"
            }
        }
    }
}

/// Collects diagnostics while the decoder walks the document; never throws, never traps.
final class DecodeContext {
    let file: String
    /// The bounds on the input (the node budget below, counts and the horizon in the decoder).
    let limits: InputLimits
    private(set) var diagnostics: [Diagnostic] = []
    /// Nodes visited so far; bounded (by `limits.nodes`, twice over: a variant's patch is
    /// visited beside the document) so that alias expansion cannot blow up.
    private var visits = 0
    private var reportedVisitLimit = false

    /// Keys the loader marked as repeats of an earlier key in the same map.
    var duplicateKeys = DuplicateKeys()

    init(file: String, limits: InputLimits = .standard) {
        self.file = file
        self.limits = limits
    }

    var hasErrors: Bool { droppedErrors || diagnostics.hasErrors }
    private var droppedErrors = false

    /// The diagnostics, with a closing line for those beyond the cap.
    var finalDiagnostics: [Diagnostic] {
        var result = diagnostics.sortedByPosition
        if dropped > 0 {
            result.append(Diagnostic(file: file, line: 0, column: 0, severity: droppedErrors ? .error : .warning, path: "",
                                     message: "\(dropped) more problems not shown (only the first \(Self.maxDiagnostics) are listed)"))
        }
        return result
    }

    func error(_ message: String, at value: Value) {
        report(.error, message, mark: value.mark, path: value.path)
    }

    func warning(_ message: String, at value: Value) {
        report(.warning, message, mark: value.mark, path: value.path)
    }

    /// Diagnostics kept at most; the rest are counted in one closing line.
    static let maxDiagnostics = 1000
    private(set) var dropped = 0

    func report(_ severity: Diagnostic.Severity, _ message: String, mark: Mark?, path: KeyPath) {
        guard diagnostics.count < Self.maxDiagnostics else {
            dropped += 1
            if severity == .error { droppedErrors = true }
            return
        }
        diagnostics.append(Diagnostic(
            file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
            severity: severity, path: path.description, message: message
        ))
    }

    /// Counts a visit; false once the budget is spent (reported once).
    func visit(_ value: Value) -> Bool {
        visits += 1
        if visits <= 2 * limits.nodes { return true }
        if !reportedVisitLimit {
            reportedVisitLimit = true
            error("the document expands to more than \(2 * limits.nodes) nodes read (through aliases?); refusing to read further "
                  + "(\(InputLimits.flag("nodes", limits.nodes * 2)) raises the limit)", at: value)
        }
        return false
    }

    // MARK: Typed reads

    /// A map, checked against the allowed keys; unknown keys and missing required keys are reported.
    func map(_ value: Value, _ spec: MapSpec) -> MapView? {
        guard visit(value) else { return nil }
        guard case .mapping(let mapping) = value.node else {
            error("expected \(spec.what), got \(value.kindDescription)", at: value)
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Value)] = []
        for (keyNode, valueNode) in mapping {
            let keyValue = Value(node: keyNode, path: value.path)
            guard case .scalar(let scalar) = keyNode, keyNode.tagName != .null else {
                error("map keys must be strings, got \(keyValue.kindDescription)", at: keyValue)
                continue
            }
            let key = scalar.string
            if let duplicate = duplicateKeys.duplicate(at: keyNode.mark) {
                error("duplicate key '\(duplicate.key)' (first at line \(duplicate.first.line), column \(duplicate.first.column)); each key may appear once in a map",
                      at: Value(node: keyNode, path: value.path.appending(duplicate.key)))
                continue
            }
            if !spec.acceptsAnyKey && !spec.keys.contains(where: { $0.name == key }) {
                let hint = Suggestions.hint(for: key, in: spec.keys.map(\.name))
                let allowed = spec.keys.map(\.name).joined(separator: ", ")
                error("unknown key '\(key)'\(hint) (allowed here: \(allowed))", at: Value(node: keyNode, path: value.path.appending(key)))
                continue
            }
            entries.append((key, keyNode, Value(node: valueNode, path: value.path.appending(key))))
        }
        for key in spec.keys where key.required && !entries.contains(where: { $0.key == key.name }) {
            error("missing required key '\(key.name)' (\(key.summary))", at: value)
        }
        return MapView(value: value, entries: entries)
    }

    /// A list; a single value stands for a one-element list when `singleAllowed`.
    func list(_ value: Value, what: String, singleAllowed: Bool = false) -> [Value]? {
        guard visit(value) else { return nil }
        switch value.node {
        case .sequence(let sequence):
            return sequence.enumerated().map { Value(node: $0.element, path: value.path.appending($0.offset)) }
        case .scalar where singleAllowed && value.node.tagName != .null:
            return [value]
        default:
            error("expected a list of \(what), got \(value.kindDescription)", at: value)
            return nil
        }
    }

    /// A string: plain or quoted text; numbers and timestamps are taken as written.
    func string(_ value: Value, what: String = "a string") -> String? {
        guard visit(value) else { return nil }
        guard case .scalar(let scalar) = value.node else {
            error("expected \(what), got \(value.kindDescription)", at: value)
            return nil
        }
        switch value.node.tagName {
        case .null, .bool:
            error("expected \(what), got \(value.kindDescription); quote it if it is meant as text", at: value)
            return nil
        default:
            return scalar.string
        }
    }

    /// A non-empty identifier.
    func identifier(_ value: Value, what: String) -> String? {
        guard let text = string(value, what: what) else { return nil }
        guard !text.trimmingWhitespace.isEmpty else {
            error("expected \(what), got an empty string", at: value)
            return nil
        }
        return text
    }

    /// `true` or `false`.
    func bool(_ value: Value) -> Bool? {
        guard visit(value) else { return nil }
        if case .scalar = value.node, value.node.tagName == .bool, let result = value.node.bool { return result }
        error("expected true or false, got \(value.kindDescription)", at: value)
        return nil
    }

    /// A whole number in `range`.
    func integer(_ value: Value, in range: ClosedRange<Int64>, what: String) -> Int64? {
        guard visit(value) else { return nil }
        // Yams reads YAML's integer notations (0x2A, 0o17, 1_000) through `int`.
        guard case .scalar(let scalar) = value.node, value.node.tagName == .int else {
            error("expected \(what) (a whole number), got \(value.kindDescription)", at: value)
            return nil
        }
        guard let number = value.node.int.map(Int64.init) else {
            error("\(what) '\(scalar.string)' is too large; the largest allowed is \(range.upperBound)", at: value)
            return nil
        }
        guard range.contains(number) else {
            error("\(what) must be between \(range.lowerBound) and \(range.upperBound), got \(number)", at: value)
            return nil
        }
        return number
    }

    /// A number (whole or decimal) in `range`.
    func number(_ value: Value, in range: ClosedRange<Double>, what: String) -> Double? {
        guard visit(value) else { return nil }
        guard case .scalar(let scalar) = value.node,
              value.node.tagName == .int || value.node.tagName == .float,
              let number = Double(scalar.string.replacingUnderscores) ?? value.node.float else {
            error("expected \(what) (a number), got \(value.kindDescription)", at: value)
            return nil
        }
        guard number.isFinite else {
            error("\(what) '\(scalar.string)' is out of range; expected a number between \(range.lowerBound.compact) and \(range.upperBound.compact)", at: value)
            return nil
        }
        guard range.contains(number) else {
            error("\(what) must be between \(range.lowerBound.compact) and \(range.upperBound.compact), got \(scalar.string)", at: value)
            return nil
        }
        return number
    }

    /// A duration in whole seconds (`8h`, `PT8H`); the integer 0 is accepted as zero.
    func duration(_ value: Value) -> Seconds? {
        guard visit(value) else { return nil }
        if case .scalar(let scalar) = value.node, value.node.tagName == .int, scalar.string == "0" { return 0 }
        guard let text = string(value, what: "a duration such as '8h' or 'PT8H'") else { return nil }
        switch TimeSyntax.duration(text) {
        case .success(let seconds): return seconds
        case .failure(let failure):
            error(failure.message, at: value)
            return nil
        }
    }

    /// A time: an ISO 8601 timestamp, or an offset from `start` written as a duration.
    func time(_ value: Value, start: Int64?) -> Seconds? {
        guard visit(value) else { return nil }
        if case .scalar(let scalar) = value.node, value.node.tagName == .int, scalar.string == "0" { return 0 }
        guard let text = string(value, what: "a time (a timestamp or an offset such as '1d9h')") else { return nil }
        if TimeSyntax.looksLikeTimestamp(text) {
            switch TimeSyntax.timestamp(text) {
            case .success(let epoch):
                // Without a valid start, the offset is unknown; the start's own error is reported.
                guard let start else { return nil }
                return epoch - start
            case .failure(let failure):
                error(failure.message, at: value)
                return nil
            }
        }
        switch TimeSyntax.duration(text) {
        case .success(let seconds): return seconds
        case .failure(let failure):
            error(failure.message.replacingOccurrences(of: "is not a duration; expected", with: "is not a time; expected a timestamp such as '2026-03-02T09:00:00Z', or an offset from start:"), at: value)
            return nil
        }
    }
}

/// The entries of a checked map.
struct MapView {
    let value: Value
    let entries: [(key: String, keyNode: Node, value: Value)]

    subscript(key: String) -> Value? {
        entries.first { $0.key == key }?.value
    }

    func has(_ key: String) -> Bool { self[key] != nil }
}

extension String {
    var replacingUnderscores: String { replacingOccurrences(of: "_", with: "") }
}

extension Double {
    /// `1` for whole numbers, `0.5` otherwise.
    var compact: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}

extension Node {
    /// The resolved tag's name (`tag:yaml.org,2002:int` and so on).
    var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }
}
