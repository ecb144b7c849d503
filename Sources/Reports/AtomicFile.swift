import Foundation

/// Writes files so that a reader sees either the old content or the new, never half of it.
///
/// Every output is first written to a hidden temporary file beside its final path, named after the
/// file, the process and a per-process counter (`.metrics.json.4242-7.tmp`), then renamed into
/// place with `rename(2)`, which replaces the old file in one step. A run that is killed leaves
/// at most such a temporary file, never a half-written output; the next write of the same file
/// removes temporary files whose process is gone. Two runs writing into one folder each rename
/// their own whole files: the last rename of a file wins.
public enum AtomicFile {
    /// Why a write failed.
    public struct WriteError: Error, CustomStringConvertible {
        /// The file that could not be written.
        public let path: String
        /// The system's reason.
        public let reason: String
        /// `cannot write PATH: REASON`.
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// A new temporary file's path beside `path`, unique within this process and across live
    /// processes; stale ones of earlier, killed runs for the same file are removed first.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        removeStale(of: url.lastPathComponent, in: folder.path)
        let name = ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(Counter.shared.next()).tmp"
        return folder.appendingPathComponent(name).path
    }

    /// Removes `.<name>.<pid>-<n>.tmp` files (and SQLite's `-journal` beside them) left in
    /// `folder` by processes that no longer run.
    static func removeStale(of name: String, in folder: String) {
        let prefix = ".\(name)."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), rest.contains(".tmp") else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(entry))
            }
        }
    }

    /// Renames a finished temporary file into place (atomically), or removes it when `failure` is set.
    public static func commit(_ temporary: String, to path: String, failure: WriteError?) -> WriteError? {
        if let failure {
            try? FileManager.default.removeItem(atPath: temporary)
            return failure
        }
        guard rename(temporary, path) == 0 else {
            let error = WriteError(path: path, reason: String(cString: strerror(errno)))
            try? FileManager.default.removeItem(atPath: temporary)
            return error
        }
        return nil
    }

    /// Writes `text` to `path` through a temporary file in the same folder, creating folders as needed.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path` through a temporary file in the same folder, creating folders as needed.
    ///
    /// The temporary file is created exclusively (it must not exist), so a link planted under its
    /// name is never followed.
    public static func write(_ data: Data, to path: String) throws {
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
        try write(data, to: path, through: temporaryPath(for: path))
    }

    /// Writes `data` to the new file `temporary`, then renames it to `path`.
    static func write(_ data: Data, to path: String, through temporary: String) throws {
        var failure: WriteError?
        do {
            try data.write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
        } catch {
            failure = WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
        if let error = commit(temporary, to: path, failure: failure) { throw error }
    }

    /// A process-wide sequence number for temporary names.
    final class Counter: @unchecked Sendable {
        static let shared = Counter()
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
