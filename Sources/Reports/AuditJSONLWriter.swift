import Foundation

/// Streams audit records to a JSON Lines file: written to a temporary file, renamed at the end.
///
/// Lines are gathered in a buffer of 1 MiB, then copied into the 4 MiB blocks that a
/// `BlockFileWriter` writes from its own thread, so encoding never waits for the disk.
public struct AuditJSONLWriter: AuditOutput {
    /// The final path.
    public let path: String
    private let temporary: String
    private var file: BlockFileWriter?
    private var buffer: [UInt8] = []
    /// The first error met, if any; the file is then not put in place.
    public private(set) var failure: AtomicFile.WriteError?
    /// Records written.
    public private(set) var count = 0

    /// Bytes gathered before they are copied into the file's blocks.
    static let bufferSize = 1 << 20

    /// Opens a writer for `path`, creating its folder.
    public init(path: String) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = AtomicFile.temporaryPath(for: path)
        buffer.reserveCapacity(Self.bufferSize + (64 << 10))
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            file = try BlockFileWriter(path: temporary)
        } catch let error as AtomicFile.WriteError {
            failure = AtomicFile.WriteError(path: path, reason: "cannot create \(temporary): \(error.reason)")
        } catch {
            failure = AtomicFile.WriteError(path: path, reason: "\(error)")
        }
    }

    /// Appends one line.
    public mutating func write(_ entry: AuditEntry, encoder: inout AuditEncoder) {
        guard failure == nil else { return }
        encoder.appendLine(entry, to: &buffer)
        endLine()
    }

    /// Appends one line already encoded (without its newline).
    mutating func write(line: ArraySlice<UInt8>) {
        guard failure == nil else { return }
        buffer.append(contentsOf: line)
        endLine()
    }

    private mutating func endLine() {
        buffer.append(0x0A)
        count += 1
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Flushes, waits for the file's last block, closes and renames the file into place.
    public mutating func finish() {
        flush()
        if let file, let reason = file.finish(), failure == nil {
            failure = AtomicFile.WriteError(path: path, reason: reason)
        }
        file = nil
        failure = AtomicFile.commit(temporary, to: path, failure: failure)
    }

    private mutating func flush() {
        guard !buffer.isEmpty, let file else { return }
        buffer.withUnsafeBytes { file.append($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
