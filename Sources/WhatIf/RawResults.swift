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
        (0..<replications).map { values(arm: arm, replication: $0)?[metric] }
    }

    /// Every metric any unit has, sorted.
    public var metrics: [String] {
        var keys = Set<String>()
        for values in units.values { keys.formUnion(values.values.keys) }
        return keys.sorted()
    }

    /// Every metric that some replication of `arm` has, sorted.
    public func metrics(arm: Int) -> Set<String> {
        var keys = Set<String>()
        for replication in 0..<replications {
            if let values = values(arm: arm, replication: replication) { keys.formUnion(values.values.keys) }
        }
        return keys
    }
}
