import Foundation
import GRDB
import GRDBSQLite

/// Rows of the `audit` table laid out as text: every cell's UTF-8 bytes in one array, and per
/// cell its start and length (-1 for NULL), so that the loader binds them without a copy.
struct AuditRows: Sendable {
    /// Columns per row, in the table's order.
    static let columns = 15
    /// The cells' text, one after the other.
    private(set) var bytes: [UInt8] = []
    /// Where each cell starts in `bytes`.
    private(set) var starts: [Int] = []
    /// Each cell's length in bytes; -1 for NULL.
    private(set) var lengths: [Int] = []

    /// Rows laid out.
    var count: Int { lengths.count / Self.columns }

    /// Makes room for `rows` rows of about 1.5 KB.
    mutating func reserve(rows: Int) {
        bytes.reserveCapacity(rows * 1536)
        starts.reserveCapacity(rows * Self.columns)
        lengths.reserveCapacity(rows * Self.columns)
    }

    /// Forgets every row, keeping the memory.
    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
    }

    /// Lays out the row of one record, in the table's column order: the initiator and the first
    /// target of each type flattened (users by principal name, groups and roles by display
    /// name); returns the range of its JSON line (the `record` cell).
    mutating func append(_ entry: AuditEntry, encoder: inout AuditEncoder) -> Range<Int> {
        var start = bytes.count
        entry.id.append(to: &bytes)
        cell(from: &start)
        AuditEncoder.appendTimestamp(entry.epoch, to: &bytes)
        cell(from: &start)
        for text in [entry.activity, entry.category, entry.service, entry.operation, entry.result, entry.reason] {
            bytes.append(contentsOf: text.utf8)
            cell(from: &start)
        }
        entry.correlation.append(to: &bytes)
        cell(from: &start)
        let initiator = encoder.name(of: entry.initiator)
        if case .user = entry.initiator { text(initiator, from: &start); null() } else { null(); text(initiator, from: &start) }
        var user: AuditParty?
        var group: AuditParty?
        var role: AuditParty?
        for target in entry.targets {
            switch target {
            case .user: if user == nil { user = target }
            case .group: if group == nil { group = target }
            case .role(let index):
                if encoder.identity.scenario[index].groupAccess != nil {
                    if group == nil { group = target }
                } else if role == nil {
                    role = target
                }
            case .allRoles, .pimService, .scenario, .accessPackage, .entitlementManagement: continue
            }
        }
        for party in [user, group, role] {
            if let party { text(encoder.name(of: party), from: &start) } else { null() }
        }
        encoder.appendLine(entry, to: &bytes)
        let line = start..<bytes.count
        cell(from: &start)
        return line
    }

    private mutating func text(_ text: String, from start: inout Int) {
        bytes.append(contentsOf: text.utf8)
        cell(from: &start)
    }

    /// Ends the cell that began at `start`; the next one begins where it ends.
    private mutating func cell(from start: inout Int) {
        starts.append(start)
        lengths.append(bytes.count - start)
        start = bytes.count
    }

    private mutating func null() {
        starts.append(bytes.count)
        lengths.append(-1)
    }
}

/// Inserts `AuditRows` batches into a new SQLite database from a thread of its own: one
/// transaction, one prepared statement whose text cells are bound in place (SQLite's C API on
/// GRDB's connection), the indexes built at the end in the same transaction.
///
/// The file is a temporary one until it is renamed into place, so a crash loses nothing worth a
/// journal or a sync: both are off, the connection holds the file exclusively, pages are 64 KiB
/// and the page cache 64 MiB.
final class AuditSQLiteLoader: @unchecked Sendable {
    private var queue: DatabaseQueue?
    /// Laid-out batches, in order, to the loading thread.
    private let filled = Handoff<AuditRows>(capacity: 4)
    /// Inserted batches, cleared, back to the caller for reuse.
    private let empty = Handoff<AuditRows>(capacity: 8)
    private let done = DispatchSemaphore(value: 0)
    /// Set by the loading thread; read once it is done.
    private var failure: String?
    private var finished = false

    /// Creates the database at `path` with the `audit` table and starts the loading thread.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { database in
            try database.execute(sql: """
                PRAGMA page_size = 65536; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY
                """)
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { try $0.execute(sql: AuditSQLiteWriter.schema + AuditSQLiteWriter.timeIndex) }
        self.queue = queue
        let thread = Thread { [self] in load(queue) }
        thread.name = "pimsim audit database"
        thread.start()
    }

    /// Hands a batch over; returns an empty one to fill next.
    func submit(_ rows: AuditRows) -> AuditRows {
        filled.put(rows)
        return empty.poll() ?? AuditRows()
    }

    /// Waits until every batch is in and the indexes are built, then closes the database; the
    /// first error met, if any. Calling it again returns the same result.
    func finish() -> String? {
        if finished { return failure }
        finished = true
        filled.close()
        done.wait()
        do {
            try queue?.close()
        } catch {
            if failure == nil { failure = "\(error)" }
        }
        queue = nil
        return failure
    }

    /// The loading thread.
    private func load(_ queue: DatabaseQueue) {
        do {
            try queue.inDatabase { database in
                try database.execute(sql: "BEGIN")
                let statement = try database.makeStatement(sql: "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                while var rows = filled.take() {
                    if failure == nil { failure = insert(rows, statement.sqliteStatement, database.sqliteConnection) }
                    rows.clear()
                    empty.put(rows)
                }
                if failure == nil {
                    // The simulation is over by now: SQLite's sorter may use a second core.
                    try database.execute(sql: "PRAGMA threads = 2")
                    try database.execute(sql: AuditSQLiteWriter.indexes)
                    try database.execute(sql: "COMMIT")
                }
            }
        } catch {
            if failure == nil { failure = "\(error)" }
        }
        // After an error, batches still arriving are taken and dropped, so the caller never waits.
        while filled.take() != nil {}
        done.signal()
    }

    /// Binds and inserts every row of a batch; the error's text, if one fails.
    private func insert(_ rows: AuditRows, _ statement: SQLiteStatement, _ connection: SQLiteConnection?) -> String? {
        rows.bytes.withUnsafeBufferPointer { buffer -> String? in
            // A batch's bytes are never empty (every row has its JSON), so the base is not nil.
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text -> String? in
                var cell = 0
                for _ in 0..<rows.count {
                    for column in 1...Int32(AuditRows.columns) {
                        let length = rows.lengths[cell]
                        let status = length < 0
                            ? sqlite3_bind_null(statement, column)
                            : sqlite3_bind_text(statement, column, text + rows.starts[cell], Int32(length), nil)
                        guard status == SQLITE_OK else { return Self.message(connection) }
                        cell += 1
                    }
                    guard sqlite3_step(statement) == SQLITE_DONE else { return Self.message(connection) }
                    sqlite3_reset(statement)
                }
                return nil
            }
        }
    }

    private static func message(_ connection: SQLiteConnection?) -> String {
        connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "SQLite failed"
    }
}
