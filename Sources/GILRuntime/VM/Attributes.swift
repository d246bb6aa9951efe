/// `staticmethod`, `classmethod` and `property` objects stored in a class.
final class PyMethodWrapper: PyObject, @unchecked Sendable {
    enum Kind { case staticMethod, classMethod, property }
    let kind: Kind
    let function: Value
    var setter: Value?
    var deleter: Value?
    /// A property's attribute name, given by the class statement that stored it (`property.__set_name__`),
    /// for the messages of a missing setter or deleter.
    var name: String?

    /// CPython 3.11's AttributeError for a property without a setter (`"setter"`) or deleter on `target`.
    func missingAccessor(_ accessor: String, of target: Value) -> PyException {
        let named = name.map { " '\($0)'" } ?? ""
        return PyException.make(.attributeError, "property\(named) of '\(typeName(target))' object has no \(accessor)")
    }

    /// A property's `doc` argument; without one its `__doc__` is the getter's.
    var doc: Value?

    init(_ kind: Kind, _ function: Value) {
        self.kind = kind
        self.function = function
        super.init(tag: .cell)
    }

    /// `property(fget=None, fset=None, fdel=None, doc=None)`, positionally or by keyword (Objects/descrobject.c).
    static func makeProperty(_ args: [Value], _ keywords: [(String, Value)]) throws -> PyMethodWrapper {
        let names = ["fget", "fset", "fdel", "doc"]
        if args.count > names.count { throw PyException.make(.typeError, "property() takes at most 4 arguments (\(args.count) given)") }
        var given = args.map { Optional($0) } + Array(repeating: nil, count: names.count - args.count)
        for (name, value) in keywords {
            guard let i = names.firstIndex(of: name) else {
                throw PyException.make(.typeError, "'\(name)' is an invalid keyword argument for property()")
            }
            if given[i] != nil { throw PyException.make(.typeError, "argument for property() given by name ('\(name)') and position (\(i + 1))") }
            given[i] = value
        }
        func accessor(_ v: Value?) -> Value? { v.flatMap { $0.isNone ? nil : $0 } }
        let p = PyMethodWrapper(.property, given[0] ?? .none)
        p.setter = accessor(given[1])
        p.deleter = accessor(given[2])
        p.doc = accessor(given[3])
        return p
    }

    /// `prop.getter(f)` / `.setter(f)` / `.deleter(f)`: a new property with that accessor replaced, as CPython's
    /// property_copy — the decorated property itself is left alone (a subclass's `@Base.x.setter` must not give
    /// the base class a setter).
    func replacing(getter: Value? = nil, setter: Value? = nil, deleter: Value? = nil) -> PyMethodWrapper {
        let p = PyMethodWrapper(.property, getter ?? function)
        p.setter = setter ?? self.setter
        p.deleter = deleter ?? self.deleter
        p.doc = doc
        p.name = name
        return p
    }

    /// The property's value on `receiver`; "has no getter" when it was made without one.
    func propertyValue(of receiver: Value, _ ctx: ExecutionContext) throws -> Value {
        if function.isNone { throw missingAccessor("getter", of: receiver) }
        return try ctx.call(function, [receiver])
    }
}

/// Attribute access (Objects/object.c PyObject_GenericGetAttr in miniature): instance attributes, then
/// the class chain, binding functions found on the class to the receiver.
enum Attributes {
    static func get(_ v: Value, _ name: String, _ ctx: ExecutionContext) throws -> Value {
        let found: Value?
        do {
            found = try lookup(v, name, ctx)
        } catch let e as PyException where e.matches(.attributeError) {
            // object.c set_attribute_error_context: an AttributeError out of `__getattr__`, a property or a
            // descriptor names the attribute and the object unless it already did.
            AttributeErrors.fillContext(e.value, v, name)
            throw e
        }
        guard let a = found else { throw missing(v, name) }
        return a
    }

    /// `get` that answers nil where the attribute does not exist instead of raising AttributeError
    /// (CPython's `_PyObject_LookupAttr`): `getattr(o, n, default)` and `hasattr` ask for missing names
    /// often (pickle asks every object for `reducer_override`), and building the exception — message,
    /// args, instance — costs twenty times the lookup. An AttributeError raised by a property, a
    /// descriptor or `__getattr__` still propagates.
    static func lookup(_ v: Value, _ name: String, _ ctx: ExecutionContext) throws -> Value? {
        if case .object(let o) = v {
            // An instance of a builtin subclass keeps its attributes in a PyInstance of its class; with `v`
            // as the receiver, the instance path below serves it unchanged.
            switch o.tag == .subclassed ? BuiltinSubclasses.bag(of: o) ?? o : o {
            case let i as PyInstance:
                if let local = i.native as? ThreadLocalStorage {
                    try local.prepare(i, ctx)
                    if let a = local.get(name, ctx) { return a }
                }
                let classAttribute = i.type.lookup(name)
                if let cv = classAttribute, case .object(let w as PyMethodWrapper) = cv, w.kind == .property {
                    return try fallingBack(i, v, name, ctx) { try w.propertyValue(of: v, ctx) }
                }
                // A data descriptor (`__get__` with `__set__`/`__delete__`) outranks the instance's own attributes.
                if let cv = classAttribute, let get = Descriptors.getter(cv, dataOnly: true) {
                    return try fallingBack(i, v, name, ctx) { try ctx.call(get, [cv, v, .object(i.type)]) }
                }
                if let a = i.getAttribute(name) { return a }
                if let cv = classAttribute {
                    if let get = Descriptors.getter(cv, dataOnly: false) { return try ctx.call(get, [cv, v, .object(i.type)]) }
                    return bind(cv, to: v, type: i.type)
                }
                if name == "__class__" { return .object(i.type) }
                if let d = i.native as? ExceptionData {
                    switch name {
                    case "__cause__": return d.cause.map { .object($0) } ?? Value.none
                    case "__context__": return d.context.map { .object($0) } ?? Value.none
                    case "__suppress_context__": return .bool(d.suppressContext)
                    case "__traceback__": return TracebackObjects.chain(d)
                    case "value" where i.type.isSubtype(of: ExceptionKind.stopIteration.type):
                        return exceptionArgs(i).first ?? Value.none
                    case "args" where d.argsPending:
                        AttributeErrors.settleArgs(i)
                        if let a = i.getAttribute("args") { return a }
                    case "name", "obj":
                        if i.type.isSubtype(of: ExceptionKind.attributeError.type) { return AttributeErrors.field(d, name) }
                    default: break
                    }
                }
                if name == "__dict__" { return .object(InstanceNamespace(i)) }
                if let g = i.type.special(.getattr) { return try ctx.call(g, [v, .str(name)]) }
                return nil
            case let t as PyType:
                // A property of the metaclass outranks the class's own attributes (a data descriptor).
                if let meta = t.metaclass, let mv = meta.lookup(name), case .object(let w as PyMethodWrapper) = mv, w.kind == .property {
                    return try w.propertyValue(of: v, ctx)
                }
                if let cv = t.lookup(name) {
                    if let get = Descriptors.getter(cv, dataOnly: false) { return try ctx.call(get, [cv, Value.none, v]) }
                    if case .object(let w as PyMethodWrapper) = cv {
                        switch w.kind {
                        case .staticMethod: return w.function
                        case .classMethod: return .object(PyBoundMethod(function: w.function, receiver: v))
                        case .property: return cv
                        }
                    }
                    return cv
                }
                switch name {
                case "__name__": return .str(t.name)
                case "__qualname__": return .str(t.qualifiedName ?? t.name)
                case "__module__": return .str(t.module)
                case "__base__": return t.base.map { .object($0) } ?? Value.none
                case "__bases__": return .object(PyTuple(t.bases.map { .object($0) }))
                case "__mro__": return .object(PyTuple(t.mro.map { .object($0) }))
                case "__class__": return .object(t.metaclass ?? BuiltinTypes.type)
                case "__doc__": return Value.none
                case "__dict__":
                    // read-only, as CPython's: a mappingproxy (over a snapshot: the class's table is Swift's)
                    return .object(MappingProxy.make(.object(try namespaceSnapshot(t))))
                default: break
                }
                // Then the metaclass's attributes, methods bound to the class (type_getattro).
                let meta = t.metaclass ?? BuiltinTypes.type
                if let mv = meta.lookup(name) { return bind(mv, to: v, type: meta) }
                if let hook = t.metaclass?.lookup("__getattr__") { return try ctx.call(hook, [v, .str(name)]) }
                return nil
            case let m as PyModule:
                if let a = m.get(name) { return a }
                if name == "__name__" { return .str(m.name) }
                if name == "__dict__" { return .object(try m.namespaceSnapshot()) }
                return nil
            case let s as PySuper:
                // super_check: a class deriving from the start class searches its own MRO (classmethods,
                // __new__); anything else searches its type's (instances, and classes whose metaclass it is).
                var type = typeOf(s.receiver)
                if case .object(let t as PyType) = s.receiver, t.isSubtype(of: s.startAfter) { type = t }
                guard let cv = type.lookup(name, after: s.startAfter) else { return nil }
                return bind(cv, to: s.receiver, type: type)
            case let f as PyFunction:
                switch name {
                case "__name__": return .str(f.name)
                case "__qualname__": return .str(f.qualifiedName)
                case "__module__": return f.attributes["__module__"] ?? .str("__main__")
                case "__doc__": return f.attributes["__doc__"] ?? f.code.docstring.map { .str($0) } ?? Value.none
                case "__closure__": return f.cells.isEmpty ? Value.none : .object(PyTuple(f.cells.map { .object($0) }))
                case "__defaults__":
                    return f.defaults.isEmpty && !f.defaultsAreEmptyTuple ? Value.none : .object(PyTuple(f.defaults))
                case "__code__": return f.attributes["__code__"] ?? .object(CodeValue.make(f.code))
                case "__kwdefaults__":
                    if f.keywordDefaults.isEmpty { return Value.none }
                    let d = PyDict()
                    for (k, v) in f.keywordDefaults { try d.set(.str(k), v) }
                    return .object(d)
                case "__globals__": return .object(f.globals.namespaceDict())
                case "__builtins__": return .object(ctx.runtime.builtins)
                case "__dict__": return .object(FunctionNamespace(f))
                case "__annotations__":
                    // Made empty on first access when the def had none, as CPython's func_get_annotations.
                    if let a = f.attributes[name] { return a }
                    let empty = Value.object(PyDict())
                    f.attributes[name] = empty
                    return empty
                default:
                    if let a = f.attributes[name] { return a }
                }
            case let f as PyBuiltinFunction:
                if name == "__name__" || name == "__qualname__" { return .str(f.name) }
            case let g as PyGenerator:
                if name == "__name__" { return .str(g.name) }
                if name == "__qualname__" { return .str(g.qualifiedName) }
            case let m as PyBoundMethod:
                if name == "__self__" { return m.receiver }
                if name == "__func__" { return m.function }
                return try get(m.function, name, ctx)
            case let w as PyMethodWrapper where w.kind == .property:
                if name == "getter" || name == "setter" || name == "deleter" {
                    return .object(PyBuiltinFunction(name) { args, _, _ in
                        guard args.count == 1 else { throw PyException.make(.typeError, "property.\(name)() takes exactly one argument (\(args.count) given)") }
                        let f = args[0].isNone ? nil : args[0]
                        switch name {
                        case "getter": return .object(w.replacing(getter: f))
                        case "setter": return .object(w.replacing(setter: f))
                        default: return .object(w.replacing(deleter: f))
                        }
                    })
                }
                if name == "fget" { return w.function }
                if name == "fset" { return w.setter ?? Value.none }
                if name == "fdel" { return w.deleter ?? Value.none }
                if name == "__doc__" {
                    if let doc = w.doc { return doc }
                    return w.function.isNone ? Value.none : (try? get(w.function, "__doc__", ctx)) ?? Value.none
                }
                if name == "__isabstractmethod__" { return .bool(abstract(w.function, ctx) || w.setter.map { abstract($0, ctx) } ?? false) }
            case let w as PyMethodWrapper:
                // staticmethod / classmethod
                if name == "__func__" || name == "__wrapped__" { return w.function }
                if name == "__isabstractmethod__" { return .bool(abstract(w.function, ctx)) }
            case let s as PySlice:
                switch name {
                case "start": return s.lower
                case "stop": return s.upper
                case "step": return s.step
                default: break
                }
            case let r as PyBigRange:
                switch name {
                case "start": return .integer(r.start)
                case "stop": return .integer(r.stop)
                case "step": return .integer(r.step)
                default: break
                }
            case let r as PyRange:
                switch name {
                case "start": return .int(r.start)
                case "stop": return .int(r.stop)
                case "step": return .int(r.step)
                default: break
                }
            default: break
            }
        }
        let t = typeOf(v)
        if let cv = t.lookup(name) {
            // A property of a builtin type (array.itemsize, …) is computed.
            if case .object(let w as PyMethodWrapper) = cv, w.kind == .property { return try w.propertyValue(of: v, ctx) }
            return bind(cv, to: v, type: t)
        }
        if name == "__class__" { return .object(t) }
        if name == "__doc__" { return Value.none }
        if name == "real", Arithmetic.number(v) != nil { return v }
        if name == "numerator", case .int? = Arithmetic.number(v) { return v }
        if name == "numerator", case .small? = Arithmetic.number(v) { return v }
        if name == "denominator", case .int? = Arithmetic.number(v) { return .int(1) }
        if name == "denominator", case .small? = Arithmetic.number(v) { return .int(1) }
        if name == "imag", Arithmetic.number(v) != nil { return .int(0) }
        if case .object(let c as PyComplex) = v, name == "real" || name == "imag" { return .float(name == "real" ? c.real : c.imag) }
        return nil
    }

    /// `read()` — a property's getter or a descriptor's `__get__` — or, when it raises AttributeError and the
    /// class defines `__getattr__`, what that answers (typeobject.c slot_tp_getattr_hook).
    static func fallingBack(_ i: PyInstance, _ v: Value, _ name: String, _ ctx: ExecutionContext, _ read: () throws -> Value) throws -> Value {
        do {
            return try read()
        } catch let e as PyException where e.matches(.attributeError) {
            guard let g = i.type.special(.getattr) else { throw e }
            return try ctx.call(g, [v, .str(name)])
        }
    }

    /// The AttributeError `get` raises for a name `lookup` did not find, worded as CPython's (when read).
    @inline(never)
    static func missing(_ v: Value, _ name: String) -> PyException { AttributeErrors.missing(v, name) }

    /// Whether a class attribute becomes a bound method when read through an instance.
    @inline(__always)
    static func bindsAsMethod(_ o: PyObject) -> Bool {
        o.tag == .function || (o.tag == .builtin && unsafeDowncast(o, to: PyBuiltinFunction.self).bindsToInstance)
    }

    /// A class attribute seen through an instance: functions become bound methods.
    static func bind(_ cv: Value, to receiver: Value, type: PyType) -> Value {
        guard case .object(let o) = cv else { return cv }
        switch o {
        case is PyFunction: return .object(PyBoundMethod(function: cv, receiver: receiver))
        case let f as PyBuiltinFunction: return f.bindsToInstance ? .object(PyBoundMethod(function: cv, receiver: receiver)) : cv
        case let w as PyMethodWrapper:
            switch w.kind {
            case .staticMethod: return w.function
            case .classMethod: return .object(PyBoundMethod(function: w.function, receiver: .object(type)))
            case .property: return cv
            }
        default: return cv
        }
    }

    /// `obj.name(...)` without allocating a bound method: (function, self) for methods found on the class,
    /// (None, attribute) otherwise — CPython 3.11's LOAD_METHOD.
    static func loadMethod(_ v: Value, _ name: String, _ ctx: ExecutionContext) throws -> (Value, Value) {
        if case .object(let o) = v {
            switch o.tag {
            case .instance:
                let i = unsafeDowncast(o, to: PyInstance.self)
                if i.native is ThreadLocalStorage { return (.none, try get(v, name, ctx)) }
                let cv = i.type.lookup(name)
                if let a = i.getAttribute(name) {
                    // A data descriptor of the class (a property, `__get__` with `__set__`/`__delete__`)
                    // outranks the instance's own attribute, as in `get` (`o.act()` called the attribute).
                    if let cv, case .object(let w) = cv,
                       (w as? PyMethodWrapper)?.kind == .property || Descriptors.getter(cv, dataOnly: true) != nil {
                        return (.none, try get(v, name, ctx))
                    }
                    return (.none, a)
                }
                if let cv, case .object(let f) = cv, bindsAsMethod(f) {
                    return (cv, v)
                }
            case .module, .type, .superProxy, .function, .boundMethod:
                return (.none, try get(v, name, ctx))
            case .subclassed:
                if let bag = BuiltinSubclasses.bag(of: o) {
                    if let a = bag.getAttribute(name) { return (.none, a) }
                    if let cv = bag.type.lookup(name), case .object(let f) = cv, bindsAsMethod(f) { return (cv, v) }
                }
            default:
                if let cv = typeOf(v).lookup(name), case .object(let f) = cv, f.tag == .builtin, bindsAsMethod(f) { return (cv, v) }
            }
        } else if let cv = typeOf(v).lookup(name), case .object(let f) = cv, f.tag == .builtin {
            return (cv, v)
        }
        return (.none, try get(v, name, ctx))
    }

    /// A special method looked up on the type (`__enter__`, `__exit__`), unbound.
    static func lookupSpecial(_ v: Value, _ name: String) throws -> Value? {
        typeOf(v).lookup(name)
    }

    /// `target.name = value`; with `hooks: false`, `object.__setattr__`/`type.__setattr__`: descriptors and
    /// properties still apply, a class's own `__setattr__` (or its metaclass's) is not called.
    static func set(_ target: Value, _ name: String, _ value: Value, _ ctx: ExecutionContext, hooks: Bool = true) throws {
        guard case .object(let o) = target else {
            throw PyException.make(.attributeError, "'\(typeName(target))' object has no attribute '\(name)'")
        }
        switch o.tag == .subclassed ? BuiltinSubclasses.bag(of: o) ?? o : o {
        case let i as PyInstance:
            if let cv = i.type.lookup(name), case .object(let w as PyMethodWrapper) = cv, w.kind == .property {
                guard let setter = w.setter else { throw w.missingAccessor("setter", of: target) }
                _ = try ctx.call(setter, [target, value])
                return
            }
            if let cv = i.type.lookup(name), let set = Descriptors.method(cv, "__set__") {
                _ = try ctx.call(set, [cv, target, value])
                return
            }
            if let local = i.native as? ThreadLocalStorage {
                try local.prepare(i, ctx)
                local.set(name, value, ctx)
                return
            }
            if let data = i.native as? ExceptionData, name.hasPrefix("__"), try ExceptionAttributes.set(data, name, value) { return }
            if let data = i.native as? ExceptionData, name == "name" || name == "obj", i.type.isSubtype(of: ExceptionKind.attributeError.type) {
                AttributeErrors.setField(data, name, value)
                return
            }
            if hooks, let hook = i.type.special(.setattr), case .object(let f) = hook, f is PyFunction {
                _ = try ctx.call(hook, [target, .str(name), value])
                return
            }
            i.setAttribute(name, value)
        case let t as PyType:
            if let meta = t.metaclass {
                if let mv = meta.lookup(name), case .object(let w as PyMethodWrapper) = mv, w.kind == .property {
                    guard let setter = w.setter else { throw w.missingAccessor("setter", of: target) }
                    _ = try ctx.call(setter, [target, value])
                    return
                }
                if hooks, let hook = meta.lookup("__setattr__"), case .object(let f) = hook, f is PyFunction {
                    _ = try ctx.call(hook, [target, .str(name), value])
                    return
                }
            }
            t.lock.withLock { t.dict[name] = value }
        case let m as PyModule:
            m.set(name, value)
        case let f as PyFunction:
            // functools.wraps renames the wrapper.
            if name == "__name__", case .object(let s as PyStr) = value { f.name = s.value }
            if name == "__qualname__", case .object(let s as PyStr) = value { f.qualifiedName = s.value }
            // The defaults calls read (Objects/funcobject.c func_set_defaults / func_set_kwdefaults).
            if name == "__defaults__" {
                if value.isNone { f.defaults = []; f.defaultsAreEmptyTuple = false } else if case .object(let t) = value, t.tag == .tuple {
                    f.defaults = unsafeDowncast(t, to: PyTuple.self).items
                    f.defaultsAreEmptyTuple = f.defaults.isEmpty
                    return
                } else {
                    throw PyException.make(.typeError, "__defaults__ must be set to a tuple object")
                }
                return
            }
            if name == "__kwdefaults__" {
                var kw: [String: Value] = [:]
                if case .object(let d as PyDict) = value, d.tag == .dict {
                    for (k, v) in d.entries { if case .object(let s as PyStr) = k { kw[s.value] = v } }
                } else if !value.isNone {
                    throw PyException.make(.typeError, "__kwdefaults__ must be set to a dict object")
                }
                f.keywordDefaults = kw
                return
            }
            f.attributes[name] = value
        case let g as PyGenerator where name == "__name__" || name == "__qualname__":
            try g.rename(name == "__qualname__", to: value)
        default:
            throw PyException.make(.attributeError, "'\(typeName(target))' object has no attribute '\(name)'")
        }
    }

    static func delete(_ target: Value, _ name: String, _ ctx: ExecutionContext) throws {
        // A data descriptor of the class decides, for builtin subclasses' instances too (`del point.x` of a
        // namedtuple: its `_tuplegetter` refuses).
        if case .object(let o) = target, o.tag == .instance || o.tag == .subclassed, let cv = typeOf(target).lookup(name) {
            if let del = Descriptors.method(cv, "__delete__") {
                _ = try ctx.call(del, [cv, target])
                return
            }
            if case .object(let w as PyMethodWrapper) = cv, w.kind == .property {
                guard let deleter = w.deleter else { throw w.missingAccessor("deleter", of: target) }
                _ = try ctx.call(deleter, [target])
                return
            }
        }
        if case .object(let i as PyInstance) = target, let local = i.native as? ThreadLocalStorage {
            try local.prepare(i, ctx)
            if local.remove(name, ctx) { return }
        }
        if case .object(let i as PyInstance) = target, i.removeAttribute(name) != nil { return }
        if case .object(let o) = target, o.tag == .subclassed, let bag = BuiltinSubclasses.bag(of: o) {
            if let hook = bag.type.lookup("__delattr__"), case .object(let f) = hook, f is PyFunction {
                _ = try ctx.call(hook, [target, .str(name)])
                return
            }
            if bag.removeAttribute(name) != nil { return }
        }
        if case .object(let t as PyType) = target, t.lock.withLock({ t.dict.removeValue(forKey: name) }) != nil { return }
        if case .object(let m as PyModule) = target {
            if let g = m.globals {
                if g.remove(named: name) { return }
            } else if m.lock.withLock({ m.dict.removeValue(forKey: name) }) != nil {
                return
            }
            throw PyException.make(.attributeError, "'module' object has no attribute '\(name)'")
        }
        if case .object(let o) = target, o.tag == .generator, name == "__name__" || name == "__qualname__" {
            throw GeneratorNames.mustBeString(name)
        }
        throw PyException.make(.attributeError, "'\(typeName(target))' object has no attribute '\(name)'")
    }
}

extension Attributes {
    /// The dict `cls.__dict__`'s proxy reads: the class's attributes in definition order, built once per
    /// `TypeCache.version` (typing's protocol checks read `base.__dict__` for every base at every
    /// `isinstance`: building and sorting it each time was a quarter of typing_runtime_protocols). The
    /// dict is shared by the proxies, which cannot write to it.
    static func namespaceSnapshot(_ t: PyType) throws -> PyDict {
        let version = TypeCache.version.load(ordering: .relaxed)
        if let memo = t.lock.withLock({ t.namespaceMemo }), memo.version == version { return memo.dict }
        let d = PyDict()
        let (dict, order) = t.lock.withLock { (t.dict, t.definitionOrder) }
        for k in order { if let x = dict[k] { try d.set(.str(k), x) } }
        for (k, x) in dict.sorted(by: { $0.key < $1.key }) where try d.get(.str(k)) == nil { try d.set(.str(k), x) }
        t.lock.withLock { t.namespaceMemo = (version, d) }
        return d
    }

    /// `getattr(f, "__isabstractmethod__", False)` is true (`abc.abstractmethod` marks functions with it).
    static func abstract(_ f: Value, _ ctx: ExecutionContext) -> Bool {
        guard let flag = try? get(f, "__isabstractmethod__", ctx) else { return false }
        return (try? truthy(flag, ctx)) ?? false
    }
}

/// The descriptor protocol for objects of classes defined in Python (Objects/descrobject.c, PyObject_GenericGetAttr):
/// a class attribute whose type has `__get__` is called on access — a data descriptor (with `__set__` or
/// `__delete__`) before the instance's own attributes, any other after them.
enum Descriptors {
    /// `type(cv).__get__` when `cv` is a descriptor (a data descriptor only, with `dataOnly`).
    /// Instances of builtin subclasses count too (`class DI(int)` with `__get__`, as a class attribute).
    static func getter(_ cv: Value, dataOnly: Bool) -> Value? {
        guard case .object(let o) = cv, o.tag == .instance || o.tag == .subclassed else { return nil }
        let t = typeOf(cv)
        guard let get = t.special(.get) else { return nil }
        if dataOnly && t.lookup("__set__") == nil && t.lookup("__delete__") == nil { return nil }
        return get
    }

    /// `type(cv).name` (`__set__`, `__delete__`) when `cv` is an instance of a class defining it.
    static func method(_ cv: Value, _ name: String) -> Value? {
        guard case .object(let o) = cv, o.tag == .instance || o.tag == .subclassed else { return nil }
        return typeOf(cv).lookup(name)
    }
}
