import PythonSyntax

/// `min()` and `max()` (bltinmodule.c `min_max`): one iterable or several positional arguments, keyword-only
/// `key=` (None means no key) and `default=`; items are taken one at a time from the iterator, the key called
/// on each as it comes, and a later item replaces the best only when strictly better (the first of equals wins).
extension BuiltinFunctions {
    static func extreme(_ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext, name: String, op: ComparisonOperator) throws -> Value {
        guard !args.isEmpty else { throw PyException.make(.typeError, "\(name) expected at least 1 argument, got 0") }
        var key: Value?, defaultValue: Value?
        for (k, v) in kwargs {
            switch k {
            case "key": key = v
            case "default": defaultValue = v
            default: throw PyException.make(.typeError, "'\(k)' is an invalid keyword argument for \(name)()")
            }
        }
        let positional = args.count > 1
        if positional, defaultValue != nil {
            throw PyException.make(.typeError, "Cannot specify a default for \(name)() with multiple positional arguments")
        }
        if case .none? = key { key = nil }
        if key == nil, let best = plainExtreme(positional ? args : nil, of: args[0], op) { return best }

        let it = try makeIterator(positional ? .object(PyTuple(args)) : args[0], ctx)
        var best: (item: Value, key: Value)?
        while let x = try iteratorNext(it, ctx) {
            let k = try key.map { try ctx.call($0, [x]) } ?? x
            if let b = best, try !compareOrder(op, k, b.key, ctx) { continue }
            best = (x, k)
        }
        if let best { return best.item }
        if let defaultValue { return defaultValue }
        throw PyException.make(.valueError, "\(name)() arg is an empty sequence")
    }

    /// The answer without an iterator when every pair compared is one `plainOrder` answers (ints, floats or strs;
    /// `min(n_free)` over a frozenset of ints, meteor_contest's inner loop): such comparisons run no Python code,
    /// so when another pair turns up the generic loop can start again from the beginning without anyone seeing the
    /// difference. nil: not applicable (other items, another container, or empty: the generic path says why).
    private static func plainExtreme(_ positional: [Value]?, of v: Value, _ op: ComparisonOperator) -> Value? {
        let items: [Value]
        if let positional {
            items = positional
        } else {
            guard case .object(let o) = v else { return nil }
            switch o.tag {
            case .list: items = unsafeDowncast(o, to: PyList.self).items
            case .tuple: items = unsafeDowncast(o, to: PyTuple.self).items
            case .set: items = unsafeDowncast(o, to: PySet.self).elements
            default: return nil
            }
        }
        guard var best = items.first else { return nil }
        for x in items.dropFirst() {
            guard let better = plainOrder(op, x, best) else { return nil }
            if better { best = x }
        }
        return best
    }
}
