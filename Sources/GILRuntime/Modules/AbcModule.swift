import Synchronization

/// `_abc` (Modules/_abc.c): the native half of `abc.ABCMeta`, which Lib/abc.py imports over `_py_abc`. Each ABC
/// keeps its registry, its positive cache and its negative cache (with the invalidation counter it was built
/// at) in an `_abc_data` object, its `_abc_impl`. Written in Python (`_py_abc`), `isinstance(1,
/// numbers.Rational)` ran `__instancecheck__` and three `WeakSet.__contains__` frames: 24.9 K instructions per
/// call against CPython's 2.0 K, paid by every mixed `Fraction` operation and every `collections.abc` check.
enum AbcModule {
    /// `abc_invalidation_counter`: bumped by every `register`, read as `get_cache_token()`. Negative caches
    /// built at an older value are stale (a class registered since may make the answer yes).
    static let invalidationCounter = Atomic<Int>(0)

    /// The Swift state of an `_abc_data` object.
    final class State {
        let lock = ObjectLock("abc")
        var registry = ClassSet()
        var cache = ClassSet()
        var negativeCache = ClassSet()
        var negativeCacheVersion = AbcModule.invalidationCounter.load(ordering: .relaxed)
    }

    /// CPython's sets of weak references to classes (`_in_weak_set`, `_add_to_weak_set`): a class is a
    /// member while it lives. Keyed by identity; an entry whose class died reads as absent (its reference
    /// answers nil, even when a new class takes the same address) and is pruned as the set grows.
    struct ClassSet {
        private var references: [ObjectIdentifier: WeakReferenceData] = [:]
        /// The size past which `add` first drops the entries of dead classes.
        private var pruneAt = 16
        /// The `weakref.ref` objects, kept alive so their data go on naming the class (a reference that
        /// dies clears its data).
        private var keepAlive: [ObjectIdentifier: PyInstance] = [:]

        func contains(_ o: PyObject) -> Bool {
            guard let data = references[ObjectIdentifier(o)], let live = data.target else { return false }
            return live === o
        }

        mutating func add(_ o: PyObject, _ ctx: ExecutionContext) throws {
            if contains(o) { return }
            let ref = try WeakReferences.make(WeakrefModule.referenceType, .object(o), callback: .none, ctx)
            guard let data = ref.native as? WeakReferenceData else { return }
            if references.count >= pruneAt {
                for (k, d) in references where d.target == nil {
                    references[k] = nil
                    keepAlive[k] = nil
                }
                pruneAt = Swift.max(16, 2 * references.count)
            }
            references[ObjectIdentifier(o)] = data
            keepAlive[ObjectIdentifier(o)] = ref
        }

        mutating func removeAll() {
            references.removeAll()
            keepAlive.removeAll()
            pruneAt = 16
        }

        /// The live members' references, as the set of weak references `_get_dump` answers.
        func liveReferences() -> [Value] {
            keepAlive.compactMap { k, ref in references[k]?.target == nil ? nil : .object(ref) }
        }
    }

    static func make() -> PyModule {
        let m = PyModule(name: "_abc")
        m.dict["_abc_data"] = .object(dataType)
        m.addFunction("get_cache_token") { args, kwargs, _ in
            try exactly(0, args, kwargs, "get_cache_token")
            return .int(invalidationCounter.load(ordering: .relaxed))
        }
        m.addFunction("_abc_init") { args, kwargs, ctx in
            try exactly(1, args, kwargs, "_abc_init")
            try initialize(args[0], ctx)
            return .none
        }
        m.addFunction("_abc_register") { args, kwargs, ctx in
            try exactly(2, args, kwargs, "_abc_register")
            return try register(args[0], args[1], ctx)
        }
        m.addFunction("_abc_instancecheck") { args, kwargs, ctx in
            try exactly(2, args, kwargs, "_abc_instancecheck")
            return try instanceCheck(args[0], args[1], ctx)
        }
        m.addFunction("_abc_subclasscheck") { args, kwargs, ctx in
            try exactly(2, args, kwargs, "_abc_subclasscheck")
            return try subclassCheck(args[0], args[1], ctx)
        }
        m.addFunction("_get_dump") { args, kwargs, ctx in
            try exactly(1, args, kwargs, "_get_dump")
            let s = try state(args[0], ctx)
            let (registry, cache, negative, version) = s.lock.withLock {
                (s.registry.liveReferences(), s.cache.liveReferences(), s.negativeCache.liveReferences(), s.negativeCacheVersion)
            }
            func set(_ items: [Value]) throws -> Value {
                let r = PySet()
                for v in items { try r.add(v) }
                return .object(r)
            }
            return .object(PyTuple([try set(registry), try set(cache), try set(negative), .int(version)]))
        }
        m.addFunction("_reset_registry") { args, kwargs, ctx in
            try exactly(1, args, kwargs, "_reset_registry")
            let s = try state(args[0], ctx)
            s.lock.withLock { s.registry.removeAll() }
            return .none
        }
        m.addFunction("_reset_caches") { args, kwargs, ctx in
            try exactly(1, args, kwargs, "_reset_caches")
            let s = try state(args[0], ctx)
            s.lock.withLock {
                s.cache.removeAll()
                s.negativeCache.removeAll()
            }
            return .none
        }
        return m
    }

    /// `_abc._abc_data`: `_abc_data()` makes an empty one (abc_data_new).
    static let dataType: PyType = {
        let t = PyType(name: "_abc_data", base: BuiltinTypes.object, module: "_abc")
        t.construct = { type, args, kwargs, _ in
            guard args.isEmpty, kwargs.isEmpty else { throw PyException.make(.typeError, "_abc_data() takes no arguments") }
            let i = PyInstance(type: type)
            i.native = State()
            return .object(i)
        }
        return t
    }()

    private static func exactly(_ n: Int, _ args: [Value], _ kwargs: [(String, Value)], _ name: String) throws {
        guard kwargs.isEmpty else { throw PyException.make(.typeError, "\(name)() takes no keyword arguments") }
        guard args.count == n else {
            throw PyException.make(
                .typeError, n == 0 ? "\(name)() takes no arguments (\(args.count) given)"
                    : n == 1 ? "\(name)() takes exactly one argument (\(args.count) given)"
                    : "\(name) expected \(n) arguments, got \(args.count)")
        }
    }

    /// `cls._abc_impl` (`_get_impl`): read from the class's own MRO when its metaclass does not define the
    /// name, else through the general lookup, as `PyObject_GetAttr` would.
    static func state(_ cls: Value, _ ctx: ExecutionContext) throws -> State {
        let impl: Value
        if case .object(let o) = cls, o.tag == .type, let t = Optional(unsafeDowncast(o, to: PyType.self)),
           t.metaclass?.lookup("_abc_impl") == nil, let found = t.lookup("_abc_impl") {
            impl = found
        } else {
            impl = try Attributes.get(cls, "_abc_impl", ctx)
        }
        guard case .object(let i) = impl, i.tag == .instance, let s = unsafeDowncast(i, to: PyInstance.self).native as? State else {
            throw PyException.make(.typeError, "_abc_impl is set to a wrong type")
        }
        return s
    }

    /// `getattr(value, "__isabstractmethod__", False)` taken as a truth value (`_PyObject_IsAbstract`).
    private static func isAbstract(_ v: Value, _ ctx: ExecutionContext) throws -> Bool {
        // Functions, ints, strs without the attribute: answered without raising and catching AttributeError.
        if case .object(let o) = v, o.tag == .function {
            guard let f = unsafeDowncast(o, to: PyFunction.self).attributes["__isabstractmethod__"] else { return false }
            return try truthy(f, ctx)
        }
        guard let a = try lookupOptional(v, "__isabstractmethod__", ctx) else { return false }
        return try truthy(a, ctx)
    }

    /// `_PyObject_LookupAttr`: the attribute, or nil on AttributeError.
    private static func lookupOptional(_ v: Value, _ name: String, _ ctx: ExecutionContext) throws -> Value? {
        do {
            return try Attributes.get(v, name, ctx)
        } catch let e as PyException where e.matches(.attributeError) {
            return nil
        }
    }

    /// `_abc_init`: `__abstractmethods__` (compute_abstract_methods), a fresh `_abc_impl`, and a class body's
    /// `__abc_tpflags__` taken out of its namespace.
    static func initialize(_ cls: Value, _ ctx: ExecutionContext) throws {
        var abstracts: [Value] = []
        // Stage 1: the class's own abstract methods, in namespace order.
        let ns = try Attributes.get(cls, "__dict__", ctx)
        let items = try collect(try ctx.call(try Attributes.get(ns, "items", ctx), []), ctx)
        for item in items {
            guard case .object(let t as PyTuple) = item, t.items.count == 2 else {
                throw PyException.make(.typeError, "items() returned item which is not a 2-tuple")
            }
            if try isAbstract(t.items[1], ctx) { abstracts.append(t.items[0]) }
        }
        // Stage 2: inherited abstract methods the class did not implement.
        guard case .object(let bases as PyTuple) = try Attributes.get(cls, "__bases__", ctx) else {
            throw PyException.make(.typeError, "__bases__ is not tuple")
        }
        for base in bases.items {
            guard let inherited = try lookupOptional(base, "__abstractmethods__", ctx) else { continue }
            for name in try collect(inherited, ctx) {
                guard case .object(let s as PyStr) = name else {
                    throw PyException.make(.typeError, "attribute name must be string, not '\(typeName(name))'")
                }
                guard let value = try lookupOptional(cls, s.value, ctx) else { continue }
                if try isAbstract(value, ctx) { abstracts.append(name) }
            }
        }
        let frozen = PySet(frozen: true)
        for name in abstracts { try frozen.add(name) }
        try Attributes.set(cls, "__abstractmethods__", .object(frozen), ctx)
        let data = PyInstance(type: dataType)
        data.native = State()
        try Attributes.set(cls, "_abc_impl", .object(data), ctx)
        if case .object(let o) = cls, o.tag == .type {
            let t = unsafeDowncast(o, to: PyType.self)
            if t.lock.withLock({ t.dict["__abc_tpflags__"] }) != nil {
                t.lock.withLock { t.dict["__abc_tpflags__"] = nil }
                t.definitionOrder.removeAll { $0 == "__abc_tpflags__" }
            }
        }
    }

    /// `_abc_register`: `subclass` becomes a virtual subclass of `cls` (unless it is one already), refusing a
    /// cycle; every negative cache goes stale.
    static func register(_ cls: Value, _ subclass: Value, _ ctx: ExecutionContext) throws -> Value {
        guard case .object(let sub) = subclass, sub.tag == .type else { throw PyException.make(.typeError, "Can only register classes") }
        if try BuiltinFunctions.isSubclass(subclass, cls, ctx) { return subclass }
        // Tested after "already a subclass": X.register(X) is a no-op, not a cycle.
        if try BuiltinFunctions.isSubclass(cls, subclass, ctx) {
            throw PyException.make(.runtimeError, "Refusing to create an inheritance cycle")
        }
        let s = try state(cls, ctx)
        try s.lock.withLock { try s.registry.add(sub, ctx) }
        invalidationCounter.wrappingAdd(1, ordering: .relaxed)
        return subclass
    }

    /// `_abc_instancecheck`.
    static func instanceCheck(_ cls: Value, _ instance: Value, _ ctx: ExecutionContext) throws -> Value {
        let s = try state(cls, ctx)
        let subclass = try classAttribute(instance, ctx)
        if case .object(let c) = subclass, s.lock.withLock({ s.cache.contains(c) }) { return .bool(true) }
        let subtype = typeOf(instance)
        if case .object(let c) = subclass, c === subtype {
            let negative = s.lock.withLock {
                s.negativeCacheVersion == invalidationCounter.load(ordering: .relaxed) && s.negativeCache.contains(c)
            }
            if negative { return .bool(false) }
            return try callSubclassCheck(cls, subclass, ctx)
        }
        let first = try callSubclassCheck(cls, subclass, ctx)
        if try truthy(first, ctx) { return first }
        return try callSubclassCheck(cls, .object(subtype), ctx)
    }

    /// `instance.__class__`: the type itself unless its class defines `__class__` (a proxy's property); an
    /// instance's own `__class__` entry does not count (object's `__class__` is a data descriptor).
    static func classAttribute(_ v: Value, _ ctx: ExecutionContext) throws -> Value {
        guard case .object(let o) = v, o.tag == .instance || o.tag == .subclassed else { return .object(typeOf(v)) }
        let t = typeOf(v)
        return t.special(.classAttribute) == nil ? .object(t) : try Attributes.get(v, "__class__", ctx)
    }

    /// `cls.__subclasscheck__(c)` through the metaclass, as `PyObject_CallMethodOneArg` does: the metaclass's
    /// Python method on a fast frame when the class itself does not define the name.
    private static func callSubclassCheck(_ cls: Value, _ c: Value, _ ctx: ExecutionContext) throws -> Value {
        if case .object(let o) = cls, o.tag == .type, case let t = unsafeDowncast(o, to: PyType.self),
           let hook = t.metaclass?.lookup("__subclasscheck__"), case .object(let f) = hook, f.tag == .function, t.lookup("__subclasscheck__") == nil {
            return try Interpreter.callSpecial(hook, cls, c, ctx)
        }
        return try ctx.call(try Attributes.get(cls, "__subclasscheck__", ctx), [c])
    }

    /// `_abc_subclasscheck`: the positive cache, the negative cache (dropped when a class was registered
    /// since it was built), `__subclasshook__`, the MRO, the registry, then the ABC's subclasses.
    static func subclassCheck(_ cls: Value, _ subclass: Value, _ ctx: ExecutionContext) throws -> Value {
        guard case .object(let sub) = subclass, sub.tag == .type else {
            throw PyException.make(.typeError, "issubclass() arg 1 must be a class")
        }
        let subType = unsafeDowncast(sub, to: PyType.self)
        let s = try state(cls, ctx)
        // 1. and 2.: the caches.
        let cached: Bool? = s.lock.withLock {
            if s.cache.contains(sub) { return true }
            let counter = invalidationCounter.load(ordering: .relaxed)
            if s.negativeCacheVersion < counter {
                s.negativeCache.removeAll()
                s.negativeCacheVersion = counter
            } else if s.negativeCache.contains(sub) {
                return false
            }
            return nil
        }
        if let cached { return .bool(cached) }
        func answer(_ yes: Bool) throws -> Value {
            try s.lock.withLock { try yes ? s.cache.add(sub, ctx) : s.negativeCache.add(sub, ctx) }
            return .bool(yes)
        }
        // 3. The subclass hook.
        let ok = try ctx.call(try Attributes.get(cls, "__subclasshook__", ctx), [subclass])
        switch ok {
        case .bool(let b): return try answer(b)
        default:
            guard isNotImplemented(ok) else {
                throw PyException.make(.assertionError, "__subclasshook__ must return either False, True, or NotImplemented")
            }
        }
        // 4. A direct subclass.
        if case .object(let c) = cls, c.tag == .type, subType.isSubtype(of: unsafeDowncast(c, to: PyType.self)) { return try answer(true) }
        // 5. A subclass of a registered class (recursively).
        let registered: [Value] = s.lock.withLock { s.registry.liveReferences() }
        if s.lock.withLock({ s.registry.contains(sub) }) { return try answer(true) }
        for ref in registered {
            let r = WeakReferences.target(ref)
            if r.isNone { continue }
            if try BuiltinFunctions.isSubclass(subclass, r, ctx) { return try answer(true) }
        }
        // 6. A subclass of a subclass (recursively).
        let subclasses = try ctx.call(try Attributes.get(cls, "__subclasses__", ctx), [])
        guard case .object(let list as PyList) = subclasses else { throw PyException.make(.typeError, "__subclasses__() must return a list") }
        for scls in list.withItems({ $0 }) where try BuiltinFunctions.isSubclass(subclass, scls, ctx) {
            return try answer(true)
        }
        return try answer(false)
    }
}
