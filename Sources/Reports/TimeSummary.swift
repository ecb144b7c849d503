import Trace

/// Summaries of values over time for charts that must read at any scale: bands of min,
/// time-weighted mean and max per calendar bin, and weekday × hour profiles.
///
/// Bins follow UTC calendar hours, days or weeks (weeks start on Monday); the first and last bin
/// may be partial, and every figure covers only the part of a bin inside the horizon.
enum TimeSummary {
    /// One bin of a band chart.
    struct Band: Equatable {
        /// The bin's start and end, in seconds since the scenario's start, clipped to the horizon.
        var from: Int64
        var to: Int64
        /// The smallest value held during the bin.
        var min: Double
        /// The time-weighted mean over the bin.
        var mean: Double
        /// The largest value held during the bin.
        var max: Double
    }

    static let hour: Int64 = 3_600
    static let day: Int64 = 86_400
    static let week: Int64 = 604_800

    /// The bin for a horizon: an hour up to 14 days (a week reads as 168 columns), a day up to two
    /// years (a year reads as 365 columns), a week beyond.
    static func binSize(horizon: Int64) -> Int64 {
        horizon <= 14 * day ? hour : horizon <= 731 * day ? day : week
    }

    /// A bin's name: `hour`, `day` or `week`.
    static func binName(_ bin: Int64) -> String { bin == hour ? "hour" : bin == day ? "day" : "week" }

    /// The bin boundaries within `[0, horizon]`: 0, every calendar boundary after it, the horizon.
    static func boundaries(startEpoch: Int64, horizon: Int64, bin: Int64) -> [Int64] {
        // 1970-01-05 (day 4) was a Monday: weekly bins count from it.
        let offset: Int64 = bin >= week ? 4 * day : 0
        let shifted = startEpoch - offset
        let floor = (shifted >= 0 ? shifted / bin : (shifted - bin + 1) / bin) * bin + offset
        var result: [Int64] = [0]
        var edge = floor + bin - startEpoch
        while edge < horizon {
            if edge > 0 { result.append(edge) }
            edge += bin
        }
        result.append(max(horizon, 0))
        return result
    }

    /// Whether a step series is too dense to draw step by step on `pixels` columns: more changes
    /// inside the horizon than a third of the columns.
    static func isDense(_ series: TimeSeries, horizon: Int64, pixels: Double) -> Bool {
        let changes = series.points.lazy.filter { $0.time > 0 && $0.time < horizon }.count
        return Double(changes) > pixels / 3
    }

    /// The min, time-weighted mean and max of a step series in every bin of the horizon.
    static func bands(_ series: TimeSeries, startEpoch: Int64, horizon: Int64, bin: Int64) -> [Band] {
        let edges = boundaries(startEpoch: startEpoch, horizon: horizon, bin: bin)
        guard edges.count >= 2, horizon > 0 else { return [] }
        var bands = (0..<(edges.count - 1)).map { Band(from: edges[$0], to: edges[$0 + 1], min: .infinity, mean: 0, max: -.infinity) }
        var binIndex = 0
        // Segments [from, to) of constant value, covering [0, horizon): 0 before the first point.
        var segmentStart: Int64 = 0
        var value = 0.0
        func cover(until end: Int64) {
            var from = segmentStart
            while from < end && binIndex < bands.count {
                let to = min(end, bands[binIndex].to)
                if to > from {
                    bands[binIndex].min = min(bands[binIndex].min, value)
                    bands[binIndex].max = max(bands[binIndex].max, value)
                    bands[binIndex].mean += value * Double(to - from)
                }
                from = to
                if to == bands[binIndex].to { binIndex += 1 }
            }
        }
        for point in series.points {
            let time = min(max(point.time, 0), horizon)
            if time > segmentStart {
                cover(until: time)
                segmentStart = time
            }
            value = point.value
        }
        cover(until: horizon)
        for index in bands.indices {
            let length = Double(bands[index].to - bands[index].from)
            bands[index].mean = length > 0 ? bands[index].mean / length : 0
            if !bands[index].min.isFinite { bands[index].min = 0 }
            if !bands[index].max.isFinite { bands[index].max = 0 }
        }
        return bands
    }

    /// Intervals `[from, to)` as a step count: how many hold at each time (ends before starts at
    /// the same instant).
    static func countSeries(_ intervals: [(from: Int64, to: Int64)], name: String) -> TimeSeries {
        var changes: [(time: Int64, delta: Int)] = []
        changes.reserveCapacity(intervals.count * 2)
        for interval in intervals where interval.to > interval.from {
            changes.append((interval.from, 1))
            changes.append((interval.to, -1))
        }
        changes.sort { $0.time != $1.time ? $0.time < $1.time : $0.delta < $1.delta }
        var points = [TimeSeries.Point(time: 0, value: 0)]
        var count = 0
        var index = 0
        while index < changes.count {
            let time = changes[index].time
            while index < changes.count && changes[index].time == time {
                count += changes[index].delta
                index += 1
            }
            if time == 0 {
                points[0].value = Double(count)
            } else if points[points.count - 1].value != Double(count) {
                points.append(TimeSeries.Point(time: time, value: Double(count)))
            }
        }
        return TimeSeries(name: name, points: points)
    }

    /// Overlapping or touching intervals of one holder merged, in start order.
    static func merged(_ intervals: [(from: Int64, to: Int64)]) -> [(from: Int64, to: Int64)] {
        var result: [(from: Int64, to: Int64)] = []
        for interval in intervals.sorted(by: { $0.from < $1.from }) where interval.to > interval.from {
            if let last = result.last, interval.from <= last.to {
                result[result.count - 1].to = max(last.to, interval.to)
            } else {
                result.append(interval)
            }
        }
        return result
    }

    /// A step series' time-weighted mean in each weekday × hour cell (UTC) over the horizon:
    /// 7 rows from Monday to Sunday of 24 hours; nil for a cell the horizon never reaches.
    static func weekHourProfile(_ series: TimeSeries, startEpoch: Int64, horizon: Int64) -> [[Double?]] {
        var integral = [Double](repeating: 0, count: 168)
        var covered = [Int64](repeating: 0, count: 168)
        for band in bands(series, startEpoch: startEpoch, horizon: horizon, bin: hour) {
            let epoch = startEpoch + band.from
            let days = epoch >= 0 ? epoch / day : (epoch - day + 1) / day
            let weekdayMondayFirst = Int(((days + 3) % 7 + 7) % 7)
            let cell = weekdayMondayFirst * 24 + Int((epoch - days * day) / hour)
            let length = band.to - band.from
            integral[cell] += band.mean * Double(length)
            covered[cell] += length
        }
        return (0..<7).map { row in
            (0..<24).map { column in
                let cell = row * 24 + column
                return covered[cell] > 0 ? integral[cell] / Double(covered[cell]) : nil
            }
        }
    }
}
