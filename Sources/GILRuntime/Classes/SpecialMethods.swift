/// Special methods defined in Python on objects that are not `PyInstance`s — the generic operations
/// (`len`, `iter`, `in`, `x[k]`, `repr`, `bool`…) check these first, then apply their builtin behaviour.
/// Today: a class whose metaclass defines the method (`len(Color)`, `Color['RED']`, `for c in Color`).
enum SpecialMethods {
    /// The Python-level `name` for `o`, or nil when the builtin behaviour applies. One tag test for
    /// everything else, so the builtin paths pay nothing.
    @inline(__always)
    static func hook(_ o: PyObject, _ name: String) -> Value? {
        guard o.tag == .type else { return nil }
        return metaclassHook(unsafeDowncast(o, to: PyType.self), name)
    }

    /// A method the class's metaclass defines in Python (not `type`'s own builtins).
    @inline(never)
    static func metaclassHook(_ t: PyType, _ name: String) -> Value? {
        guard let meta = t.metaclass, let f = meta.lookup(name) else { return nil }
        if case .object(let o) = f, o.tag == .builtin { return nil }
        return f
    }

    /// Calls `hook(o, name)` with `receiver` and `args` when there is one.
    @inline(__always)
    static func call(_ v: Value, _ name: String, _ args: [Value], _ ctx: ExecutionContext) throws -> Value? {
        guard case .object(let o) = v, let f = hook(o, name) else { return nil }
        return try ctx.call(f, [v] + args)
    }
}
