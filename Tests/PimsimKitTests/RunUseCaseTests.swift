import Foundation
import PimsimKit
import Reports
import RunPipeline
import Testing
import TestSupport
import WhatIf

/// `Runs.runAndWrite` and `RunLoader`, called directly (no binary).
@Suite("Use case: run and write")
struct RunUseCaseTests {
    static func scenario(_ name: String) -> String { repositoryRoot.appendingPathComponent("Scenarios/\(name).yaml").path }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pimsimkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("writes metrics.json, graph.svg, report.html, rankings.csv and summary.md, and returns their paths in order")
    func quickstart() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await Runs.runAndWrite(RunRequest(selection: ScenarioSelection(path: Self.scenario("quickstart")), outputDirectory: folder.path))
        #expect(result.paths == ["metrics.json", "graph.svg", "report.html", "rankings.csv", "summary.md"].map { folder.appendingPathComponent($0).path })
        for path in result.paths + [folder.appendingPathComponent("audit.jsonl").path] {
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
        }
        // The file holds exactly the outcome's document, which is the reviewed golden file.
        let written = try String(contentsOfFile: result.paths[0], encoding: .utf8)
        #expect(written == result.outcome.document.rendered())
        try Golden.check(written, against: "Tests/EndToEndTests/Golden/quickstart.metrics.json")
        #expect(result.outcome.auditRecords ?? 0 > 0)
        #expect(result.comparison == nil)  // quickstart has no variants
    }

    @Test("the seed is resolved once: an override reaches the engine, the document and the audit identity")
    func seedOverride() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let selection = ScenarioSelection(path: Self.scenario("weekend-approvals"), variant: "one-hour", seed: 7)
        let loaded = try RunLoader.load(selection)
        #expect(loaded.plan.seed == 7)
        #expect(try RunLoader.load(ScenarioSelection(path: Self.scenario("weekend-approvals"))).plan.seed == loaded.plan.scenario.seed)
        let result = try await Runs.runAndWrite(RunRequest(selection: selection, outputDirectory: folder.path))
        #expect(result.outcome.seed == 7)
        #expect(result.outcome.document.value(at: ["run", "seed"]) == .integer(7))
        #expect(result.outcome.document == Pipeline.simulate(loaded.plan).document)
    }

    @Test("a baseline with variants is compared on the headline metrics; a variant run is not")
    func comparison() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = Self.scenario("ga-design")
        let baseline = try await Runs.runAndWrite(RunRequest(selection: ScenarioSelection(path: path), outputDirectory: folder.path,
                                                             compareReplications: 2))
        let table = try #require(baseline.comparison)
        #expect(!table.rows.isEmpty)
        #expect(table.rows.allSatisfy { MetricSelection.main.matches($0.metric) })
        // Run beside the baseline's own simulation, the replications give what one job alone gives.
        let plan = try StudyPlan.compare(path: path, variants: nil, replications: 2, seed: nil).get()
        var alone = ComparisonReport(header: plan.header, arms: plan.experiment.arms.map(\.name), results: await plan.run(jobs: 1)).table
        alone.rows = alone.rows.filter { MetricSelection.main.matches($0.metric) }
        #expect(table == alone)
        let variant = try await Runs.runAndWrite(RunRequest(selection: ScenarioSelection(path: path, variant: "eligible-approval"),
                                                            outputDirectory: folder.path, compareReplications: 2))
        #expect(variant.comparison == nil)
        let none = try await Runs.runAndWrite(RunRequest(selection: ScenarioSelection(path: path), outputDirectory: folder.path,
                                                         compareReplications: 0))
        #expect(none.comparison == nil)
    }

    @Test("errors: an unknown variant is an invalid scenario with its diagnostic; negative replications are refused")
    func errors() async throws {
        let selection = ScenarioSelection(path: Self.scenario("quickstart"), variant: "nope")
        await #expect {
            try await Runs.runAndWrite(RunRequest(selection: selection))
        } throws: { error in
            guard case .invalidScenario(_, let problems, let count, let consequence)? = error as? UseCaseError else { return false }
            return count == 1 && consequence == "the scenario was not run" && problems.contains { $0.contains("nope") }
        }
        await #expect(throws: UseCaseError.invalidInput("--compare-replications must be 0 or more, got -1")) {
            try await Runs.runAndWrite(RunRequest(selection: ScenarioSelection(path: Self.scenario("quickstart")), compareReplications: -1))
        }
    }

    @Test("an output folder that cannot be written is a runtime failure")
    func unwritable() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        await #expect {
            try await Runs.runAndWrite(RunRequest(selection: ScenarioSelection(path: Self.scenario("quickstart")),
                                                  outputDirectory: blocker.appendingPathComponent("out").path))
        } throws: { error in
            guard case .runtime? = error as? UseCaseError else { return false }
            return true
        }
        // With variants, the comparison running beside the run is cancelled and the failure reported.
        await #expect {
            try await Runs.runAndWrite(RunRequest(selection: ScenarioSelection(path: Self.scenario("ga-design")),
                                                  outputDirectory: blocker.appendingPathComponent("out").path, compareReplications: 2))
        } throws: { error in
            guard case .runtime? = error as? UseCaseError else { return false }
            return true
        }
    }
}
