import SimKernel

/// Min, max, end and time-weighted mean of an integer step function over `[0, horizon)`.
///
/// The value on `[t, next change)` is the value after every change at `t`: changes within one
/// instant are folded before the step is settled, so momentary values never count.
public struct StepStatistic: Sendable, Equatable {
    /// The current value.
    public private(set) var value: Int = 0
    /// The smallest settled value.
    public private(set) var min: Int = .max
    /// The largest settled value.
    public private(set) var max: Int = .min
    /// The integral of the value over settled time, in value-seconds.
    public private(set) var integral: Int64 = 0
    /// The start of the step being built.
    private var stepStart: SimTime = 0

    /// Creates a statistic whose value is zero at time zero.
    public init() {}

    /// Moves the clock to `time`: the value so far is settled over `[stepStart, time)`.
    public mutating func advance(to time: SimTime) {
        guard time > stepStart else { return }
        settle(until: time)
    }

    /// Adds `delta` to the current value (at the current instant).
    public mutating func add(_ delta: Int) { value += delta }

    /// Settles the last step at the horizon.
    public mutating func finish(at horizon: SimTime) {
        if horizon > stepStart {
            settle(until: horizon)
        } else {
            min = Swift.min(min, value)
            max = Swift.max(max, value)
        }
    }

    private mutating func settle(until time: SimTime) {
        min = Swift.min(min, value)
        max = Swift.max(max, value)
        integral += Int64(value) * (time - stepStart)
        stepStart = time
    }

    /// The time-weighted mean over `[0, horizon)`.
    public func mean(horizon: SimTime) -> Double {
        horizon > 0 ? Double(integral) / Double(horizon) : 0
    }
}
