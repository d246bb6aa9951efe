import BigInt

/// `array.array` (Modules/arraymodule.c): a typed sequence. The items are kept as values already converted
/// to the type code's range and precision ('f' rounded to a C float), so reading one is a plain load and
/// `tobytes` packs them as the C array would. Every access goes through `lock`, like `PyList`.
final class PyArray: PyObject, @unchecked Sendable {
    let typecode: Character
    /// Touched only under `lock`.
    private var storage: [Value]
    let lock = ObjectLock("array")

    init(_ typecode: Character, _ items: [Value] = []) {
        self.typecode = typecode
        storage = items
        super.init(tag: .array)
    }

    var items: [Value] {
        get { lock.withLock { storage } }
        set { lock.withLock { storage = newValue } }
    }

    var count: Int { lock.withLock { storage.count } }

    func withItems<R>(_ body: (inout [Value]) throws -> R) rethrows -> R {
        try lock.withLock { try body(&storage) }
    }

    static let typecodes: [Character] = ["b", "B", "u", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d"]

    static func itemSize(_ code: Character) -> Int {
        switch code {
        case "b", "B": 1
        case "h", "H": 2
        case "u", "i", "I", "f": 4
        default: 8
        }
    }

    var itemSize: Int { Self.itemSize(typecode) }

    /// A value as the array stores it, or the error arraymodule.c's setitem function raises.
    static func convert(_ v: Value, _ code: Character, _ ctx: ExecutionContext) throws -> Value {
        if case .float = v, code == "d" { return v }
        switch code {
        case "f", "d":
            guard let n = Arithmetic.number(v) else {
                if case .object(let i as PyInstance) = v, let f = i.type.lookup("__float__") { return try convert(try ctx.call(f, [v]), code, ctx) }
                throw PyException.make(.typeError, "must be real number, not \(typeName(v))")
            }
            let d = try Arithmetic.double(n)
            return .float(code == "f" ? Double(Float(d)) : d)
        case "u":
            guard case .object(let s as PyStr) = v, s.scalars.count == 1 else {
                throw PyException.make(.typeError, "array item must be unicode character")
            }
            return v
        default:
            guard let n = try Index.integer(v, ctx) else {
                throw PyException.make(.typeError, "'\(typeName(v))' object cannot be interpreted as an integer")
            }
            let value: BigInt
            switch n {
            case .int(let i): value = BigInt(i)
            case .object(let o as PyBigInt): value = o.value
            default: value = 0
            }
            try checkRange(value, code)
            return .integer(value)
        }
    }

    private static func checkRange(_ value: BigInt, _ code: Character) throws {
        let negative = value.sign == .minus && !value.isZero
        let fitsLong = value >= BigInt(Int.min) && value <= BigInt(Int.max)
        func overflow(_ message: String) -> PyException { PyException.make(.overflowError, message) }
        switch code {
        case "q":
            if !fitsLong { throw overflow("int too big to convert") }
        case "Q":
            if negative { throw overflow("can't convert negative int to unsigned") }
            if value > BigInt(UInt64.max) { throw overflow("int too big to convert") }
        case "L", "I":
            if value > BigInt(UInt64.max) { throw overflow("Python int too large to convert to C unsigned long") }
            if negative { throw overflow("can't convert negative value to unsigned int") }
            if code == "I", value > BigInt(UInt32.max) { throw overflow("unsigned int is greater than maximum") }
        default:
            if !fitsLong { throw overflow("Python int too large to convert to C long") }
            let (lo, hi, name): (Int, Int, String) = switch code {
            case "b": (-128, 127, "signed char")
            case "B": (0, 255, "unsigned byte integer")
            case "h": (-32768, 32767, "signed short integer")
            case "H": (0, 65535, "unsigned short")
            case "i": (Int(Int32.min), Int(Int32.max), "signed integer")
            default: (Int.min, Int.max, "")
            }
            let i = Int(value)
            if i > hi { throw overflow("\(name) is greater than maximum") }
            if i < lo { throw overflow("\(name) is less than minimum") }
        }
    }

    /// The items as the C array's bytes (native, little-endian here).
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        let size = itemSize
        out.reserveCapacity(count * size)
        for v in items {
            let bits: UInt64
            switch v {
            case .int(let i): bits = UInt64(bitPattern: Int64(i))
            case .object(let o as PyBigInt): bits = UInt64(truncatingIfNeeded: o.value.magnitude.words.first ?? 0)
            case .float(let d): bits = typecode == "f" ? UInt64(Float(d).bitPattern) : d.bitPattern
            case .object(let s as PyStr): bits = UInt64(s.scalars.first?.value ?? 0)
            default: bits = 0
            }
            for j in 0..<size { out.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(j)))) }
        }
        return out
    }

    /// Items read back from the C array's bytes (`frombytes`).
    static func items(fromBytes b: [UInt8], _ code: Character) throws -> [Value] {
        let size = itemSize(code)
        guard b.count % size == 0 else { throw PyException.make(.valueError, "bytes length not a multiple of item size") }
        var out: [Value] = []
        out.reserveCapacity(b.count / size)
        var k = 0
        while k < b.count {
            var bits: UInt64 = 0
            for j in 0..<size { bits |= UInt64(b[k + j]) << (8 * UInt64(j)) }
            k += size
            switch code {
            case "f": out.append(.float(Double(Float(bitPattern: UInt32(bits)))))
            case "d": out.append(.float(Double(bitPattern: bits)))
            case "u": out.append(.str(String(Unicode.Scalar(UInt32(bits)).map(Character.init) ?? "\u{FFFD}")))
            case "b", "h", "i", "l", "q":
                let shift = UInt64(64 - 8 * size)
                out.append(.int(Int(Int64(bitPattern: bits << shift) >> Int64(shift))))
            default:
                out.append(bits > UInt64(Int.max) ? .integer(BigInt(bits)) : .int(Int(bits)))
            }
        }
        return out
    }
}
