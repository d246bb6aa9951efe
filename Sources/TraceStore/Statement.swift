import CSQLite

/// `SQLITE_TRANSIENT`: SQLite copies bound text/blobs before the bind call returns. The C macro is a cast
/// of -1 that Swift cannot import, so it is rebuilt here once, as GRDB does (GRDB/Core/Database.swift).
let sqliteTransient = unsafeBitCast(-1 as Int, to: sqlite3_destructor_type.self)

/// A prepared statement (https://sqlite.org/c3ref/stmt.html), owned by one `Database` and used on its
/// thread only. Shaped like GRDB's `Statement` (GRDB/Core/Statement.swift): finalized in `deinit`;
/// a failed bind is a programming error (fatal), a failed step is thrown.
package final class Statement {
    let handle: OpaquePointer
    package let sql: String
    /// The connection, unowned: a statement never outlives its database (the cache is emptied before close).
    unowned let database: Database

    init(database: Database, sql: String, persistent: Bool) throws(SQLiteError) {
        var stmt: OpaquePointer?
        let flags: UInt32 = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sqlite3_prepare_v3(database.handle, sql, -1, flags, &stmt, nil)
        guard code == SQLITE_OK, let stmt else {
            throw SQLiteError.from(database.handle, code: code, sql: sql)
        }
        self.handle = stmt
        self.sql = sql
        self.database = database
    }

    /// Adopts a statement prepared elsewhere (`Database.forEachStatement`).
    init(database: Database, handle: OpaquePointer) {
        self.handle = handle
        self.sql = sqlite3_sql(handle).map { String(cString: $0) } ?? ""
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: - Binding (parameter indexes start at 1)

    @inline(__always)
    private func check(_ code: Int32, _ index: Int32) {
        if code != SQLITE_OK {
            fatalError("bind \(index) failed (\(code)) for `\(sql)`: \(String(cString: sqlite3_errmsg(database.handle)))")
        }
    }

    @inline(__always)
    package func bind(_ value: Int64, at index: Int32) {
        check(sqlite3_bind_int64(handle, index, value), index)
    }

    package func bind(_ value: Int, at index: Int32) { bind(Int64(value), at: index) }
    package func bind(_ value: Int32, at index: Int32) { bind(Int64(value), at: index) }

    package func bind(_ value: Double, at index: Int32) {
        check(sqlite3_bind_double(handle, index, value), index)
    }

    package func bind(_ value: String, at index: Int32) {
        check(sqlite3_bind_text(handle, index, value, -1, sqliteTransient), index)
    }

    package func bind(_ value: [UInt8], at index: Int32) {
        let code = value.withUnsafeBytes { raw in
            sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), sqliteTransient)
        }
        check(code, index)
    }

    package func bindNull(at index: Int32) {
        check(sqlite3_bind_null(handle, index), index)
    }

    /// Binds an optional: nil becomes NULL.
    package func bind(_ value: Int64?, at index: Int32) {
        if let value { bind(value, at: index) } else { bindNull(at: index) }
    }

    package func bind(_ value: String?, at index: Int32) {
        if let value { bind(value, at: index) } else { bindNull(at: index) }
    }

    package func bind(_ value: SQLValue, at index: Int32) {
        switch value {
        case .null: bindNull(at: index)
        case .integer(let v): bind(v, at: index)
        case .real(let v): bind(v, at: index)
        case .text(let v): bind(v, at: index)
        case .blob(let v): bind(v, at: index)
        }
    }

    /// The index of a named parameter (`:name`, `@name`, `$name`), or nil when the SQL does not use it.
    package func parameterIndex(_ name: String) -> Int32? {
        let candidates = name.first.map { ":@$".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        for candidate in candidates {
            let index = sqlite3_bind_parameter_index(handle, candidate)
            if index > 0 { return index }
        }
        return nil
    }

    /// Binds by name; a name the SQL does not use is ignored.
    package func bind(_ value: SQLValue, named name: String) {
        if let index = parameterIndex(name) { bind(value, at: index) }
    }

    package var parameterCount: Int32 { sqlite3_bind_parameter_count(handle) }

    /// The name of parameter `index` with its prefix (`:x`), nil for `?`.
    package func parameterName(at index: Int32) -> String? {
        sqlite3_bind_parameter_name(handle, index).map { String(cString: $0) }
    }

    package func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    // MARK: - Stepping

    /// Advances: true with a row ready, false when done; any other result is thrown.
    @inline(__always)
    @discardableResult
    package func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = SQLiteError.from(database.handle, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Ready to step again from the start; bindings are kept.
    @inline(__always)
    package func reset() {
        sqlite3_reset(handle)
    }

    /// Steps to completion, ignoring rows, then resets.
    package func run() throws(SQLiteError) {
        defer { reset() }
        while try step() {}
    }

    // MARK: - Columns (indexes start at 0)

    package var columnCount: Int32 { sqlite3_column_count(handle) }

    package func columnName(_ index: Int32) -> String {
        String(cString: sqlite3_column_name(handle, index))
    }

    @inline(__always)
    package func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    package func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    package func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    package func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    package func string(_ index: Int32) -> String {
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        return String(cString: text)
    }

    package func optionalString(_ index: Int32) -> String? { isNull(index) ? nil : string(index) }
    package func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : int64(index) }

    package func blob(_ index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Lends the column's bytes without copying them (valid only inside `body`).
    package func withBlob<T>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// The column as a tagged value, following its storage class.
    package func value(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: .integer(int64(index))
        case SQLITE_FLOAT: .real(double(index))
        case SQLITE_TEXT: .text(string(index))
        case SQLITE_BLOB: .blob(blob(index))
        default: .null
        }
    }
}
