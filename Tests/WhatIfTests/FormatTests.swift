import Foundation
import Reports
import Testing
@testable import WhatIf

@Suite("Formats: compare.csv, SHA-256, JSON reading")
struct FormatTests {
    @Test("compare.csv quotes a role name holding a comma and quotes")
    func compareCSV() throws {
        var results = RawResults(arms: 1, replications: 1)
        results.units[0] = MetricValues(["roles.Ops, \"Tier 0\" Admin.activeHours": 2.5])
        let report = ComparisonReport(header: StudyHeader(scenario: "s", scenarioHash: "h", replications: 1, seed: 1),
                                      arms: ["baseline"], results: results)
        #expect(report.csv == "metric,variant,n,mean,sd,low,high,difference_n,difference_mean,difference_sd,difference_low,difference_high\r\n"
            + "\"roles.Ops, \"\"Tier 0\"\" Admin.activeHours\",baseline,1,2.5,,2.5,2.5,1,0.0,,0.0,0.0\r\n")
    }

    @Test("SHA-256 test vectors")
    func sha256() {
        #expect(StudyPlan.sha256Hex(Data("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(StudyPlan.sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(StudyPlan.sha256Hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(StudyPlan.sha256Hex(Data(repeating: 0x61, count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test("JSON reading: what JSONValue writes reads back equal, doubles to the bit")
    func jsonRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        var numbers: [JSONValue] = []
        for _ in 0..<2000 {
            let bits = generator.next() as UInt64
            let value = Double(bitPattern: bits)
            if value.isFinite && value != 0 { numbers.append(.number(value)) }
        }
        numbers += [.number(0.1), .number(Double.leastNonzeroMagnitude * 2024), .number(Double.greatestFiniteMagnitude), .integer(Int64.min), .integer(Int64.max)]
        let document = JSONValue.object([
            "numbers": .array(numbers), "text": .string("tab\t quote\" slash\\ \u{1} é 😀 \u{2028}"),
            "flags": .array([.bool(true), .bool(false), .null]), "empty": .object([:]), "list": .array([]),
        ])
        #expect(try JSONReader.parse(document.rendered()) == document)
        #expect(try JSONReader.parse(document.renderedCompact()) == document)
        #expect(try JSONReader.parse("\"\\ud83d\\ude00\"") == .string("😀"))
    }

    @Test("JSON reading refuses what is not JSON")
    func jsonErrors() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "tru", "01x", "\"\\x\"", "{\"a\":1,\"a\":2}", "1 2", "\"\\ud800\"", "+1", "nan"] {
            #expect(throws: JSONReader.ParseError.self, "\(text)") { try JSONReader.parse(text) }
        }
    }
}

@Suite("Streamed JSON: the same bytes as the whole tree")
struct StreamedJSONTests {
    @Test("compare.json, sweep.json and parts render exactly as JSONValue renders their tree")
    func sameAsTree() async throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let compare = try plan(StudyPlan.compare(path: path, replications: 2))
        let results = await compare.run(jobs: 2)
        let report = ComparisonReport(header: compare.header, arms: compare.experiment.arms.map(\.name), results: results)
        #expect(report.streamedJSON.rendered() == report.streamedJSON.materialized().rendered())
        let part = compare.part(shard: try Shard(index: 2, count: 3), results: results)
        #expect(part.streamedJSON.rendered() == part.streamedJSON.materialized().rendered())
        let grid = try SweepGrid(axes: [GridAxis(parsing: "behaviour.approvers.approveRate=0.5,1")])
        let sweep = try plan(StudyPlan.sweep(path: path, grid: grid, replications: 2))
        let sweepReport = try SweepReport(header: sweep.header, variant: nil, grid: grid, results: await sweep.run(jobs: 2))
        #expect(sweepReport.streamedJSON.rendered() == sweepReport.streamedJSON.materialized().rendered())
        let empty = StreamedJSON.object(["a": .array(count: 0) { _ in .value(.null) }, "b": .object([:]), "c": .value(.array([]))])
        #expect(empty.rendered() == empty.materialized().rendered())
    }
}
