import CSQLite

/// Python callables SQLite calls back (`create_function`, `create_aggregate`): the GIL is held throughout
/// the SQLite call that runs them, on the thread that made it (`SQLiteConnectionState.ctx`). An exception
/// they raise becomes CPython's OperationalError ("user-defined function raised exception", …).
enum SQLiteCallbacks {
    final class Callback {
        let callable: Value
        unowned let conn: SQLiteConnectionState
        init(_ callable: Value, _ conn: SQLiteConnectionState) {
            self.callable = callable
            self.conn = conn
        }
    }

    static func box(_ p: UnsafeMutableRawPointer?) -> Callback {
        Unmanaged<Callback>.fromOpaque(p!).takeUnretainedValue()
    }

    static func arguments(_ argc: Int32, _ argv: UnsafeMutablePointer<OpaquePointer?>?) -> [Value] {
        (0..<Int(argc)).map { SQLiteBinding.value(argv![$0]) }
    }

    static let destroy: @convention(c) (UnsafeMutableRawPointer?) -> Void = { p in
        if let p { Unmanaged<Callback>.fromOpaque(p).release() }
    }

    static func createFunction(_ conn: SQLiteConnectionState, name: String, narg: Int32, function: Value, deterministic: Bool) throws {
        let db = try conn.open()
        let user = Unmanaged.passRetained(Callback(function, conn)).toOpaque()
        let flags = SQLITE_UTF8 | (deterministic ? SQLITE_DETERMINISTIC : 0)
        let rc = sqlite3_create_function_v2(db, name, narg, flags, user, { context, argc, argv in
            let cb = SQLiteCallbacks.box(sqlite3_user_data(context))
            guard let ctx = cb.conn.ctx else { return sqlite3_result_error(context, "no Python thread", -1) }
            do {
                let v = try ctx.call(cb.callable, SQLiteCallbacks.arguments(argc, argv))
                if !SQLiteBinding.result(context, v) { sqlite3_result_error(context, "user-defined function raised exception", -1) }
            } catch {
                if let e = error as? PyException { cb.conn.callbackError = e }
                sqlite3_result_error(context, "user-defined function raised exception", -1)
            }
        }, nil, nil, destroy)
        if rc != SQLITE_OK {
            destroy(user)
            throw SQLiteModule.error("OperationalError", "Error creating function")
        }
    }

    /// The Python aggregate instance of one group, kept in SQLite's per-group memory.
    final class Instance {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    static func createAggregate(_ conn: SQLiteConnectionState, name: String, narg: Int32, cls: Value) throws {
        let db = try conn.open()
        let user = Unmanaged.passRetained(Callback(cls, conn)).toOpaque()
        let rc = sqlite3_create_function_v2(db, name, narg, SQLITE_UTF8, user, nil, { context, argc, argv in
            let cb = SQLiteCallbacks.box(sqlite3_user_data(context))
            guard let ctx = cb.conn.ctx,
                  let slot = sqlite3_aggregate_context(context, Int32(MemoryLayout<UnsafeMutableRawPointer?>.size))?
                      .assumingMemoryBound(to: UnsafeMutableRawPointer?.self) else { return }
            if slot.pointee == nil {
                do {
                    slot.pointee = Unmanaged.passRetained(SQLiteCallbacks.Instance(try ctx.call(cb.callable, []))).toOpaque()
                } catch {
                    return sqlite3_result_error(context, "user-defined aggregate's '__init__' method raised error", -1)
                }
            }
            let instance = Unmanaged<SQLiteCallbacks.Instance>.fromOpaque(slot.pointee!).takeUnretainedValue()
            do {
                _ = try ctx.call(try Attributes.get(instance.value, "step", ctx), SQLiteCallbacks.arguments(argc, argv))
            } catch {
                sqlite3_result_error(context, "user-defined aggregate's 'step' method raised error", -1)
            }
        }, { context in
            let cb = SQLiteCallbacks.box(sqlite3_user_data(context))
            guard let slot = sqlite3_aggregate_context(context, 0)?.assumingMemoryBound(to: UnsafeMutableRawPointer?.self),
                  let stored = slot.pointee else { return sqlite3_result_null(context) }
            let instance = Unmanaged<SQLiteCallbacks.Instance>.fromOpaque(stored).takeRetainedValue()
            slot.pointee = nil
            guard let ctx = cb.conn.ctx else { return sqlite3_result_error(context, "no Python thread", -1) }
            do {
                let v = try ctx.call(try Attributes.get(instance.value, "finalize", ctx), [])
                if !SQLiteBinding.result(context, v) { sqlite3_result_error(context, "user-defined aggregate's 'finalize' method raised error", -1) }
            } catch {
                sqlite3_result_error(context, "user-defined aggregate's 'finalize' method raised error", -1)
            }
        }, destroy)
        if rc != SQLITE_OK {
            destroy(user)
            throw SQLiteModule.error("OperationalError", "Error creating aggregate")
        }
    }
}
