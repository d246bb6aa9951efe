import CSQLite

/// One SQLite connection (https://sqlite.org/c3ref/sqlite3.html). Not Sendable: a connection belongs to
/// one thread at a time, as in GRDB (GRDB/Core/Database.swift). The store's writer thread owns its own;
/// readers open their own read-only one.
package final class Database {
    package enum Mode: Sendable {
        /// `SQLITE_OPEN_READONLY`: never writes, never creates.
        case readOnly
        /// `SQLITE_OPEN_READWRITE`: the file must exist.
        case readWrite
        /// `SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE`.
        case create
    }

    private(set) var handleOrNil: OpaquePointer?
    package let path: String
    package let mode: Mode
    /// Prepared statements keyed by SQL text (`SQLITE_PREPARE_PERSISTENT`), like GRDB's `StatementCache`.
    private var statementCache: [String: Statement] = [:]

    /// The live handle; using a closed connection is a programming error.
    var handle: OpaquePointer {
        guard let handleOrNil else { fatalError("database \(path) used after close()") }
        return handleOrNil
    }

    /// Opens `path`. Opening is lazy in SQLite: a file that is not a database is only detected by the first
    /// read (`SQLITE_NOTADB`). The busy timeout is 5 s so a second writer waits instead of failing.
    package init(path: String, mode: Mode) throws(SQLiteError) {
        self.path = path
        self.mode = mode
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let error = SQLiteError.from(db, code: code, sql: nil)
            sqlite3_close_v2(db)
            throw error
        }
        handleOrNil = db
        sqlite3_busy_timeout(db, 5_000)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        if handleOrNil != nil {
            close()
        }
    }

    /// Finalizes cached statements, then closes. Idempotent.
    package func close() {
        statementCache.removeAll()
        if let db = handleOrNil {
            sqlite3_close_v2(db)
            handleOrNil = nil
        }
    }

    package var isClosed: Bool { handleOrNil == nil }

    /// True when SQLite opened the file read-only (asked for, or the file/dir is not writable).
    package var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Runs one or more statements with no parameters and no result rows wanted.
    package func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// A fresh statement, finalized when released. For one-off SQL (`gilstat query`).
    package func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: self, sql: sql, persistent: false)
    }

    /// The cached statement for `sql`, reset and with bindings cleared. A failed prepare is not cached.
    package func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try Statement(database: self, sql: sql, persistent: true)
        statementCache[sql] = statement
        return statement
    }

    /// The first column of the first row as an integer (nil when no row or NULL).
    package func scalarInt(_ sql: String) throws(SQLiteError) -> Int64? {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        guard try statement.step(), !statement.isNull(0) else { return nil }
        return statement.int64(0)
    }

    /// Lets the file grow by at most `pages` pages from now on (`PRAGMA max_page_count`, per connection):
    /// beyond it SQLite fails with SQLITE_FULL, exactly as on a full disk (https://sqlite.org/pragma.html#pragma_max_page_count).
    package func limitGrowth(toPages pages: Int) throws(SQLiteError) {
        let current = try scalarInt("PRAGMA page_count") ?? 0
        _ = try scalarInt("PRAGMA max_page_count = \(current + Int64(max(pages, 0)))")
    }

    package var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    package var changes: Int { Int(sqlite3_changes(handle)) }
    package var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// BEGIN IMMEDIATE (takes the write lock up front, so a busy database fails here, under the busy
    /// timeout, not halfway through), runs `body`, COMMIT. On any error: ROLLBACK and rethrow the first error.
    package func inTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute(Schema.beginImmediate)
        let result: T
        do {
            result = try body()
        } catch {
            if isInTransaction { try? execute(Schema.rollback) }
            throw error
        }
        do {
            try execute(Schema.commit)
        } catch {
            if isInTransaction { try? execute(Schema.rollback) }
            throw error
        }
        return result
    }
}
