import SimKernel

/// A named step function over simulated time, for charts.
///
/// The value on `[points[i].time, points[i + 1].time)` is `points[i].value`; the last point's value
/// holds until the horizon. Points are kept only where the value changes, so a series costs memory
/// in proportion to its changes, not to the events of the run.
public struct TimeSeries: Sendable, Equatable {
    /// One step: from `time` on, the series has `value`.
    public struct Point: Sendable, Equatable {
        /// Seconds since the scenario's start.
        public var time: SimTime
        /// The value from `time` until the next point.
        public var value: Double

        /// Creates a point.
        public init(time: SimTime, value: Double) {
            self.time = time
            self.value = value
        }
    }

    /// The series' name, as charts title it (`Standing admins`).
    public var name: String
    /// What the values count or measure (`users`), when that helps reading them.
    public var unit: String?
    /// Steps in time order, the first at time 0.
    public var points: [Point]

    /// Creates a series from its steps.
    public init(name: String, unit: String? = nil, points: [Point]) {
        self.name = name
        self.unit = unit
        self.points = points
    }

    /// The largest value of a step (0 for an empty series).
    public var max: Double { points.map(\.value).max() ?? 0 }

    /// The smallest value of a step (0 for an empty series).
    public var min: Double { points.map(\.value).min() ?? 0 }

    /// The value of the last step (0 for an empty series).
    public var end: Double { points.last?.value ?? 0 }

    /// The value at `time` (the last step starting at or before it; 0 before the first).
    public func value(at time: SimTime) -> Double {
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle].time <= time { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? points[low - 1].value : 0
    }

    /// The time-weighted mean over `[0, horizon)`.
    public func mean(horizon: SimTime) -> Double {
        guard horizon > 0 else { return 0 }
        var integral = 0.0
        for (index, point) in points.enumerated() where point.time < horizon {
            let next = index + 1 < points.count ? Swift.min(points[index + 1].time, horizon) : horizon
            integral += point.value * Double(next - point.time)
        }
        return integral / Double(horizon)
    }
}

/// Builds a `TimeSeries` from changes as they stream, with the instant semantics of the metrics.
///
/// The value on `[t, next change)` is the value after every change at `t`: a value that lasts no
/// time (changed and changed back within one instant) never becomes a point. Changes must come in
/// time order.
public struct TimeSeriesRecorder: Sendable {
    /// The current value (after the changes so far).
    public private(set) var value: Double
    /// The instant whose changes are being gathered.
    private var instant: SimTime = 0
    private var points: [TimeSeries.Point] = []
    private let name: String
    private let unit: String?

    /// Starts a series whose value is `initial` at time 0.
    public init(name: String, unit: String? = nil, initial: Double = 0) {
        self.name = name
        self.unit = unit
        value = initial
    }

    /// Sets the value at `time`.
    public mutating func set(_ newValue: Double, at time: SimTime) {
        advance(to: time)
        value = newValue
    }

    /// Adds `delta` to the value at `time`.
    public mutating func add(_ delta: Double, at time: SimTime) {
        advance(to: time)
        value += delta
    }

    /// Settles the instant being gathered when `time` is later.
    public mutating func advance(to time: SimTime) {
        guard time > instant else { return }
        settle()
        instant = time
    }

    /// The series so far, with the instant being gathered settled.
    public var series: TimeSeries {
        var copy = self
        copy.settle()
        return TimeSeries(name: name, unit: unit, points: copy.points)
    }

    private mutating func settle() {
        if points.last?.value != value || points.isEmpty {
            points.append(TimeSeries.Point(time: instant, value: value))
        }
    }
}
