import Foundation

/// Writes audit records into an SQLite database (through GRDB), built in a temporary file and
/// renamed into place at the end.
///
/// Schema (documented in docs/audit-log.md): one table `audit` with a column per
/// `directoryAudit` field, the initiator and targets flattened for querying, the whole record as
/// JSON in `record`, and indexes on time, users and role.
///
/// The caller's thread only lays each row's text out in `AuditRows` batches; an
/// `AuditSQLiteLoader` on a thread of its own inserts them in one transaction with one prepared
/// statement, then builds the indexes.
public struct AuditSQLiteWriter: AuditOutput {
    /// The final path.
    public let path: String
    private let temporary: String
    private var loader: AuditSQLiteLoader?
    private var rows = AuditRows()
    /// The first error met, if any; the database is then not put in place.
    public private(set) var failure: AtomicFile.WriteError?

    /// Rows per batch handed to the loader.
    static let batchRows = 1024
    private let batchRows: Int

    static let schema = """
        CREATE TABLE audit (
            id TEXT PRIMARY KEY NOT NULL,
            activityDateTime TEXT NOT NULL,
            activityDisplayName TEXT NOT NULL,
            category TEXT NOT NULL,
            loggedByService TEXT NOT NULL,
            operationType TEXT NOT NULL,
            result TEXT NOT NULL,
            resultReason TEXT NOT NULL,
            correlationId TEXT NOT NULL,
            initiatedByUser TEXT,
            initiatedByApp TEXT,
            targetUser TEXT,
            targetGroup TEXT,
            targetRole TEXT,
            record TEXT NOT NULL
        );
        """

    /// The time index, kept up to date as rows go in: records come in time order, so each row
    /// only extends its right edge, while the simulation still runs.
    static let timeIndex = "CREATE INDEX audit_time ON audit(activityDateTime);"

    /// The other indexes, built once every row is in (faster than keeping them up to date per
    /// row, as their keys come in no order).
    static let indexes = """
        CREATE INDEX audit_target_user ON audit(targetUser, activityDateTime);
        CREATE INDEX audit_initiator ON audit(initiatedByUser, activityDateTime);
        CREATE INDEX audit_role ON audit(targetRole, activityDateTime);
        CREATE INDEX audit_correlation ON audit(correlationId);
        """

    /// Opens a writer for `path`, creating its folder; an existing file is replaced at the end.
    public init(path: String) {
        self.init(path: path, batchRows: Self.batchRows)
    }

    /// A writer handing rows to the loader `batchRows` at a time (tests use tiny batches).
    init(path: String, batchRows: Int) {
        self.path = path
        self.batchRows = max(1, batchRows)
        let url = URL(fileURLWithPath: path)
        temporary = AtomicFile.temporaryPath(for: path)
        rows.reserve(rows: self.batchRows)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: temporary)
            loader = try AuditSQLiteLoader(path: temporary)
        } catch {
            failure = AtomicFile.WriteError(path: path, reason: "\(error)")
        }
    }

    /// Queues one record.
    public mutating func write(_ entry: AuditEntry, encoder: inout AuditEncoder) {
        _ = add(entry, encoder: &encoder)
        handOverIfFull()
    }

    /// Lays out one record's row; returns where its JSON line lies in `pendingBytes`.
    mutating func add(_ entry: AuditEntry, encoder: inout AuditEncoder) -> Range<Int> {
        guard failure == nil else { return 0..<0 }
        return rows.append(entry, encoder: &encoder)
    }

    /// The text of the rows not yet handed over.
    var pendingBytes: [UInt8] { rows.bytes }

    /// Hands a full batch to the loader.
    mutating func handOverIfFull() {
        if rows.count >= batchRows { handOver() }
    }

    private mutating func handOver() {
        guard let loader, rows.count > 0 else { return }
        rows = loader.submit(rows)
        rows.reserve(rows: batchRows)
    }

    /// Inserts what is queued, builds the indexes, closes the database and renames it into place.
    public mutating func finish() {
        handOver()
        if let loader, let reason = loader.finish(), failure == nil {
            failure = AtomicFile.WriteError(path: path, reason: reason)
        }
        loader = nil
        failure = AtomicFile.commit(temporary, to: path, failure: failure)
    }
}

/// The audit files of one run: JSON Lines, SQLite, or both.
public struct AuditFiles: AuditOutput {
    /// The JSON Lines writer, when a JSON Lines file was asked for.
    public private(set) var lines: AuditJSONLWriter?
    /// The SQLite writer, when a database was asked for.
    public private(set) var database: AuditSQLiteWriter?
    /// Records written.
    public private(set) var count = 0

    /// Opens the writers (either may be absent).
    public init(jsonLines: String?, database: String?) {
        self.init(jsonLines: jsonLines, database: database, batchRows: AuditSQLiteWriter.batchRows)
    }

    /// Opens the writers, the database's handing rows over `batchRows` at a time.
    init(jsonLines: String?, database: String?, batchRows: Int) {
        lines = jsonLines.map(AuditJSONLWriter.init(path:))
        self.database = database.map { AuditSQLiteWriter(path: $0, batchRows: batchRows) }
    }

    /// Writes the record to every file, encoding its JSON once.
    public mutating func write(_ entry: AuditEntry, encoder: inout AuditEncoder) {
        if database == nil {
            lines?.write(entry, encoder: &encoder)
        } else if let range = database?.add(entry, encoder: &encoder) {
            if lines != nil, !range.isEmpty, let bytes = database?.pendingBytes { lines?.write(line: bytes[range]) }
            database?.handOverIfFull()
        }
        count += 1
    }

    /// Finishes every file.
    public mutating func finish() {
        lines?.finish()
        database?.finish()
    }

    /// The first failure of any writer.
    public var failure: AtomicFile.WriteError? { lines?.failure ?? database?.failure }
}
