/// What a native `BytesIO` holds: its bytes (a `bytearray`, so `getbuffer()` is a view that writes
/// through), the position and whether it is closed. `position` and `closed` are touched only under the
/// bytearray's lock, so each method is one atomic step under the free-threaded policy too.
final class BytesIOState: PlainNativeState, @unchecked Sendable {
    let buffer = PyByteArray()
    var position = 0
    var closed = false
}

/// `_io.BytesIO` (Modules/_io/bytesio.c) in native code: `io.BytesIO` (IOSource) subclasses it for its
/// place under `BufferedIOBase`. It was Python over a bytearray: each `write` cost ~10,000 instructions
/// (three calls and eight attribute accesses), and pure-Python pickle writes through one per object.
enum BytesIOType {
    static let type: PyType = {
        let t = PyType(name: "BytesIO", base: BuiltinTypes.object, module: "_io")
        PlainNativeState.installNew(on: t) { BytesIOState() }
        t.addMethod("__init__") { a, kw, ctx in
            let s = try state(a[0])
            let args = try Arguments(a.dropFirst(), kw, names: ["initial_bytes"], function: "BytesIO")
            let initial = try args.value(0).flatMap { $0.isNone ? nil : try BytesLike.required($0) } ?? []
            s.buffer.withBytes { bytes in
                bytes = initial
                s.position = 0
                s.closed = false
            }
            return .none
        }
        t.addMethod("getvalue") { a, _, _ in
            let s = try state(a[0])
            return .object(PyBytes(try open(s) { bytes in bytes }))
        }
        t.addMethod("getbuffer") { a, _, ctx in
            let s = try state(a[0])
            try open(s) { _ in }
            return try ctx.call(.object(MemoryView.type), [.object(s.buffer)])
        }
        t.addMethod("write") { a, _, _ in
            guard a.count == 2 else { throw arity("write", 1, a.count - 1) }
            return .int(try write(try state(a[0]), a[1]))
        }
        t.addMethod("writelines") { a, _, ctx in
            guard a.count == 2 else { throw arity("writelines", 1, a.count - 1) }
            let s = try state(a[0])
            try open(s) { _ in }
            for line in try collect(a[1], ctx) { _ = try write(s, line) }
            return .none
        }
        for name in ["read", "read1"] {
            t.addMethod(name) { a, _, ctx in
                let s = try state(a[0])
                let size = try sizeArgument(a, name, ctx)
                return .object(try open(s) { bytes -> PyBytes in
                    let start = min(s.position, bytes.count)
                    let end = size.map { $0 >= bytes.count - start ? bytes.count : start + $0 } ?? bytes.count
                    if end <= start { return BytesConstructors.emptyBytes }
                    s.position = end
                    return BytesConstructors.object(bytes[start..<end])
                })
            }
        }
        for name in ["readinto", "readinto1"] {
            t.addMethod(name) { a, _, ctx in
                guard a.count == 2 else { throw arity(name, 1, a.count - 1) }
                return .int(try readInto(try state(a[0]), a[1], ctx))
            }
        }
        t.addMethod("readline") { a, _, ctx in
            let s = try state(a[0])
            return .object(PyBytes(try readLine(s, limit: try sizeArgument(a, "readline", ctx))))
        }
        t.addMethod("readlines") { a, _, ctx in
            let s = try state(a[0])
            let hint = a.count > 1 && !a[1].isNone ? try Index.value(a[1], ctx) : 0
            var lines: [Value] = []
            var total = 0
            while true {
                let line = try readLine(s, limit: nil)
                if line.isEmpty { break }
                lines.append(.object(PyBytes(line)))
                total += line.count
                if hint > 0 && total >= hint { break }
            }
            return .object(PyList(lines))
        }
        t.addMethod("seek") { a, _, ctx in
            guard a.count >= 2, a.count <= 3 else { throw arity("seek", 1, a.count - 1) }
            let s = try state(a[0])
            try open(s) { _ in }
            let offset = try Index.value(a[1], ctx)
            let whence = a.count > 2 ? try Index.value(a[2], ctx) : 0
            return .int(try s.buffer.withBytes { bytes in
                switch whence {
                case 0:
                    if offset < 0 { throw PyException.make(.valueError, "negative seek value \(offset)") }
                    s.position = offset
                case 1: s.position = max(0, s.position + offset)
                case 2: s.position = max(0, bytes.count + offset)
                default: throw PyException.make(.valueError, "invalid whence (\(whence), should be 0, 1 or 2)")
                }
                return s.position
            })
        }
        t.addMethod("tell") { a, _, _ in
            let s = try state(a[0])
            return .int(try open(s) { _ in s.position })
        }
        t.addMethod("truncate") { a, _, ctx in
            let s = try state(a[0])
            let requested = a.count > 1 && !a[1].isNone ? try Index.value(a[1], ctx) : nil
            if let requested, requested < 0 { throw PyException.make(.valueError, "negative size value \(requested)") }
            return .int(try open(s) { bytes in
                let size = requested ?? s.position
                if size < bytes.count { bytes.removeSubrange(size...) }
                return size
            })
        }
        for (name, answer) in [("readable", true), ("writable", true), ("seekable", true), ("isatty", false)] {
            t.addMethod(name) { a, _, _ in
                try open(try state(a[0])) { _ in }
                return .bool(answer)
            }
        }
        t.addMethod("flush") { a, _, _ in
            try open(try state(a[0])) { _ in }
            return .none
        }
        t.addMethod("close") { a, _, _ in
            let s = try state(a[0])
            s.buffer.withBytes { _ in s.closed = true }
            return .none
        }
        t.dict["closed"] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction("closed") { a, _, _ in
            let s = try state(a[0])
            return .bool(s.buffer.withBytes { _ in s.closed })
        })))
        t.addMethod("__iter__") { a, _, _ in
            try open(try state(a[0])) { _ in }
            return a[0]
        }
        t.addMethod("__next__") { a, _, _ in
            let line = try readLine(try state(a[0]), limit: nil)
            if line.isEmpty { throw PyException.make(.stopIteration) }
            return .object(PyBytes(line))
        }
        t.addMethod("__enter__") { a, _, _ in
            try open(try state(a[0])) { _ in }
            return a[0]
        }
        t.addMethod("__getstate__") { a, _, _ in try getState(a[0]) }
        t.addMethod("__setstate__") { a, _, ctx in
            guard a.count == 2 else { throw arity("__setstate__", 1, a.count - 1) }
            return try setState(a[0], a[1], ctx)
        }
        t.addMethod("__exit__") { a, _, _ in
            let s = try state(a[0])
            s.buffer.withBytes { _ in s.closed = true }
            return .bool(false)
        }
        return t
    }()

    /// The module `io` takes its BytesIO and StringIO from (`_gilrec_io`).
    static func module() -> PyModule {
        let m = PyModule(name: "_gilrec_io")
        m.dict["BytesIO"] = .object(type)
        StringIOType.register(in: m)
        return m
    }

    /// The receiver's state, found by the state's exact class (it is final): `native as? BytesIOState` from
    /// `AnyObject` was a dynamic cast of ~130 instructions per `read`/`write`.
    @inline(__always)
    private static func state(_ v: Value) throws -> BytesIOState {
        guard case .object(let o) = v, o.tag == .instance, let n = unsafeDowncast(o, to: PyInstance.self).native,
              ObjectIdentifier(Swift.type(of: n)) == ObjectIdentifier(BytesIOState.self) else { throw notBytesIO(v) }
        return unsafeDowncast(n, to: BytesIOState.self)
    }

    @inline(never)
    private static func notBytesIO(_ v: Value) -> PyException {
        PyException.make(.typeError, "descriptor requires a '_io.BytesIO' object but received '\(typeName(v))'")
    }

    /// `body` on the bytes under the lock, after CPython's check that the stream is open.
    @inline(__always)
    private static func open<R>(_ s: BytesIOState, _ body: (inout [UInt8]) throws -> R) throws -> R {
        try s.buffer.withBytes { bytes in
            if s.closed { throw closedFile() }
            return try body(&bytes)
        }
    }

    @inline(never)
    private static func closedFile() -> PyException {
        PyException.make(.valueError, "I/O operation on closed file.")
    }

    private static func arity(_ name: String, _ expected: Int, _ given: Int) -> PyException {
        PyException.make(.typeError, "BytesIO.\(name)() takes exactly \(expected) argument\(expected == 1 ? "" : "s") (\(given) given)")
    }

    /// A `size` argument: nil for "all" (absent, None or negative).
    private static func sizeArgument(_ a: [Value], _ name: String, _ ctx: ExecutionContext) throws -> Int? {
        guard a.count <= 2 else { throw PyException.make(.typeError, "\(name) expected at most 1 argument, got \(a.count - 1)") }
        guard a.count == 2, !a[1].isNone else { return nil }
        if case .int(let n) = a[1] { return n < 0 ? nil : n }
        // _Py_convert_optional_to_ssize_t: an index (big ints: OverflowError), else its own TypeError.
        guard let index = try Index.integer(a[1], ctx) else {
            throw PyException.make(.typeError, "argument should be integer or None, not '\(typeName(a[1]))'")
        }
        let n = try Index.value(index, ctx)
        return n < 0 ? nil : n
    }

    /// Writes at the position: appends at the end, pads with zeros past it, overwrites before it.
    private static func write(_ s: BytesIOState, _ b: Value) throws -> Int {
        let data = try BytesLike.required(b)  // before the lock: a memoryview's bytes take their owner's
        return try open(s) { bytes in
            let n = data.count
            if n == 0 { return 0 }
            let p = s.position
            if p == bytes.count {
                bytes.append(contentsOf: data)
            } else {
                if p > bytes.count { bytes.append(contentsOf: repeatElement(0, count: p - bytes.count)) }
                let end = min(bytes.count, p + n)
                bytes.replaceSubrange(p..<end, with: data)
            }
            s.position = p + n
            return n
        }
    }

    /// The next line (up to and including `\n`), at most `limit` bytes.
    private static func readLine(_ s: BytesIOState, limit: Int?) throws -> [UInt8] {
        try open(s) { bytes in
            let start = min(s.position, bytes.count)
            var end = bytes[start...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
            if let limit, limit < end - start { end = start + limit }
            s.position = max(s.position, end)
            return Array(bytes[start..<end])
        }
    }

    /// Copies the next bytes into a writable buffer (bytearray, memoryview, array) through `memoryview`.
    private static func readInto(_ s: BytesIOState, _ target: Value, _ ctx: ExecutionContext) throws -> Int {
        try open(s) { _ in }
        let view = try ctx.call(.object(MemoryView.type), [target])
        let room = try lengthNative(view, ctx)
        let data: [UInt8] = try open(s) { bytes in
            let start = min(s.position, bytes.count)
            let end = min(bytes.count, start + room)
            s.position = max(s.position, end)
            return Array(bytes[start..<end])
        }
        let slice = Value.object(PySlice(lower: .int(0), upper: .int(data.count), step: .none))
        try Interpreter.storeSubscript(view, slice, .object(PyBytes(data)), ctx)
        return data.count
    }
}

extension BytesIOType {
    /// `__getstate__`: (value, position, attribute dict or None), bytesio.c's tuple, which object's
    /// `__reduce_ex__` (protocol 2+, also `copy.copy`) hands to `__setstate__` of a `__new__` instance.
    private static func getState(_ v: Value) throws -> Value {
        let s = try state(v)
        let (value, position) = try open(s) { bytes in (bytes, s.position) }
        guard case .object(let o) = v else { return .none }
        let attributes = try StringIOType.attributeState(unsafeDowncast(o, to: PyInstance.self))
        return .object(PyTuple([.object(PyBytes(value)), .int(position), attributes]))
    }

    /// `__setstate__(state)`: the value written afresh, then the position and the attributes.
    private static func setState(_ v: Value, _ pickled: Value, _ ctx: ExecutionContext) throws -> Value {
        let s = try state(v)
        guard case .object(let o) = v, case .object(let t) = pickled, let tuple = t as? PyTuple, tuple.items.count >= 3 else {
            let name = typeOf(v).bases.contains { $0 === type } ? "_io.BytesIO" : typeName(v)
            throw PyException.make(.typeError, "\(name).__setstate__ argument should be 3-tuple, got \(typeName(pickled))")
        }
        let items = tuple.items
        try s.buffer.withBytes { bytes in
            if s.closed { throw PyException.make(.valueError, "I/O operation on closed file.") }
            bytes = []
            s.position = 0
        }
        _ = try write(s, items[0])
        let position: Int
        switch items[1] {
        case .int(let p): position = p
        case .bool(let b): position = b ? 1 : 0
        case .object(let big) where big is PyBigInt: throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t")
        default: throw PyException.make(.typeError, "second item of state must be an integer, not \(typeName(items[1]))")
        }
        if position < 0 { throw PyException.make(.valueError, "position value cannot be negative") }
        s.buffer.withBytes { _ in s.position = position }
        try StringIOType.restoreAttributes(unsafeDowncast(o, to: PyInstance.self), items[2], item: "third")
        return .none
    }
}
