/// Escaping and number forms for the HTML report and the Markdown summary, locale-free.
public enum Markup {
    /// Text safe inside HTML/XML content and quoted attribute values: `& < > " '` become
    /// references, and characters XML forbids (C0 controls other than tab and line breaks, lone
    /// surrogates cannot occur in a Swift string) become U+FFFD.
    public static func html(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// Text safe inside a Markdown paragraph or table cell: punctuation that Markdown or HTML would
    /// interpret is backslash-escaped, `&` becomes `&amp;`, `@` becomes `&#64;` (so that a name
    /// never mentions anyone in a pull-request comment), and line breaks become spaces.
    public static func markdown(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "!", "|", "<", ">", "~", "$":
                output += "\\"
                output.unicodeScalars.append(scalar)
            case "&": output += "&amp;"
            case "@": output += "&#64;"  // no @mentions of people or teams from scenario names
            case "\n", "\r", "\t": output += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// `text` cut to `limit` characters, with an ellipsis when cut (before escaping).
    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }

    /// A metric value for reading: numbers as `number` shows them, booleans as yes/no, null as a dash.
    public static func value(_ json: JSONValue?) -> String {
        switch json {
        case .integer(let value): return String(value)
        case .number(let value): return number(value)
        case .bool(let value): return value ? "yes" : "no"
        case .string(let value): return value
        case .array(let items): return "\(items.count) listed"
        case .object: return "…"
        case .null, .none: return "—"
        }
    }

    /// A number for reading: at most two decimals (three below 1), without trailing zeros
    /// (`48`, `2.67`, `0.125`, `1.5`).
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        var text = fixed(value, decimals: abs(value) < 1 ? 3 : 2)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A signed number (`+1.5`, `-2`, `0`) for differences.
    public static func signed(_ value: Double) -> String {
        let text = number(value)
        return value > 0 && text != "0" ? "+" + text : text
    }

    /// `value` with exactly `decimals` decimals, rounded half away from zero.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        guard abs(value) * scale < 9e15 else { return value.description }
        let scaled = Int64((abs(value) * scale).rounded())
        let divisor = Int64(scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(scaled) }
        let fraction = String(scaled % divisor)
        return sign + String(scaled / divisor) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// An SVG coordinate: `decimals` decimals (one unless told, at most 6), without trailing zeros.
    public static func coordinate(_ value: Double, decimals: Int = 1) -> String {
        // Degenerate input (NaN, infinities, absurd magnitudes) is drawn at 0, never trapped on.
        let places = min(max(0, decimals), 6)
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        guard value.isFinite, abs(value) < 1e15, abs(value) * Double(scale) < 9e18 else { return "0" }
        let units = Int64((value * Double(scale)).rounded())
        let whole = units / scale
        let remainder = abs(units % scale)
        if remainder == 0 { return String(whole) }
        var fraction = String(remainder)
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (units < 0 && whole == 0 ? "-" : "") + String(whole) + "." + fraction
    }
}
