import Reports

/// The numeric metrics of one run, keyed by their dotted path in `metrics.json`.
///
/// Numbers (integers and floating point) are kept as `Double` (integers below 2^53 exactly);
/// booleans count as 0 and 1, so that their mean over replications is a proportion. Strings,
/// nulls and lists are skipped, and so is the `run` object (what was run: the seed, the variant,
/// the kernel's event count), which is bookkeeping rather than an outcome. Stored as sorted
/// parallel arrays: a large tenant has tens of thousands of keys per run.
public struct MetricValues: Sendable, Equatable {
    /// The key paths, sorted, such as `privilegedHours.total` or `roles.Global Administrator.activeHours`.
    public private(set) var keys: [String]
    /// The values, in the order of `keys`.
    public private(set) var numbers: [Double]

    /// Creates values from a dictionary (non-finite values are dropped).
    public init(_ values: [String: Double]) {
        let sorted = values.filter { $0.value.isFinite }.sorted { $0.key < $1.key }
        keys = sorted.map(\.key)
        numbers = sorted.map(\.value)
    }

    /// The numeric leaves of a `metrics.json` document.
    public init(document: JSONValue) {
        var values: [String: Double] = [:]
        Self.collect(document, prefix: "", depth: 0, into: &values)
        self.init(values)
    }

    /// Values by key path.
    public var values: [String: Double] { Dictionary(uniqueKeysWithValues: zip(keys, numbers)) }

    /// The value of one metric, when this run has it (a binary search).
    public subscript(metric: String) -> Double? {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < metric { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == metric ? numbers[low] : nil
    }

    /// The same values with each key replaced by the equal string already in `table` (added when
    /// new), so that the units of a study share one copy of each key path.
    public func interned(in table: inout Set<String>) -> MetricValues {
        var copy = self
        copy.keys = keys.map { table.insert($0).memberAfterInsert }
        return copy
    }

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

/// The metric values of an experiment's work units: all of them, or one shard's.
public struct RawResults: Sendable, Equatable {
    /// The number of arms.
    public var arms: Int
    /// Replications per arm.
    public var replications: Int
    /// Values by unit index (`arm · replications + replication`).
    public var units: [Int: MetricValues]

    /// Creates results.
    public init(arms: Int, replications: Int, units: [Int: MetricValues] = [:]) {
        self.arms = arms
        self.replications = replications
        self.units = units
    }

    /// The number of units of the whole experiment.
    public var unitCount: Int { arms * replications }

    /// Whether every unit has its values.
    public var isComplete: Bool { units.count == unitCount && units.keys.allSatisfy { (0..<unitCount).contains($0) } }

    /// The values of one replication of one arm, when present.
    public func values(arm: Int, replication: Int) -> MetricValues? {
        units[arm * replications + replication]
    }

    /// One metric over the replications of one arm, in replication order (nil where absent).
    public func series(_ metric: String, arm: Int) -> [Double?] {
        let zeroWhenAbsent = Self.absentMeansZero(metric)
        return (0..<replications).map { replication in
            guard let values = values(arm: arm, replication: replication) else { return nil }
            return values[metric] ?? (zeroWhenAbsent ? 0 : nil)
        }
    }

    /// Whether a per-entity count or total that a run leaves out means zero there: metrics.json
    /// lists a user, role, group, scope, approver or Tier-0 principal only when it has something
    /// to count. Percentiles, steps and labels stay absent (undefined, not zero).
    public static func absentMeansZero(_ metric: String) -> Bool {
        let prefixes = ["users.", "roles.", "groups.", "scopes.", "approvals.", "tier0.principals."]
        guard prefixes.contains(where: metric.hasPrefix) else { return false }
        return !metric.contains(".waitMinutes.") && !metric.hasSuffix(".minSteps") && !metric.hasSuffix(".privileged")
    }

    /// Every metric any unit has, sorted.
    public var metrics: [String] {
        var keys = Set<String>()
        for values in units.values { keys.formUnion(values.keys) }
        return keys.sorted()
    }

    /// Every metric that some replication of `arm` has.
    public func metrics(arm: Int) -> Set<String> {
        var keys = Set<String>()
        for replication in 0..<replications {
            if let values = values(arm: arm, replication: replication) { keys.formUnion(values.keys) }
        }
        return keys
    }
}
