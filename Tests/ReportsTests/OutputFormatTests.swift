import Foundation
import Testing
@testable import Reports

@Suite("Output formats: CSV escaping, numbers, JSON reading")
struct OutputFormatTests {
    @Test("CSV fields per RFC 4180: commas, quotes and line breaks quoted, quotes doubled")
    func csvEscaping() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("Ops, Tier 0") == "\"Ops, Tier 0\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field(" padded") == "\" padded\"")
        #expect(CSV.field("") == "")
        #expect(CSV.record(["roles.Ops, \"Tier 0\" Admin.activeHours", "baseline", "1"])
            == "\"roles.Ops, \"\"Tier 0\"\" Admin.activeHours\",baseline,1\r\n")
    }

    @Test("numbers: exact shortest forms for files, rounded ones for people")
    func numbers() {
        #expect(CSV.number(3600) == "3600.0")
        #expect(CSV.number(0.1 + 0.2) == "0.30000000000000004")
        #expect(CSV.number(-0.0) == "0.0")
        #expect(CSV.number(nil) == "")
        #expect(CSV.number(.infinity) == "")
        #expect(Markup.fixed(2.345678, decimals: 2) == "2.35")
        #expect(Markup.fixed(-0.001, decimals: 2) == "0.00")
        #expect(Markup.fixed(-12.5, decimals: 0) == "-13")
        #expect(Markup.fixed(1064.2527, decimals: 1) == "1064.3")
    }

    @Test("SVG coordinates: one or two decimals without trailing zeros; degenerate values at 0")
    func coordinates() {
        #expect(Markup.coordinate(12.25) == "12.3")
        #expect(Markup.coordinate(12.04) == "12")
        #expect(Markup.coordinate(-0.04) == "0")
        #expect(Markup.coordinate(-0.05) == "-0.1")
        #expect(Markup.coordinate(12.345, decimals: 2) == "12.35")
        #expect(Markup.coordinate(12.304, decimals: 2) == "12.3")
        #expect(Markup.coordinate(-0.05, decimals: 2) == "-0.05")
        #expect(Markup.coordinate(560, decimals: 2) == "560")
        #expect(Markup.coordinate(.nan, decimals: 2) == "0")
    }

    @Test("a fitted value axis: round steps near a fifth of the range, ticks as low + k · step, even on a narrow range")
    func fittedAxis() {
        let axis = ValueAxis(fitting: [10, 11.2, 12])
        #expect(axis.step == 0.5 && axis.low == 10 && axis.high == 12 && axis.decimals == 1)
        #expect(axis.steppedTicks == [10, 10.5, 11, 11.5, 12])
        #expect(axis.position(11, from: 84, to: 536) == 310)
        #expect(axis.position(11, from: 372, to: 80) == 226)
        let single = ValueAxis(fitting: [0])
        #expect(single.low == -1 && single.high == 1)
        // Adding a step of 1e-8 to 1e8 changes nothing; counted ticks still end.
        let narrow = ValueAxis(fitting: [1e8, 1e8 + 3e-8])
        #expect((2...10).contains(narrow.steppedTicks.count))
    }

    @Test("JSON reading through JSONDecoder: what JSONValue writes reads back exactly, doubles to the bit")
    func jsonRoundTrip() throws {
        struct Document: Decodable, Equatable {
            var numbers: [Double]
            var integers: [Int64]
            var text: String
        }
        var generator = SystemRandomNumberGenerator()
        var numbers = [0.1, 2.0, 0, 3600, 1e-300, -2.5e21, 1e16, 123456789.123456789, .leastNonzeroMagnitude * 2024, .greatestFiniteMagnitude]
        for _ in 0..<4000 {
            let value = Double(bitPattern: generator.next() as UInt64)
            if value.isFinite && value != 0 { numbers.append(value) }
        }
        let expected = Document(numbers: numbers, integers: [.min, .max, 0, -1], text: "tab\t quote\" slash\\ \u{1} é 😀 \u{2028}")
        let document = JSONValue.object([
            "numbers": .array(numbers.map(JSONValue.number)), "integers": .array(expected.integers.map(JSONValue.integer)),
            "text": .string(expected.text),
        ])
        for text in [document.rendered(), document.renderedCompact()] {
            let read = try JSONReading.decode(Document.self, from: text)
            #expect(read.numbers.map(\.bitPattern) == numbers.map(\.bitPattern))
            #expect(read == expected)
        }
        #expect(try JSONReading.decode(String.self, from: "\"\\ud83d\\ude00\"") == "😀")
    }

    @Test("JSON reading: failures say what is wrong and where")
    func jsonFailures() {
        func message(_ text: String) -> String {
            do {
                _ = try JSONReading.decode(Shape.self, from: text)
                return "read"
            } catch let failure {
                return failure.description
            }
        }
        #expect(message(#"{"name": "a", "parts": [{"size": 1}, {"size": 2}]}"#) == "read")
        #expect(message(#"{"name": "a", "parts": [{"size": 1}, {"size": 2.5}]}"#) == "'parts[1].size' should be a whole number")
        #expect(message(#"{"name": 1, "parts": []}"#) == "'name' should be a string")
        #expect(message(#"{"name": "a", "parts": {}}"#) == "'parts' should be a list of objects")
        #expect(message(#"{"name": "a", "parts": [1]}"#) == "'parts' should be a list of objects")
        #expect(message(#"{"name": "a""#).hasPrefix("not valid JSON: "))   // with where, in Foundation's words
        #expect(message("[]").hasPrefix("the document should be"))
    }
}

/// A small document read with the member helpers.
private struct Shape: Decodable {
    enum Key: String, CodingKey { case name, parts }
    enum PartKey: String, CodingKey { case size }

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: Key.self)
        _ = try fields.member(String.self, .name, "a string")
        for part in try fields.objects(PartKey.self, .parts) { _ = try part.member(Int.self, .size, "a whole number") }
    }
}

/// The byte writer behind the audit log gives exactly the text of the string renderer.
@Suite("Compact JSON bytes")
struct CompactJSONBytesTests {
    @Test("strings that need no escape and strings that do: the same text as quote, and JSON reads them back")
    func quoting() throws {
        let samples = ["plain", "", "a\"b", "back\\slash", "line\nbreak\ttab", "\u{2028}sep\u{2029}", "→ arrow", "日本語", "\u{01}\u{1F}", "é"]
        for sample in samples {
            let text = JSONValue.string(sample).renderedCompact()
            #expect(text == JSONValue.quote(sample))
            let parsed = try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [String]
            #expect(parsed == [sample])
        }
    }

    @Test("a nested record: keys sorted, no spaces, one line")
    func record() {
        let record = JSONValue.object(["b": .array([.integer(1), .bool(false), .null]), "a": .object(["z": .number(0.5), "y": .string("x\"y")])])
        #expect(record.renderedCompact() == #"{"a":{"y":"x\"y","z":0.5},"b":[1,false,null]}"#)
    }
}
