/// `_io.StringIO` (Modules/_io/stringio.c) in native code; `io.StringIO` (IOSource) subclasses it for its
/// place under `TextIOBase` and takes IOBase's Python-level methods (`readlines`, `writelines`, `__iter__`,
/// `__enter__`…). It was Python: each `write` cost three calls and a dozen attribute accesses, `newline`
/// was ignored, and seeks took any offset. The state machine (accumulating UTF-8 vs realized code points)
/// is `StringIOState`; every method runs under the instance's lock.
enum StringIOType {
    static let type: PyType = {
        let t = PyType(name: "StringIO", base: BuiltinTypes.object, module: "_io")
        PlainNativeState.installNew(on: t) { StringIOState() }
        t.addMethod("__init__") { a, kw, ctx in
            let (inst, s) = try state(a[0])
            let (initial, newline) = try initArguments(Array(a.dropFirst()), kw, ctx)
            inst.lock.withLock { s.reset(newline: newline, initial: initial) }
            return .none
        }
        t.addMethod("write") { a, _, _ in
            guard a.count == 2 else { throw arity("write", 1, a.count - 1) }
            let (inst, s) = try state(a[0])
            return try inst.lock.withLock {
                guard s.initialized else { throw uninitialized() }
                guard case .object(let o) = a[1], o.tag == .str || (o.tag == .subclassed && o is PyStr) else {
                    throw PyException.make(.typeError, "string argument expected, got '\(typeName(a[1]))'")
                }
                if s.closed { throw closed() }
                let text = unsafeDowncast(o, to: PyStr.self)
                let n = text.count
                if n > 0 { s.write(text) }
                return .int(n)
            }
        }
        t.addMethod("getvalue") { a, _, _ in
            .object(try open(a[0]) { $0.value() })
        }
        t.addMethod("read") { a, _, ctx in
            let size = try sizeArgument(a, "read", ctx)
            return .object(try open(a[0]) { $0.read(size) })
        }
        t.addMethod("readline") { a, _, ctx in
            let size = try sizeArgument(a, "readline", ctx)
            return .object(try open(a[0]) { $0.readLine(size) })
        }
        let nativeReadline = t.dict["readline"]!
        t.addMethod("__next__") { a, _, ctx in
            let (inst, _) = try state(a[0])
            let line: Value
            if let own = inst.type.lookup("readline"), !own.isIdentical(nativeReadline) {
                // A subclass's readline (stringio.c calls it unless the type is exactly StringIO).
                try open(a[0]) { $0.realize() }
                line = try ctx.call(try Attributes.get(a[0], "readline", ctx), [])
                guard case .object(let o) = line, o is PyStr else {
                    throw PyException.make(.osError, "readline() should have returned a str object, not '\(typeName(line))'")
                }
            } else {
                line = .object(try open(a[0]) { $0.readLine(nil) })
            }
            if case .object(let o) = line, unsafeDowncast(o, to: PyStr.self).value.isEmpty { throw PyException.make(.stopIteration) }
            return line
        }
        t.addMethod("tell") { a, _, _ in
            .int(try open(a[0]) { $0.position })
        }
        t.addMethod("seek") { a, _, ctx in
            guard a.count >= 2, a.count <= 3 else {
                throw PyException.make(.typeError, "seek expected at least 1 argument, got \(a.count - 1)")
            }
            let offset = try Index.value(a[1], ctx)
            let whence = a.count > 2 ? try Index.cInt(a[2], ctx) : 0
            return .int(try open(a[0]) { s in
                if whence < 0 || whence > 2 {
                    throw PyException.make(.valueError, "Invalid whence (\(whence), should be 0, 1 or 2)")
                }
                if offset < 0 && whence == 0 { throw PyException.make(.valueError, "Negative seek position \(offset)") }
                if whence != 0 && offset != 0 { throw PyException.make(.osError, "Can't do nonzero cur-relative seeks") }
                if whence == 2 { s.position = s.count } else if whence == 0 { s.position = offset }
                return s.position
            })
        }
        t.addMethod("truncate") { a, _, ctx in
            let size = a.count > 1 ? try optionalSize(a[1], ctx) : nil
            return .int(try open(a[0]) { s in
                let target = size ?? s.position
                if target < 0 { throw PyException.make(.valueError, "Negative size value \(target)") }
                s.truncate(target)
                return target
            })
        }
        for name in ["readable", "writable", "seekable"] {
            t.addMethod(name) { a, _, _ in
                try open(a[0]) { _ in }
                return .bool(true)
            }
        }
        t.addMethod("flush") { a, _, _ in
            // IOBase.flush: it checks IOBase's own closed flag, which StringIO.close never sets.
            _ = try state(a[0])
            return .none
        }
        t.addMethod("close") { a, _, _ in
            let (inst, s) = try state(a[0])
            inst.lock.withLock { s.release() }
            return .none
        }
        t.dict["closed"] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction("closed") { a, _, _ in
            let (inst, s) = try state(a[0])
            return try inst.lock.withLock {
                guard s.initialized else { throw uninitialized() }
                return .bool(s.closed)
            }
        })))
        t.dict["newlines"] = property("newlines") { s in s.newlines }
        t.dict["line_buffering"] = property("line_buffering") { _ in .bool(false) }
        for (name, body) in [("__getstate__", getState), ("__setstate__", setState)] as [(String, NativeFunction)] {
            t.addMethod(name, body)
        }
        return t
    }()

    /// The module `io` takes its StringIO from (beside BytesIO in `_gilrec_io`).
    static func register(in m: PyModule) {
        m.dict["StringIO"] = .object(type)
    }

    static func state(_ v: Value) throws -> (PyInstance, StringIOState) {
        guard case .object(let o) = v, o.tag == .instance else { throw notAStringIO(v) }
        let inst = unsafeDowncast(o, to: PyInstance.self)
        guard let s = inst.native as? StringIOState else { throw notAStringIO(v) }
        return (inst, s)
    }

    private static func notAStringIO(_ v: Value) -> PyException {
        PyException.make(.typeError, "descriptor requires a '_io.StringIO' object but received '\(typeName(v))'")
    }

    /// `body` on the state under the lock, after CPython's CHECK_INITIALIZED and CHECK_CLOSED.
    static func open<R>(_ v: Value, _ body: (StringIOState) throws -> R) throws -> R {
        let (inst, s) = try state(v)
        return try inst.lock.withLock {
            guard s.initialized else { throw uninitialized() }
            if s.closed { throw closed() }
            return try body(s)
        }
    }

    static func uninitialized() -> PyException {
        PyException.make(.valueError, "I/O operation on uninitialized object")
    }

    static func closed() -> PyException {
        PyException.make(.valueError, "I/O operation on closed file")
    }

    private static func arity(_ name: String, _ expected: Int, _ given: Int) -> PyException {
        PyException.make(.typeError, "StringIO.\(name)() takes exactly \(expected) argument\(expected == 1 ? "" : "s") (\(given) given)")
    }

    /// A read-only property that checks the stream is initialized and open first.
    private static func property(_ name: String, _ body: @escaping (StringIOState) throws -> Value) -> Value {
        .object(PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { a, _, _ in
            try open(a[0]) { s in try body(s) }
        })))
    }

    /// `size` of read/readline: nil for "all" (absent, None or negative).
    private static func sizeArgument(_ a: [Value], _ name: String, _ ctx: ExecutionContext) throws -> Int? {
        guard a.count <= 2 else { throw PyException.make(.typeError, "\(name) expected at most 1 argument, got \(a.count - 1)") }
        guard a.count == 2, let n = try optionalSize(a[1], ctx) else { return nil }
        return n < 0 ? nil : n
    }

    /// `Py_ssize_t(accept={int, NoneType})`: None → nil, an index → its value.
    static func optionalSize(_ v: Value, _ ctx: ExecutionContext) throws -> Int? {
        if v.isNone { return nil }
        if case .int(let i) = v { return i }
        guard try Index.integer(v, ctx) != nil else {
            throw PyException.make(.typeError, "argument should be integer or None, not '\(typeName(v))'")
        }
        return try Index.value(v, ctx)
    }

    /// `StringIO(initial_value='', newline='\n')` with stringio.c's checks and messages.
    static func initArguments(_ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> (PyStr?, StringIOState.Newline) {
        if args.count + kwargs.count > 2 {
            throw PyException.make(.typeError, "StringIO() takes at most 2 arguments (\(args.count + kwargs.count) given)")
        }
        var given: [Value?] = [nil, nil]
        for (i, v) in args.enumerated() { given[i] = v }
        for (name, v) in kwargs {
            guard let i = ["initial_value", "newline"].firstIndex(of: name) else {
                throw PyException.make(.typeError, "'\(name)' is an invalid keyword argument for StringIO()")
            }
            if given[i] != nil {
                throw PyException.make(.typeError, "argument for StringIO() given by name ('\(name)') and position (\(i + 1))")
            }
            given[i] = v
        }
        var newline = StringIOState.Newline.fixed("\n")
        if let v = given[1] {
            if v.isNone {
                newline = .translated
            } else {
                guard case .object(let o) = v, let text = o as? PyStr else {
                    throw PyException.make(.typeError, "newline must be str or None, not \(typeName(v))")
                }
                switch text.value {
                case "": newline = .universal
                case "\n", "\r", "\r\n": newline = .fixed(text.value)
                default: throw PyException.make(.valueError, "illegal newline value: \(try repr(v, ctx))")
                }
            }
        }
        var initial: PyStr?
        if let v = given[0], !v.isNone {
            guard case .object(let o) = v, let text = o as? PyStr else {
                throw PyException.make(.typeError, "initial_value must be str or None, not \(typeName(v))")
            }
            initial = text
        }
        return (initial, newline)
    }
}
