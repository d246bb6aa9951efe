/// `_bisect` (Modules/_bisectmodule.c): `bisect_left`/`bisect_right` and `insort_left`/`insort_right` in
/// native code, which `bisect` imports over its Python definitions as CPython's Lib/bisect.py does.
/// pyperformance regex_dna builds its input with 800,000 `bisect.bisect` calls; each was a Python loop
/// of a few frames' work.
enum BisectModule {
    static func make() -> PyModule {
        let m = PyModule(name: "_bisect")
        for (name, right) in [("bisect_right", true), ("bisect_left", false)] {
            m.addFunction(name) { args, kwargs, ctx in
                let p = try Parameters(args, kwargs, function: name, ctx)
                return .int(try search(p.sequence, p.item, lo: p.lo, hi: p.hi, key: p.key, right: right, ctx))
            }
        }
        for (name, right) in [("insort_right", true), ("insort_left", false)] {
            m.addFunction(name) { args, kwargs, ctx in
                let p = try Parameters(args, kwargs, function: name, ctx)
                let probe = try p.key.map { try ctx.call($0, [p.item]) } ?? p.item
                let i = try search(p.sequence, probe, lo: p.lo, hi: p.hi, key: p.key, right: right, ctx)
                if case .object(let o) = p.sequence, o.tag == .list {
                    // PyList_Insert: an index past the end appends.
                    unsafeDowncast(o, to: PyList.self).withItems { $0.insert(p.item, at: Swift.min(i, $0.count)) }
                } else {
                    _ = try ctx.call(try Attributes.get(p.sequence, "insert", ctx), [.int(i), p.item])
                }
                return .none
            }
        }
        return m
    }

    /// The clinic signature `(a, x, lo=0, hi=None, *, key=None)`; `hi` None or -1 means `len(a)`.
    private struct Parameters {
        let sequence: Value, item: Value, lo: Int, hi: Int, key: Value?

        init(_ args: [Value], _ kwargs: [(String, Value)], function: String, _ ctx: ExecutionContext) throws {
            if kwargs.isEmpty, args.count == 2 {
                (sequence, item, lo, hi, key) = (args[0], args[1], 0, -1, nil)
                return
            }
            let names = ["a", "x", "lo", "hi"]
            for (k, _) in kwargs where !names.contains(k) && k != "key" {
                throw PyException.make(.typeError, "'\(k)' is an invalid keyword argument for \(function)()")
            }
            let a = try Arguments(args, kwargs, names: names, keywordOnly: ["key"], required: 2, function: function)
            sequence = a.value(0)!
            item = a.value(1)!
            lo = try a.value(2).map { try Index.value($0, ctx) } ?? 0
            if let h = a.value(3), !h.isNone {
                // _Py_convert_optional_to_ssize_t
                guard let n = try Index.integer(h, ctx) else {
                    throw PyException.make(.typeError, "argument should be integer or None, not '\(typeName(h))'")
                }
                guard case .int(let i) = n else {
                    throw PyException.make(.overflowError, "cannot fit 'int' into an index-sized integer")
                }
                hi = i
            } else {
                hi = -1
            }
            key = a.value(4).flatMap { $0.isNone ? nil : $0 }
        }
    }

    /// internal_bisect_right/left: the first index whose item is greater than `x` (right) or not less
    /// than it (left), between `lo` and `hi`.
    private static func search(_ a: Value, _ x: Value, lo: Int, hi: Int, key: Value?, right: Bool,
                               _ ctx: ExecutionContext) throws -> Int {
        guard lo >= 0 else { throw PyException.make(.valueError, "lo must be non-negative") }
        var lo = lo, hi = hi
        if hi == -1 { hi = try length(a, ctx) }
        let list: PyList? = if case .object(let o) = a, o.tag == .list { unsafeDowncast(o, to: PyList.self) } else { nil }
        while lo < hi {
            let mid = Int((UInt(lo) &+ UInt(hi)) / 2)
            var item = try list?.element(atPythonIndex: mid) ?? sequenceItem(a, mid, ctx)
            if let key { item = try ctx.call(key, [item]) }
            if right {
                if try less(x, item, ctx) { hi = mid } else { lo = mid + 1 }
            } else {
                if try less(item, x, ctx) { lo = mid + 1 } else { hi = mid }
            }
        }
        return lo
    }

    /// PySequence_GetItem(a, i).
    private static func sequenceItem(_ a: Value, _ i: Int, _ ctx: ExecutionContext) throws -> Value {
        guard case .object = a else { throw PyException.make(.typeError, "'\(typeName(a))' object does not support indexing") }
        return try Subscript.get(a, .int(i), ctx)
    }

    /// `a < b` (PyObject_RichCompareBool), floats and ints compared inline.
    @inline(__always)
    private static func less(_ a: Value, _ b: Value, _ ctx: ExecutionContext) throws -> Bool {
        switch (a, b) {
        case (.float(let x), .float(let y)): return x < y
        case (.int(let x), .int(let y)): return x < y
        default: return try compare(.less, a, b, ctx)
        }
    }
}
