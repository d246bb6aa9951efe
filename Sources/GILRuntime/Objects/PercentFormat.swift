import BigInt
import Foundation

/// printf-style formatting, `str % args` and `bytes % args` (Objects/unicodeobject.c PyUnicode_Format,
/// Objects/bytesobject.c _PyBytes_FormatEx): `%(key)` mappings, the flags `-+ #0`, `*` widths and
/// precisions, the length modifiers `hlL` (ignored), conversions `s r a c d i u o x X e E f F g G %` and, for
/// bytes, `b` — padding, signs and `#` prefixes placed as CPython places them, and its error messages.
enum PercentFormat {
    static func format(_ template: String, _ args: Value, _ ctx: ExecutionContext) throws -> String {
        let units = template.unicodeScalars.map(\.value)
        return string(try run(units, args, bytes: false, ctx)[...])
    }

    /// Code points as a String, UTF-8 written by hand (`UnicodeScalarView.append(contentsOf:)` over a
    /// mapped array ran through unspecialised generic code: a fifth of pyperformance logging).
    static func string(_ units: ArraySlice<UInt32>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count)
        for u in units {
            if u < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: u))
            } else {
                UTF8.encode(Unicode.Scalar(u) ?? "\u{FFFD}") { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func formatBytes(_ template: [UInt8], _ args: Value, _ ctx: ExecutionContext) throws -> [UInt8] {
        try run(template.map { UInt32($0) }, args, bytes: true, ctx).map { UInt8(truncatingIfNeeded: $0) }
    }

    struct Spec {
        var leftJustify = false, sign = false, blank = false, alternate = false, zero = false
        var width = -1
        var precision = -1
    }

    private static func run(_ t: [UInt32], _ args: Value, bytes: Bool, _ ctx: ExecutionContext) throws -> [UInt32] {
        // A tuple supplies the arguments in turn; anything else is the single argument, and a mapping (any
        // object with __getitem__ but a tuple or text) also serves %(key) conversions.
        var positional: [Value] = [args]
        var argumentCount = -1
        var next = -2
        if case .object(let tuple as PyTuple) = args {
            positional = tuple.items
            argumentCount = tuple.items.count
            next = 0
        }
        let mapping: Value? = isMapping(args, bytes: bytes) ? args : nil
        func nextArgument() throws -> Value {
            if argumentCount < 0 {
                if next == -2 {
                    next = -1
                    return args
                }
            } else if next < argumentCount {
                next += 1
                return positional[next - 1]
            }
            throw PyException.make(.typeError, "not enough arguments for format string")
        }
        var out: [UInt32] = []
        out.reserveCapacity(t.count + 16)
        var i = 0
        while i < t.count {
            if t[i] != 0x25 {  // %
                out.append(t[i])
                i += 1
                continue
            }
            i += 1
            var keyed: Value?
            if i < t.count, t[i] == 0x28 {  // (key)
                guard let mapping else { throw PyException.make(.typeError, "format requires a mapping") }
                var depth = 1
                let start = i + 1
                i += 1
                while i < t.count, depth > 0 {
                    if t[i] == 0x28 { depth += 1 } else if t[i] == 0x29 { depth -= 1 }
                    i += 1
                }
                if depth > 0 { throw PyException.make(.valueError, "incomplete format key") }
                let keyUnits = t[start..<(i - 1)]
                let key: Value = bytes
                    ? .object(PyBytes(keyUnits.map { UInt8(truncatingIfNeeded: $0) }))
                    : .str(string(keyUnits))
                keyed = try Subscript.get(mapping, key, ctx)
                // unicode_format_arg_parse: the looked-up value replaces the arguments, so a later unkeyed
                // conversion finds none left ("%(k)s %s" % d is "not enough arguments").
                argumentCount = -1
                next = -1
            }
            var spec = Spec()
            flags: while i < t.count {
                switch t[i] {
                case 0x2D: spec.leftJustify = true
                case 0x2B: spec.sign = true
                case 0x20: spec.blank = true
                case 0x23: spec.alternate = true
                case 0x30: spec.zero = true
                default: break flags
                }
                i += 1
            }
            if i < t.count, t[i] == 0x2A {  // *
                guard case .int(let n) = try nextArgument() else { throw PyException.make(.typeError, "* wants int") }
                spec.width = n < 0 ? -n : n
                if n < 0 { spec.leftJustify = true }
                i += 1
            } else {
                while i < t.count, (0x30...0x39).contains(t[i]) {
                    let (r, o) = max(spec.width, 0).multipliedReportingOverflow(by: 10)
                    if o || r > Int(Int32.max) { throw PyException.make(.valueError, "width too big") }
                    spec.width = r + Int(t[i] - 0x30)
                    i += 1
                }
            }
            if i < t.count, t[i] == 0x2E {  // .
                i += 1
                spec.precision = 0
                if i < t.count, t[i] == 0x2A {
                    guard case .int(let n) = try nextArgument() else { throw PyException.make(.typeError, "* wants int") }
                    spec.precision = max(n, 0)
                    i += 1
                } else {
                    while i < t.count, (0x30...0x39).contains(t[i]) {
                        let (r, o) = spec.precision.multipliedReportingOverflow(by: 10)
                        if o || r > Int(Int32.max) { throw PyException.make(.valueError, "precision too big") }
                        spec.precision = r + Int(t[i] - 0x30)
                        i += 1
                    }
                }
            }
            while i < t.count, [0x68, 0x6C, 0x4C].contains(t[i]) { i += 1 }  // h l L
            guard i < t.count else { throw PyException.make(.valueError, "incomplete format") }
            let conversion = t[i]
            let index = i
            i += 1
            if conversion == 0x25 {
                out.append(0x25)
                continue
            }
            let v = try keyed ?? nextArgument()
            try convert(v, conversion, spec, index: index, bytes: bytes, into: &out, ctx)
            if bytes { try AllocationLimit.checkBytes(out.count, ctx) } else { try AllocationLimit.checkBytes(out.count * 2, ctx) }
        }
        if argumentCount >= 0 ? next < argumentCount : next == -2, mapping == nil {
            throw PyException.make(.typeError, "not all arguments converted during \(bytes ? "bytes" : "string") formatting")
        }
        return out
    }

    /// PyMapping_Check: anything with a `__getitem__` (dicts, lists, user mappings), but not a tuple or the text itself.
    static func isMapping(_ v: Value, bytes: Bool) -> Bool {
        guard case .object(let o) = v else { return false }
        switch o.tag {
        case .tuple, .str: return false
        case .bytes: return !bytes
        case .dict, .list, .byteArray, .range: return true
        case .instance: return (o as! PyInstance).type.lookup("__getitem__") != nil
        // dict/list subclasses and the live namespace views (`fmt % record.__dict__`), not tuple or str subclasses.
        case .subclassed: return !(o is PyTuple) && !(o is PyStr) && BuiltinSubclasses.type(of: o).lookup("__getitem__") != nil
        default: return false
        }
    }
}
