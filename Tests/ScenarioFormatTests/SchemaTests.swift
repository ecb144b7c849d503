import Foundation
@testable import ScenarioFormat
import Testing
import TestSupport

/// The JSON Schema against the decoder: the library validates, invalid fixtures are rejected by
/// both, mutated scenarios never validate where the decoder refuses their shape, and the schema's
/// patterns accept exactly the durations and timestamps `TimeSyntax` reads.
@Suite("JSON Schema")
struct SchemaTests {
    static let root = repositoryRoot

    static func files(_ folder: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }

    @Test("docs/scenario.schema.json and docs/baseline.schema.json are what pimsim schema prints")
    func shippedCopies() throws {
        let scenario = try String(contentsOf: Self.root.appendingPathComponent("docs/scenario.schema.json"), encoding: .utf8)
        #expect(scenario == ScenarioSchema.text(), "re-generate with: .build/debug/pimsim schema > docs/scenario.schema.json")
        let baseline = try String(contentsOf: Self.root.appendingPathComponent("docs/baseline.schema.json"), encoding: .utf8)
        #expect(baseline == ScenarioSchema.baselineText(), "re-generate with: .build/debug/pimsim schema --baseline > docs/baseline.schema.json")
    }

    @Test("every scenario of the library is valid for both the decoder and the schema")
    func library() throws {
        let files = try Self.files("Scenarios")
        #expect(files.count >= 10)
        let documents = try files.map { try SchemaValidator.document(String(contentsOf: $0, encoding: .utf8)) }
        let verdicts = try SchemaValidator.validate(documents)
        for (file, verdict) in zip(files, verdicts) {
            #expect(ScenarioLoader.load(path: file.path).scenario != nil, "\(file.lastPathComponent)")
            #expect(verdict == nil, "\(file.lastPathComponent): \(verdict ?? "")")
        }
    }

    @Test("each invalid fixture is rejected by the decoder and by the schema")
    func invalidFixtures() throws {
        let files = try Self.files("Tests/ScenarioFormatTests/Fixtures/invalid")
        #expect(files.count >= 20)
        let texts = try files.map { try String(contentsOf: $0, encoding: .utf8) }
        let verdicts = try SchemaValidator.validate(try texts.map(SchemaValidator.document))
        for (index, file) in files.enumerated() {
            let decoded = ScenarioLoader.decode(text: texts[index], file: file.lastPathComponent)
            #expect(decoded.scenario == nil, "the decoder accepts \(file.lastPathComponent)")
            #expect(verdicts[index] != nil, "the schema accepts \(file.lastPathComponent)")
        }
    }

    @Test("mutated scenarios: the schema accepts what the decoder accepts, and rejects what the decoder rejects for its shape")
    func mutations() throws {
        var documents: [SchemaNode] = []
        var cases: [(file: String, mutation: Mutation, accepted: Bool, shapeError: String?)] = []
        for file in try Self.files("Scenarios") {
            let document = try SchemaValidator.document(String(contentsOf: file, encoding: .utf8))
            for mutation in Mutation.all(of: document, limit: 120, seed: UInt64(file.lastPathComponent.utf8.count)) {
                let mutated = mutation.apply(to: document)
                let result = ScenarioLoader.decode(text: mutated.text(indent: nil), file: file.lastPathComponent)
                let shape = result.diagnostics.first { $0.severity == .error && Self.isShapeError($0.message) }
                documents.append(mutated)
                cases.append((file.lastPathComponent, mutation, result.scenario != nil, shape.map { "\($0.path): \($0.message)" }))
            }
        }
        let verdicts = try SchemaValidator.validate(documents)
        var rejectedBoth = 0
        for (index, item) in cases.enumerated() {
            if item.accepted {
                #expect(verdicts[index] == nil, "\(item.file) \(item.mutation): the decoder accepts it, the schema says \(verdicts[index] ?? "")")
            } else if let shape = item.shapeError {
                #expect(verdicts[index] != nil, "\(item.file) \(item.mutation): the decoder refuses its shape (\(shape)), the schema accepts it")
                rejectedBoth += 1
            }
        }
        // The mutations do exercise both sides.
        #expect(cases.count > 500)
        #expect(rejectedBoth > 300)
        #expect(cases.filter(\.accepted).count > 20)
    }

    /// Messages about a document's shape (keys, types, syntax, ranges), as opposed to references
    /// (unknown users) and relations the schema cannot see.
    static func isShapeError(_ message: String) -> Bool {
        let prefixes = [
            "unknown key", "missing required key", "expected ", "map keys must be strings", "duplicate key", "an event needs exactly one of",
            "a workload item is one of", "unknown assignment type", "unknown distribution", "unknown activation strategy", "unknown access",
            "unknown notification level", "unknown recurrence", "unknown onNoResponse", "unknown credential", "unknown authentication strength",
            "unknown policy state", "unknown severity", "unknown statistic", "unknown alert", "unknown assignment filter", "unknown reviewers",
        ]
        let fragments = [
            " is not a duration", " is not a time", " is not a timestamp", " has no unit", " does not apply to a ",
            " is not a weekday", " is not a UTC offset", " is not a span of working hours", " is not an email address",
            " is not a percentage", "durations are never negative", "ISO 8601 durations start with",
        ]
        // Numbers out of range ("count must be between 1 and 100, got 0"), not durations out of range
        // ("maxDuration must be between 30m and 24h, got '0'"), which no pattern can bound.
        let numberRange = message.contains(" must be between ") && !message.contains("got '")
        return numberRange || prefixes.contains(where: message.hasPrefix) || fragments.contains(where: message.contains)
    }

    @Test("the duration and time patterns accept exactly what TimeSyntax reads, up to its range and whole-second checks")
    func durationPattern() throws {
        let pattern = try NSRegularExpression(pattern: SyntaxPatterns.duration)
        let stamp = try NSRegularExpression(pattern: SyntaxPatterns.timestamp)
        func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        var generator = SplitMix(seed: 42)
        let alphabet = Array("0123456789.wdhmsPTWDHMSYM ,-")
        var checked = 0
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 8) + 1
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let parsed = TimeSyntax.duration(text)
            if case .failure(let failure) = parsed, failure.message.contains("whole number of seconds") || failure.message.contains("1000 years") {
                continue  // values the schema cannot bound: semantic, the decoder's alone
            }
            let accepted = (try? parsed.get()) != nil
            #expect(accepted == matches(pattern, text), "'\(text)': TimeSyntax \(accepted ? "accepts" : "refuses") it, the pattern does not agree")
            checked += 1
        }
        #expect(checked > 15_000)
        for text in ["8h", "1d9h30m", "PT8H", "P1DT9H", "P2W", "0", " 90s ", ".5h", "PT1,5H", "1.5h"] {
            #expect(matches(pattern, text), "\(text)")
        }
        for text in ["8", "8 hours", "1h30", "PT", "P", "P1M", "h", "-1h", "1h1d", "p1d"] {
            #expect(!matches(pattern, text), "\(text)")
        }
        let stamps = ["2026-03-02", "2026-03-02T09:00:00Z", "2026-03-02T09:00+01:00", "2026-03-02 09:00:00.000Z", "2026-03-02T09:00:00-0530"]
        for text in stamps {
            #expect(matches(stamp, text) && (try? TimeSyntax.timestamp(text).get()) != nil, "\(text)")
        }
        for text in ["2026-3-2", "2026-03-02T9:00", "2026-13-02", "2026-03-02T24:00", "2026-03-02TZ", "20260302"] {
            #expect(!matches(stamp, text) && (try? TimeSyntax.timestamp(text).get()) == nil, "\(text)")
        }
    }

    @Test("the schema is a valid draft 2020-12 schema with help text on every key")
    func schemaShape() throws {
        let text = ScenarioSchema.text()
        #expect(text.hasPrefix("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let properties = object?["properties"] as? [String: [String: Any]]
        #expect(properties?["horizon"]?["description"] as? String == "a duration such as 30d")
        #expect(properties?["seed"]?["default"] as? Int == 1)
        #expect((object?["required"] as? [String]) == ["start", "horizon", "tenant"])
        let definitions = object?["$defs"] as? [String: Any]
        #expect(definitions?["assignment"] != nil && definitions?["assertion"] != nil)
        // The validator accepts it as a schema (it exits 2 otherwise).
        _ = try SchemaValidator.validate([.object([("start", .string("x"))])])
    }
}

/// One change to a document: a key added, removed, or a value replaced.
struct Mutation: CustomStringConvertible {
    enum Change {
        case addKey(String)
        case removeKey(String)
        case replace(SchemaNode)
    }

    /// Where: object keys and array indices from the root.
    let path: [PathItem]
    let change: Change

    enum PathItem {
        case key(String)
        case index(Int)
    }

    var description: String {
        let where_ = path.map { item -> String in
            switch item {
            case .key(let key): return ".\(key)"
            case .index(let index): return "[\(index)]"
            }
        }.joined()
        switch change {
        case .addKey(let key): return "\(where_) + \(key)"
        case .removeKey(let key): return "\(where_) - \(key)"
        case .replace(let value): return "\(where_) = \(value.text(indent: nil))"
        }
    }

    /// Replacement values tried at each scalar, list and map.
    static let replacements: [SchemaNode] = [
        .object([("zz", .integer(1))]), .array([]), .bool(true), .string("zz-not-valid"), .integer(-1), .number(1.5),
        .integer(0), .string("1h"), .null, .array([.string("zz")]),
    ]

    /// Mutations of every node of `document`, a deterministic sample of at most `limit`.
    static func all(of document: SchemaNode, limit: Int, seed: UInt64) -> [Mutation] {
        var result: [Mutation] = []
        func walk(_ node: SchemaNode, _ path: [PathItem]) {
            if case .object(let members) = node {
                result.append(Mutation(path: path, change: .addKey("zzUnknown")))
                for (key, value) in members {
                    result.append(Mutation(path: path, change: .removeKey(key)))
                    walk(value, path + [.key(key)])
                }
            } else if case .array(let items) = node {
                for (index, item) in items.enumerated().prefix(3) { walk(item, path + [.index(index)]) }
            }
            if !path.isEmpty {
                for value in replacements { result.append(Mutation(path: path, change: .replace(value))) }
            }
        }
        walk(document, [])
        var generator = SplitMix(seed: seed)
        var sample: [Mutation] = []
        var pool = result
        while sample.count < limit, !pool.isEmpty {
            sample.append(pool.remove(at: Int(generator.next() % UInt64(pool.count))))
        }
        return sample
    }

    func apply(to node: SchemaNode) -> SchemaNode { apply(to: node, at: path[...]) }

    private func apply(to node: SchemaNode, at rest: ArraySlice<PathItem>) -> SchemaNode {
        guard let first = rest.first else {
            switch change {
            case .replace(let value): return value
            case .addKey(let key):
                guard case .object(let members) = node else { return node }
                return .object(members + [(key, .integer(1))])
            case .removeKey(let key):
                guard case .object(let members) = node else { return node }
                return .object(members.filter { $0.0 != key })
            }
        }
        switch (node, first) {
        case (.object(let members), .key(let key)):
            return .object(members.map { $0.0 == key ? ($0.0, apply(to: $0.1, at: rest.dropFirst())) : $0 })
        case (.array(let items), .index(let index)):
            var copy = items
            copy[index] = apply(to: items[index], at: rest.dropFirst())
            return .array(copy)
        default:
            return node
        }
    }
}
