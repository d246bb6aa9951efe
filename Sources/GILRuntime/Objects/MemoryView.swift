/// `memoryview` over bytes, bytearray and array objects (Objects/memoryobject.c), one-dimensional with
/// format 'B' (or the array's type code): indexing, slicing (a view of the view, sharing the memory),
/// assignment through a view of a bytearray, `tobytes`, `tolist`, `hex`, `cast` between the byte formats,
/// `release` and the context-manager protocol. Reading a view reads its object now, so it sees later writes.
final class MemoryViewData: @unchecked Sendable {
    let source: Value
    let start: Int
    let count: Int
    let step: Int
    let format: String
    var released = false

    init(source: Value, start: Int, count: Int, step: Int, format: String) {
        self.source = source
        self.start = start
        self.count = count
        self.step = step
        self.format = format
    }

    var readonly: Bool {
        if case .object(let o) = source { return o.tag != .byteArray }
        return true
    }

    func check() throws {
        if released { throw PyException.make(.valueError, "operation forbidden on released memoryview object") }
    }

    /// The bytes the view shows.
    func bytes() throws -> [UInt8] {
        try check()
        let all = BytesLike.bytes(source) ?? []
        if step == 1 { return Array(all[start..<min(start + count, all.count)]) }
        return (0..<count).map { all[start + $0 * step] }
    }
}

enum MemoryView {
    static let type: PyType = {
        let t = PyType(name: "memoryview", base: BuiltinTypes.object)
        t.construct = { _, args, kwargs, _ in
            let a = try Arguments(args, kwargs, names: ["object"], required: 1, function: "memoryview")
            let source = a.value(0)!
            if let d = data(source) { return .object(make(d.source, start: d.start, count: d.count, step: d.step, format: d.format)) }
            guard let b = BytesLike.bytes(source) else {
                throw PyException.make(.typeError, "memoryview: a bytes-like object is required, not '\(typeName(source))'")
            }
            return .object(make(source, start: 0, count: b.count, step: 1, format: "B"))
        }
        let m = BuiltinMethods.method
        m(t, "tobytes", 1) { a, _, _ in .object(PyBytes(try own(a).bytes())) }
        m(t, "tolist", 1) { a, _, _ in
            let d = try own(a)
            let b = try d.bytes()
            if d.format == "c" { return .object(PyList(b.map { .object(PyBytes([$0])) })) }
            return .object(PyList(b.map { d.format == "b" ? .int(Int(Int8(bitPattern: $0))) : .int(Int($0)) }))
        }
        m(t, "hex", 1) { a, kw, ctx in
            let args = try Arguments(a.dropFirst(), kw, names: ["sep", "bytes_per_sep"], function: "hex")
            return .str(try BytesMethods.hex(try own(a).bytes(), sep: args.value(0), perSep: args.value(1), ctx))
        }
        m(t, "release", 1) { a, _, _ in
            try own(a, live: false).released = true
            return .none
        }
        m(t, "__enter__", 1) { a, _, _ in
            try own(a).check()
            return a[0]
        }
        m(t, "__exit__", 1) { a, _, _ in
            try own(a, live: false).released = true
            return .bool(false)
        }
        m(t, "cast", 2) { a, _, _ in
            let d = try own(a)
            guard case .object(let f as PyStr) = a[1], ["B", "b", "c"].contains(f.value) else {
                throw PyException.make(.valueError, "memoryview: destination format must be a native single character format prefixed with an optional '@'")
            }
            return .object(make(d.source, start: d.start, count: d.count, step: d.step, format: f.value))
        }
        m(t, "__len__", 1) { a, _, _ in
            let d = try own(a)
            try d.check()
            return .int(d.count)
        }
        m(t, "__getitem__", 2) { a, _, ctx in
            let d = try own(a)
            try d.check()
            if case .object(let s as PySlice) = a[1] {
                let (start, _, step, count) = try s.indices(length: d.count)
                return .object(make(d.source, start: d.start + start * d.step, count: count, step: d.step * step, format: d.format))
            }
            guard let i = try Index.item(a[1], ctx) else { throw PyException.make(.typeError, "memoryview: invalid slice key") }
            let b = try d.bytes()
            let byte = b[try Subscript.normalize(i, b.count, "index")]
            switch d.format {
            case "c": return .object(PyBytes([byte]))
            case "b": return .int(Int(Int8(bitPattern: byte)))
            default: return .int(Int(byte))
            }
        }
        m(t, "__setitem__", 3) { a, _, ctx in
            let d = try own(a)
            try d.check()
            guard case .object(let target as PyByteArray) = d.source else { throw PyException.make(.typeError, "cannot modify read-only memory") }
            if case .object(let s as PySlice) = a[1] {
                let (start, _, step, count) = try s.indices(length: d.count)
                let new = try BytesLike.required(a[2])
                guard new.count == count else {
                    throw PyException.make(.valueError, "memoryview assignment: lvalue and rvalue have different structures")
                }
                target.withBytes { bytes in for k in 0..<count { bytes[d.start + (start + k * step) * d.step] = new[k] } }
                return .none
            }
            guard let i = try Index.item(a[1], ctx) else { throw PyException.make(.typeError, "memoryview: invalid slice key") }
            let k = try Subscript.normalize(i, d.count, "index")
            let byte = try BytesConstructors.byte(a[2], ctx, message: "memoryview: invalid value for format 'B'")
            target.withBytes { $0[d.start + k * d.step] = byte }
            return .none
        }
        m(t, "__iter__", 1) { a, _, ctx in
            let d = try own(a)
            let b = try d.bytes()
            let items: [Value] = d.format == "c" ? b.map { .object(PyBytes([$0])) } : b.map { d.format == "b" ? .int(Int(Int8(bitPattern: $0))) : .int(Int($0)) }
            return try makeIterator(.object(PyList(items)), ctx)
        }
        m(t, "__eq__", 2) { a, _, _ in
            let d = try own(a)
            if d.released { return .bool(a[0].isIdentical(a[1])) }
            guard let other = BytesLike.bytes(a[1]) else { return .object(BuiltinTypes.notImplemented) }
            return .bool(try d.bytes() == other)
        }
        m(t, "__hash__", 1) { a, _, ctx in
            let d = try own(a)
            if !d.readonly { throw PyException.make(.valueError, "cannot hash writable memoryview object") }
            return .int(try pyHash(.object(PyBytes(try d.bytes()))))
        }
        m(t, "__repr__", 1) { a, _, _ in
            let d = try own(a, live: false)
            return .str("<\(d.released ? "released " : "")memory at \(address(a[0].asObject!))>")
        }
        let properties: [(String, (MemoryViewData) -> Value)] = [
            ("nbytes", { .int($0.count) }), ("itemsize", { _ in .int(1) }), ("format", { .str($0.format) }), ("ndim", { _ in .int(1) }),
            ("shape", { .object(PyTuple([.int($0.count)])) }), ("strides", { .object(PyTuple([.int($0.step)])) }),
            ("readonly", { .bool($0.readonly) }), ("obj", { $0.source }), ("c_contiguous", { .bool($0.step == 1) }),
            ("f_contiguous", { .bool($0.step == 1) }), ("contiguous", { .bool($0.step == 1) }), ("suboffsets", { _ in .object(PyTuple([])) }),
        ]
        for (name, get) in properties {
            t.dict[name] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { a, _, _ in
                let d = try own(a)
                try d.check()
                return get(d)
            })))
        }
        return t
    }()

    static func make(_ source: Value, start: Int, count: Int, step: Int, format: String) -> PyInstance {
        let i = PyInstance(type: type)
        i.native = MemoryViewData(source: source, start: start, count: count, step: step, format: format)
        return i
    }

    static func data(_ v: Value) -> MemoryViewData? {
        guard case .object(let i as PyInstance) = v else { return nil }
        return i.native as? MemoryViewData
    }

    static func own(_ a: [Value], live: Bool = true) throws -> MemoryViewData {
        guard let d = data(a[0]) else { throw PyException.make(.typeError, "descriptor requires a 'memoryview' object") }
        return d
    }
}
