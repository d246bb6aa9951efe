import CSQLite

/// `_sqlite3` (Modules/_sqlite): what CPython's Lib/sqlite3 (dbapi2.py) builds the `sqlite3` package on —
/// `connect`, `Connection`, `Cursor`, `Row`, the DB-API exception hierarchy, adapters and converters,
/// `create_function`/`create_aggregate`, 3.11's legacy transaction control (`isolation_level`: an implicit
/// BEGIN before INSERT/UPDATE/DELETE/REPLACE, `commit`/`rollback`, the connection as a context manager),
/// over the system SQLite the store also uses.
/// Differences from CPython: the GIL stays held during SQLite calls (CPython releases it around
/// `sqlite3_step`/`prepare`), so a thread waiting on another connection's lock (`timeout`) keeps the others
/// out; no blobs, window functions, authorizer/progress/trace callbacks, backups, `iterdump`, extension loading.
enum SQLiteModule {
    static let errorNames: [(String, String)] = [
        ("Warning", "Exception"), ("Error", "Exception"), ("InterfaceError", "Error"), ("DatabaseError", "Error"),
        ("DataError", "DatabaseError"), ("OperationalError", "DatabaseError"), ("IntegrityError", "DatabaseError"),
        ("InternalError", "DatabaseError"), ("ProgrammingError", "DatabaseError"), ("NotSupportedError", "DatabaseError"),
    ]

    /// The exception classes, made once (module `sqlite3`, as CPython names them).
    static let errors: [String: PyType] = {
        var made: [String: PyType] = [:]
        for (name, base) in errorNames {
            let b = made[base] ?? ExceptionKind.exception.type
            made[name] = PyType(name: name, base: b, module: "sqlite3")
        }
        return made
    }()

    /// `sqlite3.PrepareProtocol`: the protocol key of the adapters table.
    static let prepareProtocol = PyType(name: "PrepareProtocol", base: BuiltinTypes.object, module: "sqlite3")

    static func error(_ name: String, _ message: String, code: Int32? = nil) -> PyException {
        let instance = PyInstance(type: errors[name]!)
        instance.attributes["args"] = .object(PyTuple([.str(message)]))
        instance.native = ExceptionData()
        if let code {
            instance.attributes["sqlite_errorcode"] = .int(Int(code))
            instance.attributes["sqlite_errorname"] = errorName(code).map { Value.str($0) } ?? Value.none
        }
        return PyException(instance)
    }

    /// The exception CPython raises for an SQLite result code (`_pysqlite_seterror`).
    static func error(code: Int32, message: String) -> PyException {
        switch code & 0xff {
        case SQLITE_INTERNAL, SQLITE_NOTFOUND: return error("InternalError", message, code: code)
        case SQLITE_NOMEM: return PyException.make(.memoryError)
        case SQLITE_ERROR, SQLITE_PERM, SQLITE_ABORT, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_INTERRUPT,
             SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL, SQLITE_EMPTY, SQLITE_SCHEMA:
            return error("OperationalError", message, code: code)
        case SQLITE_CORRUPT: return error("DatabaseError", message, code: code)
        case SQLITE_TOOBIG: return error("DataError", message, code: code)
        case SQLITE_CONSTRAINT, SQLITE_MISMATCH: return error("IntegrityError", message, code: code)
        case SQLITE_MISUSE, SQLITE_RANGE: return error("InterfaceError", message, code: code)
        default: return error("DatabaseError", message, code: code)
        }
    }

    static func errorName(_ code: Int32) -> String? {
        let names: [Int32: String] = [
            SQLITE_ERROR: "SQLITE_ERROR", SQLITE_INTERNAL: "SQLITE_INTERNAL", SQLITE_PERM: "SQLITE_PERM",
            SQLITE_ABORT: "SQLITE_ABORT", SQLITE_BUSY: "SQLITE_BUSY", SQLITE_LOCKED: "SQLITE_LOCKED",
            SQLITE_NOMEM: "SQLITE_NOMEM", SQLITE_READONLY: "SQLITE_READONLY", SQLITE_INTERRUPT: "SQLITE_INTERRUPT",
            SQLITE_IOERR: "SQLITE_IOERR", SQLITE_CORRUPT: "SQLITE_CORRUPT", SQLITE_NOTFOUND: "SQLITE_NOTFOUND",
            SQLITE_FULL: "SQLITE_FULL", SQLITE_CANTOPEN: "SQLITE_CANTOPEN", SQLITE_PROTOCOL: "SQLITE_PROTOCOL",
            SQLITE_EMPTY: "SQLITE_EMPTY", SQLITE_SCHEMA: "SQLITE_SCHEMA", SQLITE_TOOBIG: "SQLITE_TOOBIG",
            SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT", SQLITE_MISMATCH: "SQLITE_MISMATCH", SQLITE_MISUSE: "SQLITE_MISUSE",
            SQLITE_RANGE: "SQLITE_RANGE", 2067: "SQLITE_CONSTRAINT_UNIQUE", 1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
            1299: "SQLITE_CONSTRAINT_NOTNULL", 787: "SQLITE_CONSTRAINT_FOREIGNKEY", 275: "SQLITE_CONSTRAINT_CHECK",
        ]
        return names[code] ?? names[code & 0xff]
    }

    /// Adapters (`(type, PrepareProtocol)` → callable) and converters (upper-cased type name → callable).
    final class Registry: @unchecked Sendable {  // used with the GIL held
        let adapters = PyDict()
        let converters = PyDict()
        var callbackTracebacks = false
        /// An adapter was registered for int, float, str or bytearray: values of those types are looked up too
        /// (pysqlite_BaseTypeAdapted).
        var baseTypeAdapted = false
    }

    static func make() -> PyModule {
        let m = PyModule(name: "_sqlite3")
        let registry = Registry()
        for (name, t) in errors { m.dict[name] = .object(t) }
        m.dict["version"] = .str("2.6.0")
        m.dict["sqlite_version"] = .str(String(cString: sqlite3_libversion()))
        m.dict["PARSE_DECLTYPES"] = .int(1)
        m.dict["PARSE_COLNAMES"] = .int(2)
        m.dict["threadsafety"] = .int(1)
        m.dict["apilevel"] = .str("2.0")
        m.dict["paramstyle"] = .str("qmark")
        for (name, code) in [("SQLITE_OK", SQLITE_OK), ("SQLITE_DENY", SQLITE_DENY), ("SQLITE_IGNORE", SQLITE_IGNORE)] {
            m.dict[name] = .int(Int(code))
        }
        m.dict["adapters"] = .object(registry.adapters)
        m.dict["converters"] = .object(registry.converters)
        m.dict["PrepareProtocol"] = .object(prepareProtocol)
        m.dict["Row"] = .object(SQLiteRow.type)
        let connectionType = SQLiteConnection.makeType(registry)
        m.dict["Connection"] = .object(connectionType)
        m.dict["Cursor"] = .object(SQLiteCursor.type)
        m.addFunction("connect") { a, kw, ctx in
            let factory = kw.first { $0.0 == "factory" }?.1 ?? .object(connectionType)
            return try ctx.call(factory, a, kwargs: kw.filter { $0.0 != "factory" })
        }
        m.addFunction("register_adapter") { a, _, _ in
            guard a.count == 2 else { throw PyException.make(.typeError, "register_adapter expected 2 arguments, got \(a.count)") }
            try registry.adapters.set(.object(PyTuple([a[0], .object(prepareProtocol)])), a[1])
            if case .object(let t) = a[0], [BuiltinTypes.int, BuiltinTypes.float, BuiltinTypes.str, BuiltinTypes.bytearray].contains(where: { $0 === t }) {
                registry.baseTypeAdapted = true
            }
            return .none
        }
        m.addFunction("register_converter") { a, _, _ in
            guard a.count == 2, case .object(let name as PyStr) = a[0] else {
                throw PyException.make(.typeError, "register_converter() argument 1 must be str, not \(a.first.map(typeName) ?? "nothing")")
            }
            try registry.converters.set(.str(name.value.uppercased()), a[1])
            return .none
        }
        m.addFunction("adapt") { a, _, ctx in
            guard let v = a.first else { throw PyException.make(.typeError, "adapt expected at least 1 argument, got 0") }
            if let adapter = try registry.adapters.get(.object(PyTuple([.object(typeOf(v)), .object(prepareProtocol)]))) {
                return try ctx.call(adapter, [v])
            }
            if a.count > 2 { return a[2] }
            throw error("ProgrammingError", "can't adapt")
        }
        m.addFunction("complete_statement") { a, _, _ in
            guard case .object(let s as PyStr)? = a.first else {
                throw PyException.make(.typeError, "complete_statement() argument 'statement' must be str")
            }
            return .bool(sqlite3_complete(s.value) != 0)
        }
        m.addFunction("enable_callback_tracebacks") { a, _, ctx in
            registry.callbackTracebacks = try truthy(a.first ?? .bool(false), ctx)
            return .none
        }
        m.addFunction("enable_shared_cache") { a, _, ctx in
            let on = try truthy(a.first ?? .bool(false), ctx)
            if sqlite3_enable_shared_cache(on ? 1 : 0) != SQLITE_OK { throw error("OperationalError", "Changing the shared_cache flag failed") }
            return .none
        }
        return m
    }
}
