import Yams

/// Recovers from duplicate map keys, which Yams refuses outright, so that every other error of
/// the file is still reported and the duplicate gets its own position and key path.
///
/// When Yams reports a duplicate, the second occurrence is located in the text and its first
/// character is replaced by a sentinel of the same width; the text is parsed again. The decoder
/// then meets the marked key where it stands and reports it as a duplicate.
struct DuplicateKeys {
    /// The sentinel: a plain-scalar character nobody writes in a key.
    static let sentinel: Character = "\u{2063}"

    /// Marked keys by position: (line, column) → (original key, first occurrence's position).
    private(set) var marked: [Position: (key: String, first: Position)] = [:]

    struct Position: Hashable {
        let line: Int
        let column: Int
    }

    /// The first occurrence of a marked key at `mark`, if the key there was marked.
    func duplicate(at mark: Mark?) -> (key: String, first: Position)? {
        guard let mark else { return nil }
        return marked[Position(line: mark.line, column: mark.column)]
    }

    /// Each round parses the whole file again: beyond this many duplicates, the next one is
    /// reported alone (as Yams reports it), which bounds the work.
    static let maxRounds = 20

    /// Parses `text`, marking duplicates until Yams accepts it (at most `maxRounds` rounds).
    mutating func compose(_ text: String) throws -> Node? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).unicodeScalars) }
        for _ in 0..<Self.maxRounds {
            let current = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
            do {
                return try Yams.compose(yaml: current)
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                guard let key = keys.first,
                      let second = Self.secondOccurrence(of: key, after: context.mark, in: lines),
                      marked[second] == nil else {
                    throw YamlError.duplicatedKeysInMapping(duplicates: keys, context: context)
                }
                marked[second] = (key, Position(line: context.mark.line, column: context.mark.column))
                var line = lines[second.line - 1]
                var index = second.column - 1
                if line[index] == "\"" || line[index] == "'" { index += 1 }
                line[index] = Self.sentinel.unicodeScalars.first ?? "?"
                lines[second.line - 1] = line
            }
        }
        return try Yams.compose(yaml: lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n"))
    }

    /// The next place after `first` where `key` stands as a map key: at the same column on a later
    /// line (block style), or later on a line after `{`, `,` or a space (flow style).
    static func secondOccurrence(of key: String, after first: Mark, in lines: [[Unicode.Scalar]]) -> Position? {
        let keyScalars = Array(key.unicodeScalars)
        func isKey(at line: Int, _ column: Int) -> Bool {
            let text = lines[line]
            var index = column
            var quote: Unicode.Scalar?
            if index < text.count, text[index] == "\"" || text[index] == "'" {
                quote = text[index]
                index += 1
            }
            guard index + keyScalars.count <= text.count, Array(text[index..<(index + keyScalars.count)]) == keyScalars else {
                return false
            }
            index += keyScalars.count
            if let quote {
                guard index < text.count, text[index] == quote else { return false }
                index += 1
            }
            while index < text.count, text[index] == " " { index += 1 }
            return index < text.count && text[index] == ":"
        }
        let firstLine = first.line - 1
        let firstColumn = first.column - 1
        guard firstLine >= 0, firstLine < lines.count, firstColumn <= lines[firstLine].count else { return nil }
        // Block style: only indentation (and list dashes) before the first occurrence.
        let blockStyle = lines[firstLine][0..<firstColumn].allSatisfy { $0 == " " || $0 == "-" }
        for lineIndex in firstLine..<lines.count {
            let text = lines[lineIndex]
            if blockStyle {
                guard lineIndex > firstLine, firstColumn < text.count,
                      text[0..<firstColumn].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
                if isKey(at: lineIndex, firstColumn) { return Position(line: lineIndex + 1, column: firstColumn + 1) }
                continue
            }
            let start = lineIndex == firstLine ? firstColumn + 1 : 0
            guard start < text.count else { continue }
            for column in max(start, 1)..<text.count {
                let before = text[column - 1]
                if (before == "{" || before == "," || before == " ") && isKey(at: lineIndex, column) {
                    return Position(line: lineIndex + 1, column: column + 1)
                }
            }
        }
        return nil
    }
}
