import Foundation
import PIMEngine
@testable import Reports
import RunPipeline
import ScenarioFormat
import TenantModel
import Testing
import TestSupport

/// The audit log's threads: the queue between them, the block writer, and the files written
/// from the builder's thread, which must hold exactly what the builder gives inline.
@Suite("Audit threads")
struct AuditThreadTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pimsim-audit-thread-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a handoff passes every item once, in order, through a small bound, then returns nil once closed")
    func handoffOrder() {
        let queue = Handoff<Int>(capacity: 3)
        let received = ResultBox()
        let thread = Thread {
            while let item = queue.take() { received.items.append(item) }
            received.done.signal()
        }
        thread.start()
        for item in 0..<20_000 { queue.put(item) }
        queue.close()
        received.done.wait()
        #expect(received.items == Array(0..<20_000))
        #expect(queue.take() == nil)
        #expect(queue.poll() == nil)
        // After close, puts are dropped rather than waiting for a reader that is gone.
        queue.put(7)
        #expect(queue.poll() == nil)
    }

    @Test("poll takes a queued item without waiting, and nothing when the queue is empty")
    func handoffPoll() {
        let queue = Handoff<String>(capacity: 2)
        #expect(queue.poll() == nil)
        queue.put("a")
        queue.put("b")
        #expect(queue.poll() == "a")
        #expect(queue.take() == "b")
        #expect(queue.poll() == nil)
    }

    @Test("the block writer writes exactly the bytes given, whatever the size against its 4 MiB blocks", arguments: [
        0, 1, 4095, 4096, BlockFileWriter.blockSize - 1, BlockFileWriter.blockSize, BlockFileWriter.blockSize + 1,
        2 * BlockFileWriter.blockSize + 12_345,
    ])
    func blockSizes(size: Int) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("file").path
        // A pattern that repeats every 251 bytes, so that a block out of place shows.
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let writer = try BlockFileWriter(path: path)
        var offset = 0
        var piece = 1
        while offset < size {
            let end = min(size, offset + piece)
            bytes[offset..<end].withUnsafeBytes { writer.append($0) }
            offset = end
            piece = piece * 3 + 1_000  // pieces of every size, across block boundaries
        }
        #expect(writer.finish() == nil)
        #expect(writer.finish() == nil)
        #expect(FileManager.default.contents(atPath: path) == Data(bytes))
    }

    @Test("the block writer creates its file exclusively: an existing file is an error, left untouched")
    func blockExclusive() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("taken").path
        try Data("before".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: AtomicFile.WriteError.self) { try BlockFileWriter(path: path) }
        #expect(FileManager.default.contents(atPath: path) == Data("before".utf8))
    }

    @Test("on a file system that refuses O_DIRECT (tmpfs), the block writer writes through the page cache")
    func blockWithoutDirect() throws {
        let shm = "/dev/shm"
        guard FileManager.default.isWritableFile(atPath: shm) else { return }
        let path = "\(shm)/pimsim-block-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<(BlockFileWriter.blockSize + 77)).map { UInt8(truncatingIfNeeded: $0 % 253) }
        let writer = try BlockFileWriter(path: path)
        bytes.withUnsafeBytes { writer.append($0) }
        #expect(writer.finish() == nil)
        #expect(!writer.direct)
        #expect(FileManager.default.contents(atPath: path) == Data(bytes))
    }

    /// The files of `scenario`'s audit log written from the builder's thread, records handed over
    /// three at a time and rows two at a time, so that every queue turns over many times.
    func threadedFiles(_ scenario: Scenario, in folder: URL) throws -> (lines: [String], database: String, count: Int) {
        let jsonl = folder.appendingPathComponent("audit.jsonl").path
        let database = folder.appendingPathComponent("audit.sqlite").path
        let audit = AuditLogThread(
            identity: AuditIdentity(scenario: scenario, seed: 5),
            output: AuditFiles(jsonLines: jsonl, database: database, batchRows: 2), chunkSize: 3
        )
        var sink = PIMReplay.run(scenario, seed: 5, sink: audit).sink
        sink.finish()
        #expect(sink.failure == nil)
        let text = try String(contentsOfFile: jsonl, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        return (text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init), database, sink.count)
    }

    func string(_ record: JSONValue, _ path: String...) -> String? {
        guard case .string(let text)? = record.value(at: path) else { return nil }
        return text
    }

    @Test("the files written beside the simulation hold the inline builder's records, and each row's columns come from its record", arguments: [
        "quickstart", "access-package", "compromised-admin", "governance", "leaver-approvals", "notifications",
    ])
    func threadedEqualsInline(name: String) throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/\(name).yaml").path
        let scenario = try #require(Pipeline.load(path: path).scenario)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inline = PIMReplay.run(scenario, seed: 5, sink: AuditLogBuilder(identity: AuditIdentity(scenario: scenario, seed: 5), output: AuditCollector()))
        let reference = inline.sink.output.records
        let files = try threadedFiles(scenario, in: folder)
        #expect(reference.count > 5)
        #expect(files.count == reference.count)
        #expect(files.lines == reference.map { $0.renderedCompact() })

        let rows = try AuditQuery.rows(files.database, """
            SELECT id, activityDateTime, activityDisplayName, category, loggedByService, operationType, result, resultReason,
                   correlationId, initiatedByUser, initiatedByApp, targetUser, targetGroup, targetRole, record
            FROM audit ORDER BY rowid
            """)
        #expect(rows.count == reference.count)
        for (row, record) in zip(rows, reference) {
            var expected = ["id", "activityDateTime", "activityDisplayName", "category", "loggedByService", "operationType", "result",
                            "resultReason", "correlationId"].map { string(record, $0) ?? "?" }
            expected.append(string(record, "initiatedBy", "user", "userPrincipalName") ?? "NULL")
            expected.append(string(record, "initiatedBy", "app", "displayName") ?? "NULL")
            guard case .array(let targets)? = record.value(at: ["targetResources"]) else {
                Issue.record("no targetResources")
                continue
            }
            let first = { (type: String, field: String) in
                targets.first { self.string($0, "type") == type }.flatMap { self.string($0, field) } ?? "NULL"
            }
            expected += [first("User", "userPrincipalName"), first("Group", "displayName"), first("Role", "displayName"), record.renderedCompact()]
            #expect(row == expected)
        }
    }
}

/// Items received by a test's consumer thread.
private final class ResultBox: @unchecked Sendable {
    var items: [Int] = []
    let done = DispatchSemaphore(value: 0)
}

@Suite("Audit timestamps")
struct AuditTimestampTests {
    @Test("the audit log's timestamps are TimeText's, before 1970, on leap days, at year ends and beyond year 9999")
    func sameAsTimeText() {
        var epochs: [Int64] = [0, -1, -86_400, -86_401, 951_782_400, 951_868_799, 1_709_164_800, 4_102_444_799, 253_402_300_799,
                               253_402_300_800, -62_167_219_200, -62_167_219_201]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            epochs.append(Int64(bitPattern: state >> 20) % 20_000_000_000 - 10_000_000_000)
        }
        for epoch in epochs {
            #expect(AuditEncoder.timestampText(epoch) == TimeText.timestamp(epoch: epoch), "epoch \(epoch)")
        }
    }
}
