import Reports

/// The numeric metrics of one run, keyed by their dotted path in `metrics.json`.
///
/// Numbers (integers and floating point) are kept as `Double` (integers below 2^53 exactly);
/// booleans count as 0 and 1, so that their mean over replications is a proportion. Strings,
/// nulls and lists are skipped, and so is the `run` object (what was run: the seed, the variant,
/// the kernel's event count), which is bookkeeping rather than an outcome.
public struct MetricValues: Sendable, Equatable {
    /// Values by key path, such as `privilegedHours.total` or `roles.Global Administrator.activeHours`.
    public var values: [String: Double]

    /// Creates values from a dictionary.
    public init(_ values: [String: Double]) {
        self.values = values
    }

    /// The numeric leaves of a `metrics.json` document.
    public init(document: JSONValue) {
        var values: [String: Double] = [:]
        Self.collect(document, prefix: "", depth: 0, into: &values)
        self.values = values
    }

    /// The value of one metric, when this run has it.
    public subscript(metric: String) -> Double? { values[metric] }

    /// The key paths, sorted.
    public var keys: [String] { values.keys.sorted() }

    /// Top-level objects left out of the flattening.
    public static let skippedRoots: Set<String> = ["run"]

    private static func collect(_ value: JSONValue, prefix: String, depth: Int, into values: inout [String: Double]) {
        switch value {
        case .object(let members):
            // Sorted, so that when two paths spell the same dotted key (a key holding a dot) the
            // first in sorted order wins, whatever the dictionary's order.
            for key in members.keys.sorted() {
                if depth == 0 && skippedRoots.contains(key) { continue }
                guard let member = members[key] else { continue }
                collect(member, prefix: prefix.isEmpty ? key : prefix + "." + key, depth: depth + 1, into: &values)
            }
        case .integer, .number, .bool:
            guard !prefix.isEmpty, values[prefix] == nil, let number = value.doubleValue, number.isFinite else { return }
            values[prefix] = number
        case .null, .string, .array:
            return
        }
    }
}
