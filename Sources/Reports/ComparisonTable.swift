/// The result of a what-if comparison, as reports render it: for every metric and variant, the
/// mean over replications with its 95 % confidence interval, and the paired difference to the
/// baseline with its interval.
public struct ComparisonTable: Sendable, Equatable {
    /// A mean with the bounds of its 95 % confidence interval (equal to the mean with one replication).
    public struct Estimate: Sendable, Equatable {
        /// The sample mean.
        public var mean: Double
        /// The lower bound of the interval.
        public var low: Double
        /// The upper bound of the interval.
        public var high: Double
        /// Creates an estimate.
        public init(mean: Double, low: Double, high: Double) {
            self.mean = mean
            self.low = low
            self.high = high
        }
    }

    /// One metric of one variant.
    public struct Row: Sendable, Equatable {
        /// The metric's key path in metrics.json (`privilegedHours.total`).
        public var metric: String
        /// The variant's name; `baseline` for the scenario as written.
        public var variant: String
        /// The variant's value.
        public var value: Estimate
        /// The paired difference variant minus baseline (zero for the baseline itself).
        public var difference: Estimate
        /// Creates a row.
        public init(metric: String, variant: String, value: Estimate, difference: Estimate) {
            self.metric = metric
            self.variant = variant
            self.value = value
            self.difference = difference
        }
    }

    /// The name the baseline goes by in rows.
    public static let baselineName = "baseline"

    /// The variants compared, baseline first.
    public var variants: [String]
    /// Replications per variant.
    public var replications: Int
    /// The seed of the first replication.
    public var seed: UInt64
    /// Rows sorted by metric, then in `variants` order.
    public var rows: [Row]

    /// Creates a table.
    public init(variants: [String], replications: Int, seed: UInt64, rows: [Row]) {
        self.variants = variants
        self.replications = replications
        self.seed = seed
        self.rows = rows
    }
}
