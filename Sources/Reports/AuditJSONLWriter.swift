import Foundation

/// Streams audit records to a JSON Lines file: written to a temporary file, renamed at the end.
public struct AuditJSONLWriter: AuditOutput {
    /// The final path.
    public let path: String
    private let temporary: String
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    /// The first error met, if any; the file is then not put in place.
    public private(set) var failure: AtomicFile.WriteError?
    /// Records written.
    public private(set) var count = 0

    /// Opens a writer for `path`, creating its folder.
    public init(path: String) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = AtomicFile.temporaryPath(for: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                throw AtomicFile.WriteError(path: path, reason: "cannot create \(temporary)")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
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
    mutating func write(line: [UInt8]) {
        guard failure == nil else { return }
        buffer.append(contentsOf: line)
        endLine()
    }

    private mutating func endLine() {
        buffer.append(0x0A)
        count += 1
        if buffer.count >= 1 << 22 { flush() }
    }

    /// Flushes, closes and renames the file into place.
    public mutating func finish() {
        flush()
        try? handle?.close()
        handle = nil
        failure = AtomicFile.commit(temporary, to: path, failure: failure)
    }

    private mutating func flush() {
        guard !buffer.isEmpty, let handle else { return }
        do {
            try buffer.withUnsafeBytes { try handle.write(contentsOf: $0) }
        } catch {
            failure = AtomicFile.WriteError(path: path, reason: "\(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
