import Foundation
import Trace

/// An audit log built on a thread of its own: the simulation's thread only queues its trace
/// records, in chunks, and an `AuditLogBuilder` on the other thread turns them into records and
/// writes the files while the simulation goes on.
///
/// The builder sees the same records in the same order as it would inline, so the files are the
/// same bytes. At most `queuedChunks` chunks wait, so a slow disk slows the simulation down
/// instead of filling memory.
public struct AuditLogThread: TraceSink {
    /// Trace records per chunk handed over.
    static let chunkSize = 4096
    /// Chunks that may wait for the builder.
    static let queuedChunks = 16

    private let work: Work
    private var chunk: [TraceRecord] = []
    private let chunkSize: Int

    /// Starts the builder's thread, writing through `output`.
    public init(identity: AuditIdentity, output: AuditFiles) {
        self.init(identity: identity, output: output, chunkSize: Self.chunkSize)
    }

    /// Starts the builder's thread, handing records over `chunkSize` at a time (tests use tiny chunks).
    init(identity: AuditIdentity, output: AuditFiles, chunkSize: Int) {
        self.chunkSize = max(1, chunkSize)
        work = Work(builder: AuditLogBuilder(identity: identity, output: output))
        chunk.reserveCapacity(self.chunkSize)
        let work = work
        let thread = Thread { work.run() }
        thread.name = "pimsim audit log"
        thread.start()
    }

    /// Queues one record; the run's last record (`finished`) waits until every file is written.
    public mutating func record(_ record: TraceRecord) {
        chunk.append(record)
        if case .finished = record {
            finish()
        } else if chunk.count >= chunkSize {
            work.queue.put(chunk)
            chunk.removeAll(keepingCapacity: true)
        }
    }

    /// Hands over what is queued and waits for the builder's thread to finish with it.
    /// Called by `finished`; calling it again does nothing.
    public mutating func finish() {
        if !chunk.isEmpty { work.queue.put(chunk) }
        chunk = []
        work.queue.close()
        work.wait()
    }

    /// Records written (once finished).
    public var count: Int { work.builder.output.count }

    /// The first failure of any file (once finished).
    public var failure: AtomicFile.WriteError? { work.builder.output.failure }

    /// The builder and its queue, shared with the builder's thread.
    final class Work: @unchecked Sendable {
        /// Read by the simulation's thread only after `wait`.
        var builder: AuditLogBuilder<AuditFiles>
        let queue = Handoff<[TraceRecord]>(capacity: AuditLogThread.queuedChunks)
        private let done = DispatchSemaphore(value: 0)
        private var waited = false

        init(builder: AuditLogBuilder<AuditFiles>) {
            self.builder = builder
        }

        /// The builder's thread: every chunk, in order, until the queue is closed.
        func run() {
            while let chunk = queue.take() {
                for record in chunk { builder.record(record) }
            }
            done.signal()
        }

        /// Waits (once) for `run` to end.
        func wait() {
            guard !waited else { return }
            waited = true
            done.wait()
        }
    }
}
