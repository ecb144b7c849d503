/// A dynamic membership rule over user attributes, in the subset of Microsoft Entra's rule
/// syntax pimsim reads: `user.department -eq "Sales" -and (user.jobTitle -startsWith "Eng" -or
/// -not (user.country -eq null))`.
///
/// Operators: `-eq`, `-ne`, `-startsWith`, `-notStartsWith`, `-contains`, `-notContains`, `-in`
/// and `-notIn` (with a bracketed list of strings); `-and`, `-or` and `-not`, parentheses.
/// Comparisons ignore case, as Entra's do; an attribute the user does not have is `null`.
public indirect enum MembershipRule: Sendable, Equatable, CustomStringConvertible {
    /// A comparison of one user attribute with a value (`nil` for `null`) or a list of values.
    case compare(attribute: String, op: Operator, values: [String?])
    /// Both sides hold.
    case and(MembershipRule, MembershipRule)
    /// Either side holds.
    case or(MembershipRule, MembershipRule)
    /// The rule does not hold.
    case not(MembershipRule)

    /// A comparison operator.
    public enum Operator: String, Sendable, CaseIterable {
        /// Equal (ignoring case).
        case eq, ne, startsWith, notStartsWith, contains, notContains, `in`, notIn
    }

    /// Whether a user with these attributes satisfies the rule.
    public func matches(_ attributes: [String: String]) -> Bool {
        switch self {
        case .and(let left, let right): return left.matches(attributes) && right.matches(attributes)
        case .or(let left, let right): return left.matches(attributes) || right.matches(attributes)
        case .not(let inner): return !inner.matches(attributes)
        case .compare(let attribute, let op, let values):
            let actual = attributes[attribute]?.lowercased()
            let wanted = values.map { $0?.lowercased() }
            switch op {
            case .eq, .in: return wanted.contains(actual)
            case .ne, .notIn: return !wanted.contains(actual)
            case .startsWith, .notStartsWith, .contains, .notContains:
                let hit = wanted.contains { value in
                    guard let value, let actual else { return false }
                    return op == .startsWith || op == .notStartsWith ? actual.hasPrefix(value) : actual.contains(value)
                }
                return op == .startsWith || op == .contains ? hit : !hit
            }
        }
    }

    /// The user attributes the rule reads, sorted.
    public var attributes: [String] {
        switch self {
        case .compare(let attribute, _, _): return [attribute]
        case .and(let left, let right), .or(let left, let right): return Array(Set(left.attributes + right.attributes)).sorted()
        case .not(let inner): return inner.attributes
        }
    }

    /// The rule written back in Entra's syntax.
    public var description: String {
        switch self {
        case .compare(let attribute, let op, let values):
            func quoted(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "null" }
            let right = op == .in || op == .notIn ? "[" + values.map(quoted).joined(separator: ",") + "]" : quoted(values.first ?? nil)
            return "user.\(attribute) -\(op.rawValue) \(right)"
        case .and(let left, let right): return "(\(left) -and \(right))"
        case .or(let left, let right): return "(\(left) -or \(right))"
        case .not(let inner): return "-not (\(inner))"
        }
    }
}

/// Why a membership rule could not be read: a message and the 0-based character offset.
public struct MembershipRuleError: Error, Sendable, Equatable {
    /// What was wrong and what was expected.
    public let message: String
    /// Where in the rule text, counted in characters from 0.
    public let offset: Int
}

extension MembershipRule {
    /// Reads a rule; the error names the offending text and what was expected there.
    public static func parse(_ text: String) throws(MembershipRuleError) -> MembershipRule {
        var parser = RuleParser(tokens: try RuleParser.tokenize(text), end: text.count)
        let rule = try parser.expression()
        if let extra = parser.peek {
            throw MembershipRuleError(message: "unexpected '\(extra.text)' after a complete rule; join conditions with -and or -or", offset: extra.offset)
        }
        return rule
    }
}

/// A recursive-descent reader of membership rules.
private struct RuleParser {
    struct Token {
        enum Kind { case word, string, open, close, openList, closeList, comma }
        let kind: Kind
        let text: String
        let offset: Int
    }

    let tokens: [Token]
    let end: Int
    var position = 0

    init(tokens: [Token], end: Int) {
        self.tokens = tokens
        self.end = end
    }

    var peek: Token? { position < tokens.count ? tokens[position] : nil }

    mutating func next(expecting what: String) throws(MembershipRuleError) -> Token {
        guard let token = peek else { throw MembershipRuleError(message: "the rule ends where \(what) is expected", offset: end) }
        position += 1
        return token
    }

    static func tokenize(_ text: String) throws(MembershipRuleError) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let single: [Character: Token.Kind] = ["(": .open, ")": .close, "[": .openList, "]": .closeList, ",": .comma]
            if character.isWhitespace {
                index += 1
            } else if let kind = single[character] {
                tokens.append(Token(kind: kind, text: String(character), offset: index))
                index += 1
            } else if character == "\"" {
                let start = index
                index += 1
                var value = ""
                while index < characters.count && characters[index] != "\"" {
                    value.append(characters[index])
                    index += 1
                }
                guard index < characters.count else { throw MembershipRuleError(message: "a string opened with \" is not closed", offset: start) }
                index += 1
                tokens.append(Token(kind: .string, text: value, offset: start))
            } else {
                let start = index
                var word = ""
                while index < characters.count, !characters[index].isWhitespace, !"()[],\"".contains(characters[index]) {
                    word.append(characters[index])
                    index += 1
                }
                tokens.append(Token(kind: .word, text: word, offset: start))
            }
        }
        return tokens
    }

    mutating func expression() throws(MembershipRuleError) -> MembershipRule {
        var rule = try conjunction()
        while let token = peek, token.kind == .word, token.text.lowercased() == "-or" {
            position += 1
            rule = .or(rule, try conjunction())
        }
        return rule
    }

    mutating func conjunction() throws(MembershipRuleError) -> MembershipRule {
        var rule = try factor()
        while let token = peek, token.kind == .word, token.text.lowercased() == "-and" {
            position += 1
            rule = .and(rule, try factor())
        }
        return rule
    }

    mutating func factor() throws(MembershipRuleError) -> MembershipRule {
        let token = try next(expecting: "a condition such as user.department -eq \"Sales\"")
        if token.kind == .word && token.text.lowercased() == "-not" { return .not(try factor()) }
        if token.kind == .open {
            let inner = try expression()
            let close = try next(expecting: "')'")
            guard close.kind == .close else { throw MembershipRuleError(message: "expected ')', got '\(close.text)'", offset: close.offset) }
            return inner
        }
        guard token.kind == .word, token.text.lowercased().hasPrefix("user."), token.text.count > 5 else {
            throw MembershipRuleError(message: "expected a user attribute such as user.department, got '\(token.text)'", offset: token.offset)
        }
        let attribute = String(token.text.dropFirst(5))
        let opToken = try next(expecting: "an operator (-eq, -ne, -startsWith, -contains, -in ...)")
        let names = MembershipRule.Operator.allCases.map { "-" + $0.rawValue }
        guard opToken.kind == .word, let op = MembershipRule.Operator.allCases.first(where: { "-" + $0.rawValue.lowercased() == opToken.text.lowercased() }) else {
            throw MembershipRuleError(message: "expected an operator (\(names.joined(separator: ", "))), got '\(opToken.text)'", offset: opToken.offset)
        }
        if op == .in || op == .notIn {
            let open = try next(expecting: "a list such as [\"Sales\",\"IT\"]")
            guard open.kind == .openList else { throw MembershipRuleError(message: "-\(op.rawValue) takes a list such as [\"Sales\",\"IT\"], got '\(open.text)'", offset: open.offset) }
            var values: [String?] = []
            while true {
                values.append(try value())
                let separator = try next(expecting: "',' or ']'")
                if separator.kind == .closeList { break }
                guard separator.kind == .comma else { throw MembershipRuleError(message: "expected ',' or ']', got '\(separator.text)'", offset: separator.offset) }
            }
            return .compare(attribute: attribute, op: op, values: values)
        }
        return .compare(attribute: attribute, op: op, values: [try value()])
    }

    mutating func value() throws(MembershipRuleError) -> String? {
        let token = try next(expecting: "a quoted value or null")
        if token.kind == .string { return token.text }
        if token.kind == .word && token.text.lowercased() == "null" { return nil }
        throw MembershipRuleError(message: "expected a quoted value such as \"Sales\" or null, got '\(token.text)'", offset: token.offset)
    }
}
