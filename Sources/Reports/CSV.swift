import Foundation

/// Comma-separated values as RFC 4180 writes them: CRLF line ends, fields quoted when needed.
public enum CSV {
    /// A field, in double quotes (with inner quotes doubled) when it holds a comma, a quote, a
    /// line break or leading or trailing spaces; as is otherwise. Text that a spreadsheet would
    /// take as a formula is neutralised first (`neutralised`).
    public static func field(_ text: String) -> String {
        let text = neutralised(text)
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `text` with a leading `'` when it starts with `=`, `+`, `-`, `@`, a tab or a carriage
    /// return and is not a plain number: spreadsheets run such cells as formulas (CSV injection),
    /// and the quote makes them text. Numbers such as `-2.5` or `+1e3` are left as they are.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        if first == "-" || first == "+", isPlainNumber(text.dropFirst()) { return text }
        return "'" + text
    }

    /// Digits with at most one decimal point and an optional exponent (`2.5`, `1e-3`), nothing else.
    static func isPlainNumber(_ text: Substring) -> Bool {
        let parts = text.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let mantissa = parts[0]
        let digits = mantissa.filter { $0 != "." }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), mantissa.filter({ $0 == "." }).count <= 1 else { return false }
        guard parts.count == 2 else { return true }
        var exponent = parts[1]
        if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
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
