import Foundation

/// A distribution of non-negative durations in seconds, sampled from a `RandomStream`.
///
/// Samples are rounded to whole seconds (time is integer in the kernel). Each draw consumes a
/// fixed number of random numbers for a given case, so streams stay aligned across variants.
public enum DurationDistribution: Sendable, Equatable {
    /// Always the same value.
    case fixed(SimTime)
    /// Exponential with the given mean.
    case exponential(mean: Double)
    /// Uniform on `[min, max]`.
    case uniform(min: SimTime, max: SimTime)
    /// Log-normal given its median and 90th percentile (`p90 > median > 0`).
    case logNormal(median: Double, p90: Double)
    /// One of the listed values, each equally likely.
    case empirical([SimTime])

    /// The z-score of the 90th percentile of the standard normal distribution.
    static let z90 = 1.2815515655446004

    /// Draws one duration.
    public func sample(_ stream: inout RandomStream) -> SimTime {
        switch self {
        case .fixed(let value):
            return value
        case .exponential(let mean):
            return Self.round(-mean * log(stream.nextOpenUnit()))
        case .uniform(let low, let high):
            let span = Double(high - low)
            return low + Self.round(stream.nextUnit() * span)
        case .logNormal(let median, let p90):
            let mu = log(median)
            let sigma = (log(p90) - mu) / Self.z90
            return Self.round(exp(mu + sigma * Self.standardNormal(&stream)))
        case .empirical(let values):
            guard !values.isEmpty else { return 0 }
            let index = Int(stream.next() % UInt64(values.count))
            return values[index]
        }
    }

    /// The distribution's mean in seconds (exact, not sampled).
    public var mean: Double {
        switch self {
        case .fixed(let value): return Double(value)
        case .exponential(let mean): return mean
        case .uniform(let low, let high): return Double(low + high) / 2
        case .logNormal(let median, let p90):
            let sigma = (log(p90) - log(median)) / Self.z90
            return median * exp(sigma * sigma / 2)
        case .empirical(let values):
            guard !values.isEmpty else { return 0 }
            return Double(values.reduce(0, +)) / Double(values.count)
        }
    }

    /// A standard normal draw (Box-Muller, two uniforms, cosine branch only).
    static func standardNormal(_ stream: inout RandomStream) -> Double {
        let u1 = stream.nextOpenUnit()
        let u2 = stream.nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Rounds to the nearest whole second, never below zero, saturating at a century.
    static func round(_ seconds: Double) -> SimTime {
        guard seconds > 0 else { return 0 }  // also NaN
        guard seconds < 3_155_760_000 else { return 3_155_760_000 }  // also +infinity
        return SimTime(seconds.rounded())
    }
}
