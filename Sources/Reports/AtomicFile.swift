import Foundation

/// Writes files so that a reader sees either the old content or the new, never half of it.
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

    /// The temporary file beside `path` that a writer fills before `commit` renames it into place.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
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
    public static func write(_ data: Data, to path: String) throws {
        let temporary = temporaryPath(for: path)
        var failure: WriteError?
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: temporary))
        } catch {
            failure = WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
        if let error = commit(temporary, to: path, failure: failure) { throw error }
    }
}
