/// The `type` object's protocol (Objects/typeobject.c): `type.__new__` makes a class from a name, bases and a
/// namespace (implicit staticmethod `__new__`, implicit classmethods `__init_subclass__` and
/// `__class_getitem__`, the `__class__` cell, `__set_name__`, `__init_subclass__`), `type.__call__` makes an
/// instance (`__new__`, then `__init__` when the result is an instance), and a class's own metaclass is
/// consulted by both.
enum TypeObject {
    /// `type.__new__(metatype, name, bases, namespace, **kwargs)`.
    static func newType(metatype: PyType, name: String, bases baseValues: [Value], namespace: PyDict, kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> PyType {
        var bases: [PyType] = []
        for b in baseValues {
            guard case .object(let t as PyType) = b else {
                throw PyException.make(.typeError, "bases must be types")
            }
            if bases.contains(where: { $0 === t }) { throw PyException.make(.typeError, "duplicate base class \(t.name)") }
            bases.append(t)
        }
        var module = "__main__"
        if case .object(let s as PyStr)? = try namespace.get(.str("__module__")) { module = s.value }
        let type: PyType
        if bases.count > 1 {
            guard let t = PyType(name: name, bases: bases, module: module) else {
                throw PyException.make(.typeError, "Cannot create a consistent method resolution\norder (MRO) for bases \(bases.map(\.name).joined(separator: ", "))")
            }
            type = t
        } else {
            type = PyType(name: name, base: bases.first ?? BuiltinTypes.object, module: module)
        }
        type.cacheable = true
        // Exceptions keep their `args` in one slot from the start, as builtin exception classes do.
        if type.isSubtype(of: ExceptionKind.baseException.type) { type.filledShape = type.rootShape.adding("args") }
        if metatype !== BuiltinTypes.type { type.metaclass = metatype }
        for b in type.bases { b.addSubclass(type) }
        var classCell: PyCell?
        for (k, v) in namespace.entries {
            guard case .object(let s as PyStr) = k else { continue }
            var value = v
            switch s.value {
            case "__qualname__":
                guard case .object(let q as PyStr) = v else {
                    throw PyException.make(.typeError, "type __qualname__ must be a str, not \(typeName(v))")
                }
                type.qualifiedName = q.value
                continue
            case "__classcell__":
                classCell = v.asObject as? PyCell
                continue
            case "__new__":
                if case .object(let f) = v, f.tag == .function { value = .object(PyMethodWrapper(.staticMethod, v)) }
            case "__init_subclass__", "__class_getitem__":
                if case .object(let f) = v, f.tag == .function { value = .object(PyMethodWrapper(.classMethod, v)) }
            default: break
            }
            type.dict[s.value] = value
            type.definitionOrder.append(s.value)
            if case .object(let fn as PyFunction) = value { fn.definingClass = type }
            if case .object(let w as PyMethodWrapper) = value, case .object(let fn as PyFunction) = w.function { fn.definingClass = type }
        }
        if type.dict["__doc__"] == nil { type.dict["__doc__"] = Value.none }
        // A class that defines __eq__ but not __hash__ is unhashable (type_new's `__hash__ = None`).
        if type.dict["__eq__"] != nil && type.dict["__hash__"] == nil { type.dict["__hash__"] = Value.none }
        _ = try BuiltinSubclasses.valueBase(of: type)
        classCell?.value = .object(type)
        // PEP 487: __set_name__ on each attribute, then the parent's __init_subclass__.
        for (k, v) in namespace.entries {
            guard case .object(let s as PyStr) = k, case .object(let o) = v, o.tag != .function, o.tag != .builtin else { continue }
            if let w = o as? PyMethodWrapper, w.kind == .property { w.name = s.value }
            if let hook = typeOf(v).lookup("__set_name__") {
                do {
                    _ = try ctx.call(hook, [v, .object(type), .str(s.value)])
                } catch let e as PyException {
                    // 3.11's type_new_set_names: the error becomes the cause of a RuntimeError naming the attribute.
                    let wrapped = PyException.make(
                        .runtimeError, "Error calling __set_name__ on '\(typeName(v))' instance '\(s.value)' in '\(type.name)'")
                    wrapped.data.cause = e.value
                    wrapped.data.suppressContext = true
                    throw wrapped
                }
            }
        }
        try initSubclass(type, kwargs, ctx)
        return type
    }

    /// `super(type, type).__init_subclass__(**kwargs)`.
    static func initSubclass(_ type: PyType, _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws {
        guard let hook = type.lookup("__init_subclass__", after: type) else { return }
        var f = hook
        if case .object(let w as PyMethodWrapper) = hook, w.kind == .classMethod { f = w.function }
        _ = try ctx.call(f, [.object(type)], kwargs: kwargs)
    }

    /// `object.__init_subclass__`: accepts no keywords.
    static let objectInitSubclass = PyBuiltinFunction("__init_subclass__") { args, kwargs, _ in
        if !kwargs.isEmpty {
            let name = if case .object(let t as PyType)? = args.first { t.name } else { "object" }
            throw PyException.make(.typeError, "\(name).__init_subclass__() takes no keyword arguments")
        }
        return .none
    }

    // MARK: - Calling a class

    /// `cls(*args, **kwargs)`: the metaclass's `__call__` when it has its own, else `type.__call__`.
    static func call(_ t: PyType, _ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        if let meta = t.metaclass, let hook = meta.lookup("__call__"), !isTypeCall(hook) {
            return try ctx.call(hook, [.object(t)] + args, kwargs: kwargs)
        }
        return try typeCall(t, args, kwargs, ctx)
    }

    /// `type.__call__`: `__new__`, then `__init__` when `__new__` returned an instance of `t`.
    static func typeCall(_ t: PyType, _ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        if let c = t.construct { return try c(t, args, kwargs, ctx) }
        if t.filledShape != nil, kwargs.isEmpty, ExceptionConstruction.isPlain(t) {
            return .object(ExceptionConstruction.instance(t, args))
        }
        let newHook = t.lookup("__new__")
        let initializer = t.lookup("__init__")
        let obj: Value
        if let newHook, !isObjectNew(newHook) {
            obj = try ctx.call(unwrapStatic(newHook), [.object(t)] + args, kwargs: kwargs)
            guard typeOf(obj).isSubtype(of: t) else { return obj }
        } else {
            if (!args.isEmpty || !kwargs.isEmpty), initializer.map(isObjectInit) ?? true {
                throw PyException.make(.typeError, "\(t.name)() takes no arguments")
            }
            try checkNotAbstract(t, ctx)
            obj = .object(newInstance(t, args))
        }
        if let initializer, !isObjectInit(initializer) {
            let r = try ctx.call(initializer, [obj] + args, kwargs: kwargs)
            if !r.isNone { throw PyException.make(.typeError, "__init__() should return None, not '\(typeName(r))'") }
        }
        return obj
    }

    /// object_new's check: a class whose `__abstractmethods__` (set by ABCMeta) is not empty cannot be instantiated.
    static func checkNotAbstract(_ t: PyType, _ ctx: ExecutionContext) throws {
        let version = TypeCache.version.load(ordering: .relaxed)
        if t.instantiableAtVersion.load(ordering: .relaxed) == version { return }
        guard let abstract = t.lookup("__abstractmethods__"), !abstract.isNone else {
            t.instantiableAtVersion.store(version, ordering: .relaxed)
            return
        }
        // ABCMeta's usual answer, an empty frozenset (every concrete `numbers` class: `Fraction(n, d)`), without
        // collecting it into an array per instance.
        if case .object(let o) = abstract, let s = o as? PySet, s.count == 0 {
            t.instantiableAtVersion.store(version, ordering: .relaxed)
            return
        }
        let names = try collect(abstract, ctx).compactMap { v -> String? in if case .object(let s as PyStr) = v { s.value } else { nil } }.sorted()
        guard !names.isEmpty else { return }
        throw PyException.make(
            .typeError, "Can't instantiate abstract class \(t.name) with abstract method\(names.count == 1 ? "" : "s") \(names.joined(separator: ", "))")
    }

    /// `object.__new__(t)`: a plain instance; exceptions keep their arguments (BaseException.__new__).
    static func newInstance(_ t: PyType, _ args: [Value]) -> PyInstance {
        guard t.isSubtype(of: ExceptionKind.baseException.type) else { return PyInstance(type: t) }
        if t.filledShape != nil { return ExceptionConstruction.instance(t, args) }
        let instance = PyInstance(type: t)
        instance.setAttribute("args", .object(PyTuple(args)))
        instance.native = ExceptionData()
        return instance
    }

    static func unwrapStatic(_ v: Value) -> Value {
        if case .object(let w as PyMethodWrapper) = v, w.kind == .staticMethod { return w.function }
        return v
    }

    /// Whether `v` is `object.__new__` or `BaseException.__new__`: both make what `newInstance` makes.
    static func isObjectNew(_ v: Value) -> Bool {
        if case .object(let o) = unwrapStatic(v) { return o === objectNew || o === ExceptionConstruction.baseNew }
        return false
    }

    static func isObjectInit(_ v: Value) -> Bool {
        if case .object(let o) = v { return o === objectInit }
        return false
    }

    /// `object.__init__`, found once (every class call compared with a hashed dictionary lookup).
    private static let objectInit: PyObject? = BuiltinTypes.object.dict["__init__"]?.asObject

    static func isTypeCall(_ v: Value) -> Bool {
        if case .object(let o) = v { return o === typeCallFunction }
        return false
    }

    /// `object.__new__(cls, *args)`.
    static let objectNew = PyBuiltinFunction("__new__", minimumArguments: 1) { args, kwargs, _ in
        guard case .object(let cls as PyType) = args[0] else {
            throw PyException.make(.typeError, "object.__new__(X): X is not a type object (\(typeName(args[0])))")
        }
        // object_new's excess-argument rule: arguments are an error unless the class has its own `__init__` and
        // not a `__new__` of its own (`super().__new__(cls, x)` from an overriding `__new__` raises).
        if args.count > 1 || !kwargs.isEmpty {
            if !(cls.lookup("__new__").map(isObjectNew) ?? true) {
                throw PyException.make(.typeError, "object.__new__() takes exactly one argument (the type to instantiate)")
            }
            if cls.lookup("__init__").map(isObjectInit) ?? true { throw PyException.make(.typeError, "\(cls.name)() takes no arguments") }
        }
        var kind = cls.objectNewKindMemo.load(ordering: .relaxed)
        if kind == 0 {
            kind = objectNewKind(cls)
            cls.objectNewKindMemo.store(kind, ordering: .relaxed)
        }
        if kind == 2 {
            throw PyException.make(.typeError, "object.__new__(\(cls.name)) is not safe, use \(staticBase(cls).name).__new__()")
        }
        if cls.instantiableAtVersion.load(ordering: .relaxed) != TypeCache.version.load(ordering: .relaxed), let ctx = CurrentContext.get() {
            try checkNotAbstract(cls, ctx)
        }
        guard kind == 3 else { return .object(PyInstance(type: cls)) }
        return .object(newInstance(cls, Array(args.dropFirst())))
    }

    /// `objectNew`'s classification of `cls` (see `PyType.objectNewKindMemo`).
    private static func objectNewKind(_ cls: PyType) -> UInt8 {
        if valueTypeBase(cls) != nil { return 2 }
        return cls.isSubtype(of: ExceptionKind.baseException.type) ? 3 : 1
    }

    /// tp_new_wrapper's "static base": the first class along `base` whose `__new__` is not its own Python one.
    private static func staticBase(_ cls: PyType) -> PyType {
        var c = cls
        while c.cacheable, let own = c.lock.withLock({ c.dict["__new__"] }), case .object(let f) = unwrapStatic(own), f.tag == .function,
              let base = c.base {
            c = base
        }
        return c
    }

    /// The class, or its nearest ancestor, that is a builtin value type (`mro` would build an array).
    private static func valueTypeBase(_ cls: PyType) -> PyType? {
        BuiltinTypes.isValueType(cls) ? cls : cls.ancestors.first(where: { BuiltinTypes.isValueType($0) })
    }

    static let typeCallFunction = PyBuiltinFunction("__call__", minimumArguments: 1) { args, kwargs, ctx in
        guard case .object(let t as PyType) = args[0] else {
            throw PyException.make(.typeError, "descriptor '__call__' requires a 'type' object but received a '\(typeName(args[0]))'")
        }
        return try typeCall(t, Array(args.dropFirst()), kwargs, ctx)
    }

    // MARK: - type's methods

    static func install(_ t: PyType) {
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(PyBuiltinFunction("__new__", minimumArguments: 1) { args, kwargs, ctx in
            guard case .object(let meta as PyType) = args[0] else {
                throw PyException.make(.typeError, "type.__new__(X): X is not a type object (\(typeName(args[0])))")
            }
            if args.count == 2, meta === BuiltinTypes.type { return .object(typeOf(args[1])) }
            guard args.count == 4, case .object(let n as PyStr) = args[1], case .object(let b as PyTuple) = args[2],
                  case .object(let d as PyDict) = args[3]
            else { throw PyException.make(.typeError, "type.__new__() takes exactly 3 arguments (\(args.count - 1) given)") }
            let winner = try ClassBuilder.calculateMetaclass(meta, b.items)
            return .object(try newType(metatype: winner, name: n.value, bases: b.items, namespace: d, kwargs: kwargs, ctx))
        })))
        t.addMethod("__init__") { args, _, _ in
            if args.count != 2 && args.count != 4 { throw PyException.make(.typeError, "type.__init__() takes 1 or 3 arguments") }
            return .none
        }
        t.dict["__call__"] = .object(typeCallFunction)
        t.dict["__prepare__"] = .object(PyMethodWrapper(.classMethod, .object(PyBuiltinFunction("__prepare__") { _, _, _ in .object(PyDict()) })))
        t.addMethod("mro") { args, _, _ in
            guard case .object(let c as PyType) = args[0] else { return .object(PyList([])) }
            return .object(PyList(c.mro.map { .object($0) }))
        }
        t.addMethod("__subclasses__") { args, _, _ in
            guard case .object(let c as PyType) = args[0] else { return .object(PyList([])) }
            return .object(PyList(c.subclasses.map { .object($0) }))
        }
        t.addMethod("__instancecheck__") { args, _, _ in
            guard args.count == 2, case .object(let c as PyType) = args[0] else { return .bool(false) }
            return .bool(typeOf(args[1]).isSubtype(of: c))
        }
        t.addMethod("__subclasscheck__") { args, _, _ in
            guard args.count == 2, case .object(let c as PyType) = args[0], case .object(let sub as PyType) = args[1] else {
                throw PyException.make(.typeError, "issubclass() arg 1 must be a class")
            }
            return .bool(sub.isSubtype(of: c))
        }
    }
}
