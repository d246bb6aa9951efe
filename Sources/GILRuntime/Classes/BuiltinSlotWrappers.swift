import PythonSyntax

/// The special methods of the builtin value types as Python-visible methods (CPython's slot wrappers:
/// `dict.__getitem__`, `list.__len__`, `int.__add__`…), so a subclass can call `super().__getitem__(k)` or
/// `str.__eq__(self, other)`. Each applies the builtin behaviour to its receiver whatever the receiver's
/// class overrides (the `…Native` operations), which is what makes those calls terminate.
enum BuiltinSlotWrappers {
    static func install() {
        let containers: [PyType] = [BuiltinTypes.list, BuiltinTypes.dict, BuiltinTypes.tuple, BuiltinTypes.str, BuiltinTypes.bytes]
        let collections = containers + [BuiltinTypes.set, BuiltinTypes.frozenset]
        let all = collections + [BuiltinTypes.int, BuiltinTypes.float]
        for t in containers {
            t.addMethod("__getitem__") { a, _, ctx in try Subscript.getNative(a[0], try argument(a, 1, "__getitem__"), ctx) }
        }
        for t in [BuiltinTypes.list, BuiltinTypes.dict] {
            t.addMethod("__setitem__") { a, _, ctx in
                try Subscript.setNative(a[0], try argument(a, 1, "__setitem__"), try argument(a, 2, "__setitem__"), ctx)
                return .none
            }
            t.addMethod("__delitem__") { a, _, ctx in
                try Subscript.deleteNative(a[0], try argument(a, 1, "__delitem__"), ctx)
                return .none
            }
        }
        for t in collections {
            t.addMethod("__len__") { a, _, ctx in .int(try lengthNative(a[0], ctx)) }
            t.addMethod("__contains__") { a, _, ctx in .bool(try containsNative(a[0], try argument(a, 1, "__contains__"), ctx)) }
            t.addMethod("__iter__") { a, _, ctx in try makeIteratorNative(a[0], ctx) }
        }
        for t in all {
            t.addMethod("__repr__") { a, _, ctx in .str(try reprNative(a[0], ctx)) }
            t.addMethod("__eq__") { a, _, ctx in .bool(try valuesEqualNative(a[0], try argument(a, 1, "__eq__"), ctx)) }
            t.addMethod("__ne__") { a, _, ctx in .bool(try !valuesEqualNative(a[0], try argument(a, 1, "__ne__"), ctx)) }
            for (name, op) in [("__lt__", ComparisonOperator.less), ("__le__", .lessEqual), ("__gt__", .greater), ("__ge__", .greaterEqual)] {
                t.addMethod(name) { a, _, ctx in
                    let other = try argument(a, 1, name)
                    guard comparable(a[0], other) else { return .object(BuiltinTypes.notImplemented) }
                    return .bool(try compareOrderNative(op, plain(a[0]), plain(other), ctx))
                }
            }
            t.addMethod("__format__") { a, _, ctx in
                let spec = a.count > 1 ? a[1] : .str("")
                guard case .object(let s as PyStr) = spec else { throw PyException.make(.typeError, "format spec must be a str") }
                return .str(try formatValue(plain(a[0]), s.value, ctx))
            }
        }
        for t in [BuiltinTypes.str, BuiltinTypes.tuple, BuiltinTypes.bytes, BuiltinTypes.int, BuiltinTypes.float, BuiltinTypes.frozenset] {
            t.addMethod("__hash__") { a, _, _ in .int(try pyHash(plainForHash(a[0]))) }
        }
        // Functions, builtins and bound methods are callable through their type's __call__, which
        // collections.abc.Callable's subclass hook looks for in the type's __dict__.
        for t in [BuiltinTypes.function, BuiltinTypes.builtinFunction, BuiltinTypes.method] {
            t.addMethod("__call__") { a, kw, ctx in try Interpreter.call(a[0], args: Array(a.dropFirst()), kwargs: kw, ctx: ctx) }
        }
        installDescriptorGet()
        // types.ModuleType(name, doc=None): a module made at run time keeps its names in a live namespace.
        BuiltinTypes.module.construct = { cls, args, kwargs, _ in
            guard cls === BuiltinTypes.module else { throw PyException.make(.notImplementedError, "not supported yet: subclasses of module") }
            var name = args.first, doc = args.count > 1 ? args[1] : nil
            for (k, v) in kwargs {
                switch k {
                case "name" where name == nil: name = v
                case "doc" where doc == nil: doc = v
                default: throw PyException.make(.typeError, "module() got an unexpected keyword argument '\(k)'")
                }
            }
            guard let name else { throw PyException.make(.typeError, "module.__init__() missing required argument 'name' (pos 1)") }
            guard case .object(let s as PyStr) = name else {
                throw PyException.make(.typeError, "module() argument 'name' must be str, not \(typeName(name))")
            }
            let globals = Globals(names: [])
            let m = PyModule(name: s.value, globals: globals)
            for (k, v) in [("__name__", name), ("__doc__", doc ?? .none), ("__package__", .none), ("__loader__", .none), ("__spec__", .none)] {
                globals.set(named: k, v)
            }
            return .object(m)
        }
        // function.__code__ and function.__globals__ as descriptors of the type (types.py takes their types for
        // GetSetDescriptorType and MemberDescriptorType); read through a function they answer as before.
        for name in ["__code__", "__globals__", "__defaults__", "__kwdefaults__", "__closure__"] {
            BuiltinTypes.function.dict[name] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { a, _, ctx in
                try Attributes.get(a[0], name, ctx)
            })))
        }
        ObjectMethods.install(BuiltinTypes.object)
        // PEP 604: `int | None` is a types.UnionType.
        TypeAliases.installOr(BuiltinTypes.type)
        BuiltinTypes.str.addMethod("__str__") { a, _, _ in
            guard case .object(let s as PyStr) = a[0] else { return a[0] }
            return .str(s.value)
        }
        let arithmetic: [(String, BinaryOperator)] = [
            ("add", .add), ("sub", .subtract), ("mul", .multiply), ("truediv", .trueDivide), ("floordiv", .floorDivide),
            ("mod", .modulo), ("pow", .power), ("and", .bitAnd), ("or", .bitOr), ("xor", .bitXor), ("lshift", .leftShift),
            ("rshift", .rightShift),
        ]
        for t in [BuiltinTypes.int, BuiltinTypes.float] {
            for (stem, op) in arithmetic where t === BuiltinTypes.int || ![BinaryOperator.bitAnd, .bitOr, .bitXor, .leftShift, .rightShift].contains(op) {
                let integers = t === BuiltinTypes.int
                t.addMethod("__\(stem)__") { a, _, ctx in
                    try numberOperator(op, plain(a[0]), plain(try argument(a, 1, stem)), ctx, integers: integers)
                }
                t.addMethod("__r\(stem)__") { a, _, ctx in
                    try numberOperator(op, plain(try argument(a, 1, stem)), plain(a[0]), ctx, integers: integers)
                }
            }
            t.addMethod("__neg__") { a, _, ctx in try Arithmetic.unary(.negate, plain(a[0]), ctx) }
            t.addMethod("__pos__") { a, _, ctx in try Arithmetic.unary(.plus, plain(a[0]), ctx) }
            t.addMethod("__abs__") { a, _, ctx in
                let v = plain(a[0])
                return try compareOrderNative(.less, v, .int(0), ctx) ? try Arithmetic.unary(.negate, v, ctx) : v
            }
            t.addMethod("__bool__") { a, _, ctx in .bool(try truthy(plain(a[0]), ctx)) }
            t.addMethod("__int__") { a, _, ctx in try Conversions.int([plain(a[0])], [], ctx) }
            t.addMethod("__float__") { a, _, ctx in try Conversions.float(plain(a[0]), ctx) }
        }
        // bool's own `&`, `|`, `^`: a bool when both sides are bools, else int's answer (boolobject.c).
        for (stem, op) in arithmetic where [BinaryOperator.bitAnd, .bitOr, .bitXor].contains(op) {
            BuiltinTypes.bool.addMethod("__\(stem)__") { a, _, ctx in try boolOperator(op, a[0], try argument(a, 1, stem), ctx) }
            BuiltinTypes.bool.addMethod("__r\(stem)__") { a, _, ctx in try boolOperator(op, try argument(a, 1, stem), a[0], ctx) }
        }
        // An exact int, as long.c's int___index__ (`True.__index__()` is 1).
        BuiltinTypes.int.addMethod("__index__") { a, _, _ in
            if case .bool(let b) = a[0] { return .int(b ? 1 : 0) }
            return plain(a[0])
        }
        BuiltinTypes.int.addMethod("__invert__") { a, _, ctx in try Arithmetic.unary(.invert, plain(a[0]), ctx) }
        for t in [BuiltinTypes.list, BuiltinTypes.tuple, BuiltinTypes.str, BuiltinTypes.bytes] {
            t.addMethod("__add__") { a, _, ctx in try Arithmetic.binaryNative(.add, a[0], try argument(a, 1, "__add__"), ctx) }
            t.addMethod("__mul__") { a, _, ctx in try Arithmetic.binaryNative(.multiply, a[0], try argument(a, 1, "__mul__"), ctx) }
            t.addMethod("__rmul__") { a, _, ctx in try Arithmetic.binaryNative(.multiply, try argument(a, 1, "__rmul__"), a[0], ctx) }
        }
        BuiltinTypes.list.addMethod("__iadd__") { a, _, ctx in
            guard case .object(let l as PyList) = a[0] else { return .object(BuiltinTypes.notImplemented) }
            let items = try collect(try argument(a, 1, "__iadd__"), ctx)
            l.withItems { $0.append(contentsOf: items) }
            return a[0]
        }
        BuiltinTypes.object.addMethod("__getattribute__") { a, _, ctx in
            guard case .object(let n as PyStr) = try argument(a, 1, "__getattribute__") else {
                throw PyException.make(.typeError, "attribute name must be string")
            }
            return try Attributes.get(a[0], n.value, ctx)
        }
        BuiltinTypes.object.addMethod("__delattr__") { a, _, ctx in
            guard case .object(let n as PyStr) = try argument(a, 1, "__delattr__") else {
                throw PyException.make(.typeError, "attribute name must be string")
            }
            try Attributes.delete(a[0], n.value, ctx)
            return .none
        }
    }

    /// `__get__(obj, type=None)` of functions, classmethod, staticmethod and property, for code that binds by
    /// hand (functools.singledispatchmethod and partialmethod, inspect): what attribute lookup does.
    private static func installDescriptorGet() {
        func receiver(_ a: [Value]) -> (Value, Value) {
            (a.count > 1 ? a[1] : .none, a.count > 2 ? a[2] : .none)
        }
        BuiltinTypes.function.addMethod("__get__") { a, _, _ in
            let (obj, owner) = receiver(a)
            if obj.isNone && owner.isNone { throw PyException.make(.typeError, "__get__(None, None) is invalid") }
            return obj.isNone ? a[0] : .object(PyBoundMethod(function: a[0], receiver: obj))
        }
        installPropertySubclasses()
        for t in [BuiltinTypes.classmethod, BuiltinTypes.staticmethod, BuiltinTypes.property] {
            t.addMethod("__get__") { a, _, ctx in
                guard let w = propertyWrapper(a[0]) else {
                    throw PyException.make(.typeError, "descriptor '__get__' requires a '\(t.name)' object but received '\(typeName(a[0]))'")
                }
                let (obj, owner) = receiver(a)
                switch w.kind {
                case .staticMethod: return w.function
                case .classMethod:
                    let cls = owner.isNone ? .object(typeOf(obj)) : owner
                    return .object(PyBoundMethod(function: w.function, receiver: cls))
                case .property:
                    return obj.isNone ? a[0] : try w.propertyValue(of: obj, ctx)
                }
            }
        }
    }

    /// The descriptor behind a classmethod/staticmethod/property, or behind an instance of a Python subclass of
    /// property (which carries it as its native payload).
    static func propertyWrapper(_ v: Value) -> PyMethodWrapper? {
        if case .object(let w as PyMethodWrapper) = v { return w }
        if case .object(let i as PyInstance) = v { return i.native as? PyMethodWrapper }
        return nil
    }

    /// Python subclasses of `property` (abc.abstractproperty): `__new__` makes an instance of the subclass
    /// carrying a property, which is a data descriptor through `__get__`/`__set__`/`__delete__`.
    private static func installPropertySubclasses() {
        let t = BuiltinTypes.property
        let new = PyBuiltinFunction("__new__") { args, kwargs, ctx in
            guard case .object(let cls as PyType)? = args.first else { throw PyException.make(.typeError, "property.__new__(X): X is not a type object") }
            let w = try PyMethodWrapper.makeProperty(Array(args.dropFirst()), kwargs)
            if cls === t { return .object(w) }
            let i = PyInstance(type: cls)
            i.native = w
            // property_init: a subclass's instance keeps its doc (given, else the getter's) as its own `__doc__`,
            // which the subclass's class-level `__doc__` would otherwise shadow.
            let getterDoc = w.function.isNone ? nil : try Attributes.lookup(w.function, "__doc__", ctx)
            i.setAttribute("__doc__", w.doc ?? getterDoc ?? .none)
            return .object(i)
        }
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(new)))
        t.addMethod("__init__") { _, _, _ in .none }
        t.addMethod("__set__") { a, _, ctx in
            guard a.count == 3, let w = propertyWrapper(a[0]) else { throw PyException.make(.typeError, "expected 2 arguments") }
            guard let setter = w.setter else { throw w.missingAccessor("setter", of: a[1]) }
            _ = try ctx.call(setter, [a[1], a[2]])
            return .none
        }
        t.addMethod("__delete__") { a, _, ctx in
            guard a.count == 2, let w = propertyWrapper(a[0]) else { throw PyException.make(.typeError, "expected 1 argument") }
            guard let deleter = w.deleter else { throw w.missingAccessor("deleter", of: a[1]) }
            _ = try ctx.call(deleter, [a[1]])
            return .none
        }
        // property_copy for a subclass's instance (an exact property answers these in `Attributes.lookup`):
        // `type(old)(fget, fset, fdel, doc)` with one accessor replaced, so `@x.setter` keeps the subclass.
        for (name, part) in [("getter", 0), ("setter", 1), ("deleter", 2)] {
            t.addMethod(name) { a, _, ctx in
                guard let w = propertyWrapper(a[0]) else {
                    throw PyException.make(.typeError, "descriptor '\(name)' for 'property' objects doesn't apply to a '\(typeName(a[0]))' object")
                }
                guard a.count == 2 else { throw PyException.make(.typeError, "property.\(name)() takes exactly one argument (\(a.count - 1) given)") }
                var accessors = [w.function, w.setter ?? .none, w.deleter ?? .none]
                if !a[1].isNone { accessors[part] = a[1] }
                // A doc taken from the getter is taken from the new getter (None passed on).
                let made = try ctx.call(.object(typeOf(a[0])), accessors + [w.doc ?? .none])
                if let copy = propertyWrapper(made) { copy.name = w.name }
                return made
            }
        }
        for (name, part) in [("fget", 0), ("fset", 1), ("fdel", 2)] {
            t.dict[name] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { a, _, _ in
                guard let w = propertyWrapper(a[0]) else { return .none }
                return [w.function, w.setter ?? .none, w.deleter ?? .none][part]
            })))
        }
    }

    private static func argument(_ a: [Value], _ i: Int, _ name: String) throws -> Value {
        guard i < a.count else { throw PyException.make(.typeError, "expected \(i) argument\(i == 1 ? "" : "s"), got \(a.count - 1)") }
        return a[i]
    }

    /// An int or float subclass instance as the plain number; anything else unchanged.
    private static func plain(_ v: Value) -> Value {
        if case .object(let o) = v, o.tag == .subclassed, let n = BuiltinSubclasses.plainNumber(o) { return n }
        return v
    }

    /// The builtin value a subclass instance hashes as (str, tuple and bytes hash by content already).
    private static func plainForHash(_ v: Value) -> Value {
        guard case .object(let o) = v, o.tag == .subclassed else { return v }
        if let n = BuiltinSubclasses.plainNumber(o) { return n }
        if let s = o as? PyStr { return .str(s.value) }
        if let t = o as? PyTuple { return .object(PyTuple(t.items)) }
        if let b = o as? PyBytes { return .object(PyBytes(b.value)) }
        return v
    }

    /// Whether the builtin ordering applies to (`a`, `b`) — else `NotImplemented`, so Python tries the other side.
    private static func comparable(_ a: Value, _ b: Value) -> Bool {
        if Arithmetic.number(a) != nil { return Arithmetic.number(b) != nil }
        return typeOf(b).isSubtype(of: nearestValueType(typeOf(a))) || typeOf(a).isSubtype(of: nearestValueType(typeOf(b)))
    }

    private static func nearestValueType(_ t: PyType) -> PyType {
        t.mro.first(where: BuiltinTypes.isValueType) ?? t
    }

    private static func boolOperator(_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value {
        if case .bool(let x) = l, case .bool(let y) = r, let v = Arithmetic.boolBitwise(op, x, y) { return v }
        return try numberOperator(op, plain(l), plain(r), ctx, integers: true)
    }

    /// `int.__add__(x, y)`: NotImplemented when `y` is not a number (so `y.__radd__` gets its turn); int's
    /// methods take ints only (`(1).__add__(1.0)` and `True.__and__(1.0)` are NotImplemented, as long.c's).
    private static func numberOperator(_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext, integers: Bool = false) throws -> Value {
        guard let a = Arithmetic.number(l), let b = Arithmetic.number(r) else { return .object(BuiltinTypes.notImplemented) }
        if integers {
            if case .float = a { return .object(BuiltinTypes.notImplemented) }
            if case .float = b { return .object(BuiltinTypes.notImplemented) }
        }
        return try Arithmetic.numeric(op, a, b)
    }
}
