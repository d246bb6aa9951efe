/// The methods of `object` that CPython code reads as attributes (`object.__repr__`, `object.__format__`,
/// `object.__reduce_ex__`, `object.__getstate__`): Lib/enum.py compares a class's methods with them,
/// pickle and copy call the reduce protocol. Each computes the default directly (never through `repr()` or
/// `format()`, which would find it again).
enum ObjectMethods {
    static func install(_ t: PyType) {
        // The singletons answer repr() with their names before object.__repr__ is reached.
        BuiltinTypes.notImplementedType.addMethod("__repr__") { _, _, _ in .str("NotImplemented") }
        BuiltinTypes.ellipsisType.addMethod("__repr__") { _, _, _ in .str("Ellipsis") }
        t.addMethod("__repr__") { a, _, _ in .str(defaultRepr(a[0])) }
        // object.__setattr__(self, name, value) and type.__setattr__(cls, name, value): the generic store
        // (descriptors and properties apply) that a class's own __setattr__ falls back to through super().
        let setattr = PyBuiltinFunction("__setattr__", minimumArguments: 3) { a, _, ctx in
            guard a.count == 3, case .object(let n as PyStr) = a[1] else {
                throw PyException.make(.typeError, "attribute name must be string, not '\(a.count > 1 ? typeName(a[1]) : "nothing")'")
            }
            try Attributes.set(a[0], n.value, a[2], ctx, hooks: false)
            return .none
        }
        t.dict["__setattr__"] = .object(setattr)
        BuiltinTypes.type.dict["__setattr__"] = .object(setattr)
        t.addMethod("__format__") { a, _, ctx in
            guard a.count == 2, case .object(let spec as PyStr) = a[1] else {
                throw PyException.make(.typeError, "__format__() argument must be str, not \(a.count == 2 ? typeName(a[1]) : "nothing")")
            }
            guard spec.value.isEmpty else {
                throw PyException.make(.typeError, "unsupported format string passed to \(typeOf(a[0]).name).__format__")
            }
            return .str(try str(a[0], ctx))
        }
        // Objects/typeobject.c object___reduce_ex___impl: a class's own __reduce__ wins; the protocol's
        // reduction (copyreg.__newobj__ for 2 and above) is written in Python in `_gilrec_object`.
        t.addMethod("__reduce_ex__") { a, _, ctx in
            let proto = a.count > 1 ? a[1] : .int(0)
            let helper = try ctx.runtime.modules.findAndLoad("_gilrec_object", ctx)
            return try ctx.call(try Attributes.get(helper, "reduce_ex", ctx), [a[0], proto])
        }
        t.addMethod("__reduce__") { a, _, ctx in
            let helper = try ctx.runtime.modules.findAndLoad("_gilrec_object", ctx)
            return try ctx.call(try Attributes.get(helper, "common_reduce", ctx), [a[0], .int(0)])
        }
        // A builtin function pickles as its name (Objects/methodobject.c meth_reduce: pickle finds it in its
        // module), not as an instance of builtin_function_or_method.
        for name in ["__reduce__", "__reduce_ex__"] {
            BuiltinTypes.builtinFunction.addMethod(name) { a, _, _ in
                guard case .object(let f as PyBuiltinFunction) = a[0] else { return .none }
                return .str(f.name)
            }
        }
        t.addMethod("__getstate__") { a, _, ctx in
            guard case .object(let i as PyInstance) = a[0] else { return .none }
            let names = i.orderedAttributes
            if names.isEmpty { return .none }
            return try Attributes.get(a[0], "__dict__", ctx)
        }
    }

    /// `<module.Class object at 0x…>`.
    static func defaultRepr(_ v: Value) -> String {
        guard case .object(let o) = v else { return "<\(typeName(v)) object>" }
        let t = typeOf(v)
        let module = t.module == "builtins" ? "" : t.module + "."
        return "<\(module)\(t.qualifiedName ?? t.name) object at \(address(o))>"
    }

    /// `_gilrec_object`: copyreg's side of object.__reduce_ex__ (typeobject.c reduce_newobj, _common_reduce).
    static let source = #"""
        import copyreg


        def common_reduce(obj, protocol):
            if protocol >= 2:
                return _reduce_newobj(obj)
            return copyreg._reduce_ex(obj, protocol)


        def reduce_ex(obj, protocol):
            reduce = getattr(type(obj), "__reduce__", None)
            if reduce is not None and reduce is not object.__reduce__:
                return obj.__reduce__()
            return common_reduce(obj, protocol)


        def _reduce_newobj(obj):
            cls = type(obj)
            if not hasattr(cls, "__new__"):
                raise TypeError(f"cannot pickle {cls.__name__!r} object")
            kwargs = None
            getnewargs_ex = getattr(obj, "__getnewargs_ex__", None)
            if getnewargs_ex is not None:
                args, kwargs = getnewargs_ex()
            else:
                getnewargs = getattr(obj, "__getnewargs__", None)
                args = getnewargs() if getnewargs is not None else ()
            state = obj.__getstate__()
            listitems = iter(obj) if isinstance(obj, list) else None
            dictitems = iter(obj.items()) if isinstance(obj, dict) else None
            if kwargs:
                return (copyreg.__newobj_ex__, (cls, tuple(args), kwargs), state, listitems, dictitems)
            return (copyreg.__newobj__, (cls,) + tuple(args), state, listitems, dictitems)
        """#
}
