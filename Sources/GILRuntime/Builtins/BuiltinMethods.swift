import Foundation

/// Methods of the builtin types (`args[0]` is self). Semantics from Objects/unicodeobject.c,
/// listobject.c, dictobject.c: the commonly used part.
enum BuiltinMethods {
    static func selfStr(_ args: [Value]) -> String {
        if case .object(let s as PyStr) = args[0] { return s.value }
        return ""
    }

    static func arg(_ args: [Value], _ i: Int) -> Value? { i < args.count ? args[i] : nil }

    static func string(_ v: Value?, _ what: String) throws -> String? {
        guard let v else { return nil }
        if case .none = v { return nil }
        guard case .object(let s as PyStr) = v else { throw PyException.make(.typeError, "\(what) arg must be None or str") }
        return s.value
    }

    static func installStr(_ t: PyType) {
        t.addMethod("upper") { a, _, _ in
            if case .object(let o) = a[0], o.tag == .str, let s = StrBuild.asciiCase(unsafeDowncast(o, to: PyStr.self), upper: true) { return .object(s) }
            return .str(selfStr(a).uppercased())
        }
        t.addMethod("lower") { a, _, _ in
            if case .object(let o) = a[0], o.tag == .str, let s = StrBuild.asciiCase(unsafeDowncast(o, to: PyStr.self), upper: false) { return .object(s) }
            return .str(selfStr(a).lowercased())
        }
        t.addMethod("title") { a, _, _ in .str(selfStr(a).capitalized) }
        t.addMethod("capitalize") { a, _, _ in
            let s = selfStr(a)
            return .str(s.prefix(1).uppercased() + s.dropFirst().lowercased())
        }
        t.addMethod("swapcase") { a, _, _ in
            .str(String(selfStr(a).map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }))
        }
        func stripper(_ name: String, leading: Bool, trailing: Bool) {
            t.addMethod(name) { a, _, _ in
                // By code point: as Characters, "\r\n" is one grapheme that neither "\r" nor "\n" matches.
                let chars = try string(arg(a, 1), name).map { Set($0.unicodeScalars) }
                let s = selfStr(a).unicodeScalars
                let stripped: (Unicode.Scalar) -> Bool = chars.map { set in { set.contains($0) } } ?? IntParsing.isSpace
                var lo = s.startIndex, hi = s.endIndex
                if leading { while lo < hi, stripped(s[lo]) { lo = s.index(after: lo) } }
                if trailing { while hi > lo, stripped(s[s.index(before: hi)]) { hi = s.index(before: hi) } }
                return .str(String(s[lo..<hi]))
            }
        }
        stripper("strip", leading: true, trailing: true)
        stripper("lstrip", leading: true, trailing: false)
        stripper("rstrip", leading: false, trailing: true)
        t.addMethod("split") { a, kw, _ in
            let s = selfStr(a)
            let sep = try string(arg(a, 1) ?? kw.first { $0.0 == "sep" }?.1, "split")
            let maxsplit = indexValue(arg(a, 2) ?? kw.first { $0.0 == "maxsplit" }?.1 ?? .int(-1)) ?? -1
            if let sep {
                if sep.isEmpty { throw PyException.make(.valueError, "empty separator") }
                guard case .object(let o as PyStr) = a[0] else { return .object(PyList([])) }
                return .object(PyList(StrSearch.split(o, sep, maxsplit: maxsplit)))
            }
            var parts: [String] = []
            var rest = Substring(s).drop(while: { $0.isWhitespace })
            while !rest.isEmpty {
                if maxsplit >= 0 && parts.count == maxsplit {
                    var tail = rest
                    while let l = tail.last, l.isWhitespace { tail.removeLast() }
                    parts.append(String(tail))
                    break
                }
                let word = rest.prefix(while: { !$0.isWhitespace })
                parts.append(String(word))
                rest = rest[word.endIndex...].drop(while: { $0.isWhitespace })
            }
            return .object(PyList(parts.map { .str($0) }))
        }
        t.addMethod("rsplit") { a, kw, ctx in
            let s = selfStr(a)
            let sep = try string(arg(a, 1) ?? kw.first { $0.0 == "sep" }?.1, "rsplit")
            let maxsplit = indexValue(arg(a, 2) ?? kw.first { $0.0 == "maxsplit" }?.1 ?? .int(-1)) ?? -1
            guard let sep, maxsplit >= 0 else {
                guard let split = t.lookup("split") else { return .none }
                return try (split.asObject as! PyBuiltinFunction).body(a, kw, ctx)
            }
            var parts: [String] = []
            var rest = Substring(s)
            while parts.count < maxsplit, let r = rest.range(of: sep, options: .backwards) {
                parts.insert(String(rest[r.upperBound...]), at: 0)
                rest = rest[..<r.lowerBound]
            }
            parts.insert(String(rest), at: 0)
            return .object(PyList(parts.map { .str($0) }))
        }
        t.addMethod("casefold") { a, _, _ in .str(selfStr(a).lowercased().replacingOccurrences(of: "ß", with: "ss")) }
        t.addMethod("expandtabs") { a, kw, ctx in
            let size = try Index.cInt(arg(a, 1) ?? kw.first { $0.0 == "tabsize" }?.1 ?? .int(8), ctx)
            var out = ""
            var column = 0
            for c in selfStr(a).unicodeScalars {
                if c == "\t" {
                    let n = size > 0 ? size - column % size : 0
                    try AllocationLimit.checkBytes(out.utf8.count + n, ctx)
                    out += String(repeating: " ", count: n)
                    column += n
                } else {
                    out.unicodeScalars.append(c)
                    column = c == "\n" || c == "\r" ? 0 : column + 1
                }
            }
            return .str(out)
        }
        t.addMethod("removeprefix") { a, _, _ in
            // Code points, not Characters (canonical equivalence and "\r\n" graphemes are not Python's).
            let s = selfStr(a).unicodeScalars, p = (try string(a[1], "removeprefix") ?? "").unicodeScalars
            return .str(s.starts(with: p) ? String(s.dropFirst(p.count)) : String(s))
        }
        t.addMethod("removesuffix") { a, _, _ in
            let s = selfStr(a).unicodeScalars, p = (try string(a[1], "removesuffix") ?? "").unicodeScalars
            return .str(!p.isEmpty && s.reversed().starts(with: p.reversed()) ? String(s.dropLast(p.count)) : String(s))
        }
        t.addMethod("splitlines") { a, kw, ctx in
            let args = try Arguments(a.dropFirst(), kw, names: ["keepends"], function: "splitlines")
            let keep = try args.value(0).map { try truthy($0, ctx) } ?? false
            return .object(PyList(splitLines(selfStr(a), keepEnds: keep).map { .str($0) }))
        }
        t.addMethod("join") { a, _, ctx in
            guard case .object(let o as PyStr) = a[0] else { throw PyException.make(.typeError, "descriptor 'join' for 'str' objects doesn't apply to a '\(typeName(a[0]))' object") }
            return try StrBuild.join(o, try collect(a[1], ctx))
        }
        t.addMethod("replace") { a, _, _ in
            guard let old = try string(arg(a, 1), "replace"), let new = try string(arg(a, 2), "replace") else { return a[0] }
            var count = indexValue(arg(a, 3) ?? .int(-1)) ?? -1
            if count < 0 { return .str(selfStr(a).replacingOccurrences(of: old, with: new)) }
            var s = Substring(selfStr(a))
            var out = ""
            while count > 0, let r = s.range(of: old) {
                out += s[..<r.lowerBound] + new
                s = s[r.upperBound...]
                count -= 1
            }
            return .str(out + s)
        }
        t.addMethod("startswith") { a, _, _ in
            if case .object(let tu as PyTuple) = a[1] {
                return .bool(tu.items.contains { if case .object(let p as PyStr) = $0 { selfStr(a).hasPrefix(p.value) } else { false } })
            }
            return .bool(selfStr(a).hasPrefix(try string(a[1], "startswith") ?? ""))
        }
        t.addMethod("endswith") { a, _, _ in
            if case .object(let tu as PyTuple) = a[1] {
                return .bool(tu.items.contains { if case .object(let p as PyStr) = $0 { selfStr(a).hasSuffix(p.value) } else { false } })
            }
            return .bool(selfStr(a).hasSuffix(try string(a[1], "endswith") ?? ""))
        }
        t.addMethod("find") { a, _, _ in .int(find(selfStr(a), try string(a[1], "find") ?? "") ?? -1) }
        t.addMethod("index") { a, _, _ in
            guard let i = find(selfStr(a), try string(a[1], "index") ?? "") else { throw PyException.make(.valueError, "substring not found") }
            return .int(i)
        }
        t.addMethod("rfind") { a, _, _ in
            let s = selfStr(a), sub = try string(a[1], "rfind") ?? ""
            guard let r = s.range(of: sub, options: .backwards) else { return .int(-1) }
            return .int(s.unicodeScalars.distance(from: s.startIndex, to: r.lowerBound))
        }
        t.addMethod("count") { a, _, _ in
            let s = selfStr(a), sub = try string(a[1], "count") ?? ""
            if sub.isEmpty { return .int(s.unicodeScalars.count + 1) }
            return .int(s.components(separatedBy: sub).count - 1)
        }
        t.addMethod("format") { a, kw, ctx in .str(try StrFormat.format(selfStr(a), Array(a.dropFirst()), kw, ctx)) }
        t.addMethod("isdigit") { a, _, _ in .bool(!selfStr(a).isEmpty && selfStr(a).allSatisfy { $0.isNumber }) }
        t.addMethod("isnumeric") { a, _, _ in .bool(!selfStr(a).isEmpty && selfStr(a).allSatisfy { $0.isNumber }) }
        t.addMethod("isdecimal") { a, _, _ in .bool(!selfStr(a).isEmpty && selfStr(a).allSatisfy { $0.isNumber }) }
        t.addMethod("isalpha") { a, _, _ in .bool(!selfStr(a).isEmpty && selfStr(a).allSatisfy { $0.isLetter }) }
        t.addMethod("isalnum") { a, _, _ in .bool(!selfStr(a).isEmpty && selfStr(a).allSatisfy { $0.isLetter || $0.isNumber }) }
        t.addMethod("isspace") { a, _, _ in .bool(!selfStr(a).isEmpty && selfStr(a).unicodeScalars.allSatisfy(IntParsing.isSpace)) }
        t.addMethod("isupper") { a, _, _ in .bool(selfStr(a).contains { $0.isUppercase } && !selfStr(a).contains { $0.isLowercase }) }
        t.addMethod("islower") { a, _, _ in .bool(selfStr(a).contains { $0.isLowercase } && !selfStr(a).contains { $0.isUppercase }) }
        func justify(_ name: String, _ body: @escaping (String, Int, Character) -> String) {
            t.addMethod(name) { a, _, ctx in
                let width = indexValue(a[1]) ?? 0
                try AllocationLimit.checkBytes(width, ctx)
                var fill: Character = " "
                if let f = try string(arg(a, 2), name), let c = f.first { fill = c }
                return .str(body(selfStr(a), width, fill))
            }
        }
        justify("ljust") { s, w, f in s + String(repeating: f, count: max(0, w - s.count)) }
        justify("rjust") { s, w, f in String(repeating: f, count: max(0, w - s.count)) + s }
        justify("center") { s, w, f in
            let n = max(0, w - s.count)
            let left = n / 2 + (n & w & 1)
            return String(repeating: f, count: left) + s + String(repeating: f, count: n - left)
        }
        t.addMethod("zfill") { a, _, ctx in
            var s = selfStr(a)
            let w = indexValue(a[1]) ?? 0
            try AllocationLimit.checkBytes(w, ctx)
            var sign = ""
            if s.hasPrefix("-") || s.hasPrefix("+") { sign = String(s.removeFirst()) }
            return .str(sign + String(repeating: "0", count: max(0, w - s.count - sign.count)) + s)
        }
        t.addMethod("encode") { a, kw, ctx in
            // Positional str arguments (pickle's `obj.encode('utf-8', 'surrogatepass')`) skip the binding.
            if kw.isEmpty, a.count >= 2, a.count <= 3, let encoding = Codecs.exactText(a[1]),
               let errors = a.count == 3 ? Codecs.exactText(a[2]) : "strict" {
                return .object(PyBytes(try Codecs.encode(selfStr(a), encoding: encoding, errors: errors, ctx)))
            }
            let args = try Arguments(a.dropFirst(), kw, names: ["encoding", "errors"], function: "encode")
            let encoding = try BytesMethods.text(args.value(0), "encode() argument 'encoding'") ?? "utf-8"
            let errors = try BytesMethods.text(args.value(1), "encode() argument 'errors'") ?? "strict"
            return .object(PyBytes(try Codecs.encode(selfStr(a), encoding: encoding, errors: errors, ctx)))
        }
        t.addMethod("partition") { a, _, _ in
            let s = selfStr(a), sep = try string(a[1], "partition") ?? ""
            guard let r = s.range(of: sep) else { return .object(PyTuple([.str(s), .str(""), .str("")])) }
            return .object(PyTuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))]))
        }
    }

    static func find(_ s: String, _ sub: String) -> Int? {
        guard let r = s.range(of: sub) else { return sub.isEmpty ? 0 : nil }
        return s.unicodeScalars.distance(from: s.startIndex, to: r.lowerBound)
    }

    static func selfList(_ args: [Value]) throws -> PyList {
        guard case .object(let l as PyList) = args[0] else { throw PyException.make(.typeError, "descriptor requires a 'list' object") }
        return l
    }

    static func installList(_ t: PyType) {
        t.addMethod("append") { a, _, _ in
            try selfList(a).append(a[1])
            return .none
        }
        t.addMethod("extend") { a, _, ctx in
            let l = try selfList(a)
            let items = try collect(a[1], ctx)
            try AllocationLimit.checkValues(l.withItems { $0.count } + items.count, ctx)
            l.withItems { $0.append(contentsOf: items) }
            return .none
        }
        t.addMethod("pop") { a, _, _ in
            let l = try selfList(a)
            return try l.withItems { items in
                if items.isEmpty { throw PyException.make(.indexError, "pop from empty list") }
                guard let iv = arg(a, 1) else { return items.removeLast() }
                let i = try Subscript.normalize(indexValue(iv) ?? 0, items.count, "pop")
                return items.remove(at: i)
            }
        }
        t.addMethod("insert") { a, _, _ in
            let l = try selfList(a)
            l.withItems { items in
                var i = indexValue(a[1]) ?? 0
                if i < 0 { i = max(0, i + items.count) }
                items.insert(a[2], at: min(i, items.count))
            }
            return .none
        }
        t.addMethod("remove") { a, _, ctx in
            let l = try selfList(a)
            for (i, x) in l.items.enumerated() where try valuesEqual(x, a[1], ctx) {
                // Re-checked under the lock: without a GIL another thread may have moved the element.
                l.withItems { items in
                    if i < items.count, items[i].isIdentical(x) { items.remove(at: i) }
                    else if let j = items.firstIndex(where: { $0.isIdentical(x) }) { items.remove(at: j) }
                }
                return .none
            }
            throw PyException.make(.valueError, "list.remove(x): x not in list")
        }
        t.addMethod("index") { a, _, ctx in
            for (i, x) in try selfList(a).items.enumerated() where try valuesEqual(x, a[1], ctx) { return .int(i) }
            throw PyException.make(.valueError, "\(try repr(a[1], ctx)) is not in list")
        }
        t.addMethod("count") { a, _, ctx in .int(try selfList(a).items.filter { try valuesEqual($0, a[1], ctx) }.count) }
        t.addMethod("sort") { a, kw, ctx in
            let l = try selfList(a)
            let key = kw.first { $0.0 == "key" }?.1
            let reverse = try kw.first { $0.0 == "reverse" }.map { try truthy($0.1, ctx) } ?? false
            let sorted = try sortValues(l.items, key: key, reverse: reverse, ctx)
            l.withItems { items in items = sorted }
            return .none
        }
        t.addMethod("reverse") { a, _, _ in
            let l = try selfList(a)
            l.withItems { items in items.reverse() }
            return .none
        }
        t.addMethod("copy") { a, _, _ in .object(PyList(try selfList(a).items)) }
        t.addMethod("clear") { a, _, _ in
            let l = try selfList(a)
            l.withItems { items in items.removeAll() }
            return .none
        }
    }

    static func installTuple(_ t: PyType) {
        t.addMethod("index") { a, _, ctx in
            guard case .object(let tu as PyTuple) = a[0] else { return .none }
            for (i, x) in tu.items.enumerated() where try valuesEqual(x, a[1], ctx) { return .int(i) }
            throw PyException.make(.valueError, "tuple.index(x): x not in tuple")
        }
        t.addMethod("count") { a, _, ctx in
            guard case .object(let tu as PyTuple) = a[0] else { return .none }
            return .int(try tu.items.filter { try valuesEqual($0, a[1], ctx) }.count)
        }
    }

    /// Stable sort with Python comparisons (`<`), optional key function and reverse.
    static func sortValues(_ items: [Value], key: Value?, reverse: Bool, _ ctx: ExecutionContext) throws -> [Value] {
        var keyed: [(Value, Value)] = []
        for x in items {
            if let key, !key.isNone { keyed.append((try ctx.call(key, [x]), x)) } else { keyed.append((x, x)) }
        }
        var failure: Error?
        // reverse=True keeps equal items in their original order (Objects/listobject.c reverses, sorts
        // stably, and reverses back).
        if reverse { keyed.reverse() }
        keyed.sort { l, r in
            if failure != nil { return false }
            do {
                return try compareOrder(.less, l.0, r.0, ctx)
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        if reverse { keyed.reverse() }
        return keyed.map(\.1)
    }

    static func selfDict(_ args: [Value]) throws -> PyDict {
        guard case .object(let d as PyDict) = args[0] else { throw PyException.make(.typeError, "descriptor requires a 'dict' object") }
        return d
    }

    static func dictUpdate(_ d: PyDict, _ src: Value, _ ctx: ExecutionContext) throws {
        if case .object(let other as PyDict) = src {
            for (k, v) in other.entries { try d.set(k, v) }
            return
        }
        if case .object(let i as PyInstance) = src, let keys = i.type.lookup("keys") {
            for k in try collect(try ctx.call(keys, [src]), ctx) { try d.set(k, try Subscript.get(src, k, ctx)) }
            return
        }
        for item in try collect(src, ctx) {
            let pair = try collect(item, ctx)
            guard pair.count == 2 else {
                throw PyException.make(.valueError, "dictionary update sequence element has length \(pair.count); 2 is required")
            }
            try d.set(pair[0], pair[1])
        }
    }

    static func installDict(_ t: PyType) {
        t.addMethod("get") { a, _, _ in try selfDict(a).get(a[1]) ?? arg(a, 2) ?? .none }
        t.addMethod("keys") { a, _, _ in .object(PyDictView(try selfDict(a), .keys)) }
        t.addMethod("values") { a, _, _ in .object(PyDictView(try selfDict(a), .values)) }
        t.addMethod("items") { a, _, _ in .object(PyDictView(try selfDict(a), .items)) }
        t.addMethod("pop") { a, _, _ in
            if let v = try selfDict(a).remove(a[1]) { return v }
            if let d = arg(a, 2) { return d }
            throw PyException(Subscript.keyError(a[1]))
        }
        t.addMethod("popitem") { a, _, _ in
            let d = try selfDict(a)
            guard let last = d.entries.last else { throw PyException.make(.keyError, "popitem(): dictionary is empty") }
            try d.remove(last.key)
            return .object(PyTuple([last.key, last.value]))
        }
        t.addMethod("setdefault") { a, _, _ in
            let d = try selfDict(a)
            if let v = try d.get(a[1]) { return v }
            let v = arg(a, 2) ?? .none
            try d.set(a[1], v)
            return v
        }
        t.addMethod("update") { a, kw, ctx in
            let d = try selfDict(a)
            if let src = arg(a, 1) { try dictUpdate(d, src, ctx) }
            for (k, v) in kw { try d.set(.str(k), v) }
            return .none
        }
        t.addMethod("copy") { a, _, ctx in
            let d = PyDict()
            try dictUpdate(d, a[0], ctx)
            return .object(d)
        }
        t.addMethod("clear") { a, _, _ in
            try selfDict(a).clear()
            return .none
        }
    }

    static func installNumbers(int: PyType, float: PyType) {
        int.addMethod("bit_length") { a, _, _ in
            guard let n = Arithmetic.number(a[0]).flatMap(Arithmetic.big) else { return .int(0) }
            return .int(n.magnitude.bitWidth - n.magnitude.leadingZeroBitCount)
        }
        float.addMethod("is_integer") { a, _, _ in
            if case .float(let d) = a[0] { return .bool(d.isFinite && d == d.rounded()) }
            return .bool(false)
        }
    }
}

/// `d.keys()`, `d.values()`, `d.items()`: live views that iterate the dict.
final class PyDictView: PyObject, @unchecked Sendable {
    let dict: PyDict
    let mode: PyDictIterator.Mode

    init(_ dict: PyDict, _ mode: PyDictIterator.Mode) {
        self.dict = dict
        self.mode = mode
        super.init(tag: .dictView)
    }
}

extension BuiltinMethods {
    /// `str.splitlines`: lines end at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028 and \u2029. Read as UTF-8
    /// bytes (U+0085 is C2 85, U+2028/2029 are E2 80 A8/A9) and each line decoded once: building lines from
    /// code point slices went through unspecialised generic code (a sixth of pyperformance logging).
    static func splitLines(_ text: String, keepEnds: Bool) -> [String] {
        var text = text
        return text.withUTF8 { b in
            var out: [String] = []
            var start = 0, i = 0
            let n = b.count
            while i < n {
                var eol = 0
                switch b[i] {
                case 0x0D: eol = i + 1 < n && b[i + 1] == 0x0A ? 2 : 1
                case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E: eol = 1
                case 0xC2 where i + 1 < n && b[i + 1] == 0x85: eol = 2
                case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9): eol = 3
                default:
                    i += 1
                    continue
                }
                out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<(keepEnds ? i + eol : i)]), as: UTF8.self))
                i += eol
                start = i
            }
            if start < n { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<n]), as: UTF8.self)) }
            return out
        }
    }
}
