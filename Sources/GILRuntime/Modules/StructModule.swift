import BigInt
import Synchronization

/// `_struct` and `struct` (Modules/_struct.c): `pack`, `unpack`, `calcsize`, `pack_into`, `unpack_from`,
/// `iter_unpack`, the `Struct` class and `struct.error`, with native (aligned) and standard sizes and
/// CPython's range checks and messages.
enum StructModule {
    static let errorType: PyType = {
        let t = PyType(name: "error", base: ExceptionKind.exception.type, module: "struct")
        return t
    }()

    static let structType: PyType = {
        let t = PyType(name: "Struct", base: BuiltinTypes.object, module: "_struct")
        t.construct = { type, args, kwargs, ctx in
            let a = try Arguments(args, kwargs, names: ["format"], required: 1, function: "Struct")
            let i = PyInstance(type: type)
            let f = try compile(a.value(0)!)
            i.native = FormatBox(f)
            i.setAttribute("format", .str(f.text))
            i.setAttribute("size", .int(f.size))
            return .object(i)
        }
        func format(_ v: Value) throws -> StructFormat {
            guard case .object(let i as PyInstance) = v, let box = i.native as? FormatBox else {
                throw PyException.make(.typeError, "descriptor requires a '_struct.Struct' object")
            }
            return box.format
        }
        t.addMethod("pack") { a, _, ctx in .object(PyBytes(try pack(try format(a[0]), a.dropFirst(), ctx))) }
        t.addMethod("unpack") { a, _, ctx in try unpack(try format(a[0]), a.count > 1 ? a[1] : .none, ctx) }
        t.addMethod("unpack_from") { a, kw, ctx in try unpackFrom(try format(a[0]), Array(a.dropFirst()), kw, ctx) }
        t.addMethod("pack_into") { a, _, ctx in try packInto(try format(a[0]), Array(a.dropFirst()), ctx) }
        t.addMethod("iter_unpack") { a, _, ctx in try iterUnpack(try format(a[0]), a.count > 1 ? a[1] : .none, ctx) }
        t.addMethod("__repr__") { a, _, _ in .str("Struct(\(quoteString(try format(a[0]).text)))") }
        return t
    }()

    final class FormatBox: @unchecked Sendable {
        let format: StructFormat
        init(_ format: StructFormat) { self.format = format }
    }

    /// Formats compiled by the module-level functions, as `_struct`'s cache: `struct.pack(">I", n)` in a
    /// loop (pickle writes every frame header so) parses its format once. Cleared whole past 100 entries,
    /// as CPython's `_MAXCACHE`.
    private static let formatCache = Mutex<[String: StructFormat]>([:])

    /// In front of `formatCache`: the last formats by the identity of their str object (a format written in
    /// the source is one constant object, passed again and again), so a hit compares one pointer where the
    /// dictionary hashed the text with SipHash (`pack("<B", n)` in pure-Python pickle: ~620 instructions of
    /// 4,000 were finding the format). Each slot keeps its str alive, so an identity can never be reused by
    /// another string while it is cached.
    /// The slots sit behind an `ObjectLock` (a flag read under a GIL policy) rather than a `Mutex`, whose
    /// lock, unlock and copied-out struct cost ~300 instructions of a ~950-instruction `pack("<B", n)`.
    private final class RecentFormats: @unchecked Sendable {  // `texts`/`formats` touched only under `lock`
        static let slots = 16
        let lock = ObjectLock("struct")
        var texts = [PyStr?](repeating: nil, count: slots)
        var formats = [StructFormat?](repeating: nil, count: slots)
    }
    private static let recent = RecentFormats()

    static func compile(_ v: Value) throws -> StructFormat {
        if case .object(let o) = v, o.tag == .str {
            let s = unsafeDowncast(o, to: PyStr.self)
            let slot = Int(truncatingIfNeeded: UInt(bitPattern: ObjectIdentifier(s)) >> 4) & (RecentFormats.slots - 1)
            let r = recent
            if let hit = r.lock.withLock({ r.texts[slot] === s ? r.formats[slot] : nil }) { return hit }
            let f = try compileText(s.value)
            r.lock.withLock {
                r.texts[slot] = s
                r.formats[slot] = f
            }
            return f
        }
        if case .object(let s as PyStr) = v { return try compileText(s.value) }
        if let b = BytesLike.bytes(v) { return try StructFormat(String(decoding: b, as: UTF8.self)) }
        throw PyException.make(.typeError, "Struct() argument 1 must be a str or bytes object, not \(typeName(v))")
    }

    private static func compileText(_ text: String) throws -> StructFormat {
        if let hit = formatCache.withLock({ $0[text] }) { return hit }
        let f = try StructFormat(text)
        formatCache.withLock { cache in
            if cache.count >= 100 { cache.removeAll() }
            cache[text] = f
        }
        return f
    }

    static func make(name: String) -> PyModule {
        let m = PyModule(name: name)
        m.dict["error"] = .object(errorType)
        m.dict["Struct"] = .object(structType)
        func formatArgument(_ a: [Value], _ function: String) throws -> StructFormat {
            guard let f = a.first else { throw PyException.make(.typeError, "\(function)() missing required argument 'format' (pos 1)") }
            return try compile(f)
        }
        m.addFunction("calcsize") { a, _, _ in .int(try formatArgument(a, "calcsize").size) }
        m.addFunction("pack") { a, _, ctx in .object(PyBytes(try pack(try formatArgument(a, "pack"), a.dropFirst(), ctx))) }
        m.addFunction("unpack") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "unpack expected 2 arguments, got \(a.count)") }
            return try unpack(try formatArgument(a, "unpack"), a[1], ctx)
        }
        m.addFunction("unpack_from") { a, kw, ctx in try unpackFrom(try formatArgument(a, "unpack_from"), Array(a.dropFirst()), kw, ctx) }
        m.addFunction("pack_into") { a, _, ctx in try packInto(try formatArgument(a, "pack_into"), Array(a.dropFirst()), ctx) }
        m.addFunction("iter_unpack") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "iter_unpack expected 2 arguments, got \(a.count)") }
            return try iterUnpack(try formatArgument(a, "iter_unpack"), a[1], ctx)
        }
        m.addFunction("_clearcache") { _, _, _ in .none }
        return m
    }

    // MARK: - Packing

    static func pack(_ f: StructFormat, _ values: ArraySlice<Value>, _ ctx: ExecutionContext) throws -> [UInt8] {
        guard values.count == f.valueCount else {
            throw StructFormat.error("pack expected \(f.valueCount) items for packing (got \(values.count))")
        }
        var out = BytesLike.zeroed(f.size)
        try write(f, values, into: &out, at: 0, ctx)
        return out
    }

    static func write(_ f: StructFormat, _ values: ArraySlice<Value>, into out: inout [UInt8], at base: Int, _ ctx: ExecutionContext) throws {
        var k = values.startIndex
        for item in f.items where item.byte != UInt8(ascii: "x") {
            let v = values[k]
            k += 1
            let at = base + item.offset
            switch item.byte {
            case UInt8(ascii: "c"):
                guard let b = BytesLike.bytes(v), b.count == 1 else { throw StructFormat.error("char format requires a bytes object of length 1") }
                out[at] = b[0]
            case UInt8(ascii: "s"), UInt8(ascii: "p"):
                guard let b = BytesLike.bytes(v) else { throw StructFormat.error("argument for '\(item.code)' must be a bytes object") }
                if item.byte == UInt8(ascii: "s") {
                    for (j, byte) in b.prefix(item.count).enumerated() { out[at + j] = byte }
                } else if item.count > 0 {
                    let n = min(b.count, item.count - 1, 255)
                    out[at] = UInt8(n)
                    for (j, byte) in b.prefix(n).enumerated() { out[at + 1 + j] = byte }
                }
            case UInt8(ascii: "?"): out[at] = try truthy(v, ctx) ? 1 : 0
            case UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "d"): try writeFloat(v, item.code, f, into: &out, at: at, ctx)
            default:
                if case .int(let i) = v, writeSmall(i, item, f, into: &out, at: at) { continue }
                try writeInteger(v, item, f, into: &out, at: at, ctx)
            }
        }
    }

    private static func writeInteger(_ v: Value, _ item: StructFormat.Item, _ f: StructFormat, into out: inout [UInt8], at: Int, _ ctx: ExecutionContext) throws {
        guard let n = try Index.integer(v, ctx) else { throw StructFormat.error("required argument is not an integer") }
        if case .int(let i) = n, writeSmall(i, item, f, into: &out, at: at) { return }
        let value: BigInt
        switch n {
        case .int(let i): value = BigInt(i)
        case .object(let o as PyBigInt): value = o.value
        default: value = 0
        }
        let code = item.code
        let signed = "bhilqnP".contains(code) && code != "P"
        let bits = item.size * 8
        let lo: BigInt = signed ? -(BigInt(1) << (bits - 1)) : 0
        let hi: BigInt = signed ? (BigInt(1) << (bits - 1)) - 1 : (BigInt(1) << bits) - 1
        var ok = value >= lo && value <= hi
        if code == "P" { ok = value >= -(BigInt(1) << 63) && value <= (BigInt(1) << 64) - 1 }
        if !ok { throw StructFormat.error(rangeMessage(code, value, lo, hi, f)) }
        // Two's complement bytes of the value modulo 2**bits.
        var magnitude = value.sign == .minus ? (BigInt(1) << bits) + value : value
        var bytes = [UInt8](repeating: 0, count: item.size)
        for j in 0..<item.size {
            bytes[j] = UInt8(truncatingIfNeeded: Int(magnitude & 0xFF))
            magnitude >>= 8
        }
        if !f.littleEndian { bytes.reverse() }
        for j in 0..<item.size { out[at + j] = bytes[j] }
    }

    /// A machine int in range of a non-pointer code, written without BigInt (ten times cheaper: a85encode
    /// packs every word); false when the slow path must decide (out of range, `P`).
    @inline(__always)
    private static func writeSmall(_ i: Int, _ item: StructFormat.Item, _ f: StructFormat, into out: inout [UInt8], at: Int) -> Bool {
        let ascii = item.byte
        guard ascii != UInt8(ascii: "P"), item.size <= 8 else { return false }
        // b h i l q n are signed; B H I L Q N unsigned.
        let signed = ascii >= UInt8(ascii: "a")
        let bits = item.size * 8
        if bits < 64 {
            let lo = signed ? -(1 << (bits - 1)) : 0
            let hi = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1
            guard i >= lo && i <= hi else { return false }
        } else if !signed && i < 0 {
            return false
        }
        let u = UInt64(bitPattern: Int64(i))
        for j in 0..<item.size {
            let byte = UInt8(truncatingIfNeeded: u >> UInt64(8 * j))
            out[at + (f.littleEndian ? j : item.size - 1 - j)] = byte
        }
        return true
    }

    /// The message CPython's packer for `code` gives (each of _struct.c's native, little- and big-endian
    /// packers words it its own way).
    private static func rangeMessage(_ code: Character, _ value: BigInt, _ lo: BigInt, _ hi: BigInt, _ f: StructFormat) -> String {
        let negative = value.sign == .minus
        let bigEndian = !f.native && f.order == .big
        let generic = "'\(code)' format requires \(lo) <= number <= \(hi)"
        if code == "P" { return "int too large to convert" }
        if code == "q" || code == "Q" { return bigEndian ? "int too large to convert" : "argument out of range" }
        if value < -(BigInt(1) << 63) || value > (BigInt(1) << 64) - 1 { return "argument out of range" }
        switch code {
        case "b": return "byte format requires \(lo) <= number <= \(hi)"
        case "B": return "ubyte format requires \(lo) <= number <= \(hi)"
        case "h": return bigEndian ? generic : "short format requires \(lo) <= number <= \(hi)"
        case "H": return bigEndian ? (negative ? "argument out of range" : generic) : "ushort format requires \(lo) <= number <= \(hi)"
        case "i": return generic
        case "I": return negative ? "argument out of range" : generic
        case "l": return f.native ? "argument out of range" : generic
        case "L": return f.native || negative ? "argument out of range" : generic
        default: return "argument out of range"
        }
    }

    private static func writeFloat(_ v: Value, _ code: Character, _ f: StructFormat, into out: inout [UInt8], at: Int, _ ctx: ExecutionContext) throws {
        guard let number = Arithmetic.number(v) else { throw StructFormat.error("required argument is not a float") }
        let x = try Arithmetic.double(number)
        var bits: UInt64
        var size: Int
        switch code {
        case "e":
            let h = Float16(x)
            if x.isFinite && h.isInfinite { throw PyException.make(.overflowError, "float too large to pack with e format") }
            bits = UInt64(h.bitPattern)
            size = 2
        case "f":
            let s = Float(x)
            if !f.native && x.isFinite && s.isInfinite { throw PyException.make(.overflowError, "float too large to pack with f format") }
            bits = UInt64(s.bitPattern)
            size = 4
        default:
            bits = x.bitPattern
            size = 8
        }
        for j in 0..<size {
            let byte = UInt8(truncatingIfNeeded: bits >> (8 * UInt64(f.littleEndian ? j : size - 1 - j)))
            out[at + j] = byte
        }
    }

    // MARK: - Unpacking

    static func read(_ f: StructFormat, _ b: [UInt8], at base: Int) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(f.valueCount)
        for item in f.items where item.byte != UInt8(ascii: "x") {
            let at = base + item.offset
            switch item.byte {
            case UInt8(ascii: "c"): values.append(.object(BytesConstructors.singleBytes[Int(b[at])]))  // shared, as CPython
            case UInt8(ascii: "s"): values.append(.object(PyBytes(Array(b[at..<at + item.count]))))
            case UInt8(ascii: "p"):
                let n = item.count == 0 ? 0 : min(Int(b[at]), item.count - 1)
                values.append(.object(PyBytes(n == 0 ? [] : Array(b[(at + 1)..<(at + 1 + n)]))))
            case UInt8(ascii: "?"): values.append(.bool(b[at] != 0))
            case UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "d"):
                var bits: UInt64 = 0
                for j in 0..<item.size { bits |= UInt64(b[at + j]) << (8 * UInt64(f.littleEndian ? j : item.size - 1 - j)) }
                switch item.byte {
                case UInt8(ascii: "e"): values.append(.float(Double(Float16(bitPattern: UInt16(bits)))))
                case UInt8(ascii: "f"): values.append(.float(Double(Float(bitPattern: UInt32(bits)))))
                default: values.append(.float(Double(bitPattern: bits)))
                }
            default:
                // Integer codes are at most 8 bytes: assembled in a UInt64 (was a BigUInt shift per byte).
                var raw: UInt64 = 0
                for j in 0..<item.size {
                    raw |= UInt64(b[at + (f.littleEndian ? j : item.size - 1 - j)]) << UInt64(8 * j)
                }
                let signed = item.byte >= UInt8(ascii: "a")  // b h i l q n
                if signed {
                    let shift = UInt64(64 - 8 * item.size)
                    values.append(.int(Int(Int64(bitPattern: raw << shift) >> Int64(shift))))
                } else {
                    values.append(raw <= UInt64(Int.max) ? .int(Int(raw)) : .integer(BigInt(raw)))
                }
            }
        }
        return values
    }

    static func unpack(_ f: StructFormat, _ buffer: Value, _ ctx: ExecutionContext) throws -> Value {
        let b = try BytesLike.required(buffer)
        guard b.count == f.size else { throw StructFormat.error("unpack requires a buffer of \(f.size) bytes") }
        return .object(PyTuple(read(f, b, at: 0)))
    }

    static func unpackFrom(_ f: StructFormat, _ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        let a = try Arguments(args, kwargs, names: ["buffer", "offset"], required: 1, function: "unpack_from")
        let b = try BytesLike.required(a.value(0)!)
        var offset = try a.value(1).map { try Index.value($0, ctx) } ?? 0
        if offset < 0 {
            if offset + b.count < 0 { throw StructFormat.error("offset \(offset) out of range for \(b.count)-byte buffer") }
            offset += b.count
        }
        guard b.count - offset >= f.size else {
            if offset > b.count { throw StructFormat.error("offset \(offset) out of range for \(b.count)-byte buffer") }
            throw StructFormat.error("unpack_from requires a buffer of at least \(f.size + offset) bytes for unpacking \(f.size) bytes at offset \(offset) (actual buffer size is \(b.count))")
        }
        return .object(PyTuple(read(f, b, at: offset)))
    }

    static func packInto(_ f: StructFormat, _ args: [Value], _ ctx: ExecutionContext) throws -> Value {
        guard args.count >= 2 else { throw PyException.make(.typeError, "pack_into expected buffer argument") }
        guard case .object(let target as PyByteArray) = args[0] else {
            throw PyException.make(.typeError, "argument must be read-write bytes-like object, not \(typeName(args[0]))")
        }
        let values = args.dropFirst(2)
        guard values.count == f.valueCount else {
            throw StructFormat.error("pack_into expected \(f.valueCount) items for packing (got \(values.count))")
        }
        var offset = try Index.value(args[1], ctx)
        let count = target.count
        if offset < 0 {
            if offset + count < 0 { throw StructFormat.error("offset \(offset) out of range for \(count)-byte buffer") }
            offset += count
        }
        guard count - offset >= f.size else {
            if offset > count { throw StructFormat.error("offset \(offset) out of range for \(count)-byte buffer") }
            throw StructFormat.error("pack_into requires a buffer of at least \(f.size + offset) bytes for packing \(f.size) bytes at offset \(offset) (actual buffer size is \(count))")
        }
        var bytes = target.value
        try write(f, values, into: &bytes, at: offset, ctx)
        target.value = bytes
        return .none
    }

    static func iterUnpack(_ f: StructFormat, _ buffer: Value, _ ctx: ExecutionContext) throws -> Value {
        let b = try BytesLike.required(buffer)
        if f.size == 0 { throw StructFormat.error("cannot iteratively unpack with a struct of length 0") }
        guard b.count % f.size == 0 else {
            throw StructFormat.error("iterative unpacking requires a buffer of a multiple of \(f.size) bytes")
        }
        var offset = 0
        return .object(PyNativeIterator("unpack_iterator") { _ in
            guard offset < b.count else { return nil }
            defer { offset += f.size }
            return .object(PyTuple(read(f, b, at: offset)))
        })
    }
}
