/// Special methods defined in Python on objects that are not `PyInstance`s — the generic operations
/// (`len`, `iter`, `in`, `x[k]`, `repr`, `bool`…) check these first, then apply their builtin behaviour.
/// A class whose metaclass defines the method (`len(Color)`, `Color['RED']`, `for c in Color`), and an
/// instance of a builtin subclass whose class overrides it (`class D(dict): def __getitem__…`).
enum SpecialMethods {
    /// The Python-level `name` for `o`, or nil when the builtin behaviour applies. One tag test for
    /// everything else, so the builtin paths pay nothing.
    @inline(__always)
    static func hook(_ o: PyObject, _ name: String) -> Value? {
        switch o.tag {
        case .type: return metaclassHook(unsafeDowncast(o, to: PyType.self), name)
        case .subclassed: return subclassHook(o, name)
        default: return nil
        }
    }

    /// A method an int/str/list/dict… subclass defines in Python (the builtin's own methods are the
    /// builtin behaviour the caller applies anyway). A builtin stored under another name is an override:
    /// enum's ReprEnum sets `IntEnum.__str__ = int.__repr__`.
    @inline(never)
    static func subclassHook(_ o: PyObject, _ name: String) -> Value? {
        guard let f = BuiltinSubclasses.type(of: o).lookup(name) else { return nil }
        if case .object(let x) = f, x.tag == .builtin, unsafeDowncast(x, to: PyBuiltinFunction.self).name == name { return nil }
        return f
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
