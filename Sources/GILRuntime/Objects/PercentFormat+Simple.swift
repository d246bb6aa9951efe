extension PercentFormat {
    /// `str % args` for the templates code mostly writes (pprint's `"(%s)" % body` and `"%s: %s" % (k, v)`,
    /// logging's `"%(message)s" % record.__dict__` and `msg % args`): every conversion a bare `%s`, `%r`, `%a`,
    /// `%d`, `%i` or `%u`, all positional or all `%(key)`-keyed, plus `%%`, with exactly one argument per
    /// positional conversion. The result is built in UTF-8 straight from the parts' bytes; the general path
    /// turns the template and every part into code point arrays and back (~6,000 instructions for "(%s)").
    /// Nil, before anything is converted, sends every other template (flags, widths, precisions, other
    /// letters, nested keys, argument-count errors) to `format`, which words the errors.
    static func formatSimple(_ template: PyStr, _ args: Value, _ ctx: ExecutionContext) throws -> Value? {
        var text = template.value
        return try text.withUTF8 { t -> Value? in
            guard let shape = simpleShape(t) else { return nil }
            var positional: [Value] = []
            var mapping: Value?
            if shape.keyed > 0 {
                guard shape.positional == 0, isMapping(args, bytes: false) else { return nil }
                mapping = args
            } else {
                if case .object(let o) = args, let tuple = o as? PyTuple {
                    positional = tuple.items
                } else {
                    positional = [args]
                }
                guard shape.positional > 0, positional.count == shape.positional else { return nil }
            }
            var out: [UInt8] = []
            out.reserveCapacity(t.count + 16 * (shape.positional + shape.keyed))
            var next = 0
            var literal = 0  // start of the text not yet copied
            var i = 0
            while i < t.count {
                guard t[i] == 0x25 else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: t[literal..<i]))
                i += 1
                if t[i] == 0x25 {
                    out.append(0x25)
                    i += 1
                    literal = i
                    continue
                }
                let v: Value
                if t[i] == 0x28, let mapping {
                    var close = i + 1
                    while t[close] != 0x29 { close += 1 }
                    let key = String(decoding: UnsafeBufferPointer(rebasing: t[(i + 1)..<close]), as: UTF8.self)
                    v = try Subscript.get(mapping, .str(key), ctx)
                    i = close + 1
                } else {
                    v = positional[next]
                    next += 1
                }
                try appendConversion(v, t[i], into: &out, ctx)
                i += 1
                literal = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: t[literal..<t.count]))
            try AllocationLimit.checkBytes(out.count, ctx)
            return .object(PyStr(String(decoding: out, as: UTF8.self)))
        }
    }

    /// How many positional and keyed conversions `t` has, or nil when any conversion is not a bare simple
    /// one (or a key holds parentheses, or the template ends inside a conversion).
    private static func simpleShape(_ t: UnsafeBufferPointer<UInt8>) -> (positional: Int, keyed: Int)? {
        var positional = 0, keyed = 0
        var i = 0
        while i < t.count {
            guard t[i] == 0x25 else {
                i += 1
                continue
            }
            i += 1
            guard i < t.count else { return nil }
            if t[i] == 0x25 {
                i += 1
                continue
            }
            if t[i] == 0x28 {  // (key)
                var close = i + 1
                while close < t.count && t[close] != 0x29 {
                    if t[close] == 0x28 { return nil }
                    close += 1
                }
                guard close + 1 < t.count, isSimpleConversion(t[close + 1]) else { return nil }
                keyed += 1
                i = close + 2
                continue
            }
            guard isSimpleConversion(t[i]) else { return nil }
            positional += 1
            i += 1
        }
        return (positional, keyed)
    }

    @inline(__always)
    private static func isSimpleConversion(_ c: UInt8) -> Bool {
        switch c {
        case 0x73, 0x72, 0x61, 0x64, 0x69, 0x75: return true  // s r a d i u
        default: return false
        }
    }

    /// One bare conversion's text, appended as UTF-8: strs and ints directly, everything else through
    /// `str()`/`repr()` or the general conversion (a float or `__index__` object under `%d`).
    private static func appendConversion(_ v: Value, _ c: UInt8, into out: inout [UInt8], _ ctx: ExecutionContext) throws {
        switch c {
        case 0x73:  // s
            if case .object(let o) = v, o.tag == .str {
                out.append(contentsOf: unsafeDowncast(o, to: PyStr.self).value.utf8)
            } else if case .int(let n) = v {
                out.append(contentsOf: PyStr.decimal(n).value.utf8)
            } else {
                out.append(contentsOf: try str(v, ctx).utf8)
            }
        case 0x72:  // r
            out.append(contentsOf: try repr(v, ctx).utf8)
        case 0x61:  // a
            out.append(contentsOf: BuiltinFunctions.asciiEscaped(try repr(v, ctx)).utf8)
        default:  // d i u
            if case .int(let n) = v {
                out.append(contentsOf: PyStr.decimal(n).value.utf8)
            } else {
                var units: [UInt32] = []
                try convert(v, UInt32(c), Spec(), index: 0, bytes: false, into: &units, ctx)
                out.append(contentsOf: string(units[...]).utf8)
            }
        }
    }
}
