import CSQLite

/// `sqlite3.Connection`: one database handle, its transaction state and the Python callables it calls back.
final class SQLiteConnectionState: @unchecked Sendable {  // used with the GIL held
    var db: OpaquePointer?
    var isolationLevel: String? = ""
    let detectTypes: Int
    let registry: SQLiteModule.Registry
    /// The context of the thread now inside an SQLite call (callbacks run Python on it; the GIL is held).
    var ctx: ExecutionContext?
    /// A Python exception a callback raised during the current call (re-raised after it, as CPython's
    /// enable_callback_tracebacks-off behaviour reports only the OperationalError).
    var callbackError: PyException?
    /// Prepared statements by SQL text (`cached_statements`).
    var statements = SQLiteStatementCache(capacity: 128)

    init(db: OpaquePointer?, detectTypes: Int, registry: SQLiteModule.Registry) {
        self.db = db
        self.detectTypes = detectTypes
        self.registry = registry
    }

    deinit { if let db { sqlite3_close_v2(db) } }

    func open() throws -> OpaquePointer {
        guard let db else { throw SQLiteModule.error("ProgrammingError", "Cannot operate on a closed database.") }
        return db
    }

    func check(_ code: Int32) throws {
        guard code != SQLITE_OK && code != SQLITE_ROW && code != SQLITE_DONE else { return }
        throw currentError(code)
    }

    func currentError(_ code: Int32) -> PyException {
        let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "unknown error"
        let extended = db.map { sqlite3_extended_errcode($0) } ?? code
        return SQLiteModule.error(code: extended, message: message)
    }

    /// Runs SQL without results (BEGIN, COMMIT, ROLLBACK).
    func run(_ sql: String) throws {
        let db = try open()
        var stmt: OpaquePointer?
        try check(sqlite3_prepare_v2(db, sql, -1, &stmt, nil))
        defer { sqlite3_finalize(stmt) }
        let rc = sqlite3_step(stmt)
        if rc != SQLITE_DONE && rc != SQLITE_ROW { throw currentError(rc) }
    }

    var inTransaction: Bool { db.map { sqlite3_get_autocommit($0) == 0 } ?? false }
}

enum SQLiteConnection {
    static func state(_ v: Value) throws -> SQLiteConnectionState {
        guard case .object(let i as PyInstance) = v, let s = i.native as? SQLiteConnectionState else {
            throw PyException.make(.typeError, "descriptor requires a 'sqlite3.Connection' object")
        }
        return s
    }

    static func makeType(_ registry: SQLiteModule.Registry) -> PyType {
        let t = PyType(name: "Connection", base: BuiltinTypes.object, module: "sqlite3")
        for (name, e) in SQLiteModule.errors { t.dict[name] = .object(e) }
        t.construct = { type, args, kwargs, ctx in
            let a = try Arguments(args, kwargs, names: ["database", "timeout", "detect_types", "isolation_level",
                                                      "check_same_thread", "factory", "cached_statements", "uri"],
                                  required: 1, function: "Connection")
            let database = try pathString(a.value(0)!, ctx)
            let timeout = try a.value(1).map { try Arithmetic.double(try number($0)) } ?? 5.0
            let detect = try a.value(2).map { try intValue($0) } ?? 0
            let uri = try a.value(7).map { try truthy($0, ctx) } ?? false
            var db: OpaquePointer?
            let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0)
            let rc = sqlite3_open_v2(database, &db, flags, nil)
            let state = SQLiteConnectionState(db: db, detectTypes: detect, registry: registry)
            if rc != SQLITE_OK {
                let e = state.currentError(rc)
                sqlite3_close_v2(db)
                state.db = nil
                throw e
            }
            sqlite3_busy_timeout(db, Int32(clamping: Int((timeout * 1000).rounded())))
            if let level = a.value(3) { state.isolationLevel = try isolationLevel(level) }
            if let cached = a.value(6) { state.statements = SQLiteStatementCache(capacity: try intValue(cached)) }
            let i = PyInstance(type: type)
            i.native = state
            i.setAttribute("row_factory", .none)
            i.setAttribute("text_factory", .object(BuiltinTypes.str))
            return .object(i)
        }
        t.addMethod("cursor") { a, kw, ctx in
            _ = try state(a[0]).open()
            let factory = a.count > 1 ? a[1] : (kw.first { $0.0 == "factory" }?.1 ?? .object(SQLiteCursor.type))
            return try ctx.call(factory, [a[0]])
        }
        for name in ["execute", "executemany", "executescript"] {
            t.addMethod(name) { a, kw, ctx in
                let cursor = try ctx.call(.object(SQLiteCursor.type), [a[0]])
                _ = try ctx.call(try Attributes.get(cursor, name, ctx), Array(a.dropFirst()), kwargs: kw)
                return cursor
            }
        }
        t.addMethod("commit") { a, _, _ in
            let s = try state(a[0])
            if s.inTransaction { try s.run("COMMIT") }
            return .none
        }
        t.addMethod("rollback") { a, _, _ in
            let s = try state(a[0])
            if s.inTransaction { try s.run("ROLLBACK") }
            return .none
        }
        t.addMethod("close") { a, _, _ in
            let s = try state(a[0])
            // Statements still held by cursors are finalized when they let go (close_v2 keeps the handle until then).
            s.statements.removeAll()
            if let db = s.db { sqlite3_close_v2(db) }
            s.db = nil
            return .none
        }
        t.addMethod("interrupt") { a, _, _ in
            sqlite3_interrupt(try state(a[0]).open())
            return .none
        }
        t.addMethod("__enter__") { a, _, _ in
            _ = try state(a[0]).open()
            return a[0]
        }
        t.addMethod("__exit__") { a, _, _ in
            let s = try state(a[0])
            let failed = a.count > 1 && !a[1].isNone
            if s.inTransaction { try s.run(failed ? "ROLLBACK" : "COMMIT") }
            return .bool(false)
        }
        t.addMethod("create_function") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["self", "name", "narg", "func"], keywordOnly: ["deterministic"],
                                     required: 4, function: "create_function")
            let s = try state(a[0])
            let name = try text(args.value(1)!, "create_function() argument 'name'")
            let narg = Int32(try intValue(args.value(2)!))
            let deterministic = try args["deterministic"].map { try truthy($0, ctx) } ?? false
            try SQLiteCallbacks.createFunction(s, name: name, narg: narg, function: args.value(3)!, deterministic: deterministic)
            return .none
        }
        t.addMethod("create_aggregate") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["self", "name", "n_arg", "aggregate_class"], required: 4, function: "create_aggregate")
            let s = try state(a[0])
            let name = try text(args.value(1)!, "create_aggregate() argument 'name'")
            try SQLiteCallbacks.createAggregate(s, name: name, narg: Int32(try intValue(args.value(2)!)), cls: args.value(3)!)
            return .none
        }
        property(t, "isolation_level", get: { s in s.isolationLevel.map { .str($0) } ?? .none }, set: { s, v in
            let level = try isolationLevel(v)
            if level == nil, s.inTransaction { try s.run("COMMIT") }
            s.isolationLevel = level
        })
        property(t, "in_transaction", get: { s in .bool(s.inTransaction) })
        property(t, "total_changes", get: { s in .int(Int(sqlite3_total_changes(try s.open()))) })
        return t
    }

    static func property(_ t: PyType, _ name: String, get: @escaping (SQLiteConnectionState) throws -> Value,
                         set: ((SQLiteConnectionState, Value) throws -> Void)? = nil) {
        let w = PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { a, _, _ in try get(try state(a[0])) }))
        if let set {
            w.setter = .object(PyBuiltinFunction(name) { a, _, _ in
                try set(try state(a[0]), a.count > 1 ? a[1] : .none)
                return .none
            })
        }
        t.dict[name] = .object(w)
    }

    /// What `isolation_level` accepts (3.11): None, or "", "DEFERRED", "IMMEDIATE", "EXCLUSIVE" in any case.
    static func isolationLevel(_ v: Value) throws -> String? {
        if v.isNone { return nil }
        guard case .object(let s as PyStr) = v else { throw PyException.make(.typeError, "isolation_level must be str or None") }
        guard ["", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"].contains(s.value.uppercased()) else {
            throw PyException.make(.valueError, "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'")
        }
        return s.value
    }

    static func pathString(_ v: Value, _ ctx: ExecutionContext) throws -> String {
        if case .object(let s as PyStr) = v { return s.value }
        if let b = BytesLike.bytes(v), case .object(let o) = v, o is PyBytes { return String(decoding: b, as: UTF8.self) }
        if case .object(let i as PyInstance) = v, let f = i.type.lookup("__fspath__") { return try pathString(try ctx.call(f, [v]), ctx) }
        throw PyException.make(.typeError, "expected str, bytes or os.PathLike object, not \(typeName(v))")
    }

    static func text(_ v: Value, _ what: String) throws -> String {
        guard case .object(let s as PyStr) = v else { throw PyException.make(.typeError, "\(what) must be str, not \(typeName(v))") }
        return s.value
    }

    static func number(_ v: Value) throws -> Arithmetic.Number {
        guard let n = Arithmetic.number(v) else { throw PyException.make(.typeError, "a number is required, not \(typeName(v))") }
        return n
    }

    static func intValue(_ v: Value) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: throw PyException.make(.typeError, "'\(typeName(v))' object cannot be interpreted as an integer")
        }
    }
}
