/// Summary statistics of a sample of durations (in seconds), by the nearest-rank method.
public struct DurationSummary: Sendable, Equatable {
    /// How many values.
    public var count: Int
    /// The 50th percentile (nearest rank).
    public var p50: Int64
    /// The 90th percentile (nearest rank).
    public var p90: Int64
    /// The largest value.
    public var max: Int64
    /// The arithmetic mean.
    public var mean: Double

    /// Summarises `values`; all zero for an empty sample.
    public init(_ values: [Int64]) {
        let sorted = values.sorted()
        count = sorted.count
        p50 = Self.nearestRank(sorted, 50)
        p90 = Self.nearestRank(sorted, 90)
        max = sorted.last ?? 0
        mean = sorted.isEmpty ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count)
    }

    /// The smallest value with at least `percent` % of the sample at or below it.
    public static func nearestRank(_ sorted: [Int64], _ percent: Int) -> Int64 {
        guard !sorted.isEmpty else { return 0 }
        let rank = (percent * sorted.count + 99) / 100
        return sorted[Swift.max(0, Swift.min(sorted.count, rank) - 1)]
    }
}
