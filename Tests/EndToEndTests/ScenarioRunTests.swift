import Foundation
import ExposureMetrics
import RunPipeline
import Reports
import ScenarioFormat
import TenantModel
import Testing
import TestSupport

@Suite("pimsim run, end to end")
struct ScenarioRunTests {
    static let scenarios = ["quickstart", "jit-migration", "leaver-approvals", "weekend-approvals", "role-settings", "compromised-admin", "governance", "app-escalation", "ga-design", "notifications", "escalation-coverage", "access-package"]

    @Test("each scenario's metrics.json matches its reviewed golden file", arguments: scenarios)
    func golden(name: String) throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Pimsim.run(["run", "Scenarios/\(name).yaml", "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let metrics = try String(contentsOf: folder.appendingPathComponent("metrics.json"), encoding: .utf8)
        try Golden.check(metrics, against: "Tests/EndToEndTests/Golden/\(name).metrics.json")
        #expect(result.stdout.contains("privileged hours"))
    }

    @Test("the contract's worked examples give every expected number", arguments: ["approval", "expiry", "ties"])
    func contractExample(name: String) throws {
        let examples = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/ContractExamples")
        let scenario = examples.appendingPathComponent("\(name).yaml").path
        let result = try Pimsim.run(["run", scenario, "--json", "--output", try Pimsim.temporaryFolder().path])
        #expect(result.status == 0, "\(result.stderr)")
        let actual = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: examples.appendingPathComponent("\(name).expected.json")))
        var mismatches: [String] = []
        compare(expected, actual, path: "", into: &mismatches)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    /// Every leaf of `expected` must be in `actual` with the same value (extra keys are fine).
    func compare(_ expected: Any, _ actual: Any?, path: String, into mismatches: inout [String]) {
        if let object = expected as? [String: Any] {
            let other = actual as? [String: Any] ?? [:]
            for (key, value) in object { compare(value, other[key], path: path.isEmpty ? key : "\(path).\(key)", into: &mismatches) }
        } else if let number = expected as? NSNumber, let other = actual as? NSNumber {
            if number != other { mismatches.append("\(path): expected \(number), got \(other)") }
        } else {
            mismatches.append("\(path): expected \(expected), got \(String(describing: actual))")
        }
    }

    @Test("the quickstart's golden numbers are the hand-computed ones")
    func quickstartByHand() throws {
        let outcome = Pipeline.simulate(try #require(Pipeline.load(path: repositoryRoot.appendingPathComponent("Scenarios/quickstart.yaml").path).scenario))
        let m = outcome.metrics
        #expect(m.privilegedTotalSeconds == h(421))
        #expect(m.privilegedStandingSeconds == h(408))
        #expect(m.standingAdmins.max == 3 && m.standingAdmins.value == 2)
        #expect(m.standingAdmins.mean(horizon: m.horizon) == 408.0 / 168)
        #expect(m.globalAdmins.min == 2 && m.globalAdmins.max == 3 && m.globalAdmins.value == 2)
        #expect(m.activations.requested == 7 && m.activations.granted == 5 && m.activations.rejected == 2)
        #expect(m.orphanedAssignments == 1)
    }

    @Test("same scenario and seed: byte-identical outputs; another seed is accepted")
    func determinism() throws {
        var outputs: [String] = []
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<2 {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("metrics.json"))
            let result = try Pimsim.run(["run", "Scenarios/quickstart.yaml", "--output", folder.path, "--seed", "7"])
            #expect(result.status == 0)
            outputs.append(try String(contentsOf: folder.appendingPathComponent("metrics.json"), encoding: .utf8) + result.stdout
                + String(contentsOf: folder.appendingPathComponent("audit.jsonl"), encoding: .utf8))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].contains("\"seed\": 7"))
    }

    @Test("--json prints exactly the file's JSON on standard output")
    func jsonFlag() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Pimsim.run(["run", "Scenarios/quickstart.yaml", "--json", "--output", folder.path])
        let file = try String(contentsOf: folder.appendingPathComponent("metrics.json"), encoding: .utf8)
        #expect(result.stdout == file)
        #expect(result.stderr.contains("privileged hours"))
    }

    @Test("without --output, metrics.json goes to Output/<scenario>/ under the working folder")
    func defaultOutputFolder() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = repositoryRoot.appendingPathComponent("Scenarios/leaver-approvals.yaml").path
        let result = try Pimsim.run(["run", scenario], in: folder)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/leaver-approvals/metrics.json").path))
    }
}
