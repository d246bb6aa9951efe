import CSQLite

/// An error reported by SQLite: the result code, `sqlite3_errmsg`, and the SQL that failed.
/// Modelled on GRDB's `DatabaseError` (GRDB/Core/DatabaseError.swift); printed as
/// `SQLite error 19: UNIQUE constraint failed: runs.run_id - while executing INSERT …`.
/// Codes: https://sqlite.org/rescode.html
public struct SQLiteError: Error, CustomStringConvertible, Equatable {
    /// The extended result code (`sqlite3_extended_errcode`), e.g. 19 or 2067 for a constraint.
    public var code: Int32
    public var message: String
    public var sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code: the low byte of `code` (SQLITE_CONSTRAINT for every constraint flavour).
    public var primaryCode: Int32 { code & 0xFF }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }

    /// Builds the error from a connection's current state.
    static func from(_ handle: OpaquePointer?, code: Int32, sql: String?) -> SQLiteError {
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        return SQLiteError(code: extended & 0xFF == code & 0xFF ? extended : code, message: message, sql: sql)
    }
}
