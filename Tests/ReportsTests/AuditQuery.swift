import GRDB

/// Reads an audit database back, every column as text.
enum AuditQuery {
    static func rows(_ path: String, _ sql: String) throws -> [[String]] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { database in
            try Row.fetchAll(database, sql: sql).map { row in
                row.databaseValues.map { value in String.fromDatabaseValue(value) ?? (Int64.fromDatabaseValue(value).map(String.init) ?? "NULL") }
            }
        }
    }
}
