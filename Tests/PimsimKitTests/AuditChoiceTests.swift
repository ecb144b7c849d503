import Foundation
import PimsimKit
import Reports
import RunPipeline
import Testing
import TestSupport

/// `--audit jsonl|sqlite|both|none` and `--audit-db`: which audit files a run writes.
@Suite("Use case: the audit log's files")
struct AuditChoiceTests {
    /// Runs quickstart with `audit` and `database`; returns the audit files present and the record count.
    static func run(_ audit: AuditLogFiles, database: String? = nil) async throws -> (files: [String], records: Int?, metrics: String) {
        let folder = try RunUseCaseTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let request = RunRequest(selection: ScenarioSelection(path: RunUseCaseTests.scenario("quickstart")), outputDirectory: folder.path,
                                 audit: audit, auditDatabase: database.map { folder.appendingPathComponent($0).path })
        let result = try await Runs.runAndWrite(request)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("audit") || $0.hasSuffix(".db") }.sorted()
        return (files, result.outcome.auditRecords, try String(contentsOfFile: result.paths[0], encoding: .utf8))
    }

    @Test("jsonl (default), sqlite, both and none write exactly their files; the metrics never change")
    func choices() async throws {
        let jsonl = try await Self.run(.jsonl)
        #expect(jsonl.files == ["audit.jsonl"])
        let sqlite = try await Self.run(.sqlite)
        #expect(sqlite.files == ["audit.sqlite"])
        let both = try await Self.run(.both)
        #expect(both.files == ["audit.jsonl", "audit.sqlite"])
        let none = try await Self.run(.none)
        #expect(none.files.isEmpty)
        #expect(none.records == nil)
        #expect(jsonl.records == sqlite.records && jsonl.records == both.records && (jsonl.records ?? 0) > 0)
        #expect(Set([jsonl.metrics, sqlite.metrics, both.metrics, none.metrics]).count == 1)
    }

    @Test("--audit-db: beside audit.jsonl by default, alone with sqlite, refused with none")
    func databasePath() async throws {
        #expect(try await Self.run(.jsonl, database: "log.db").files == ["audit.jsonl", "log.db"])
        #expect(try await Self.run(.sqlite, database: "log.db").files == ["log.db"])
        await #expect(throws: UseCaseError.self) { _ = try await Self.run(.none, database: "log.db") }
    }
}
