/// Graphviz's captured message text, sorted into errors and warnings.
///
/// Graphviz hands its error callback each message in pieces: `Error` or `Warning`, then `: `, then
/// the formatted text, which usually ends in a newline; a continuation of the previous message
/// comes without the prefix and keeps the previous message's kind.
struct GraphvizMessages: Equatable {
    /// The error messages, one a line, without the `Error: ` prefix.
    var errors: [String] = []
    /// The warnings, one a line, without the `Warning: ` prefix.
    var warnings: [String] = []

    /// Sorts `text`, as the error callback received it, line by line.
    init(parsing text: String) {
        var isError = false
        for piece in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(piece)
            if line.hasPrefix("Error: ") {
                isError = true
                line = line.dropFirst("Error: ".count)
            } else if line.hasPrefix("Warning: ") {
                isError = false
                line = line.dropFirst("Warning: ".count)
            }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { continue }
            if isError { errors.append(trimmed) } else { warnings.append(trimmed) }
        }
    }

    /// The errors as one text, or a placeholder that says Graphviz gave no reason.
    var errorText: String {
        errors.isEmpty ? "(Graphviz gave no message)" : errors.joined(separator: "\n")
    }

    /// The line number in a message like `syntax error in line 3 near '}'`, if it names one.
    static func lineNumber(in message: String) -> Int? {
        guard let range = message.range(of: "in line ") else { return nil }
        let digits = message[range.upperBound...].prefix(while: \.isASCIIDigitCharacter)
        return Int(digits)
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0 to 9.
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension Substring {
    /// This text without leading and trailing spaces, tabs and carriage returns.
    fileprivate func trimmingSpaces() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
