import Foundation
import Testing
import TestSupport

@Suite("pimsim import, end to end")
struct ImportCommandTests {
    static let contoso = "Tests/TenantImportTests/Fixtures/contoso"

    @Test("import writes a scenario that validates and runs; the same export gives the same bytes")
    func importAndRun() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("tenant.yaml").path
        let result = try Pimsim.run(["import", Self.contoso, "-o", scenario, "--horizon", "14d"])
        #expect(result.status == 0)
        #expect(result.stdout == "\(scenario): 5 users, 2 groups, 7 assignments, 1 activations, 1 policies\n")
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
        #expect(text.contains("scenario: \"tenant\"\nstart: 2026-03-05T00:00:00Z\nhorizon: 14d\n"))
        let again = try Pimsim.run(["import", Self.contoso])
        #expect(again.status == 0)
        #expect(again.stdout == text.replacingOccurrences(of: "scenario: \"tenant\"", with: "scenario: \"imported\"")
            .replacingOccurrences(of: "horizon: 14d", with: "horizon: 30d"))
        let run = try Pimsim.run(["run", scenario, "--output", folder.appendingPathComponent("out").path, "--json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"orphanedAssignments\": 1"))
    }

    @Test("an export with contradictions: errors with file and pointer, exit 2, nothing written")
    func contradictions() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        try #"{"value": [{"id": "u1"}]}"#.write(to: export.appendingPathComponent("users.json"), atomically: true, encoding: .utf8)
        try #"{"value": [{"id": "s1", "principalId": "u1", "roleDefinitionId": "not-a-role"}]}"#
            .write(to: export.appendingPathComponent("roleEligibilitySchedules.json"), atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.yaml").path
        let result = try Pimsim.run(["import", export.path, "-o", output, "--at", "2026-03-01T00:00:00Z"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(export.path)/roleEligibilitySchedules.json: /value/0/roleDefinitionId: error: role 'not-a-role' is neither in pimsim's built-in catalogue nor among the export's roleDefinitions"))
        #expect(result.stderr.contains("import: 1 errors; no scenario written"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let badTime = try Pimsim.run(["import", export.path, "--at", "yesterday"])
        #expect(badTime.status == 2)
        #expect(badTime.stderr.hasPrefix("error: --at 'yesterday': "))
    }
}
