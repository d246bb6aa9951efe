import BigInt

/// `repr(x)`: Objects/*.c repr functions (float_repr's shortest digits, unicode_repr's quote choice).
func repr(_ v: Value, _ ctx: ExecutionContext) throws -> String {
    if case .object = v, let r = try SpecialMethods.call(v, "__repr__", [], ctx) {
        guard case .object(let s as PyStr) = r else { throw PyException.make(.typeError, "__repr__ returned non-string (type \(typeName(r)))") }
        return s.value
    }
    return try reprNative(v, ctx)
}

/// `repr(x)` as the builtin type writes it (`int.__repr__(self)`).
func reprNative(_ v: Value, _ ctx: ExecutionContext) throws -> String {
    switch v {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .float(let d): return formatFloatRepr(d)
    case .object(let o):
        if o.tag == .subclassed, let n = BuiltinSubclasses.plainNumber(o) { return try reprNative(n, ctx) }
        if o.tag == .complex { return ComplexMath.repr(unsafeDowncast(o, to: PyComplex.self)) }
        if let r = o as? PyBigRange { return r.repr }
        switch o {
        case let s as PyStr: return quoteString(s.value)
        case let b as PyBigInt: return try IntStringLimit.decimal(b.value)
        case let l as PyList:
            return try ctx.reprGuard(o, "[...]") { "[" + (try l.items.map { try repr($0, ctx) }.joined(separator: ", ")) + "]" }
        case let t as PyTuple:
            if t.items.count == 1 {
                try ctx.checkNativeStack()  // (((…,),),) a million deep recurses here without reprGuard
                return "(" + (try repr(t.items[0], ctx)) + ",)"
            }
            return try ctx.reprGuard(o, "(...)") { "(" + (try t.items.map { try repr($0, ctx) }.joined(separator: ", ")) + ")" }
        case let d as PyDict:
            return try ctx.reprGuard(o, "{...}") {
                "{" + (try d.entries.map { "\(try repr($0.key, ctx)): \(try repr($0.value, ctx))" }.joined(separator: ", ")) + "}"
            }
        case let s as PySet:
            if s.count == 0 { return s.frozen ? "frozenset()" : "set()" }
            let name = s.frozen ? "frozenset" : "set"
            return try ctx.reprGuard(o, "\(name)(...)") {
                let body = "{" + (try s.elements.map { try repr($0, ctx) }.joined(separator: ", ")) + "}"
                return s.frozen ? "frozenset(" + body + ")" : body
            }
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let b as PyBytes: return bytesRepr(b.value)
        case let b as PyByteArray: return "bytearray(" + bytesRepr(b.value, escapeBothQuotes: true) + ")"
        case let a as PyArray:
            let items = a.items
            if items.isEmpty { return "array('\(a.typecode)')" }
            if a.typecode == "u" { return "array('u', \(quoteString(try items.map { try str($0, ctx) }.joined())))" }
            return "array('\(a.typecode)', [" + (try items.map { try repr($0, ctx) }.joined(separator: ", ")) + "])"
        case let v as PyDictView:
            let name = typeOf(.object(v)).name
            return "\(name)(" + (try repr(.object(PyList(try collect(.object(v), ctx))), ctx)) + ")"
        case let g as PyGenerator: return "<\(g.pythonType.name) object \(g.qualifiedName) at \(address(g))>"
        case let f as PyFunction: return "<function \(f.qualifiedName) at \(address(f))>"
        case let f as PyBuiltinFunction: return "<built-in function \(f.name)>"
        case let m as PyBoundMethod:
            var name = "?"
            if case .object(let f as PyFunction) = m.function { name = f.qualifiedName }
            return "<bound method \(name) of \(try repr(m.receiver, ctx))>"
        case let t as PyType:
            let name = t.qualifiedName ?? t.name
            return t.module == "builtins" ? "<class '\(name)'>" : "<class '\(t.module).\(name)'>"
        case let m as PyModule:
            if case .object(let f as PyStr)? = m.get("__file__") { return "<module '\(m.name)' from '\(f.value)'>" }
            if case .object(let p as PyList)? = m.get("__path__") { return "<module '\(m.name)' (namespace) from \(try repr(.object(p), ctx))>" }
            return "<module '\(m.name)' (built-in)>"
        case let s as PySlice: return "slice(\(try repr(s.lower, ctx)), \(try repr(s.upper, ctx)), \(try repr(s.step, ctx)))"
        case let i as PyInstance:
            if let f = i.type.lookup("__repr__") {
                let r = try Interpreter.callSpecial(f, v, ctx)
                guard case .object(let s as PyStr) = r else {
                    throw PyException.make(.typeError, "__repr__ returned non-string (type \(typeName(r)))")
                }
                return s.value
            }
            if o === BuiltinTypes.notImplemented { return "NotImplemented" }
            if o === BuiltinTypes.ellipsis { return "Ellipsis" }
            let module = i.type.module == "builtins" ? "" : i.type.module + "."
            return "<\(module)\(i.type.name) object at \(address(i))>"
        default: return "<\(typeName(v)) object at \(address(o))>"
        }
    }
}

/// `str(x)`.
func str(_ v: Value, _ ctx: ExecutionContext) throws -> String {
    switch v {
    case .object(let o):
        // A native type's own text (Decimal): no lookup, no call, no str object.
        if o.tag == .instance, let hook = unsafeDowncast(o, to: PyInstance.self).type.nativeStr, let s = try hook(v, ctx) {
            return s
        }
        if let r = try SpecialMethods.call(v, "__str__", [], ctx) {
            guard case .object(let s as PyStr) = r else { throw PyException.make(.typeError, "__str__ returned non-string (type \(typeName(r)))") }
            return s.value
        }
        switch o {
        case let s as PyStr: return s.value
        case let i as PyInstance:
            if let f = i.type.lookup("__str__") {
                let r = try Interpreter.callSpecial(f, v, ctx)
                guard case .object(let s as PyStr) = r else {
                    throw PyException.make(.typeError, "__str__ returned non-string (type \(typeName(r)))")
                }
                return s.value
            }
            return try repr(v, ctx)
        default: return try repr(v, ctx)
        }
    default: return try repr(v, ctx)
    }
}

func address(_ o: AnyObject) -> String {
    "0x" + String(UInt(bitPattern: objectID(o)), radix: 16).leftPadded(to: 12, with: "0")
}

extension String {
    func leftPadded(to width: Int, with fill: Character) -> String {
        let n = count
        return n >= width ? self : String(repeating: fill, count: width - n) + self
    }
}

/// unicode_repr: single quotes unless the text has a single quote and no double quote.
func quoteString(_ s: String) -> String {
    // Quotes are found in the UTF-8 bytes and compared as scalars: `String.contains(Character)` and
    // `Character(u)` per code point walk grapheme clusters (a fifth of regex_v8 went to reprs of its results).
    // One pass over the contiguous UTF-8 notes what the quoting depends on (five `contains` passes through
    // the generic sequence path cost ~40 instructions per byte: 8 % of regex_v8, which reprs its results).
    var text = s
    let (hasSingle, hasDouble, hasNonASCII, hasASCIIEscape) = text.withUTF8 { bytes in
        var single = false, double = false, nonASCII = false, escape = false
        for b in bytes {
            if b >= 0x80 { nonASCII = true } else if b < 0x20 || b == 0x7f || b == 0x5c { escape = true }
            else if b == 0x27 { single = true } else if b == 0x22 { double = true }
        }
        return (single, double, nonASCII, escape)
    }
    let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
    let quoteByte = UInt8(quote.value)
    if hasNonASCII, s.unicodeScalars.contains(where: { $0.value >= 0x80 && !isPrintableScalar($0) }) {
        return quoteStringEscapingUnprintable(s, quote: quote)
    }
    let hasQuote = quoteByte == 0x27 ? hasSingle : hasDouble
    if !hasASCIIEscape && !hasQuote {
        return String(quote) + s + String(quote)
    }
    // Escapes concern ASCII code points only, and no byte of a multi-byte UTF-8 sequence is ASCII: the
    // result is built as bytes (appending scalars to a String cost ~50 instructions each).
    var out: [UInt8] = [quoteByte]
    out.reserveCapacity(s.utf8.count + 16)
    let hex = Array("0123456789abcdef".utf8)
    for b in s.utf8 {
        switch b {
        case 0x5c, quoteByte: out.append(0x5c); out.append(b)
        case 0x0a: out.append(0x5c); out.append(0x6e)
        case 0x0d: out.append(0x5c); out.append(0x72)
        case 0x09: out.append(0x5c); out.append(0x74)
        case 0..<0x20, 0x7f:
            out.append(0x5c); out.append(0x78)
            out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
        default: out.append(b)
        }
    }
    out.append(quoteByte)
    return String(decoding: out, as: UTF8.self)
}

/// `str.isprintable()` for one code point (Objects/unicodectype.c): not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp,
/// Zs — except the space itself. `repr()` escapes the others.
func isPrintableScalar(_ u: Unicode.Scalar) -> Bool {
    if u.value < 0x7f { return u.value >= 0x20 }
    switch u.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
    default: return true
    }
}

/// `repr()` of a str holding a code point that is not printable (`'\x85'`, `'\u200b'`, `'\uffff'`): each
/// escaped as CPython's unicode_repr does, `\xhh` below 0x100, `\uhhhh` below 0x10000, else `\Uhhhhhhhh`.
@inline(never)
func quoteStringEscapingUnprintable(_ s: String, quote: Unicode.Scalar) -> String {
    var out = String(quote)
    func hex(_ v: UInt32, _ width: Int) -> String { String(v, radix: 16).leftPadded(to: width, with: "0") }
    for u in s.unicodeScalars {
        switch u {
        case "\\", quote: out += "\\" + String(u)
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if isPrintableScalar(u) { out.unicodeScalars.append(u); continue }
            out += u.value < 0x100 ? "\\x" + hex(u.value, 2) : u.value < 0x10000 ? "\\u" + hex(u.value, 4) : "\\U" + hex(u.value, 8)
        }
    }
    out.unicodeScalars.append(quote)
    return out
}

/// - Parameter escapeBothQuotes: bytearray's repr escapes a single quote even between double quotes.
func bytesRepr(_ bytes: [UInt8], escapeBothQuotes: Bool = false) -> String {
    let quote: UInt8 = bytes.contains(39) && !bytes.contains(34) ? 34 : 39
    var out = "b" + String(UnicodeScalar(quote))
    for b in bytes {
        switch b {
        case 92: out += "\\\\"
        case 10: out += "\\n"
        case 13: out += "\\r"
        case 9: out += "\\t"
        case quote: out += "\\" + String(UnicodeScalar(b))
        case 39 where escapeBothQuotes: out += "\\'"
        case 32..<127: out.unicodeScalars.append(UnicodeScalar(b))
        default: out += "\\x" + String(b, radix: 16).leftPadded(to: 2, with: "0")
        }
    }
    return out + String(UnicodeScalar(quote))
}

/// float_repr: the shortest digits that round-trip (Swift's description computes them), laid out with
/// Python's rule: positional when -4 <= exponent < 16, else `d.ddde+XX`.
func formatFloatRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    let (digits, exponent) = shortestDigits(d)
    let sign = d < 0 ? "-" : ""
    // exponent: value = 0.d1d2d3… × 10^exponent → decimal point after `exponent` digits.
    let sciExp = exponent - 1
    if sciExp >= -4 && sciExp < 16 {
        if exponent <= 0 { return sign + "0." + String(repeating: "0", count: -exponent) + digits }
        if exponent >= digits.count { return sign + digits + String(repeating: "0", count: exponent - digits.count) + ".0" }
        let i = digits.index(digits.startIndex, offsetBy: exponent)
        return sign + digits[..<i] + "." + digits[i...]
    }
    let mantissa = digits.count == 1 ? digits : String(digits.first!) + "." + digits.dropFirst()
    let e = abs(sciExp)
    return sign + mantissa + "e" + (sciExp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
}

/// (significant digits without leading/trailing zeros, decimal exponent such that value = 0.DIGITS × 10^exp).
func shortestDigits(_ d: Double) -> (String, Int) {
    let text = abs(d).description  // e.g. "1234.5", "1e-05", "1.2345e+16"
    var mantissa = Substring(text)
    var exp = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<e]
        exp = Int(text[text.index(after: e)...]) ?? 0
    }
    var intPart = mantissa
    var frac: Substring = ""
    if let dot = mantissa.firstIndex(of: ".") {
        intPart = mantissa[..<dot]
        frac = mantissa[mantissa.index(after: dot)...]
    }
    var digits = String(intPart) + frac
    var pointPos = intPart.count + exp
    while digits.first == "0" && digits.count > 1 {
        digits.removeFirst()
        pointPos -= 1
    }
    while digits.last == "0" && digits.count > 1 { digits.removeLast() }
    return (digits, pointPos)
}
