/// Working hours: a UTC offset, working weekdays and a daily window, for people's availability.
///
/// Times are absolute (seconds since 1970-01-01T00:00:00Z). `addingWorkingTime` moves forward
/// through working time only, so "45 working minutes after Friday 17:30" lands on Monday.
public struct WorkCalendar: Sendable, Equatable {
    /// The local time's offset from UTC, in seconds (`+01:00` is 3600).
    public var utcOffset: Seconds
    /// Working weekdays, 0 = Monday ... 6 = Sunday.
    public var days: Set<Int>
    /// The start of the working day, in seconds after local midnight.
    public var dayStart: Seconds
    /// The end of the working day, in seconds after local midnight (after `dayStart`).
    public var dayEnd: Seconds

    /// Creates a calendar; `days` must not be empty and `dayStart < dayEnd`.
    public init(utcOffset: Seconds = 0, days: Set<Int> = [0, 1, 2, 3, 4], dayStart: Seconds = 9 * 3600, dayEnd: Seconds = 17 * 3600) {
        self.utcOffset = utcOffset
        self.days = days
        self.dayStart = dayStart
        self.dayEnd = dayEnd
    }

    /// Every hour of every day: a calendar that never waits.
    public static let always = WorkCalendar(days: Set(0...6), dayStart: 0, dayEnd: 86_400)

    /// The weekday (0 = Monday) and the seconds since local midnight of an absolute time.
    public func local(_ epoch: Int64) -> (weekday: Int, secondOfDay: Seconds) {
        let local = epoch + utcOffset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        // 1970-01-01 was a Thursday (weekday 3).
        let weekday = Int(((day % 7) + 7 + 3) % 7)
        return (weekday, local - day * 86_400)
    }

    /// Whether `epoch` falls in working time.
    public func isWorking(_ epoch: Int64) -> Bool {
        let (weekday, second) = local(epoch)
        return days.contains(weekday) && second >= dayStart && second < dayEnd
    }

    /// The absolute time reached after `amount` seconds of working time from `epoch`.
    public func addingWorkingTime(_ amount: Seconds, to epoch: Int64) -> Int64 {
        guard !days.isEmpty, dayEnd > dayStart else { return epoch + amount }
        var time = epoch
        var remaining = amount
        // Any 7 days hold the same working time (the calendar repeats weekly): skip whole weeks.
        let weekly = Int64(days.count) * (dayEnd - dayStart)
        if remaining > weekly {
            let weeks = (remaining - 1) / weekly
            time += weeks * 604_800
            remaining -= weeks * weekly
        }
        // One local day per pass (at most eight after the skip): that day's working window first.
        for _ in 0..<16 {
            let (weekday, second) = local(time)
            if days.contains(weekday) && second < dayEnd {
                let windowStart = max(second, dayStart)
                let available = dayEnd - windowStart
                let begin = time + (windowStart - second)
                if remaining <= available { return begin + remaining }
                remaining -= available
            }
            // Move to the next local midnight.
            time += 86_400 - second
        }
        return time + remaining
    }
}
