import Foundation
import Reports
import Testing
@testable import WhatIf

@Suite("Formats: compare.csv, SHA-256, reading parts")
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

    @Test("JSON reading refuses what is not JSON, and names the member at fault")
    func jsonErrors() throws {
        for text in ["", "{", "[1]", "{\"a\" 1}", "tru", "01x", "\"\\x\"", "1 2", "\"\\ud800\"", "+1", "nan", "{\"format\": 1e400}"] {
            #expect(throws: PartFile.ReadError.self, "\(text)") { try PartFile(text: text) }
        }
        var results = RawResults(arms: 1, replications: 1)
        results.units[0] = MetricValues(["a": 1.5])
        let text = PartFile(header: StudyHeader(scenario: "s", scenarioHash: "h", replications: 1, seed: 1),
                            spec: .compare(variants: []), shard: .whole, results: results).jsonText
        func message(_ text: String) -> String {
            do {
                _ = try PartFile(text: text)
                return "read"
            } catch {
                return "\(error)"
            }
        }
        #expect(message(text) == "read")
        #expect(message("[]") == "the document should be an object")
        #expect(message(text.replacingOccurrences(of: "\"a\": 1.5", with: "\"a\": \"x\"")) == "'units[0].metrics' should be an object of numbers")
        #expect(message(text.replacingOccurrences(of: "\"seed\": 1", with: "\"seed\": 1.5")) == "'options.seed' should be a whole number")
        #expect(message(text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2"))
            == "partial result version 2; this pimsim reads version 1")
        #expect(message(text.replacingOccurrences(of: "\"kind\": \"compare\"", with: "\"kind\": null")) == "'kind' should be a string")
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
