import TenantModel

/// One side of a comparison: the baseline, a variant or a sweep's grid point, as a scenario to run.
public struct Arm: Sendable {
    /// The name it is reported under (`baseline`, a variant's name, a grid point's label).
    public var name: String
    /// The scenario with the variant or patches applied.
    public var scenario: Scenario
    /// The variant's name, passed to the run (it only shows in `run.variant`, which is not compared).
    public var variant: String?

    /// Creates an arm.
    public init(name: String, scenario: Scenario, variant: String? = nil) {
        self.name = name
        self.scenario = scenario
        self.variant = variant
    }
}

/// Arms × replications on common random numbers: replication r of every arm runs with the same seed.
///
/// The work units are numbered arm-major: unit `a · replications + r` is replication r of arm a.
/// That order is fixed, so shards (unit i belongs to shard i mod N + 1) and results do not depend
/// on how the work is spread over threads or machines.
public struct Experiment: Sendable {
    /// The arms, baseline (or first grid point) first.
    public var arms: [Arm]
    /// Replications per arm, at least 1.
    public var replications: Int
    /// The base seed: replication 0 runs with it, the others with seeds derived from it.
    public var seed: UInt64

    /// Creates an experiment.
    public init(arms: [Arm], replications: Int, seed: UInt64) {
        precondition(replications >= 1, "an experiment needs at least one replication")
        self.arms = arms
        self.replications = replications
        self.seed = seed
    }

    /// The number of work units: arms × replications.
    public var unitCount: Int { arms.count * replications }

    /// The arm and replication of unit `index`.
    public func unit(_ index: Int) -> (arm: Int, replication: Int) {
        (index / replications, index % replications)
    }

    /// The seed of every replication, in order.
    public var replicationSeeds: [UInt64] {
        (0..<replications).map { ReplicationSeeds.seed(base: seed, replication: $0) }
    }
}

/// The seeds of replications: a pure function of the base seed and the replication number.
public enum ReplicationSeeds {
    /// Replication 0 uses `base` itself, so that one replication reproduces `pimsim run --seed base`;
    /// replication r ≥ 1 uses SplitMix64's finaliser applied to `base + r · 0x9E3779B97F4A7C15`,
    /// cut to 63 bits so that it is a valid `--seed`.
    public static func seed(base: UInt64, replication: Int) -> UInt64 {
        guard replication > 0 else { return base }
        var z = base &+ UInt64(replication) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z & 0x7FFF_FFFF_FFFF_FFFF
    }
}

/// The K-th of N shares of an experiment's work units: unit i belongs to it when i mod N = K − 1.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// K, from 1.
    public var index: Int
    /// N, at least 1.
    public var count: Int

    /// The whole experiment, as one shard.
    public static let whole = Shard(checkedIndex: 1, count: 1)

    private init(checkedIndex: Int, count: Int) {
        self.index = checkedIndex
        self.count = count
    }

    /// Why a shard could not be read.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// What is wrong, quoting the bad text.
        public let description: String
    }

    /// Creates shard K of N; throws unless 1 ≤ K ≤ N.
    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw ParseError(description: "shard \(index)/\(count) does not exist; expected K/N with 1 ≤ K ≤ N, such as 2/8")
        }
        self.init(checkedIndex: index, count: count)
    }

    /// Reads `K/N`, such as `3/8`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ParseError(description: "cannot read the shard '\(text)'; expected K/N with whole numbers 1 ≤ K ≤ N, such as 2/8")
        }
        try self.init(index: index, count: count)
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// Whether unit `unit` belongs to this shard.
    public func contains(unit: Int) -> Bool { unit % count == index - 1 }

    /// How many of the units `0..<unitCount` belong to this shard.
    public func count(of unitCount: Int) -> Int {
        unitCount > index - 1 ? (unitCount - index + count) / count : 0
    }

    /// The units of this shard among `0..<unitCount`, in order.
    public func units(of unitCount: Int) -> [Int] {
        Array(stride(from: index - 1, to: unitCount, by: count))
    }
}
