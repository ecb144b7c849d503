import Foundation

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

    /// A number field: the shortest decimal form that reads back as the same `Double` (`2.5`,
    /// `3600.0`), as `JSONValue` writes it; empty for nil and non-finite values.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return JSONValue.format(value)
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
