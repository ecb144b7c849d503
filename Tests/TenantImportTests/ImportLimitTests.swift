import Foundation
import ScenarioFormat
import TenantImport
import Testing

/// The bounds on an import: the size of each file, the period of the scenario.
@Suite("Import limits")
struct ImportLimitTests {
    @Test("a file over import-file-size is refused, naming the setting that raises the limit")
    func fileSize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pimsim-import-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("users.json")
        let text = #"{"value": [{"id": "u1", "displayName": "Ann"}]}"#
        try text.write(to: file, atomically: true, encoding: .utf8)
        let refused = GraphExport.read(paths: [file.path], maxFileSize: 20)
        #expect(refused.diagnostics.map(\.description) == [
            "\(file.path): error: the file is \(text.utf8.count) bytes; files of an export are limited to 20 bytes (--limit import-file-size=1MiB raises the limit)",
        ])
        #expect(refused["users"].isEmpty)
        // The task-local limits are the default.
        var limits = InputLimits()
        limits.importFileSize = 20
        let bound = InputLimits.$current.withValue(limits) { GraphExport.read(paths: [file.path]) }
        #expect(bound.diagnostics.count == 1)
        #expect(GraphExport.read(paths: [file.path]).diagnostics.isEmpty)
    }

    @Test("a horizon beyond the limit, or a run past 9999, is an error instead of a scenario")
    func period() {
        var export = GraphExport()
        export.read(data: Data(#"{"value": [{"id": "u1"}]}"#.utf8), file: "users.json")
        let long = GraphImporter.importScenario(export, options: ImportOptions(start: 1_772_409_600, horizon: 40_000 * 86_400))
        #expect(long.yaml == nil)
        #expect(long.diagnostics.map(\.message).contains(
            "the scenario's horizon would be 40000 days; pimsim accepts at most 36600 days: give a shorter --horizon, or raise the limit with --limit horizon=40001d"))
        let late = GraphImporter.importScenario(export, options: ImportOptions(start: 253_402_214_400, horizon: 30 * 86_400))
        #expect(late.yaml == nil)
        #expect(late.diagnostics.map(\.message).contains(
            "the scenario would end after 9999-12-31T23:59:59Z, the last moment Microsoft Graph's dates can hold; give an earlier start with --at, or a shorter --horizon"))
    }
}
