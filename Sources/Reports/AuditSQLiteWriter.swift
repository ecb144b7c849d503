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
    private var pending: [[DatabaseValueConvertible?]] = []
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
        """

    /// The indexes, built once every row is in (faster than keeping them up to date per row).
    static let indexes = """
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
            // The file is a temporary one until it is renamed into place, so a crash loses nothing
            // worth a journal or a sync: both are off, and the page cache is large.
            var configuration = Configuration()
            configuration.prepareDatabase { database in
                try database.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536")
            }
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try queue.writeWithoutTransaction { try $0.execute(sql: Self.schema) }
            self.queue = queue
        } catch {
            failure = AtomicFile.WriteError(path: path, reason: "\(error)")
        }
    }

    /// Queues one record; records are inserted in batches of 10 000, one transaction each.
    public mutating func write(_ entry: AuditEntry, encoder: inout AuditEncoder) {
        var line: [UInt8] = []
        encoder.appendLine(entry, to: &line)
        write(entry, line: line, encoder: &encoder)
    }

    /// Queues one record whose JSON text is already written.
    mutating func write(_ entry: AuditEntry, line: [UInt8], encoder: inout AuditEncoder) {
        guard failure == nil else { return }
        pending.append(Self.columns(of: entry, line: line, encoder: &encoder))
        if pending.count >= 10_000 { flush() }
    }

    /// Inserts what is queued, builds the indexes, closes the database and renames it into place.
    public mutating func finish() {
        flush()
        if failure == nil, let queue {
            do {
                try queue.writeWithoutTransaction { try $0.execute(sql: Self.indexes) }
            } catch {
                failure = AtomicFile.WriteError(path: path, reason: "\(error)")
            }
        }
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
                for row in batch {
                    try statement.execute(arguments: StatementArguments(row))
                }
            }
        } catch {
            failure = AtomicFile.WriteError(path: path, reason: "\(error)")
        }
    }

    /// The row of one record, in the table's column order: the initiator and the first target
    /// of each type flattened (users by principal name, groups and roles by display name).
    static func columns(of entry: AuditEntry, line: [UInt8], encoder: inout AuditEncoder) -> [DatabaseValueConvertible?] {
        var user: String?
        var app: String?
        if case .user = entry.initiator { user = encoder.name(of: entry.initiator) } else { app = encoder.name(of: entry.initiator) }
        var targetUser: String?
        var targetGroup: String?
        var targetRole: String?
        for target in entry.targets {
            switch target {
            case .user: if targetUser == nil { targetUser = encoder.name(of: target) }
            case .group: if targetGroup == nil { targetGroup = encoder.name(of: target) }
            case .role(let role):
                if encoder.identity.scenario[role].groupAccess != nil {
                    if targetGroup == nil { targetGroup = encoder.name(of: target) }
                } else if targetRole == nil {
                    targetRole = encoder.name(of: target)
                }
            case .allRoles, .pimService, .scenario, .accessPackage, .entitlementManagement: continue
            }
        }
        return [
            entry.id.text, TimeText.timestamp(epoch: entry.epoch), entry.activity, entry.category, entry.service, entry.operation,
            entry.result, entry.reason, entry.correlation.text, user, app, targetUser, targetGroup, targetRole,
            String(decoding: line, as: UTF8.self),
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
    private var line: [UInt8] = []

    /// Opens the writers (either may be absent).
    public init(jsonLines: String?, database: String?) {
        lines = jsonLines.map(AuditJSONLWriter.init(path:))
        self.database = database.map(AuditSQLiteWriter.init(path:))
    }

    /// Writes the record to every file, encoding its JSON once.
    public mutating func write(_ entry: AuditEntry, encoder: inout AuditEncoder) {
        if database == nil {
            lines?.write(entry, encoder: &encoder)
        } else {
            line.removeAll(keepingCapacity: true)
            encoder.appendLine(entry, to: &line)
            lines?.write(line: line)
            database?.write(entry, line: line, encoder: &encoder)
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
