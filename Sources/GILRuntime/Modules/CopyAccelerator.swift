/// `_copy`: the builtin-container part of `copy.deepcopy` in Swift (as `_json` is to `json`). Lib/copy.py's
/// `_deepcopy_list`, `_deepcopy_tuple`, `_deepcopy_dict` and `_deepcopy_atomic` step for step, with the memo a
/// real dict keyed by `id()`, so `__deepcopy__(memo)` methods see what they would see under CPython; every
/// other object goes back to copy.py's Python code (`other(x, memo)`), which recurses through here again.
/// An interpreted deepcopy of a nested dict spent most of its time deciding the type of each element.
enum CopyAccelerator {
    static func make() -> PyModule {
        let m = PyModule(name: "_copy")
        /// deepcopy(x, memo, other)
        m.dict["deepcopy"] = .object(PyBuiltinFunction("deepcopy", minimumArguments: 3) { a, _, ctx in
            guard case .object(let memo as PyDict) = a[1], memo.tag == .dict else { return try ctx.call(a[2], [a[0], a[1]]) }
            let copier = DeepCopier(memo: memo, other: a[2], ctx: ctx)
            return try copier.copy(a[0])
        })
        return m
    }
}

private struct DeepCopier {
    let memo: PyDict
    let other: Value
    let ctx: ExecutionContext

    /// `id(o)`, as the builtin computes it.
    private static func identity(_ o: PyObject) -> Value {
        .int(objectID(o))
    }

    func copy(_ x: Value) throws -> Value {
        // Under CPython each element is a Python call of deepcopy, whose entry is a GIL check point: a thread
        // copying a big structure must still hand the GIL over where it would there.
        if ctx.breaker.isSet { try ctx.checkPoint() }
        guard case .object(let o) = x else { return x }  // int, float, bool, None: atomic
        try ctx.checkNativeStack()  // a list nested a million deep: RecursionError, not a crash
        switch o.tag {
        case .str, .bytes, .bigint, .range, .complex:
            return x
        case .list:
            let key = Self.identity(o)
            if let y = try memo.get(key) { return y }
            let y = PyList()
            try memo.set(key, .object(y))
            let items = unsafeDowncast(o, to: PyList.self).withItems { $0 }
            var copied: [Value] = []
            copied.reserveCapacity(items.count)
            for item in items { copied.append(try copy(item)) }
            y.withItems { $0.append(contentsOf: copied) }
            try keepAlive(x)
            return .object(y)
        case .tuple:
            let key = Self.identity(o)
            if let y = try memo.get(key) { return y }
            let items = unsafeDowncast(o, to: PyTuple.self).items
            var copied: [Value] = []
            copied.reserveCapacity(items.count)
            for item in items { copied.append(try copy(item)) }
            // A tuple that contains itself through a list was copied while its items were.
            if let y = try memo.get(key) { return y }
            // A tuple whose items are all their own copies is its own copy, and is not memoised.
            if zip(items, copied).allSatisfy({ $0.isIdentical($1) }) { return x }
            let y = Value.object(PyTuple(copied))
            try memo.set(key, y)
            try keepAlive(x)
            return y
        case .dict:
            let key = Self.identity(o)
            if let y = try memo.get(key) { return y }
            let y = PyDict()
            try memo.set(key, .object(y))
            for (k, v) in unsafeDowncast(o, to: PyDict.self).entries { try y.set(try copy(k), try copy(v)) }
            try keepAlive(x)
            return .object(y)
        default:
            return try ctx.call(other, [x, .object(memo)])
        }
    }

    /// copy.py's `_keep_alive`: the original stays referenced from `memo[id(memo)]`, so its id cannot be reused
    /// by a new object while the memo lives.
    private func keepAlive(_ x: Value) throws {
        let key = Self.identity(memo)
        if case .object(let list as PyList)? = try memo.get(key) {
            list.withItems { $0.append(x) }
        } else {
            try memo.set(key, .object(PyList([x])))
        }
    }
}
