import TenantModel

/// Parsing of durations (`1d9h30m`, `PT8H`) and timestamps (`2026-03-02T00:00:00Z`).
///
/// Each parser returns the value in whole seconds, or a message saying what was expected.
public enum TimeSyntax {
    /// The longest duration accepted anywhere: 1000 years of 365 days.
    public static let maxSeconds: Seconds = 1000 * 365 * 86_400

    /// Parses a compact (`90s`, `1d9h30m`, `2w`) or ISO 8601 (`PT8H`, `P1DT9H`) duration.
    public static func duration(_ text: String) -> Result<Seconds, TimeSyntaxError> {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return .failure(.init("an empty duration")) }
        if trimmed.hasPrefix("-") { return .failure(.init("a negative duration '\(text)'; durations are never negative")) }
        if trimmed.first == "P" { return iso(trimmed, original: text) }
        if trimmed.first == "p" {
            return .failure(.init("'\(text)': ISO 8601 durations start with an upper-case 'P', as in 'PT8H'"))
        }
        return compact(trimmed, original: text)
    }

    /// `seconds` in the compact syntax, largest units first (`4m30s`, `1d2h`, `0s`).
    static func describe(_ seconds: Seconds) -> String {
        guard seconds != 0 else { return "0s" }
        var rest = seconds.magnitude
        var text = seconds < 0 ? "-" : ""
        for (unit, size) in [("d", UInt64(86_400)), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }

    /// `90s`, `45m`, `8h`, `14d`, `2w`, `1d9h30m`: units w, d, h, m, s, each once, largest first.
    static func compact(_ text: String, original: String) -> Result<Seconds, TimeSyntaxError> {
        let units: [(Character, Double)] = [("w", 604_800), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        var total = 0.0
        var exact: Int64 = 0
        var number = ""
        var lastUnit = -1
        for character in text {
            if character.isASCII && (character.isNumber || character == ".") {
                number.append(character)
                continue
            }
            guard let unitIndex = units.firstIndex(where: { $0.0 == character }) else {
                let lowered = Character(character.lowercased())
                if lowered == "y" || character == "M" {
                    return .failure(.init("'\(original)': months and years are not durations (their length varies); use days or weeks"))
                }
                return .failure(.init(expectedDuration(original)))
            }
            guard Double(number) != nil, !number.isEmpty else { return .failure(.init(expectedDuration(original))) }
            guard unitIndex > lastUnit else {
                return .failure(.init("'\(original)': write each unit once, largest first, as in '1d9h30m'"))
            }
            lastUnit = unitIndex
            guard let seconds = exactSeconds(number, unit: Int64(units[unitIndex].1)) else {
                return .failure(.init(Double(number).map { $0 * units[unitIndex].1 > Double(maxSeconds) } == true
                    ? "'\(original)' is longer than the 1000 years pimsim accepts" : "'\(original)' is not a whole number of seconds"))
            }
            exact += seconds
            total += Double(seconds)
            number = ""
        }
        if !number.isEmpty {
            if number == "0" && lastUnit < 0 { return .success(0) }
            return .failure(.init("'\(original)' has no unit; write '\(number)s', '\(number)m', '\(number)h' or '\(number)d'"))
        }
        return total > Double(maxSeconds) ? whole(total, original) : .success(exact)
    }

    /// `PnW`, `PnD`, `PTnHnMnS` and combinations; months and years are refused.
    static func iso(_ text: String, original: String) -> Result<Seconds, TimeSyntaxError> {
        var total = 0.0
        var exact: Int64 = 0
        var number = ""
        var inTime = false
        var sawComponent = false
        var sawTimeComponent = false
        var lastUnit = -1
        for character in text.dropFirst() {
            if character == "T" {
                guard !inTime, number.isEmpty else { return .failure(.init(expectedDuration(original))) }
                inTime = true
                continue
            }
            if character.isASCII && (character.isNumber || character == "." || character == ",") {
                number.append(character == "," ? "." : character)
                continue
            }
            guard Double(number) != nil else { return .failure(.init(expectedDuration(original))) }
            let factor: Double
            let unit: Int
            switch (inTime, character) {
            case (false, "Y"), (false, "M"):
                return .failure(.init("'\(original)': months and years are not durations (their length varies); use days, as in 'P30D'"))
            case (false, "W"): (factor, unit) = (604_800, 0)
            case (false, "D"): (factor, unit) = (86_400, 1)
            case (true, "H"): (factor, unit) = (3_600, 2)
            case (true, "M"): (factor, unit) = (60, 3)
            case (true, "S"): (factor, unit) = (1, 4)
            default: return .failure(.init(expectedDuration(original)))
            }
            guard unit > lastUnit else {
                return .failure(.init("'\(original)': write each unit once, largest first, as in 'P1DT9H30M'"))
            }
            lastUnit = unit
            if inTime { sawTimeComponent = true }
            guard let seconds = exactSeconds(number, unit: Int64(factor)) else {
                return .failure(.init(Double(number).map { $0 * factor > Double(maxSeconds) } == true
                    ? "'\(original)' is longer than the 1000 years pimsim accepts" : "'\(original)' is not a whole number of seconds"))
            }
            exact += seconds
            total += Double(seconds)
            number = ""
            sawComponent = true
        }
        guard sawComponent, number.isEmpty, !inTime || sawTimeComponent else {
            return .failure(.init(expectedDuration(original)))
        }
        return total > Double(maxSeconds) ? whole(total, original) : .success(exact)
    }

    /// `digits` (such as "1.1") times `unit` seconds, exactly; nil when not a whole number of seconds.
    static func exactSeconds(_ digits: String, unit: Int64) -> Int64? {
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole <= maxSeconds / unit else { return nil }
        var total = whole * unit
        if parts.count == 2 {
            let fraction = parts[1].prefix(12)
            guard !fraction.isEmpty, parts[1].dropFirst(12).allSatisfy({ $0 == "0" }), let numerator = Int64(fraction) else { return nil }
            var scale: Int64 = 1
            for _ in 0..<fraction.count { scale *= 10 }
            let scaled = numerator.multipliedReportingOverflow(by: unit)
            guard !scaled.overflow, scaled.partialValue % scale == 0 else { return nil }
            total += scaled.partialValue / scale
        }
        return total
    }

    /// The total as whole seconds, within range.
    static func whole(_ total: Double, _ original: String) -> Result<Seconds, TimeSyntaxError> {
        guard total <= Double(maxSeconds) else {
            return .failure(.init("'\(original)' is longer than the 1000 years pimsim accepts"))
        }
        guard total == total.rounded() else {
            return .failure(.init("'\(original)' is not a whole number of seconds"))
        }
        return .success(Seconds(total))
    }

    static func expectedDuration(_ text: String) -> String {
        "'\(text)' is not a duration; expected a compact duration such as '90s', '8h' or '1d9h30m', or ISO 8601 such as 'PT8H' or 'P1DT9H'"
    }

    /// Parses an ISO 8601 timestamp to seconds since 1970-01-01T00:00:00Z.
    ///
    /// Accepts `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM` or `±HHMM`; a
    /// timestamp without a zone is read as UTC. Fractions of a second must be zero.
    public static func timestamp(_ text: String) -> Result<Int64, TimeSyntaxError> {
        let scalars = Array(text.trimmingWhitespace.unicodeScalars)
        var position = 0
        func digits(_ count: Int) -> Int? {
            guard position + count <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[position..<(position + count)] {
                guard scalar.properties.numericType != nil, let digit = Int(String(scalar)) else { return nil }
                value = value * 10 + digit
            }
            position += count
            return value
        }
        func expect(_ character: Unicode.Scalar) -> Bool {
            guard position < scalars.count, scalars[position] == character else { return false }
            position += 1
            return true
        }
        let failure = TimeSyntaxError("'\(text)' is not a timestamp; expected ISO 8601 such as '2026-03-02T09:00:00Z'")
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2) else {
            return .failure(failure)
        }
        guard year >= 1 else { return .failure(.init(outOfRange(text))) }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else {
            return .failure(.init("'\(text)' names a day that does not exist"))
        }
        var seconds = 0
        var offset = 0
        if position < scalars.count {
            guard expect("T") || expect("t") || expect(" ") else { return .failure(failure) }
            guard let hour = digits(2), expect(":"), let minute = digits(2) else { return .failure(failure) }
            var second = 0
            if expect(":") {
                guard let value = digits(2) else { return .failure(failure) }
                second = value
                if expect(".") || expect(",") {
                    var fraction = ""
                    while position < scalars.count, let digit = Int(String(scalars[position])) {
                        fraction += String(digit)
                        position += 1
                    }
                    guard !fraction.isEmpty else { return .failure(failure) }
                    guard fraction.allSatisfy({ $0 == "0" }) else {
                        return .failure(.init("'\(text)' has a fraction of a second; pimsim counts whole seconds"))
                    }
                }
            }
            guard hour < 24, minute < 60, second < 60 else {
                return .failure(.init("'\(text)' has a time of day out of range"))
            }
            seconds = hour * 3600 + minute * 60 + second
            if expect("Z") || expect("z") {
                offset = 0
            } else if position < scalars.count {
                let sign: Int
                if expect("+") { sign = 1 } else if expect("-") { sign = -1 } else { return .failure(failure) }
                guard let offsetHours = digits(2) else { return .failure(failure) }
                _ = expect(":")
                guard let offsetMinutes = digits(2), offsetHours < 24, offsetMinutes < 60 else { return .failure(failure) }
                offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
            }
        }
        guard position == scalars.count else { return .failure(failure) }
        let days = daysFromCivil(year: year, month: month, day: day)
        let epoch = Int64(days) * 86_400 + Int64(seconds - offset)
        guard (earliest...latest).contains(epoch) else { return .failure(.init(outOfRange(text))) }
        return .success(epoch)
    }

    /// 0001-01-01T00:00:00Z in seconds since 1970: the first moment Microsoft Graph's dates can hold.
    public static let earliest = Int64(daysFromCivil(year: 1, month: 1, day: 1)) * 86_400
    /// 9999-12-31T23:59:59Z in seconds since 1970: the last moment Microsoft Graph's dates can hold.
    public static let latest = Int64(daysFromCivil(year: 9999, month: 12, day: 31)) * 86_400 + 86_399

    static func outOfRange(_ text: String) -> String {
        "'\(text)' is outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, the dates Microsoft Graph accepts"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether `text` looks like a timestamp rather than a duration (`YYYY-` at the start).
    static func looksLikeTimestamp(_ text: String) -> Bool {
        let scalars = Array(text.trimmingWhitespace.unicodeScalars.prefix(5))
        return scalars.count == 5 && scalars[4] == "-" && scalars[0..<4].allSatisfy { ("0"..."9").contains($0) }
    }
}

/// Why a duration or timestamp could not be read.
public struct TimeSyntaxError: Error, Sendable, Equatable {
    /// What was wrong and what was expected.
    public let message: String
    init(_ message: String) { self.message = message }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
