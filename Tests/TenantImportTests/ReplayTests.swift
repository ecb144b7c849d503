import Foundation
import RunPipeline
import ScenarioFormat
import TenantImport
import TenantModel
import Testing
import TestSupport

/// `--replay-audit`: past activations as the workload, compared under a stricter policy.
@Suite("Replaying the audit log")
struct ReplayTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/TenantImportTests/Fixtures/replay").path

    static func replayed() throws -> String {
        let result = GraphImporter.importScenario(GraphExport.read(paths: [folder]), options: ImportOptions(name: "replay", replayAudit: true))
        return try #require(result.yaml)
    }

    @Test("requests and deactivations at their times; durations from RequestedDuration, the completion's span; unknown users skipped")
    func workload() throws {
        let yaml = try Self.replayed()
        // From the UTC midnight before the first request to the midnight after the newest record.
        #expect(yaml.contains("start: 2026-03-02T00:00:00Z\nhorizon: 2d\n"))
        #expect(yaml.contains("""
          - {at: 2026-03-02T09:00:00Z, activate: {user: "11111111-1111-1111-1111-111111111111", role: "Global Administrator", duration: 2h}}
          - {at: 2026-03-03T14:00:00Z, activate: {user: "11111111-1111-1111-1111-111111111111", role: "Global Administrator", duration: 1h}}
          - {at: 2026-03-03T14:30:00Z, deactivate: {user: "11111111-1111-1111-1111-111111111111", role: "Global Administrator"}}
        """))
        #expect(yaml.contains("# Note: 3 past requests replayed from the audit log"))
    }

    @Test("the history under its own policy and under approval with 1-hour activations: hand-computed hours and waits")
    func comparedWithStricterPolicy() throws {
        let yaml = try Self.replayed() + """
        behaviour: {approvers: {responseTime: 20m}}
        variants:
          strict:
            patch: {policies: {roles: {Global Administrator: {activation: {maxDuration: 1h, requireApproval: true, approvers: ["33333333-3333-3333-3333-333333333333"]}}}}}

        """
        let base = Pipeline.simulate(try makeScenario(yaml))
        // As it happened: 09:00-11:00, then 14:00 until the deactivation at 14:30.
        #expect(base.metrics.privilegedJITSeconds == 2 * 3600 + 1800)
        #expect(base.metrics.activations.granted == 2)
        let strict = Pipeline.simulate(try makeScenario(yaml, variant: "strict"))
        // Approved 20 minutes later and cut to an hour: 09:20-10:20; 14:20 until the deactivation at 14:30.
        #expect(strict.metrics.privilegedJITSeconds == 3600 + 600)
        #expect(strict.metrics.activations.granted == 2)
    }
}
