import PythonSyntax

/// `array` (Modules/arraymodule.c): the `array` type (`ArrayType`), `typecodes`. Indexing, slicing, `+`, `*`,
/// comparisons and iteration go through the VM's sequence paths (`PyArray`); the methods are here.
enum ArrayModule {
    static let arrayType: PyType = {
        let t = PyType(name: "array", base: BuiltinTypes.object, module: "array")
        t.construct = { _, args, kwargs, ctx in
            if !kwargs.isEmpty { throw PyException.make(.typeError, "array.array() takes no keyword arguments") }
            guard (1...2).contains(args.count) else { throw PyException.make(.typeError, "array() takes at most 2 arguments (\(args.count) given)") }
            guard case .object(let s as PyStr) = args[0], s.scalars.count == 1, PyArray.typecodes.contains(Character(s.scalars[0])) else {
                if case .object(let s as PyStr) = args[0], s.scalars.count != 1 {
                    throw PyException.make(.typeError, "array() argument 1 must be a unicode character, not str")
                }
                if case .object(let s) = args[0], s.tag == .str {} else {
                    throw PyException.make(.typeError, "array() argument 1 must be a unicode character, not \(typeName(args[0]))")
                }
                throw PyException.make(.valueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
            }
            let code = Character(s.scalars[0])
            let a = PyArray(code)
            if args.count == 2 { try extend(a, args[1], initializing: true, ctx) }
            return .object(a)
        }
        installMethods(t)
        return t
    }()

    static func make() -> PyModule {
        let m = PyModule(name: "array")
        m.dict["array"] = .object(arrayType)
        m.dict["ArrayType"] = .object(arrayType)
        m.dict["typecodes"] = .str("bBuhHiIlLqQfd")
        return m
    }

    static func own(_ a: [Value]) throws -> PyArray {
        guard case .object(let arr as PyArray) = a[0] else { throw PyException.make(.typeError, "descriptor requires an 'array.array' object") }
        return arr
    }

    /// extend / the constructor's initializer: another array (same type code), bytes (constructor only), a
    /// str for 'u', or any iterable.
    static func extend(_ a: PyArray, _ source: Value, initializing: Bool, _ ctx: ExecutionContext) throws {
        if case .object(let other as PyArray) = source {
            guard other.typecode == a.typecode else { throw PyException.make(.typeError, "can only extend with array of same kind") }
            let more = other.items
            a.withItems { $0 += more }
            return
        }
        if case .object(let s as PyStr) = source {
            guard a.typecode == "u" else {
                throw PyException.make(.typeError, initializing ? "cannot use a str to initialize an array with typecode '\(a.typecode)'" : "array.extend() argument must be iterable, not str")
            }
            let more = s.scalars.map { Value.str(String($0)) }
            a.withItems { $0 += more }
            return
        }
        if initializing, let raw = BytesLike.bytes(source) {
            let more = try PyArray.items(fromBytes: raw, a.typecode)
            a.withItems { $0 += more }
            return
        }
        let more = try collect(source, ctx).map { try PyArray.convert($0, a.typecode, ctx) }
        try AllocationLimit.checkValues(a.count + more.count, ctx)
        a.withItems { $0 += more }
    }

    static func installMethods(_ t: PyType) {
        let m = BuiltinMethods.method
        m(t, "append", 2) { a, _, ctx in
            let arr = try own(a)
            let v = try PyArray.convert(a[1], arr.typecode, ctx)
            arr.withItems { $0.append(v) }
            return .none
        }
        m(t, "extend", 2) { a, _, ctx in
            try extend(try own(a), a[1], initializing: false, ctx)
            return .none
        }
        m(t, "insert", 3) { a, _, ctx in
            let arr = try own(a)
            let i = try Index.value(a[1], ctx)
            let v = try PyArray.convert(a[2], arr.typecode, ctx)
            arr.withItems { items in items.insert(v, at: min(max(i < 0 ? i + items.count : i, 0), items.count)) }
            return .none
        }
        m(t, "pop", 1) { a, _, ctx in
            let arr = try own(a)
            let i = a.count > 1 ? try Index.value(a[1], ctx) : -1
            return try arr.withItems { items in
                if items.isEmpty { throw PyException.make(.indexError, "pop from empty array") }
                let k = i < 0 ? i + items.count : i
                guard k >= 0 && k < items.count else { throw PyException.make(.indexError, "pop index out of range") }
                return items.remove(at: k)
            }
        }
        m(t, "remove", 2) { a, _, ctx in
            let arr = try own(a)
            for (k, v) in arr.items.enumerated() where try valuesEqual(v, a[1], ctx) {
                arr.withItems { _ = $0.remove(at: k) }
                return .none
            }
            throw PyException.make(.valueError, "array.remove(x): x not in array")
        }
        m(t, "index", 2) { a, _, ctx in
            let items = try own(a).items
            let (start, end) = try BytesMethods.range(a, from: 2, count: items.count, ctx)
            if start < end { for k in start..<end where try valuesEqual(items[k], a[1], ctx) { return .int(k) } }
            throw PyException.make(.valueError, "array.index(x): x not in array")
        }
        m(t, "count", 2) { a, _, ctx in .int(try own(a).items.filter { try valuesEqual($0, a[1], ctx) }.count) }
        m(t, "reverse", 1) { a, _, _ in
            try own(a).withItems { $0.reverse() }
            return .none
        }
        m(t, "tolist", 1) { a, _, _ in .object(PyList(try own(a).items)) }
        m(t, "tobytes", 1) { a, _, _ in .object(PyBytes(try own(a).bytes())) }
        m(t, "frombytes", 2) { a, _, _ in
            let arr = try own(a)
            let more = try PyArray.items(fromBytes: try BytesLike.required(a[1]), arr.typecode)
            arr.withItems { $0 += more }
            return .none
        }
        m(t, "fromlist", 2) { a, _, ctx in
            guard case .object(let l as PyList) = a[1] else { throw PyException.make(.typeError, "arg must be list") }
            let arr = try own(a)
            let more = try l.items.map { try PyArray.convert($0, arr.typecode, ctx) }
            arr.withItems { $0 += more }
            return .none
        }
        m(t, "tounicode", 1) { a, _, ctx in
            let arr = try own(a)
            guard arr.typecode == "u" else { throw PyException.make(.valueError, "tounicode() may only be called on unicode type arrays") }
            return .str(try arr.items.map { try str($0, ctx) }.joined())
        }
        m(t, "fromunicode", 2) { a, _, ctx in
            let arr = try own(a)
            guard arr.typecode == "u" else { throw PyException.make(.valueError, "fromunicode() may only be called on unicode type arrays") }
            try extend(arr, a[1], initializing: false, ctx)
            return .none
        }
        m(t, "byteswap", 1) { a, _, _ in
            let arr = try own(a)
            let size = arr.itemSize
            var raw = arr.bytes()
            var k = 0
            while k < raw.count {
                raw[k..<k + size].reverse()
                k += size
            }
            arr.items = try PyArray.items(fromBytes: raw, arr.typecode)
            return .none
        }
        m(t, "buffer_info", 1) { a, _, _ in
            let arr = try own(a)
            return .object(PyTuple([.int(objectID(arr)), .int(arr.count)]))
        }
        m(t, "__copy__", 1) { a, _, _ in
            let arr = try own(a)
            return .object(PyArray(arr.typecode, arr.items))
        }
        m(t, "__deepcopy__", 2) { a, _, _ in
            let arr = try own(a)
            return .object(PyArray(arr.typecode, arr.items))
        }
        m(t, "__reduce_ex__", 2) { a, _, _ in
            let arr = try own(a)
            return .object(PyTuple([.object(arrayType), .object(PyTuple([.str(String(arr.typecode)), .object(PyList(arr.items))]))]))
        }
        SequenceDunders.install(t)
        for (name, attribute) in [("typecode", true), ("itemsize", false)] {
            t.dict[name] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { a, _, _ in
                let arr = try own(a)
                return attribute ? .str(String(arr.typecode)) : .int(arr.itemSize)
            })))
        }
    }
}

extension ArrayModule {
    /// `a[i] = x`; `a[i:j] = other_array` (only an array of the same type code, as CPython).
    static func assign(_ a: PyArray, _ key: Value, _ value: Value, _ ctx: ExecutionContext) throws {
        if let i = try Index.item(key, ctx) {
            let v = try PyArray.convert(value, a.typecode, ctx)
            try a.withItems { $0[try Subscript.normalize(i, $0.count, "array assignment")] = v }
            return
        }
        guard case .object(let s as PySlice) = key else { throw PyException.make(.typeError, "array indices must be integers") }
        guard case .object(let other as PyArray) = value else {
            throw PyException.make(.typeError, "can only assign array (not \"\(typeName(value))\") to array slice")
        }
        guard other.typecode == a.typecode else { throw PyException.make(.typeError, "bad argument type for built-in operation") }
        let new = other.items
        try a.withItems { items in
            let (start, stop, step, count) = try s.indices(length: items.count)
            if step == 1 {
                items.replaceSubrange(start..<max(start, stop), with: new)
                return
            }
            guard new.count == count else {
                throw PyException.make(.valueError, "attempt to assign array of size \(new.count) to extended slice of size \(count)")
            }
            for (k, v) in new.enumerated() { items[start + k * step] = v }
        }
    }

    static func delete(_ a: PyArray, _ key: Value, _ ctx: ExecutionContext) throws {
        if let i = try Index.item(key, ctx) {
            try a.withItems { _ = $0.remove(at: try Subscript.normalize(i, $0.count, "array assignment")) }
            return
        }
        guard case .object(let s as PySlice) = key else { throw PyException.make(.typeError, "array indices must be integers") }
        try a.withItems { items in
            let (start, _, step, count) = try s.indices(length: items.count)
            var drop = Set<Int>()
            var i = start
            for _ in 0..<count {
                drop.insert(i)
                i += step
            }
            items = items.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        }
    }

    /// `a += other_array` extends in place, `a *= n` repeats in place.
    static func inPlace(_ op: BinaryOperator, _ a: PyArray, _ r: Value, _ ctx: ExecutionContext) throws -> Value {
        if op == .add {
            guard case .object(let b as PyArray) = r else {
                throw PyException.make(.typeError, "can only extend array with array (not \"\(typeName(r))\")")
            }
            try extend(a, .object(b), initializing: false, ctx)
            return .object(a)
        }
        guard let n = Arithmetic.repeatCount(r) else {
            throw PyException.make(.typeError, "can't multiply sequence by non-int of type '\(typeName(r))'")
        }
        try AllocationLimit.check(count: max(0, n), itemBytes: a.count * MemoryLayout<Value>.stride, limit: ctx.maxObjectBytes)
        a.withItems { items in items = n <= 0 ? [] : Array([[Value]](repeating: items, count: n).joined()) }
        return .object(a)
    }
}
