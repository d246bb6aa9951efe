import Foundation

/// `complex(...)`, `complex("1+2j")` and `format(z, spec)` (Objects/complexobject.c complex_new,
/// complex_from_string_inner; Python/formatter_unicode.c format_complex_internal).
extension ComplexMath {
    static func construct(_ type: PyType, _ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        if args.count > 2 { throw PyException.make(.typeError, "complex() takes at most 2 arguments (\(args.count) given)") }
        var real: Value? = args.first
        var imag: Value? = args.count > 1 ? args[1] : nil
        for (k, v) in kwargs {
            switch k {
            case "real" where real == nil: real = v
            case "imag" where imag == nil: imag = v
            case "real", "imag": throw PyException.make(.typeError, "argument for complex() given by name ('\(k)') and position")
            default: throw PyException.make(.typeError, "'\(k)' is an invalid keyword argument for complex()")
            }
        }
        let r = real ?? .int(0)
        if case .object(let s as PyStr) = r {
            if imag != nil { throw PyException.make(.typeError, "complex() can't take second arg if first is a string") }
            guard let (re, im) = parse(s.value) else { throw PyException.make(.valueError, "complex() arg is a malformed string") }
            return .object(PyComplex(re, im))
        }
        if case .object(let o)? = imag, o is PyStr { throw PyException.make(.typeError, "complex() second arg can't be a string") }
        let first: (Double, Double)
        var firstIsComplex = false
        if let c = try special(r, ctx) {
            first = c
            firstIsComplex = true
        } else {
            guard isNumber(r) else {
                throw PyException.make(.typeError, "complex() first argument must be a string or a number, not '\(typeName(r))'")
            }
            first = (try number(r, ctx), 0)
        }
        var second: (Double, Double) = (first.1, 0)
        var secondIsComplex = false
        if let i = imag {
            if let c = i.asObject as? PyComplex {
                second = (c.real, c.imag)
                secondIsComplex = true
            } else {
                guard isNumber(i) else { throw PyException.make(.typeError, "complex() second argument must be a number, not '\(typeName(i))'") }
                second = (try number(i, ctx), 0)
            }
        }
        var re = first.0
        var im = second.0
        if secondIsComplex { re -= second.1 }
        if firstIsComplex && imag != nil { im += first.1 }
        return .object(PyComplex(re, im))
    }

    /// `__complex__` of an instance (or the value of a complex), nil when there is none.
    private static func special(_ v: Value, _ ctx: ExecutionContext) throws -> (Double, Double)? {
        if case .object(let c as PyComplex) = v { return (c.real, c.imag) }
        guard case .object(let i as PyInstance) = v, let f = i.type.lookup("__complex__") else { return nil }
        let r = try ctx.call(f, [v])
        guard case .object(let c as PyComplex) = r else {
            throw PyException.make(.typeError, "__complex__ returned non-complex (type \(typeName(r)))")
        }
        return (c.real, c.imag)
    }

    private static func isNumber(_ v: Value) -> Bool {
        if pair(v) != nil { return true }
        if case .object(let i as PyInstance) = v { return i.type.lookup("__float__") != nil || i.type.lookup("__index__") != nil }
        return false
    }

    private static func number(_ v: Value, _ ctx: ExecutionContext) throws -> Double {
        if let p = pair(v), !isComplex(v) { return p.0 }
        guard case .float(let d) = try Conversions.float(v, ctx) else { return 0 }
        return d
    }

    /// complex_from_string_inner: `[ws] ['('] [ws] real | [real] (+|-) [imag] j [ws] [')'] [ws]`, underscores
    /// between digits allowed.
    static func parse(_ text: String) -> (Double, Double)? {
        var s = Substring(text).trimmingCharacters(in: .whitespacesAndNewlines)[...]
        if s.hasPrefix("(") {
            guard s.hasSuffix(")") else { return nil }
            s = s.dropFirst().dropLast().trimmingCharacters(in: .whitespacesAndNewlines)[...]
        }
        guard !s.isEmpty else { return nil }
        var rest = s
        let first = scanFloat(&rest)
        if rest.isEmpty {
            guard let first else { return nil }
            return (first, 0)
        }
        if rest.first == "j" || rest.first == "J" {
            rest = rest.dropFirst()
            guard rest.isEmpty else { return nil }
            if let first { return (0, first) }
            // A bare sign or nothing before the j: "j", "+j", "-j".
            let sign = s.first == "-" ? -1.0 : 1.0
            return s.count <= 2 ? (0, sign) : nil
        }
        guard let real = first, let signChar = rest.first, signChar == "+" || signChar == "-" else { return nil }
        var tail = rest
        let imaginary = scanFloat(&tail)
        guard tail.first == "j" || tail.first == "J" else { return nil }
        tail = tail.dropFirst()
        guard tail.isEmpty else { return nil }
        if let imaginary { return (real, imaginary) }
        // "1+j" / "1-j": the sign alone.
        guard rest.count == 2 else { return nil }
        return (real, signChar == "-" ? -1 : 1)
    }

    /// A float at the start of `s` (sign, digits with single underscores, fraction, exponent, inf/nan);
    /// advances past it. nil leaves `s` after a lone sign (so "+j" can be recognised).
    private static func scanFloat(_ s: inout Substring) -> Double? {
        let start = s
        var t = s
        var text = ""
        if let c = t.first, c == "+" || c == "-" {
            text.append(c)
            t = t.dropFirst()
        }
        let lower = t.lowercased()
        for word in ["infinity", "inf", "nan"] where lower.hasPrefix(word) {
            t = t.dropFirst(word.count)
            s = t
            return Double(text + word)
        }
        var digits = 0
        func scanDigits() -> Bool {
            var any = false
            while let c = t.first {
                if c.isASCII && c.isNumber {
                    text.append(c)
                    digits += 1
                    any = true
                    t = t.dropFirst()
                } else if c == "_", any, let next = t.dropFirst().first, next.isASCII && next.isNumber {
                    t = t.dropFirst()
                } else {
                    break
                }
            }
            return any
        }
        _ = scanDigits()
        if t.first == "." {
            text.append(".")
            t = t.dropFirst()
            _ = scanDigits()
        }
        if digits == 0 {
            s = start.first == "+" || start.first == "-" ? start.dropFirst() : start
            return nil
        }
        if let e = t.first, e == "e" || e == "E" {
            var u = t.dropFirst()
            var exponent = "e"
            if let c = u.first, c == "+" || c == "-" {
                exponent.append(c)
                u = u.dropFirst()
            }
            var any = false
            while let c = u.first, c.isASCII && c.isNumber {
                exponent.append(c)
                any = true
                u = u.dropFirst()
            }
            if any {
                text += exponent
                t = u
            }
        }
        s = t
        return Double(text)
    }

    /// format_complex_internal: without a type code, the repr (or 'g' parts with a precision) padded; with one,
    /// both parts in that format, the imaginary one always signed, no parentheses.
    static func format(_ c: PyComplex, _ spec: String, _ ctx: ExecutionContext) throws -> String {
        if spec.isEmpty { return repr(c) }
        var s = try FormatSpec(spec)
        if s.zeroPad { throw PyException.make(.valueError, "Zero padding is not allowed in complex format specifier") }
        if s.align == "=" { throw PyException.make(.valueError, "'=' alignment flag is not allowed in complex format specifier") }
        if let t = s.type, !"eEfFgGn".contains(t) {
            throw PyException.make(.valueError, "Unknown format code '\(t)' for object of type 'complex'")
        }
        let width = s.width
        let align = s.align ?? ">"
        s.width = 0
        s.align = nil
        var body: String
        if s.type == nil && s.precision == nil {
            body = repr(c)
            if s.sign != "-", !body.hasPrefix("-"), !body.hasPrefix("(") { body = (s.sign == "+" ? "+" : " ") + body }
        } else {
            if s.type == nil { s.type = "g" }
            let addParens = spec.contains(".") && !"eEfFgGn".contains(spec.last ?? " ")
            let skipReal = c.real == 0 && c.real.sign == .plus && addParens
            var imagSpec = s
            imagSpec.sign = "+"
            let im = try formatDouble(c.imag, imagSpec)
            body = skipReal ? String(im.drop { $0 == "+" }) + "j" : try formatDouble(c.real, s) + im + "j"
            if addParens && !skipReal { body = "(" + body + ")" }
        }
        let n = width - body.count
        guard n > 0 else { return body }
        let fill = String(repeating: s.fill, count: n)
        switch align {
        case "<": return body + fill
        case "^": return String(repeating: s.fill, count: n / 2) + body + String(repeating: s.fill, count: n - n / 2)
        default: return fill + body
        }
    }
}
