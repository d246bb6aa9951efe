import BigInt
import CSQLite

/// Python values to SQLite parameters and results, SQLite columns and function arguments to Python values
/// (Modules/_sqlite/cursor.c, statement.c): None/int/float/str/bytes-like natively, other types through the
/// registered adapters, declared-type converters with PARSE_DECLTYPES, `text_factory` for TEXT.
enum SQLiteBinding {
    /// SQLITE_TRANSIENT: SQLite copies the text/blob before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func bind(_ stmt: OpaquePointer, _ params: Value, _ registry: SQLiteModule.Registry, _ ctx: ExecutionContext) throws {
        let count = Int(sqlite3_bind_parameter_count(stmt))
        if case .object(let d as PyDict) = params {
            for i in 1...max(count, 1) where i <= count {
                guard let raw = sqlite3_bind_parameter_name(stmt, Int32(i)) else {
                    throw SQLiteModule.error("ProgrammingError", "Binding \(i) has no name, but you supplied a dictionary (which has only names).")
                }
                let name = String(String(cString: raw).dropFirst())
                guard let v = try d.get(.str(name)) else {
                    throw SQLiteModule.error("ProgrammingError", "You did not supply a value for binding parameter :\(name).")
                }
                try bindOne(stmt, Int32(i), v, registry, ctx)
            }
            return
        }
        let items: [Value]
        switch params {
        case .object(let t as PyTuple): items = t.items
        case .object(let l as PyList): items = l.withItems { $0 }
        case .object(let o) where !(o is PyStr) && !(o is PyBytes):
            guard let collected = try? collect(params, ctx) else { throw SQLiteModule.error("ProgrammingError", "parameters are of unsupported type") }
            items = collected
        default: throw SQLiteModule.error("ProgrammingError", "parameters are of unsupported type")
        }
        guard items.count == count else {
            throw SQLiteModule.error("ProgrammingError", "Incorrect number of bindings supplied. The current statement uses \(count), and there are \(items.count) supplied.")
        }
        for (i, v) in items.enumerated() { try bindOne(stmt, Int32(i + 1), v, registry, ctx) }
    }

    static func bindOne(_ stmt: OpaquePointer, _ index: Int32, _ value: Value, _ registry: SQLiteModule.Registry, _ ctx: ExecutionContext) throws {
        var v = value
        // pysqlite's need_adapt: exact ints, floats, strs and bytearrays are bound as they are unless an adapter
        // was registered for one of those types (a dict lookup with a fresh tuple key per parameter otherwise).
        let plain: Bool = switch value {
        case .int, .float: true
        case .object(let o): o.tag == .str || o.tag == .byteArray
        default: false
        }
        if !(plain && !registry.baseTypeAdapted), registry.adapters.count > 0,
           let adapter = try registry.adapters.get(.object(PyTuple([.object(typeOf(value)), .object(SQLiteModule.prepareProtocol)]))) {
            v = try ctx.call(adapter, [value])
        }
        let rc: Int32
        switch v {
        case .none: rc = sqlite3_bind_null(stmt, index)
        case .bool(let b): rc = sqlite3_bind_int64(stmt, index, b ? 1 : 0)
        case .int(let i): rc = sqlite3_bind_int64(stmt, index, Int64(i))
        case .float(let d): rc = sqlite3_bind_double(stmt, index, d)
        case .object(let s as PyStr): rc = sqlite3_bind_text(stmt, index, s.value, -1, transient)
        case .object(let o) where o.tag == .bigint:
            guard case .int(let big)? = Arithmetic.number(v), let i = Int64(exactly: big) else {
                throw PyException.make(.overflowError, "Python int too large to convert to SQLite INTEGER")
            }
            rc = sqlite3_bind_int64(stmt, index, i)
        default:
            guard let bytes = BytesLike.bytes(v) else {
                throw SQLiteModule.error("ProgrammingError", "Error binding parameter \(index): type '\(typeName(v))' is not supported")
            }
            rc = bytes.withUnsafeBytes { sqlite3_bind_blob(stmt, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32($0.count), transient) }
        }
        if rc != SQLITE_OK { throw SQLiteModule.error(code: rc, message: String(cString: sqlite3_errstr(rc))) }
    }

    /// The current row's columns as Python values.
    static func row(_ stmt: OpaquePointer, _ conn: SQLiteConnectionState, cursor: Value, _ ctx: ExecutionContext) throws -> [Value] {
        let columns = sqlite3_column_count(stmt)
        var out: [Value] = []
        out.reserveCapacity(Int(columns))
        for c in 0..<columns {
            let kind = sqlite3_column_type(stmt, c)
            if conn.detectTypes & 1 != 0, kind != SQLITE_NULL, let converter = try converter(stmt, c, conn.registry) {
                out.append(try ctx.call(converter, [.object(PyBytes(blob(stmt, c)))]))
                continue
            }
            switch kind {
            case SQLITE_NULL: out.append(.none)
            case SQLITE_INTEGER: out.append(.int(Int(sqlite3_column_int64(stmt, c))))
            case SQLITE_FLOAT: out.append(.float(sqlite3_column_double(stmt, c)))
            case SQLITE_TEXT:
                let bytes = blob(stmt, c)
                let factory = try SQLiteCursor.instanceAttribute(try SQLiteCursor.state(cursor).connection, "text_factory", ctx)
                if case .object(let t as PyType) = factory, t === BuiltinTypes.str {
                    guard let s = String(validating: bytes, as: UTF8.self) else {
                        let name = sqlite3_column_name(stmt, c).map { String(cString: $0) } ?? ""
                        throw SQLiteModule.error("OperationalError", "Could not decode to UTF-8 column '\(name)' with text '\(String(decoding: bytes, as: UTF8.self))'")
                    }
                    out.append(.str(s))
                } else {
                    out.append(try ctx.call(factory, [.object(PyBytes(bytes))]))
                }
            default: out.append(.object(PyBytes(blob(stmt, c))))
            }
        }
        return out
    }

    static func blob(_ stmt: OpaquePointer, _ c: Int32) -> [UInt8] {
        let n = Int(sqlite3_column_bytes(stmt, c))
        guard n > 0, let p = sqlite3_column_blob(stmt, c) else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: n))
    }

    /// The converter registered for a column's declared type (its first word, upper-cased).
    static func converter(_ stmt: OpaquePointer, _ c: Int32, _ registry: SQLiteModule.Registry) throws -> Value? {
        guard let raw = sqlite3_column_decltype(stmt, c) else { return nil }
        let name = String(cString: raw).prefix { $0 != " " && $0 != "(" }.uppercased()
        return try registry.converters.get(.str(name))
    }

    /// A function argument as a Python value.
    static func value(_ v: OpaquePointer?) -> Value {
        switch sqlite3_value_type(v) {
        case SQLITE_INTEGER: return .int(Int(sqlite3_value_int64(v)))
        case SQLITE_FLOAT: return .float(sqlite3_value_double(v))
        case SQLITE_TEXT:
            let n = Int(sqlite3_value_bytes(v))
            guard n > 0, let p = sqlite3_value_text(v) else { return .str("") }
            return .str(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
        case SQLITE_BLOB:
            let n = Int(sqlite3_value_bytes(v))
            guard n > 0, let p = sqlite3_value_blob(v) else { return .object(PyBytes([])) }
            return .object(PyBytes(Array(UnsafeRawBufferPointer(start: p, count: n))))
        default: return .none
        }
    }

    /// Sets a function's result; false when the value has no SQLite type.
    static func result(_ context: OpaquePointer?, _ v: Value) -> Bool {
        switch v {
        case .none: sqlite3_result_null(context)
        case .bool(let b): sqlite3_result_int64(context, b ? 1 : 0)
        case .int(let i): sqlite3_result_int64(context, Int64(i))
        case .float(let d): sqlite3_result_double(context, d)
        case .object(let s as PyStr): sqlite3_result_text(context, s.value, -1, transient)
        default:
            if case .int(let big)? = Arithmetic.number(v), let i = Int64(exactly: big) {
                sqlite3_result_int64(context, i)
            } else if let bytes = BytesLike.bytes(v) {
                bytes.withUnsafeBytes { sqlite3_result_blob(context, $0.baseAddress, Int32($0.count), transient) }
            } else {
                return false
            }
        }
        return true
    }
}
