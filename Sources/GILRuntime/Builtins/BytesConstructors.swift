/// `bytes(…)` and `bytearray(…)` (Objects/bytesobject.c bytes_new, Objects/bytearrayobject.c bytearray_init):
/// from nothing, a str with an encoding, a count of zero bytes, a bytes-like object, `__bytes__` (bytes only),
/// or an iterable of ints in range(256) — with CPython's errors for everything else.
enum BytesConstructors {
    static func contents(_ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext, mutable: Bool) throws -> [UInt8] {
        let name = mutable ? "bytearray" : "bytes"
        let a = try Arguments(args, kwargs, names: ["source", "encoding", "errors"], function: name)
        let encoding = try a.value(1).map { try text($0, "\(name)() argument 'encoding'") }
        let errors = try a.value(2).map { try text($0, "\(name)() argument 'errors'") }
        guard let source = a.value(0) else {
            if encoding != nil || errors != nil { throw PyException.make(.typeError, "encoding or errors without sequence argument") }
            return []
        }
        if case .object(let s as PyStr) = source {
            guard let encoding else { throw PyException.make(.typeError, "string argument without an encoding") }
            return try Codecs.encode(s.value, encoding: encoding, errors: errors ?? "strict", ctx)
        }
        if encoding != nil { throw PyException.make(.typeError, "encoding without a string argument") }
        if errors != nil { throw PyException.make(.typeError, "errors without a string argument") }
        if !mutable, case .object(let i as PyInstance) = source, let f = i.type.lookup("__bytes__") {
            let r = try ctx.call(f, [source])
            guard case .object(let b as PyBytes) = r else {
                throw PyException.make(.typeError, "__bytes__ returned non-bytes (type \(typeName(r)))")
            }
            return b.value
        }
        if let b = BytesLike.bytes(source) { return b }
        if case .float = source { throw PyException.make(.typeError, "cannot convert 'float' object to \(name)") }
        if let n = try Index.integer(source, ctx) {
            guard case .int(let count) = n else { throw PyException.make(.overflowError, "cannot fit 'int' into an index-sized integer") }
            if count < 0 { throw PyException.make(.valueError, "negative count") }
            try AllocationLimit.checkBytes(count, ctx)
            return [UInt8](repeating: 0, count: count)
        }
        guard (try? makeIterator(source, ctx)) != nil else {
            throw PyException.make(.typeError, "cannot convert '\(typeName(source))' object to \(name)")
        }
        return try collect(source, ctx).map { try byte($0, ctx, message: mutable ? "byte" : "bytes") }
    }

    /// The one-byte bytes objects, shared as CPython shares them (`bytes([97]) is b"a"`).
    static let singleBytes: [PyBytes] = (0..<256).map { PyBytes([UInt8($0)]) }
    static let emptyBytes = PyBytes([])

    /// A bytes object of `slice`: the shared one for zero or one byte (CPython's `bytes_subscript` and
    /// `_io.BytesIO.read` hand out its cached characters likewise), else a copy. The pure-Python unpickler
    /// reads every opcode with `read(1)`: no allocation, and no free when the byte is dropped.
    @inline(__always)
    static func object(_ slice: ArraySlice<UInt8>) -> PyBytes {
        switch slice.count {
        case 0: return emptyBytes
        case 1: return singleBytes[Int(slice[slice.startIndex])]
        default: return PyBytes(Array(slice))
        }
    }

    /// `bytes(source)` of a list or tuple of small ints in range(256) (bpe's `bytes([b])` per byte), or nil
    /// for anything else (the general path raises for bad items). Zero bytes, and one byte from a list, are
    /// shared objects, as in CPython 3.11.
    @inline(__always)
    static func smallInts(_ source: Value) -> PyBytes? {
        guard case .object(let o) = source, o.tag == .list || o.tag == .tuple else { return nil }
        let items = o.tag == .list ? unsafeDowncast(o, to: PyList.self).items : unsafeDowncast(o, to: PyTuple.self).items
        if items.count == 1 {
            guard case .int(let n) = items[0], n >= 0 && n < 256 else { return nil }
            return o.tag == .list ? singleBytes[n] : PyBytes([UInt8(n)])  // a tuple's goes through no shared object
        }
        if items.isEmpty { return emptyBytes }
        var out = [UInt8]()
        out.reserveCapacity(items.count)
        for v in items {
            guard case .int(let n) = v, n >= 0 && n < 256 else { return nil }
            out.append(UInt8(n))
        }
        return PyBytes(out)
    }

    /// One element of an iterable of ints: an int in range(256).
    static func byte(_ v: Value, _ ctx: ExecutionContext, message: String = "byte") throws -> UInt8 {
        guard let i = try Index.integer(v, ctx) else {
            throw PyException.make(.typeError, "'\(typeName(v))' object cannot be interpreted as an integer")
        }
        guard case .int(let n) = i, (0...255).contains(n) else { throw PyException.make(.valueError, "\(message) must be in range(0, 256)") }
        return UInt8(n)
    }

    private static func text(_ v: Value, _ what: String) throws -> String {
        guard case .object(let s as PyStr) = v else { throw PyException.make(.typeError, "\(what) must be str, not \(typeName(v))") }
        return s.value
    }

    /// `bytes.fromhex` / `bytearray.fromhex`: hex pairs, whitespace between pairs allowed.
    static func fromHex(_ text: String) throws -> [UInt8] {
        let scalars = Array(text.unicodeScalars)
        var out: [UInt8] = []
        var i = 0
        func nibble(_ k: Int) -> UInt8? {
            guard k < scalars.count, let v = IntParsing.digitValue(scalars[k]), v < 16, scalars[k].isASCII else { return nil }
            return UInt8(v)
        }
        while i < scalars.count {
            if IntParsing.isSpace(scalars[i]) {
                i += 1
                continue
            }
            guard let high = nibble(i) else {
                throw PyException.make(.valueError, "non-hexadecimal number found in fromhex() arg at position \(i)")
            }
            guard let low = nibble(i + 1) else {
                throw PyException.make(.valueError, "non-hexadecimal number found in fromhex() arg at position \(i + 1)")
            }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }
}
