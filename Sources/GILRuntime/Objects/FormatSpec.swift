import BigInt
import Foundation

/// `format(value, spec)`: Python's format-spec mini-language
/// ([fill]align][sign][z][#][0][width][grouping][.precision][type]), Python/formatter_unicode.c.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ spec: String) throws {
        var chars = Array(spec)
        var i = 0
        func isAlign(_ c: Character) -> Bool { "<>=^".contains(c) }
        if chars.count >= 2 && isAlign(chars[1]) {
            fill = chars[0]; align = chars[1]; i = 2
        } else if !chars.isEmpty && isAlign(chars[0]) {
            align = chars[0]; i = 1
        }
        if i < chars.count, "+- ".contains(chars[i]) { sign = chars[i]; i += 1 }
        if i < chars.count, chars[i] == "z" { i += 1 }
        if i < chars.count, chars[i] == "#" { alternate = true; i += 1 }
        if i < chars.count, chars[i] == "0" { zeroPad = true; i += 1 }
        var w = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { w.append(chars[i]); i += 1 }
        width = try Self.number(w)
        if i < chars.count, chars[i] == "," || chars[i] == "_" { grouping = chars[i]; i += 1 }
        if i < chars.count, chars[i] == "." {
            i += 1
            var p = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { p.append(chars[i]); i += 1 }
            guard !p.isEmpty else { throw PyException.make(.valueError, "Format specifier missing precision") }
            guard let n = Int(p) else { throw PyException.make(.valueError, "Too many decimal digits in format string") }
            precision = n
        }
        if i < chars.count { type = chars[i]; i += 1 }
        if i < chars.count { throw PyException.make(.valueError, "Invalid format specifier '\(spec)'") }
        chars = []
    }

    /// A width: CPython refuses one past Py_ssize_t; one past our object cap would be a MemoryError when
    /// padding anyway, so it is refused before any text is built.
    static func number(_ digits: String) throws -> Int {
        if digits.isEmpty { return 0 }
        guard let n = Int(digits) else { throw PyException.make(.valueError, "Too many decimal digits in format string") }
        if n > AllocationLimit.defaultBytes { throw PyException.make(.memoryError) }
        return n
    }

    /// Pads `body` (digits, after the sign) to the width; `=` alignment puts padding after the sign.
    func pad(_ body: String, sign signText: String = "", numeric: Bool) -> String {
        let total = signText.count + body.count
        guard width > total else { return signText + body }
        let n = width - total
        let a = align ?? (zeroPad && numeric ? "=" : (numeric ? ">" : "<"))
        let f: Character = (zeroPad && align == nil && numeric) ? "0" : fill
        switch a {
        case "<": return signText + body + String(repeating: f, count: n)
        case "^":
            let left = n / 2
            return String(repeating: f, count: left) + signText + body + String(repeating: f, count: n - left)
        case "=": return signText + String(repeating: f, count: n) + body
        default: return String(repeating: f, count: n) + signText + body
        }
    }
}

/// Groups the integer digits of `digits` (which may have a fractional tail) with `sep` every `every`.
func groupDigits(_ digits: String, _ sep: Character?, every: Int = 3) -> String {
    guard let sep else { return digits }
    var intPart = Substring(digits)
    var rest: Substring = ""
    if let i = digits.firstIndex(where: { !$0.isHexDigit }) {
        intPart = digits[..<i]
        rest = digits[i...]
    }
    var out: [Character] = []
    for (n, c) in intPart.reversed().enumerated() {
        if n > 0 && n % every == 0 { out.append(sep) }
        out.append(c)
    }
    return String(out.reversed()) + rest
}

/// C printf for one double, used for the f/e/g presentation types.
func cFormat(_ d: Double, _ conversion: String, precision: Int) -> String {
    // Sized for the result: "%.2000f" is 2,000 digits long, and 1e300 in "f" 300 more.
    let format = "%.\(precision)\(conversion)"
    let needed = Int(withVaList([d]) { vsnprintf(nil, 0, format, $0) })
    var buffer = [CChar](repeating: 0, count: max(needed, 0) + 1)
    _ = withVaList([d]) { vsnprintf(&buffer, buffer.count, format, $0) }
    return String(cString: buffer)
}

/// format(value, spec) for the builtin types; user classes with `__format__` are asked first.
func formatValue(_ v: Value, _ spec: String, _ ctx: ExecutionContext) throws -> String {
    if case .object(let o as PyInstance) = v, let f = o.type.lookup("__format__") {
        return try str(try ctx.call(f, [v, .str(spec)]), ctx)
    }
    if case .object(let o) = v, o.tag == .subclassed {
        if let f = SpecialMethods.hook(o, "__format__") { return try str(try ctx.call(f, [v, .str(spec)]), ctx) }
        if !spec.isEmpty, let n = BuiltinSubclasses.plainNumber(o) { return try formatValue(n, spec, ctx) }
    }
    if spec.isEmpty { return try str(v, ctx) }
    if case .object(let c as PyComplex) = v { return try ComplexMath.format(c, spec, ctx) }
    let s = try FormatSpec(spec)
    switch v {
    case .bool(let b) where s.type == nil || s.type == "s": return s.pad(b ? "True" : "False", numeric: false)
    case .int, .bool: return try formatInteger(BigInt(indexValue(v)!), s)
    case .float(let d): return try formatDouble(d, s)
    case .object(let o as PyBigInt): return try formatInteger(o.value, s)
    case .object(let o as PyStr):
        guard s.type == nil || s.type == "s" else {
            throw PyException.make(.valueError, "Unknown format code '\(s.type!)' for object of type 'str'")
        }
        var text = o.value
        if let p = s.precision { text = String(text.unicodeScalars.prefix(p).map(Character.init)) }
        return s.pad(text, numeric: false)
    default:
        let text = try str(v, ctx)
        guard s.type == nil || s.type == "s" else {
            throw PyException.make(.typeError, "unsupported format string passed to \(typeName(v)).__format__")
        }
        return s.pad(text, numeric: false)
    }
}

func formatInteger(_ n: BigInt, _ s: FormatSpec) throws -> String {
    let type = s.type ?? "d"
    if "eEfFgG%".contains(type) { return try formatDouble(Double(n), s) }
    let magnitude = n.magnitude
    var body: String
    var prefix = ""
    switch type {
    case "d", "n": body = String(magnitude)
    case "x": body = String(magnitude, radix: 16); prefix = "0x"
    case "X": body = String(magnitude, radix: 16).uppercased(); prefix = "0X"
    case "o": body = String(magnitude, radix: 8); prefix = "0o"
    case "b": body = String(magnitude, radix: 2); prefix = "0b"
    case "c":
        guard let u = Int(exactly: n).flatMap({ UnicodeScalar(UInt32(clamping: $0)) }) else {
            throw PyException.make(.overflowError, "%c arg not in range(0x110000)")
        }
        return s.pad(String(Character(u)), numeric: false)
    default: throw PyException.make(.valueError, "Unknown format code '\(type)' for object of type 'int'")
    }
    body = groupDigits(body, s.grouping, every: "xXob".contains(type) ? 4 : 3)
    let signText = (n.sign == .minus && magnitude != 0 ? "-" : (s.sign == "+" ? "+" : (s.sign == " " ? " " : ""))) + (s.alternate ? prefix : "")
    return s.pad(body, sign: signText, numeric: true)
}

func formatDouble(_ d: Double, _ s: FormatSpec) throws -> String {
    var type = s.type
    var value = d
    if let p = s.precision {  // Python/formatter_unicode.c format_float_internal
        if p > Int(Int32.max) { throw PyException.make(.valueError, "precision too big") }
        if p > AllocationLimit.defaultBytes { throw PyException.make(.memoryError) }
    }
    if type == "%" { value *= 100 }
    let negative = value.sign == .minus && !(value == 0 && type == nil && false)
    let a = abs(value)
    var body: String
    if a.isNaN || a.isInfinite {
        body = a.isNaN ? "nan" : "inf"
        if type.map({ "EFG".contains($0) }) == true { body = body.uppercased() }
    } else {
        switch type {
        case "f", "F", "%": body = cFormat(a, "f", precision: s.precision ?? 6)
        case "e", "E": body = cFormat(a, type == "e" ? "e" : "E", precision: s.precision ?? 6)
        case "g", "G":
            body = cFormat(a, type == "g" ? "g" : "G", precision: s.precision ?? 6)
            if s.alternate && !body.contains(".") { body += "." }
        case nil:
            if let p = s.precision {
                body = cFormat(a, "g", precision: max(p, 1))
                if !body.contains(".") && !body.contains("e") && !body.contains("inf") { body += "" }
            } else {
                body = formatFloatRepr(a)
            }
        case "n": body = cFormat(a, "g", precision: s.precision ?? 6)
        default:
            type = type ?? "?"
            throw PyException.make(.valueError, "Unknown format code '\(type!)' for object of type 'float'")
        }
    }
    if type == "%" { body += "%" }
    body = groupDigits(body, s.grouping)
    let signText = negative ? "-" : (s.sign == "+" ? "+" : (s.sign == " " ? " " : ""))
    return s.pad(body, sign: signText, numeric: true)
}

