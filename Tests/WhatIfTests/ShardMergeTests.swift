import Foundation
import Reports
import Testing
import TestSupport
@testable import WhatIf

@Suite("Shards and merge: the same outputs as one run, byte for byte")
struct ShardMergeTests {
    /// Runs every shard of `plan`, writes each part as text, reads it back and merges.
    func shardedOutputs(_ plan: StudyPlan, shards: Int) async throws -> StudyOutput {
        var parts: [(source: String, part: PartFile)] = []
        for index in (1...shards).reversed() {   // order must not matter
            let shard = try Shard(index: index, count: shards)
            let results = await plan.run(shard: shard, jobs: 2)
            #expect(results.units.keys.allSatisfy { $0 % shards == index - 1 })
            let text = plan.part(shard: shard, results: results).jsonText
            parts.append(("part\(index)", try PartFile(text: text)))
        }
        let merged = try PartMerge.merge(parts)
        return try StudyOutput(header: merged.header, spec: merged.spec, results: merged.results)
    }

    @Test("compare in 3 shards, merged: compare.json and compare.csv equal a single run's")
    func compareShards() async throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try plan(StudyPlan.compare(path: path, replications: 4))
        let single = try StudyOutput(header: plan.header, spec: plan.spec, results: await plan.run(jobs: 2))
        let merged = try await shardedOutputs(plan, shards: 3)
        #expect(merged.files.map(\.name) == single.files.map(\.name))
        for (one, other) in zip(single.files, merged.files) {
            #expect(Data(one.content.utf8) == Data(other.content.utf8), "\(one.name)")
        }
        #expect(merged.comparison == single.comparison)
    }

    @Test("sweep in 3 shards (more shards than some points have units), merged: sweep.json, sweep.csv, pareto.svg equal")
    func sweepShards() async throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid = try SweepGrid(axes: [
            GridAxis(parsing: "policies.roles.Global Administrator.activation.maxDuration=1h,4h"),
            GridAxis(parsing: "policies.roles.Global Administrator.activation.requireApproval=true,false"),
        ])
        let plan = try plan(StudyPlan.sweep(path: path, grid: grid, replications: 2))
        let single = try StudyOutput(header: plan.header, spec: plan.spec, results: await plan.run(jobs: 3))
        let merged = try await shardedOutputs(plan, shards: 3)
        #expect(single.files.map(\.name) == ["sweep.json", "sweep.csv", "pareto.svg"])
        #expect(single.files.map(\.content) == merged.files.map(\.content))
    }

    @Test("a part survives writing and reading exactly, awkward doubles included")
    func partRoundTrip() throws {
        var results = RawResults(arms: 2, replications: 2)
        results.units[1] = MetricValues(["x": 0.1 + 0.2, "y": 1e-300, "z": 123456789.123456789, "w": -2.5e21, "v": Double.leastNonzeroMagnitude])
        results.units[3] = MetricValues(["roles.Ops, \"Tier 0\" Admin.activeHours": 2.0 / 3.0, "u\u{1F600}": 7])
        let part = PartFile(header: StudyHeader(scenario: "s", scenarioHash: "abc", replications: 2, seed: UInt64(Int64.max)),
                            spec: .compare(variants: ["v"]), shard: try Shard(index: 2, count: 2), results: results)
        let read = try PartFile(text: part.jsonText)
        #expect(read == part)
        #expect(read.fileName == "compare-part-2-of-2.json")
    }

    func parts(_ plan: StudyPlan, count: Int) async throws -> [(source: String, part: PartFile)] {
        var parts: [(source: String, part: PartFile)] = []
        for index in 1...count {
            let shard = try Shard(index: index, count: count)
            parts.append(("p\(index).json", plan.part(shard: shard, results: await plan.run(shard: shard, jobs: 1))))
        }
        return parts
    }

    @Test("merge refuses parts that do not belong together, naming what differs")
    func mergeErrors() async throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try plan(StudyPlan.compare(path: path, variants: ["one-hour"], replications: 2))
        let good = try await parts(plan, count: 3)
        func message(_ parts: [(source: String, part: PartFile)]) -> String {
            do {
                _ = try PartMerge.merge(parts)
                return "merged"
            } catch {
                return "\(error)"
            }
        }
        #expect(message(good) == "merged")
        #expect(message([good[0], good[2]]) == "missing shard 2/3 of 3; merge needs every shard exactly once")
        #expect(message([good[0], good[1], good[1], good[2]]) == "shard 2/3 is given twice: p2.json and p2.json; give each shard once")
        var edited = good[1]
        edited.part.header.scenarioHash = "0000"
        #expect(message([good[0], edited, good[2]]).contains("p2.json and p1.json do not belong together: the scenario files' SHA-256 hashes"))
        edited = good[1]
        edited.part.header.seed = 99
        #expect(message([good[0], edited, good[2]]).contains("the seeds differ ('99' against '\(plan.header.seed)')"))
        edited = good[2]
        edited.part.spec = .compare(variants: ["same"])
        #expect(message([good[0], good[1], edited]).contains("the options differ"))
        let other = try await parts(plan, count: 2)
        #expect(message([good[0], other[1]]).contains("the shard counts differ ('2' against '3')"))
        #expect(message([]) == "no partial results to merge")
    }

    @Test("reading a part checks its layout")
    func readErrors() throws {
        #expect(throws: PartFile.ReadError.self) { try PartFile(text: "{\"format\": \"something-else\"}") }
        #expect(throws: PartFile.ReadError.self) { try PartFile(text: "not json") }
        let valid = PartFile(header: StudyHeader(scenario: "s", scenarioHash: "h", replications: 1, seed: 1),
                             spec: .compare(variants: []), shard: .whole, results: RawResults(arms: 1, replications: 1, units: [0: MetricValues(["a": 1])]))
        let text = valid.jsonText
        #expect(try PartFile(text: text) == valid)
        // A unit of another shard, or a unit missing.
        let wrongUnit = text.replacingOccurrences(of: "\"unit\": 0", with: "\"unit\": 1")
        #expect(throws: PartFile.ReadError.self) { try PartFile(text: wrongUnit) }
        let noUnits = JSONValue.object(["format": .string("pimsim-part")]).rendered()
        #expect(throws: PartFile.ReadError.self) { try PartFile(text: noUnits) }
    }

    @Test("shards: K/N parsing and the unit split i mod N = K − 1")
    func shards() throws {
        #expect(try Shard(parsing: "2/3") == Shard(index: 2, count: 3))
        #expect(try Shard(parsing: "2/3").units(of: 8) == [1, 4, 7])
        for text in ["0/3", "4/3", "a/3", "2", "2/0", "-1/2", "1/2/3"] {
            #expect(throws: Shard.ParseError.self, "\(text)") { try Shard(parsing: text) }
        }
        var all: [Int] = []
        for index in 1...4 { all += try Shard(index: index, count: 4).units(of: 10) }
        #expect(all.sorted() == Array(0..<10))
        for count in 1...7 {
            for total in 0...20 {
                for index in 1...count {
                    let shard = try Shard(index: index, count: count)
                    #expect(shard.count(of: total) == shard.units(of: total).count)
                }
            }
        }
    }
}
