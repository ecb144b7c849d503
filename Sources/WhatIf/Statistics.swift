import Reports

/// A sample's size, mean, standard deviation and the 95 % confidence interval of its mean.
public struct SampleSummary: Sendable, Equatable {
    /// The number of values.
    public var count: Int
    /// The sample mean.
    public var mean: Double
    /// The sample standard deviation (divisor n − 1); nil with fewer than two values.
    public var standardDeviation: Double?
    /// Half the interval's width: t(0.975, n − 1) · s / √n; zero with fewer than two values.
    public var halfWidth: Double

    /// Creates a summary.
    public init(count: Int, mean: Double, standardDeviation: Double?, halfWidth: Double) {
        self.count = count
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.halfWidth = halfWidth
    }

    /// The interval's lower bound.
    public var low: Double { mean - halfWidth }
    /// The interval's upper bound.
    public var high: Double { mean + halfWidth }
    /// The mean and its interval, as reports show them.
    public var estimate: ComparisonTable.Estimate { .init(mean: mean, low: low, high: high) }
}

/// Means, standard deviations and Student-t confidence intervals, computed so that equal inputs
/// give exactly equal outputs (a sample of identical values has exactly that mean and a zero width).
public enum Statistics {
    /// The two-sided confidence level of every interval.
    public static let confidence = 0.95

    /// The standard normal distribution's 0.975 quantile.
    public static let normalQuantile975 = 1.959963984540054

    /// Student's t distribution's 0.975 quantiles for 1 to 30 degrees of freedom.
    public static let tTable975: [Double] = [
        12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
        2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
        2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
        2.1199052992212546, 2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
        2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245, 2.0595385527532972,
        2.0555294386428735, 2.0518305164802846, 2.0484071417952454, 2.045229642132703, 2.0422724563012378,
    ]

    /// Student's t distribution's 0.975 quantile for `degreesOfFreedom` ≥ 1.
    ///
    /// Up to 30 degrees of freedom from a table; beyond, from the Cornish-Fisher expansion around
    /// the normal quantile to the fourth order in 1/ν, whose error is below 3·10⁻⁸ at ν = 31 and
    /// shrinks as ν⁻⁵. The expansion is plain arithmetic, so every platform gets the same bits.
    public static func tQuantile975(degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom >= 1, "Student's t needs at least one degree of freedom")
        if degreesOfFreedom <= tTable975.count { return tTable975[degreesOfFreedom - 1] }
        let z = normalQuantile975
        let v = Double(degreesOfFreedom)
        let z2 = z * z
        let z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2, z9 = z7 * z2
        let g1 = (z3 + z) / 4
        let g2 = (5 * z5 + 16 * z3 + 3 * z) / 96
        let g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384
        let g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v)
    }

    /// The summary of `values`; nil when there are none.
    ///
    /// The mean is computed as x₀ + Σ(xᵢ − x₀)/n, so a sample of equal values has exactly that
    /// mean; the variance uses the two-pass form Σ(xᵢ − x̄)²/(n − 1). With one value the interval
    /// collapses to the value: no spread can be estimated from a single replication.
    public static func summary(_ values: [Double]) -> SampleSummary? {
        guard let first = values.first else { return nil }
        let n = values.count
        var shifted = 0.0
        for value in values { shifted += value - first }
        let mean = first + shifted / Double(n)
        guard n >= 2 else { return SampleSummary(count: 1, mean: mean, standardDeviation: nil, halfWidth: 0) }
        var squares = 0.0
        for value in values {
            let deviation = value - mean
            squares += deviation * deviation
        }
        let deviation = (squares / Double(n - 1)).squareRoot()
        let halfWidth = deviation == 0 ? 0 : tQuantile975(degreesOfFreedom: n - 1) * deviation / Double(n).squareRoot()
        return SampleSummary(count: n, mean: mean, standardDeviation: deviation, halfWidth: halfWidth)
    }

    /// The summary of the paired differences `values[r] − baseline[r]`, over the replications `r`
    /// where both are present; nil when there is no such pair.
    ///
    /// Under common random numbers the pairs share their randomness, so the differences vary far
    /// less than either side does; where the two runs are identical every difference is exactly 0.
    public static func pairedDifferences(_ values: [Double?], baseline: [Double?]) -> SampleSummary? {
        var differences: [Double] = []
        for (value, base) in zip(values, baseline) {
            if let value, let base { differences.append(value - base) }
        }
        return summary(differences)
    }
}
