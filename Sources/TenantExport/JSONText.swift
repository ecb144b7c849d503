import Reports

/// A small strict JSON reader into `JSONValue`, so a written file can be checked as a reader
/// sees it. Integers without fraction or exponent become `.integer`; duplicate keys keep the last.
public enum JSONText {
    /// Why a text is not JSON: the byte offset and what was expected there.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// The byte offset of the problem.
        public let offset: Int
        /// What was expected.
        public let message: String
        /// `offset N: message`.
        public var description: String { "offset \(offset): \(message)" }
    }

    /// Parses one JSON value filling the whole text (white space around it allowed).
    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        var reader = Reader(bytes: Array(text.utf8))
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.position == reader.bytes.count else { throw reader.failure("expected the end of the text after the value") }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        func failure(_ message: String) -> Failure { Failure(offset: position, message: message) }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
        }

        mutating func literal(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
            let utf8 = Array(word.utf8)
            guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
                throw failure("expected '\(word)'")
            }
            position += utf8.count
            return value
        }

        mutating func value(depth: Int) throws(Failure) -> JSONValue {
            guard depth < 512 else { throw failure("nesting deeper than 512 levels") }
            skipSpace()
            guard position < bytes.count else { throw failure("expected a value, found the end of the text") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: return try number()
            }
        }

        mutating func object(depth: Int) throws(Failure) -> JSONValue {
            position += 1
            var members: [String: JSONValue] = [:]
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected a member name in quotes") }
                let key = try string()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("expected ':' after a member name") }
                position += 1
                members[key] = try value(depth: depth + 1)
                skipSpace()
                guard position < bytes.count else { throw failure("expected ',' or '}', found the end of the text") }
                if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
                guard bytes[position] == UInt8(ascii: ",") else { throw failure("expected ',' or '}'") }
                position += 1
            }
        }

        mutating func array(depth: Int) throws(Failure) -> JSONValue {
            position += 1
            var items: [JSONValue] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard position < bytes.count else { throw failure("expected ',' or ']', found the end of the text") }
                if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                guard bytes[position] == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
                position += 1
            }
        }

        mutating func string() throws(Failure) -> String {
            position += 1
            var scalars = String.UnicodeScalarView()
            var run: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                run.removeAll()
            }
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\"") {
                    flush()
                    return String(scalars)
                }
                guard byte >= 0x20 else { throw failure("control character in a string") }
                guard byte == UInt8(ascii: "\\") else { run.append(byte); continue }
                flush()
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                default: throw failure("unknown escape '\\\(Character(Unicode.Scalar(escape)))'")
                }
            }
            throw failure("unterminated string")
        }

        mutating func hexQuad() throws(Failure) -> UInt32 {
            guard position + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
                throw failure("expected four hexadecimal digits after \\u")
            }
            position += 4
            return value
        }

        mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
            var code = try hexQuad()
            if (0xD800..<0xDC00).contains(code), position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                position += 2
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("expected a low surrogate") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw failure("\\u\(String(code, radix: 16)) is not a Unicode scalar") }
            return scalar
        }

        mutating func number() throws(Failure) -> JSONValue {
            let start = position
            var integral = true
            while position < bytes.count, let character = Optional(bytes[position]),
                  (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character) || "+-.eE".utf8.contains(character) {
                if "eE.".utf8.contains(character) { integral = false }
                position += 1
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if integral, let value = Int64(text) { return .integer(value) }
            guard !text.isEmpty, let value = Double(text), value.isFinite else {
                position = start
                throw failure(text.isEmpty ? "expected a value" : "'\(text)' is not a number")
            }
            return .number(value)
        }
    }
}
