import BigInt
import CSQLite

/// `sqlite3.Cursor`: one prepared statement at a time, stepped one row ahead as CPython's cursor is (so
/// `rowcount`/`lastrowid` are known after `execute`), rows converted by type (and by declared type with
/// PARSE_DECLTYPES), `text_factory` and `row_factory` as CPython applies them.
final class SQLiteCursorState: @unchecked Sendable {  // used with the GIL held
    let connection: Value
    let conn: SQLiteConnectionState
    var statement: SQLiteStatement?
    var stmt: OpaquePointer? { statement?.handle }
    var hasRow = false
    var rowcount = -1
    var lastrowid: Value = .none
    var description: Value = .none
    var closed = false

    init(connection: Value, conn: SQLiteConnectionState) {
        self.connection = connection
        self.conn = conn
    }

    deinit { statement?.release() }

    /// Done with the statement: reset for its next user (the cache's, or finalized when nobody holds it).
    func finish() {
        statement?.release()
        statement = nil
        hasRow = false
    }
}

enum SQLiteCursor {
    static let type: PyType = {
        let t = PyType(name: "Cursor", base: BuiltinTypes.object, module: "sqlite3")
        t.construct = { type, args, _, ctx in
            guard let connection = args.first else { throw PyException.make(.typeError, "Cursor() missing required argument 'connection' (pos 1)") }
            let conn = try SQLiteConnection.state(connection)
            let i = PyInstance(type: type)
            i.native = SQLiteCursorState(connection: connection, conn: conn)
            i.setAttribute("arraysize", .int(1))
            i.setAttribute("row_factory", try Attributes.get(connection, "row_factory", ctx))
            return .object(i)
        }
        t.addMethod("execute") { a, _, ctx in
            let s = try state(a[0])
            try execute(s, sql: try SQLiteConnection.text(try arg(a, 1, "execute"), "execute() argument 1"), parameters: [a.count > 2 ? a[2] : .object(PyTuple([]))], many: false, ctx)
            return a[0]
        }
        t.addMethod("executemany") { a, _, ctx in
            let s = try state(a[0])
            let rows = try collect(try arg(a, 2, "executemany"), ctx)
            try execute(s, sql: try SQLiteConnection.text(try arg(a, 1, "executemany"), "executemany() argument 1"), parameters: rows, many: true, ctx)
            return a[0]
        }
        t.addMethod("executescript") { a, _, ctx in
            let s = try state(a[0])
            let script = try SQLiteConnection.text(try arg(a, 1, "executescript"), "executescript() argument 1")
            let db = try s.conn.open()
            s.finish()
            if s.conn.inTransaction { try s.conn.run("COMMIT") }
            s.conn.ctx = ctx
            var message: UnsafeMutablePointer<CChar>?
            let rc = sqlite3_exec(db, script, nil, nil, &message)
            if rc != SQLITE_OK {
                let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
                sqlite3_free(message)
                if let e = s.conn.callbackError { s.conn.callbackError = nil; _ = e }
                throw SQLiteModule.error(code: sqlite3_extended_errcode(db), message: text)
            }
            return a[0]
        }
        t.addMethod("fetchone") { a, _, ctx in try fetch(try state(a[0]), cursor: a[0], ctx) ?? .none }
        t.addMethod("fetchmany") { a, kw, ctx in
            let s = try state(a[0])
            let given = a.count > 1 ? a[1] : kw.first { $0.0 == "size" }?.1
            let size = try given.map { try SQLiteConnection.intValue($0) } ?? SQLiteConnection.intValue(try Attributes.get(a[0], "arraysize", ctx))
            var rows: [Value] = []
            while rows.count < size, let row = try fetch(s, cursor: a[0], ctx) { rows.append(row) }
            return .object(PyList(rows))
        }
        t.addMethod("fetchall") { a, _, ctx in
            let s = try state(a[0])
            var rows: [Value] = []
            while let row = try fetch(s, cursor: a[0], ctx) { rows.append(row) }
            return .object(PyList(rows))
        }
        t.addMethod("__iter__") { a, _, _ in a[0] }
        t.addMethod("__next__") { a, _, ctx in
            guard let row = try fetch(try state(a[0]), cursor: a[0], ctx) else { throw PyException.make(.stopIteration) }
            return row
        }
        t.addMethod("close") { a, _, _ in
            let s = try state(a[0])
            s.finish()
            s.closed = true
            return .none
        }
        t.addMethod("setinputsizes") { _, _, _ in .none }
        t.addMethod("setoutputsize") { _, _, _ in .none }
        for (name, get) in [("rowcount", { (s: SQLiteCursorState) in Value.int(s.rowcount) }), ("lastrowid", { $0.lastrowid }),
                            ("description", { $0.description }), ("connection", { $0.connection })] {
            t.dict[name] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { a, _, _ in get(try state(a[0])) })))
        }
        return t
    }()

    static func state(_ v: Value) throws -> SQLiteCursorState {
        guard case .object(let i as PyInstance) = v, let s = i.native as? SQLiteCursorState else {
            throw PyException.make(.typeError, "descriptor requires a 'sqlite3.Cursor' object")
        }
        return s
    }

    static func arg(_ a: [Value], _ i: Int, _ f: String) throws -> Value {
        guard i < a.count else { throw PyException.make(.typeError, "\(f) expected at least \(i) argument\(i == 1 ? "" : "s"), got \(a.count - 1)") }
        return a[i]
    }

    static func execute(_ s: SQLiteCursorState, sql: String, parameters: [Value], many: Bool, _ ctx: ExecutionContext) throws {
        if s.closed { throw SQLiteModule.error("ProgrammingError", "Cannot operate on a closed cursor.") }
        let db = try s.conn.open()
        s.finish()
        s.rowcount = -1
        s.description = .none
        s.conn.ctx = ctx
        let statement: SQLiteStatement
        if let cached = s.conn.statements.available(sql) {
            statement = cached
        } else {
            guard let prepared = try prepare(s, db, sql) else { return }
            statement = prepared
            s.conn.statements.insert(sql, statement)
        }
        statement.inUse = true
        s.statement = statement
        let stmt = statement.handle
        let isDML = statement.isDML
        if s.conn.isolationLevel != nil, isDML, sqlite3_get_autocommit(db) != 0 {
            try s.conn.run("BEGIN " + (s.conn.isolationLevel ?? ""))
        }
        var changes = 0
        for params in parameters {
            sqlite3_reset(stmt)
            sqlite3_clear_bindings(stmt)
            try SQLiteBinding.bind(stmt, params, s.conn.registry, ctx)
            let step = sqlite3_step(stmt)
            if step == SQLITE_ROW {
                if many {
                    s.finish()
                    throw SQLiteModule.error("ProgrammingError", "executemany() can only execute DML statements.")
                }
                s.hasRow = true
            } else if step == SQLITE_DONE {
                s.hasRow = false
                if isDML { changes += Int(sqlite3_changes(db)) }
            } else {
                let e = stepError(s, step)
                s.finish()
                throw e
            }
        }
        // Described after stepping, as 3.11 does: a cached statement SQLite prepared again after a schema
        // change (`alter table … add column`) reports its new columns only then.
        let columns = sqlite3_column_count(stmt)
        if columns > 0 {
            s.description = .object(PyTuple((0..<columns).map { c in
                let name = sqlite3_column_name(stmt, c).map { String(cString: $0) } ?? ""
                return .object(PyTuple([.str(name), .none, .none, .none, .none, .none, .none]))
            }))
        }
        if isDML { s.rowcount = changes }
        if !many { s.lastrowid = .int(Int(sqlite3_last_insert_rowid(db))) }  // 3.11 leaves it after executemany
        if !s.hasRow { s.finish() }
    }

    /// `row_factory`/`text_factory`, read per row: straight from the instance when its class does not define
    /// the name (CPython reads the C members), else by the general lookup.
    static func instanceAttribute(_ v: Value, _ name: String, _ ctx: ExecutionContext) throws -> Value {
        if case .object(let o) = v, o.tag == .instance {
            let i = unsafeDowncast(o, to: PyInstance.self)
            if !(i.native is ThreadLocalStorage), i.type.lookup(name) == nil, let found = i.getAttribute(name) { return found }
        }
        return try Attributes.get(v, name, ctx)
    }

    /// A new prepared statement for `sql`, which must hold one statement (comments and whitespace may follow).
    /// nil for SQL that is only whitespace and comments (SQLite prepares no statement: `execute` does nothing).
    static func prepare(_ s: SQLiteCursorState, _ db: OpaquePointer, _ sql: String) throws -> SQLiteStatement? {
        var stmt: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        var text = sql
        let rc = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                let rc = sqlite3_prepare_v2(db, chars.baseAddress, Int32(chars.count), &stmt, &tail)
                if rc == SQLITE_OK, let tail, let base = chars.baseAddress, tail < base + chars.count {
                    let rest = String(decoding: UnsafeRawBufferPointer(start: tail, count: base + chars.count - tail), as: UTF8.self)
                    if !onlyWhitespaceOrComments(rest) { sqlite3_finalize(stmt); stmt = nil; return Int32(-1) }
                }
                return rc
            }
        }
        if rc == -1 { throw SQLiteModule.error("ProgrammingError", "You can only execute one statement at a time.") }
        if rc != SQLITE_OK { throw s.conn.currentError(rc) }
        guard let stmt else { return nil }
        return SQLiteStatement(handle: stmt, isDML: SQLiteStatement.isDML(sql))
    }

    /// The error of a failed step: a callback's exception is reported as CPython does (an OperationalError
    /// naming the callback), else SQLite's message.
    static func stepError(_ s: SQLiteCursorState, _ rc: Int32) -> PyException {
        let reset = s.stmt.map { sqlite3_reset($0) } ?? rc
        s.conn.callbackError = nil
        return s.conn.currentError(reset == SQLITE_OK ? rc : reset)
    }

    /// The current row, then one step ahead; nil at the end.
    static func fetch(_ s: SQLiteCursorState, cursor: Value, _ ctx: ExecutionContext) throws -> Value? {
        if s.closed { throw SQLiteModule.error("ProgrammingError", "Cannot operate on a closed cursor.") }
        _ = try s.conn.open()  // a closed connection refuses even a cursor with a row pending
        guard s.hasRow, let stmt = s.stmt else { return nil }
        s.conn.ctx = ctx
        var row: Value = .object(PyTuple(try SQLiteBinding.row(stmt, s.conn, cursor: cursor, ctx)))
        let step = sqlite3_step(stmt)
        if step == SQLITE_ROW {
            s.hasRow = true
        } else if step == SQLITE_DONE {
            s.finish()
        } else {
            let e = stepError(s, step)
            s.finish()
            throw e
        }
        let factory = try instanceAttribute(cursor, "row_factory", ctx)
        if !factory.isNone { row = try ctx.call(factory, [cursor, row]) }
        return row
    }

    static func onlyWhitespaceOrComments(_ text: String) -> Bool {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == ";" }
            if rest.isEmpty { return true }
            if rest.hasPrefix("--") {
                rest = rest.drop { $0 != "\n" }
            } else if rest.hasPrefix("/*") {
                guard let end = rest.range(of: "*/") else { return true }
                rest = rest[end.upperBound...]
            } else {
                return false
            }
        }
    }
}
