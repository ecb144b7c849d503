/// Comma-separated values as RFC 4180 writes them: CRLF line ends, fields quoted when needed.
public enum CSV {
    /// A field, in double quotes (with inner quotes doubled) when it holds a comma, a quote, a
    /// line break or leading or trailing spaces; as is otherwise.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: the fields escaped, joined by commas, ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A whole file: a header record, then the rows.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(record).joined()
    }
}

/// Numbers as outputs write them.
public enum NumberText {
    /// The shortest decimal form that reads back as the same `Double` (`2.5`, `3600.0`); empty for nil.
    public static func exact(_ value: Double?) -> String {
        guard let value else { return "" }
        guard value.isFinite else { return "" }
        if value == 0 { return "0.0" }
        return value.description
    }

    /// Rounded to `decimals` places for people, without a minus sign on zero (`-0.00` reads `0.00`).
    public static func rounded(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "-" }
        let text = fixed(value, decimals: decimals)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// Fixed-point text without Foundation's formatting (and so without a locale).
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e15 else { return value.description }
        let whole = Int64(scaled)
        let divisor = Int64(scale)
        let integerPart = whole / divisor
        let fraction = whole % divisor
        var text = (value < 0 ? "-" : "") + String(integerPart)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }
}
