import Foundation
import GRDB

/// Writes audit records into an SQLite database (through GRDB), built in a temporary file and
/// renamed into place at the end.
///
/// Schema (documented in docs/audit-log.md): one table `audit` with a column per
/// `directoryAudit` field, the initiator and targets flattened for querying, the whole record as
/// JSON in `record`, and indexes on time, users and role.
public struct AuditSQLiteWriter: AuditOutput {
    /// The final path.
    public let path: String
    private let temporary: String
    private var queue: DatabaseQueue?
    private var pending: [JSONValue] = []
    /// The first error met, if any; the database is then not put in place.
    public private(set) var failure: AtomicFile.WriteError?

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
        CREATE INDEX audit_time ON audit(activityDateTime);
        CREATE INDEX audit_target_user ON audit(targetUser, activityDateTime);
        CREATE INDEX audit_initiator ON audit(initiatedByUser, activityDateTime);
        CREATE INDEX audit_role ON audit(targetRole, activityDateTime);
        CREATE INDEX audit_correlation ON audit(correlationId);
        """

    /// Opens a writer for `path`, creating its folder; an existing file is replaced at the end.
    public init(path: String) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = AtomicFile.temporaryPath(for: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: temporary)
            let queue = try DatabaseQueue(path: temporary)
            try queue.write { try $0.execute(sql: Self.schema) }
            self.queue = queue
        } catch {
            failure = AtomicFile.WriteError(path: path, reason: "\(error)")
        }
    }

    /// Queues one record; records are inserted in batches of 10 000, one transaction each.
    public mutating func write(_ record: JSONValue) {
        guard failure == nil else { return }
        pending.append(record)
        if pending.count >= 10_000 { flush() }
    }

    /// Inserts what is queued, closes the database and renames it into place.
    public mutating func finish() {
        flush()
        queue = nil
        failure = AtomicFile.commit(temporary, to: path, failure: failure)
    }

    private mutating func flush() {
        guard !pending.isEmpty, let queue else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        do {
            try queue.write { database in
                let statement = try database.makeStatement(sql: """
                    INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for record in batch {
                    try statement.execute(arguments: StatementArguments(Self.columns(of: record)))
                }
            }
        } catch {
            failure = AtomicFile.WriteError(path: path, reason: "\(error)")
        }
    }

    /// The row of one record, in the table's column order.
    static func columns(of record: JSONValue) -> [DatabaseValueConvertible?] {
        func text(_ path: String...) -> String? {
            if case .string(let value)? = record.value(at: path) { return value }
            return nil
        }
        var targets: [String: String] = [:]
        if case .array(let items)? = record.value(at: ["targetResources"]) {
            for item in items {
                guard case .string(let type)? = item.value(at: ["type"]) else { continue }
                let key = type == "User" ? "userPrincipalName" : "displayName"
                if targets[type] == nil, case .string(let name)? = item.value(at: [key]) { targets[type] = name }
            }
        }
        return [
            text("id"), text("activityDateTime"), text("activityDisplayName"), text("category"),
            text("loggedByService"), text("operationType"), text("result"), text("resultReason"),
            text("correlationId"), text("initiatedBy", "user", "userPrincipalName"), text("initiatedBy", "app", "displayName"),
            targets["User"], targets["Group"], targets["Role"], record.renderedCompact(),
        ]
    }
}

/// The audit files of one run: JSON Lines always, SQLite when asked for.
public struct AuditFiles: AuditOutput {
    /// The JSON Lines writer, when a JSON Lines file was asked for.
    public private(set) var lines: AuditJSONLWriter?
    /// The SQLite writer, when a database was asked for.
    public private(set) var database: AuditSQLiteWriter?
    /// Records written.
    public private(set) var count = 0

    /// Opens the writers (either may be absent).
    public init(jsonLines: String?, database: String?) {
        lines = jsonLines.map(AuditJSONLWriter.init(path:))
        self.database = database.map(AuditSQLiteWriter.init(path:))
    }

    /// Writes the record to every file.
    public mutating func write(_ record: JSONValue) {
        lines?.write(record)
        database?.write(record)
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
