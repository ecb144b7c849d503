import Foundation

/// Checks on a scenario's raw text made before YAML parsing, each with the line and column
/// (1-based, in Unicode scalars) where the problem stands.
enum TextChecks {
    /// Where a problem stands in the text.
    struct Position: Equatable {
        let line: Int
        let column: Int
    }

    /// The first byte that cannot stand where it does in UTF-8.
    struct BadByte: Equatable {
        let offset: Int
        let byte: UInt8
        let line: Int
        let column: Int
    }

    /// The first invalid UTF-8 sequence in `data`, or nil when it is all UTF-8.
    static func invalidUTF8(_ data: Data) -> BadByte? {
        // The common case, checked fast by the standard library.
        if String(validating: data, as: UTF8.self) != nil { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += encoded.count
            case .error:
                return BadByte(offset: offset, byte: data[data.startIndex + offset], line: line, column: column)
            case .emptyInput:
                return nil
            }
        }
    }

    /// Where the first NUL (U+0000) stands, or nil.
    static func firstNUL(_ text: String) -> Position? {
        guard text.utf8.contains(0) else { return nil }
        return position(in: text) { byte, _ in byte == 0 }
    }

    /// Where the `number`-th YAML anchor (`&name` where a node may start: after a space, a line
    /// start or a flow indicator, followed by a name) stands, or nil when the text has fewer.
    /// Anchors inside quoted text are counted too, so the count can only be too large.
    static func anchor(number: Int, in text: String) -> Position? {
        let starts: Set<UInt8> = [0x0A, 0x0D, 0x20, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-")]
        let notName: Set<UInt8> = [0x0A, 0x0D, 0x20, 0x09, UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ",")]
        var count = 0
        let bytes = Array(text.utf8)
        guard bytes.count > 1 else { return nil }
        return position(in: text) { byte, index in
            guard byte == UInt8(ascii: "&") else { return false }
            let previous = index == 0 ? 0x0A : bytes[index - 1]
            guard starts.contains(previous), index + 1 < bytes.count, !notName.contains(bytes[index + 1]) else { return false }
            count += 1
            return count == number
        }
    }

    /// The position of the first byte of `text` for which `matches(byte, offset)` is true.
    private static func position(in text: String, where matches: (UInt8, Int) -> Bool) -> Position? {
        var line = 1
        var column = 1
        for (index, byte) in text.utf8.enumerated() {
            if matches(byte, index) { return Position(line: line, column: column) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return nil
    }
}
