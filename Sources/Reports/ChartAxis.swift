/// The time axis of the report's charts: simulated seconds to x, with ticks on UTC calendar days.
struct TimeAxis {
    /// A labelled (major) or unlabelled (minor) tick.
    struct Tick: Equatable {
        /// Seconds since the scenario's start.
        var time: Int64
        /// The label; empty for a minor tick.
        var label: String
    }

    let startEpoch: Int64
    let horizon: Int64
    let left: Double
    let width: Double

    static let day: Int64 = 86_400
    /// Tick spacings on the clock and the calendar, smallest first (seconds; weeks start on Monday).
    static let steps: [Int64] = [3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800, 1_209_600]
    /// Month spacings for long horizons.
    static let monthSteps: [Int64] = [1, 2, 3, 6, 12, 24, 60, 120]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The x of a time, clamped to the horizon.
    func x(_ time: Int64) -> Double {
        let span = Double(max(horizon, 1))
        return left + width * Double(min(max(time, 0), horizon)) / span
    }

    /// Labelled ticks, at most about `width / 85` of them, then minor ticks between them.
    func ticks() -> [Tick] {
        let budget = max(2, Int(width / 85))
        guard let index = Self.steps.firstIndex(where: { horizon / $0 <= Int64(budget) }) else { return monthTicks(budget: budget) }
        let step = Self.steps[index]
        var result = clockTicks(step: step, labelled: true)
        if index > 0 {
            let minor = Self.steps[index - 1]
            if horizon / minor <= 90 {
                let majors = Set(result.map(\.time))
                result += clockTicks(step: minor, labelled: false).filter { !majors.contains($0.time) }
            }
        }
        return result
    }

    /// Ticks every `step` seconds of UTC time (weekly steps on Mondays).
    private func clockTicks(step: Int64, labelled: Bool) -> [Tick] {
        // 1970-01-05 (day 4) was a Monday: weekly ticks count from it.
        let offset: Int64 = step >= 7 * Self.day ? 4 * Self.day : 0
        let first = startEpoch - offset
        var tick = (first >= 0 ? (first + step - 1) / step : first / step) * step + offset
        var result: [Tick] = []
        while tick - startEpoch <= horizon {
            if tick >= startEpoch {
                result.append(Tick(time: tick - startEpoch, label: labelled ? label(epoch: tick, step: step) : ""))
            }
            tick += step
        }
        return result
    }

    /// Ticks on the first day of every n-th month.
    private func monthTicks(budget: Int) -> [Tick] {
        let months = max(1, horizon / (30 * Self.day))
        let step = Self.monthSteps.first { months / $0 <= Int64(budget) } ?? 120
        var (year, month, _) = TimeText.civilDate(days: Self.days(startEpoch))
        var result: [Tick] = []
        while true {
            let epoch = Self.epoch(year: year, month: month)
            if epoch - startEpoch > horizon { break }
            if epoch >= startEpoch && (year * 12 + month - 1) % step == 0 {
                result.append(Tick(time: epoch - startEpoch, label: "\(Self.months[Int(month) - 1]) \(year)"))
            }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }

    private func label(epoch: Int64, step: Int64) -> String {
        let days = Self.days(epoch)
        let secondOfDay = epoch - days * Self.day
        if step < Self.day && secondOfDay != 0 {
            return TimeText.digits(secondOfDay / 3600, 2) + ":" + TimeText.digits(secondOfDay / 60 % 60, 2)
        }
        return Self.dayLabel(days: days)
    }

    /// `Mon 2 Mar` for a day counted from 1970-01-01.
    static func dayLabel(days: Int64) -> String {
        let (_, month, day) = TimeText.civilDate(days: days)
        return "\(weekdays[Int(weekday(days: days))]) \(day) \(months[Int(month) - 1])"
    }

    /// Whole days since 1970-01-01 of an epoch second (rounded down).
    static func days(_ epoch: Int64) -> Int64 { epoch >= 0 ? epoch / day : (epoch - day + 1) / day }

    /// 0 for Sunday to 6 for Saturday.
    static func weekday(days: Int64) -> Int64 { ((days + 4) % 7 + 7) % 7 }

    /// The epoch second of the first of a month (inverse of the civil-date computation).
    static func epoch(year: Int64, month: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return (era * 146_097 + dayOfEra - 719_468) * day
    }

    /// Saturdays and Sundays (UTC) within the horizon, as `[from, to)` in simulated seconds;
    /// empty when a day is narrower than two pixels, where they would be a grey blur (a year on
    /// the report's charts keeps them: a day is almost three pixels wide).
    func weekends() -> [(from: Int64, to: Int64)] {
        guard Double(horizon) / Double(Self.day) <= width / 2 else { return [] }
        var result: [(from: Int64, to: Int64)] = []
        var days = Self.days(startEpoch)
        while days * Self.day - startEpoch < horizon {
            let weekday = Self.weekday(days: days)
            if weekday == 6 || weekday == 0 {
                let from = max(0, days * Self.day - startEpoch)
                let to = min(horizon, (days + 1) * Self.day - startEpoch)
                if let last = result.last, last.to == from {
                    result[result.count - 1].to = to
                } else if to > from {
                    result.append((from, to))
                }
            }
            days += 1
        }
        return result
    }
}

/// The value axis of a chart: a round range from `low` to `high` in round steps, 1, 2 or 5 times
/// a power of ten.
///
/// The report's step charts start at zero (or below it) and round a quarter of the range up to
/// a step (`init(smallest:largest:integral:)`); pareto.svg fits its points closely, in about five
/// of the round steps nearest a fifth of the range (`init(fitting:)`). The axis is placed when
/// drawn: `y(_:top:height:)` for the step charts, `position(_:from:to:)` for pareto.svg.
public struct ValueAxis: Sendable, Equatable {
    /// The value at the start of the axis, a multiple of the step.
    public let low: Double
    /// The value at its end, a multiple of the step above `low`.
    public let high: Double
    /// The distance between ticks.
    public let step: Double

    /// An axis covering `[min(0, smallest), largest]` with about four ticks.
    init(smallest: Double, largest: Double, integral: Bool) {
        let lowValue = min(0, smallest)
        let range = max(largest - lowValue, integral ? 1 : 1e-9)
        let raw = range / 4
        let magnitude = Self.powerOfTen(notAbove: raw)
        var step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        if integral { step = max(1, step.rounded(.up)) }
        low = (lowValue / step).rounded(.down) * step
        high = max(low + step, (largest / step).rounded(.up) * step)
        self.step = step
    }

    /// An axis fitting `values` closely: from the step at or below the smallest to the step at or
    /// above the largest, about five steps; a single value gets 10 % either side (1 around zero).
    public init(fitting values: [Double]) {
        var minimum = values.min() ?? 0
        var maximum = values.max() ?? 1
        if minimum == maximum {
            let pad = minimum == 0 ? 1 : abs(minimum) * 0.1
            minimum -= pad
            maximum += pad
        }
        let raw = (maximum - minimum) / 5
        let magnitude = Self.powerOfTen(notAbove: raw)
        let normalised = raw / magnitude
        let factor: Double = normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10
        step = factor * magnitude
        low = (minimum / step).rounded(.down) * step
        high = (maximum / step).rounded(.up) * step
    }

    /// The largest power of ten at most `raw` (from 1, by multiplying or dividing by ten).
    static func powerOfTen(notAbove raw: Double) -> Double {
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        return magnitude
    }

    /// The y of a value on a plot `height` high from `top` down, `low` at the bottom (step charts).
    func y(_ value: Double, top: Double, height: Double) -> Double { top + height * (1 - (value - low) / (high - low)) }

    /// The position of a value on an axis drawn from `start`, where `low` is, to `end`, where `high` is.
    public func position(_ value: Double, from start: Double, to end: Double) -> Double {
        start + (value - low) / (high - low) * (end - start)
    }

    /// Tick values from low to high, each one step above the last (the step charts).
    var ticks: [Double] {
        var result: [Double] = []
        var value = low
        while value <= high + step / 1000 {
            result.append(value)
            value += step
        }
        return result
    }

    /// Tick values from low to high as `low + k · step`, which also holds on a range narrow
    /// against its values, where adding a step may not change the sum (pareto.svg).
    public var steppedTicks: [Double] {
        let count = Int(((high - low) / step).rounded())
        return (0...max(0, count)).map { low + Double($0) * step }
    }

    /// The decimals a tick label needs to show the step: none for steps of 1 or more, at most 6.
    public var decimals: Int {
        var decimals = 0
        var scaled = step
        while scaled < 1 && decimals < 6 {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }
}
