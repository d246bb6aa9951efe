import BigInt
import Foundation

extension PercentFormat {
    /// One conversion, appended to `out` with its padding (unicode_format_arg_output).
    fileprivate static func emit(_ body: [UInt32], numeric: Bool, prefixed: Bool, _ spec: Spec, into out: inout [UInt32]) {
        var body = body[...]
        var width = spec.width
        var signChar: UInt32?
        if numeric {
            if let first = body.first, first == 0x2D || first == 0x2B {
                signChar = first
                body = body.dropFirst()
            } else if spec.sign {
                signChar = 0x2B
            } else if spec.blank {
                signChar = 0x20
            }
        }
        let fill: UInt32 = numeric && spec.zero && !spec.leftJustify ? 0x30 : 0x20
        var length = body.count
        if width < length + (signChar == nil ? 0 : 1) { width = length + (signChar == nil ? 0 : 1) }
        if let signChar {
            if fill != 0x20 { out.append(signChar) }
            width -= 1
        }
        var prefix: ArraySlice<UInt32> = []
        if prefixed {
            prefix = body.prefix(2)
            body = body.dropFirst(2)
            if fill != 0x20 { out += prefix }
            width = max(width - 2, 0)
            length -= 2
        }
        if width > length && !spec.leftJustify {
            out += [UInt32](repeating: fill, count: width - length)
            width = length
        }
        if fill == 0x20 {
            if let signChar { out.append(signChar) }
            out += prefix
        }
        out += body
        if width > length { out += [UInt32](repeating: 0x20, count: width - length) }
    }

    static func convert(_ v: Value, _ c: UInt32, _ spec: Spec, index: Int, bytes: Bool, into out: inout [UInt32], _ ctx: ExecutionContext) throws {
        let letter = Character(Unicode.Scalar(c)!)
        switch letter {
        case "s", "r", "a", "b":
            var text: [UInt32]
            if bytes {
                if letter == "r" || letter == "a" {
                    text = BuiltinFunctions.asciiEscaped(try repr(v, ctx)).unicodeScalars.map(\.value)
                } else if let raw = BytesLike.bytes(v) {
                    text = raw.map { UInt32($0) }
                } else if case .object(let i as PyInstance) = v, let f = i.type.lookup("__bytes__") {
                    guard let raw = BytesLike.bytes(try ctx.call(f, [v])) else { throw PyException.make(.typeError, "__bytes__ returned non-bytes") }
                    text = raw.map { UInt32($0) }
                } else {
                    throw PyException.make(.typeError, "%b requires a bytes-like object, or an object that implements __bytes__, not '\(typeName(v))'")
                }
            } else {
                if letter == "b" { throw unsupported(c, index) }
                let s = letter == "s" ? try str(v, ctx) : letter == "r" ? try repr(v, ctx) : BuiltinFunctions.asciiEscaped(try repr(v, ctx))
                text = s.unicodeScalars.map(\.value)
            }
            if spec.precision >= 0, text.count > spec.precision { text = Array(text.prefix(spec.precision)) }
            emit(text, numeric: false, prefixed: false, spec, into: &out)
        case "c":
            emit([try character(v, bytes: bytes, ctx)], numeric: false, prefixed: false, spec, into: &out)
        case "d", "i", "u", "o", "x", "X":
            let n = try integer(v, letter, ctx)
            var digits: String
            switch letter {
            case "o": digits = String(n.magnitude, radix: 8)
            case "x": digits = String(n.magnitude, radix: 16)
            case "X": digits = String(n.magnitude, radix: 16).uppercased()
            default: digits = try IntStringLimit.decimal(BigInt(n.magnitude))
            }
            if spec.precision > digits.count { digits = String(repeating: "0", count: spec.precision - digits.count) + digits }
            let prefixed = spec.alternate && "oxX".contains(letter)
            if prefixed { digits = (letter == "o" ? "0o" : letter == "x" ? "0x" : "0X") + digits }
            if n.sign == .minus && !n.isZero { digits = "-" + digits }
            emit(digits.unicodeScalars.map(\.value), numeric: true, prefixed: prefixed, spec, into: &out)
        case "e", "E", "f", "F", "g", "G":
            let d: Double
            if let n = Arithmetic.number(v) {
                d = try Arithmetic.double(n)
            } else if case .object(let i as PyInstance) = v, let f = i.type.lookup("__float__") {
                guard case .float(let x) = try ctx.call(f, [v]) else { throw PyException.make(.typeError, "__float__ returned non-float") }
                d = x
            } else {
                throw PyException.make(.typeError, "must be real number, not \(typeName(v))")
            }
            emit(floatText(d, letter, spec).unicodeScalars.map { $0.value }, numeric: true, prefixed: false, spec, into: &out)
        default:
            throw unsupported(c, index)
        }
    }

    private static func unsupported(_ c: UInt32, _ index: Int) -> PyException {
        let shown = c >= 0x20 && c < 0x7F ? String(Unicode.Scalar(c)!) : "?"
        return PyException.make(.valueError, "unsupported format character '\(shown)' (0x\(String(c, radix: 16))) at index \(index)")
    }

    /// `%c`: a code point (str) or byte (bytes), from an int or a one-character str / one-byte bytes.
    private static func character(_ v: Value, bytes: Bool, _ ctx: ExecutionContext) throws -> UInt32 {
        if bytes {
            if let raw = BytesLike.bytes(v), raw.count == 1 { return UInt32(raw[0]) }
            if let i = try? Index.integer(v, ctx), case .int(let n) = i, (0...255).contains(n) { return UInt32(n) }
            throw PyException.make(.typeError, "%c requires an integer in range(256) or a single byte")
        }
        if case .object(let s as PyStr) = v {
            let scalars = s.scalars
            guard scalars.count == 1 else { throw PyException.make(.typeError, "%c requires int or char") }
            return scalars[0].value
        }
        guard let i = try Index.integer(v, ctx) else { throw PyException.make(.typeError, "%c requires int or char") }
        guard case .int(let n) = i, (0...0x10FFFF).contains(n), let u = Unicode.Scalar(UInt32(n)) else {
            throw PyException.make(.overflowError, "%c arg not in range(0x110000)")
        }
        return u.value
    }

    /// The int a `%d`/`%x`… conversion prints (mainformatlong): `int(v)` for d/i/u, `operator.index(v)` for o/x/X.
    private static func integer(_ v: Value, _ letter: Character, _ ctx: ExecutionContext) throws -> BigInt {
        let hexLike = "oxX".contains(letter)
        func wrong() -> PyException {
            PyException.make(.typeError, "%\(letter) format: \(hexLike ? "an integer" : "a real number") is required, not \(typeName(v))")
        }
        switch v {
        case .int(let i): return BigInt(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let o as PyBigInt): return o.value
        case .float(let d):
            if hexLike { throw wrong() }
            guard case .int(let i) = try Conversions.int([v], [], ctx) else {
                if case .object(let o as PyBigInt) = try Conversions.int([v], [], ctx) { return o.value }
                return BigInt(d)
            }
            return BigInt(i)
        case .object(let i as PyInstance):
            let hooks = hexLike ? ["__index__"] : ["__int__", "__index__", "__trunc__"]
            guard hooks.contains(where: { i.type.lookup($0) != nil }) else { throw wrong() }
            let r = hexLike ? try Index.integer(v, ctx) ?? .none : try Conversions.int([v], [], ctx)
            switch r {
            case .int(let n): return BigInt(n)
            case .object(let o as PyBigInt): return o.value
            default: throw wrong()
            }
        default: throw wrong()
        }
    }

    /// PyOS_double_to_string for `%e %f %g` (and uppercase): C's formatting, `#` keeping the point and zeros.
    private static func floatText(_ d: Double, _ letter: Character, _ spec: Spec) -> String {
        if d.isNaN || d.isInfinite {
            let word = d.isNaN ? "nan" : (d < 0 ? "-inf" : "inf")
            return letter.isUppercase ? word.uppercased() : word
        }
        let precision = spec.precision < 0 ? 6 : spec.precision
        let format = "%" + (spec.alternate ? "#" : "") + ".\(precision)" + String(letter)
        let needed = Int(withVaList([d]) { vsnprintf(nil, 0, format, $0) })
        var buffer = [CChar](repeating: 0, count: max(needed, 0) + 1)
        _ = withVaList([d]) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(cString: buffer)
    }
}
