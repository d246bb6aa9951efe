import BigInt
import Foundation

/// The builtin classes, created once per process and immutable afterwards (so every runtime can share
/// them): `type(x)`, `isinstance`, constructors and the method tables of str, list, dict….
enum BuiltinTypes {
    static let object: PyType = {
        let t = PyType(name: "object", base: nil)
        t.addMethod("__init__") { _, _, _ in .none }
        t.addMethod("__str__") { args, _, ctx in .str(try repr(args[0], ctx)) }
        // object.__setattr__(self, name, value): the plain store a user __setattr__ falls back to.
        t.dict["__setattr__"] = .object(PyBuiltinFunction("__setattr__", minimumArguments: 3) { args, _, _ in
            guard case .object(let i as PyInstance) = args[0], case .object(let n as PyStr) = args[1] else {
                throw PyException.make(.typeError, "object.__setattr__ needs an instance and a str name")
            }
            i.setAttribute(n.value, args[2])
            return .none
        })
        // object.__new__(cls): an instance without running __init__ (copy, _replace and friends).
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(TypeObject.objectNew)))
        t.dict["__init_subclass__"] = .object(PyMethodWrapper(.classMethod, .object(TypeObject.objectInitSubclass)))
        // object.__subclasshook__: "no opinion", the answer ABCMeta falls back from.
        t.dict["__subclasshook__"] = .object(PyMethodWrapper(.classMethod, .object(PyBuiltinFunction("__subclasshook__") { _, _, _ in
            .object(BuiltinTypes.notImplemented)
        })))
        return t
    }()
    /// `type(x)`, or `type(name, bases, dict)`: a new class, as a `class` statement would make it.
    static let type: PyType = make("type") { _, args, kwargs, ctx in
        if args.count == 3 {
            guard case .object(let n as PyStr) = args[0], case .object(let b as PyTuple) = args[1], case .object(let d as PyDict) = args[2] else {
                throw PyException.make(.typeError, "type.__new__() argument 1 must be str, 2 tuple, 3 dict")
            }
            let winner = try ClassBuilder.calculateMetaclass(BuiltinTypes.type, b.items)
            if winner !== BuiltinTypes.type { return try TypeObject.call(winner, args, kwargs, ctx) }
            return .object(try TypeObject.newType(metatype: winner, name: n.value, bases: b.items, namespace: d, kwargs: kwargs, ctx))
        }
        guard args.count == 1 else { throw PyException.make(.typeError, "type() takes 1 or 3 arguments") }
        return .object(typeOf(args[0]))
    }

    /// The builtin types whose instances are Swift objects of their own (or inline values), not `PyInstance`s.
    static func isValueType(_ t: PyType) -> Bool {
        valueTypes.contains { $0 === t }
    }

    private static let valueTypes = [int, float, str, bytes, bytearray, list, tuple, dict, set, frozenset, range, bool]

    static let int = make("int") { _, args, kwargs, ctx in try Conversions.int(args, kwargs, ctx) }
    static let bool = make("bool", base: int) { _, args, _, ctx in .bool(try args.first.map { try truthy($0, ctx) } ?? false) }
    static let float = make("float") { _, args, _, ctx in try Conversions.float(args.first ?? .float(0), ctx) }
    static let str = make("str") { _, args, kwargs, ctx in
        guard args.count > 1 || !kwargs.isEmpty else { return .str(try args.first.map { try GILRuntime.str($0, ctx) } ?? "") }
        // str(bytes, encoding, errors): a decode (Objects/unicodeobject.c unicode_new_impl). Positional str
        // arguments (pure-Python pickle's `str(data, 'utf-8', 'surrogatepass')`) skip the binding.
        let object: Value, encoding: String, errors: String
        if kwargs.isEmpty, args.count <= 3, let e = Codecs.exactText(args[1]),
           let r = args.count == 3 ? Codecs.exactText(args[2]) : "strict" {
            (object, encoding, errors) = (args[0], e, r)
        } else {
            let a = try Arguments(args, kwargs, names: ["object", "encoding", "errors"], function: "str")
            // No object is "", no encoding and no errors is plain str(object) (`str(object=5)`).
            guard let v = a.value(0) else { return .str("") }
            if a.value(1) == nil, a.value(2) == nil { return .str(try GILRuntime.str(v, ctx)) }
            func text(_ v: Value?, _ name: String) throws -> String? {
                guard let v else { return nil }
                guard case .object(let s as PyStr) = v else { throw PyException.make(.typeError, "str() argument '\(name)' must be str, not \(typeName(v))") }
                return s.value
            }
            (object, encoding, errors) = (v, try text(a.value(1), "encoding") ?? "utf-8", try text(a.value(2), "errors") ?? "strict")
        }
        if case .object(let o) = object, o.tag == .str { throw PyException.make(.typeError, "decoding str is not supported") }
        guard let b = BytesLike.bytes(object) else {
            throw PyException.make(.typeError, "decoding to str: need a bytes-like object, \(typeName(object)) found")
        }
        return .str(try Codecs.decode(b, encoding: encoding, errors: errors, ctx))
    }
    /// `str(x)` for an int or a str, answered without the constructor's argument array (the VM's
    /// `constructFromRegisters`); nil for everything else. An exact str is returned as is, like CPython.
    @inline(__always)
    static func strFast(_ v: Value) -> Value? {
        switch v {
        case .int(let i): return .object(PyStr.decimal(i))
        case .object(let o) where o.tag == .str: return v
        default: return nil
        }
    }
    static let list = make("list") { _, args, _, ctx in .object(PyList(try args.first.map { try collect($0, ctx) } ?? [])) }
    static let tuple = make("tuple") { _, args, _, ctx in .object(PyTuple(try args.first.map { try collect($0, ctx) } ?? [])) }
    static let dict = make("dict") { _, args, kwargs, ctx in
        let d = PyDict()
        if let src = args.first { try BuiltinMethods.dictUpdate(d, src, ctx) }
        for (k, v) in kwargs { try d.set(.str(k), v) }
        return .object(d)
    }
    static let set = make("set") { _, args, kwargs, ctx in
        if args.count > 1 { throw PyException.make(.typeError, "set expected at most 1 argument, got \(args.count)") }
        if !kwargs.isEmpty { throw PyException.make(.typeError, "set() takes no keyword arguments") }
        return .object(try PySet.from(args.first, ctx))
    }
    static let frozenset = make("frozenset") { _, args, kwargs, ctx in
        if args.count > 1 { throw PyException.make(.typeError, "frozenset expected at most 1 argument, got \(args.count)") }
        if !kwargs.isEmpty { throw PyException.make(.typeError, "frozenset() takes no keyword arguments") }
        // frozenset(f) of a frozenset is f itself (frozenset_new).
        if case .object(let o)? = args.first, o.tag == .set, unsafeDowncast(o, to: PySet.self).frozen { return .object(o) }
        return .object(try PySet.from(args.first, frozen: true, ctx))
    }
    static let range = make("range") { _, args, _, ctx in
        if (1...3).contains(args.count), let big = try PyBigRange.make(args, ctx) { return big }
        func int(_ v: Value) throws -> Int {
            guard let i = indexValue(v) else {
                throw PyException.make(.typeError, "'\(typeName(v))' object cannot be interpreted as an integer")
            }
            return i
        }
        switch args.count {
        case 1: return .object(PyRange(start: 0, stop: try int(args[0]), step: 1))
        case 2: return .object(PyRange(start: try int(args[0]), stop: try int(args[1]), step: 1))
        case 3:
            let step = try int(args[2])
            if step == 0 { throw PyException.make(.valueError, "range() arg 3 must not be zero") }
            return .object(PyRange(start: try int(args[0]), stop: try int(args[1]), step: step))
        default: throw PyException.make(.typeError, "range expected at most 3 arguments, got \(args.count)")
        }
    }
    static let bytes = make("bytes") { _, args, kwargs, ctx in
        if kwargs.isEmpty, args.count == 1, let b = BytesConstructors.smallInts(args[0]) { return .object(b) }
        return .object(PyBytes(try BytesConstructors.contents(args, kwargs, ctx, mutable: false)))
    }
    static let bytearray = make("bytearray") { _, args, kwargs, ctx in
        .object(PyByteArray(try BytesConstructors.contents(args, kwargs, ctx, mutable: true)))
    }
    static let slice = make("slice") { _, args, _, _ in
        switch args.count {
        case 0: throw PyException.make(.typeError, "slice expected at least 1 argument, got 0")
        case 1: return .object(PySlice(lower: .none, upper: args[0], step: .none))
        case 2: return .object(PySlice(lower: args[0], upper: args[1], step: .none))
        default: return .object(PySlice(lower: args[0], upper: args[1], step: args.count > 2 ? args[2] : .none))
        }
    }
    static let noneType = PyType(name: "NoneType", base: object)
    static let function = PyType(name: "function", base: object)
    static let builtinFunction = PyType(name: "builtin_function_or_method", base: object)
    /// `types.MethodType(function, instance)`: a bound method.
    static let method = make("method") { _, args, _, _ in
        guard args.count == 2 else { throw PyException.make(.typeError, "method expected 2 arguments, got \(args.count)") }
        if !AtexitModule.isCallable(args[0]) { throw PyException.make(.typeError, "first argument must be callable") }
        if args[1].isNone { throw PyException.make(.typeError, "instance must not be None") }
        return .object(PyBoundMethod(function: args[0], receiver: args[1]))
    }
    static let module = PyType(name: "module", base: object)
    static let superType = PyType(name: "super", base: object)
    static let iterator = PyType(name: "iterator", base: object)
    static let cell = PyType(name: "cell", base: object)
    static let staticmethod = make("staticmethod") { _, args, _, _ in .object(PyMethodWrapper(.staticMethod, try first(args, "staticmethod"))) }
    static let classmethod = make("classmethod") { _, args, _, _ in .object(PyMethodWrapper(.classMethod, try first(args, "classmethod"))) }
    static let property = make("property") { _, args, keywords, _ in .object(try PyMethodWrapper.makeProperty(args, keywords)) }
    static let dictKeys = PyType(name: "dict_keys", base: object)
    static let dictValues = PyType(name: "dict_values", base: object)
    static let dictItems = PyType(name: "dict_items", base: object)
    static let notImplementedType = PyType(name: "NotImplementedType", base: object)
    static let notImplemented = PyInstance(type: notImplementedType)
    static let ellipsisType = PyType(name: "ellipsis", base: object)
    static let ellipsis = PyInstance(type: ellipsisType)

    static func first(_ args: [Value], _ name: String) throws -> Value {
        guard let v = args.first else { throw PyException.make(.typeError, "\(name) expected 1 argument, got 0") }
        return v
    }

    static func make(_ name: String, base: PyType? = nil, _ construct: @escaping (PyType, [Value], [(String, Value)], ExecutionContext) throws -> Value) -> PyType {
        let t = PyType(name: name, base: base ?? object)
        t.construct = construct
        return t
    }

    /// Installs the method tables once (called before the first program runs).
    static let installed: Bool = {
        TypeObject.install(type)
        BuiltinSubclasses.installConstructors()
        BuiltinSlotWrappers.install()
        BuiltinMethods.installStr(str)
        BuiltinMethods.installList(list)
        BuiltinMethods.installDict(dict)
        SetMethods.install(set: set, frozenset: frozenset)
        BuiltinMethods.installNumbers(int: int, float: float)
        BuiltinMethods.installTuple(tuple)
        BuiltinMethods.installMore(str: str, bytes: bytes, int: int, float: float, set: set)
        return true
    }()
}

/// `type(x)`.
func typeOf(_ v: Value) -> PyType {
    switch v {
    case .none: return BuiltinTypes.noneType
    case .bool: return BuiltinTypes.bool
    case .int: return BuiltinTypes.int
    case .float: return BuiltinTypes.float
    case .object(let o):
        switch o.tag {
        case .str: return BuiltinTypes.str
        case .bigint: return BuiltinTypes.int
        case .bytes: return BuiltinTypes.bytes
        case .byteArray: return BuiltinTypes.bytearray
        case .array: return ArrayModule.arrayType
        case .tuple: return BuiltinTypes.tuple
        case .list: return BuiltinTypes.list
        case .dict: return BuiltinTypes.dict
        case .set: return unsafeDowncast(o, to: PySet.self).frozen ? BuiltinTypes.frozenset : BuiltinTypes.set
        case .range: return BuiltinTypes.range
        case .slice: return BuiltinTypes.slice
        case .function: return BuiltinTypes.function
        case .builtin: return BuiltinTypes.builtinFunction
        case .boundMethod: return BuiltinTypes.method
        case .type: return unsafeDowncast(o, to: PyType.self).metaclass ?? BuiltinTypes.type
        case .instance: return unsafeDowncast(o, to: PyInstance.self).type
        case .module: return BuiltinTypes.module
        case .superProxy: return BuiltinTypes.superType
        case .rangeIterator, .sequenceIterator, .dictIterator, .nativeIterator, .setIterator: return BuiltinTypes.iterator
        case .complex: return PyComplex.type
        case .generator: return unsafeDowncast(o, to: PyGenerator.self).pythonType
        case .subclassed: return BuiltinSubclasses.type(of: o)
        case .dictView:
            let v = unsafeDowncast(o, to: PyDictView.self)
            switch v.mode {
            case .keys: return BuiltinTypes.dictKeys
            case .values: return BuiltinTypes.dictValues
            case .items: return BuiltinTypes.dictItems
            }
        case .cell:
            if o is AsyncGenStep { return AsyncGenStep.type }
            if o is PyBigRange { return BuiltinTypes.range }
            if let w = o as? PyMethodWrapper {
                switch w.kind {
                case .staticMethod: return BuiltinTypes.staticmethod
                case .classMethod: return BuiltinTypes.classmethod
                case .property: return BuiltinTypes.property
                }
            }
            return BuiltinTypes.cell
        }
    }
}

func typeName(_ v: Value) -> String {
    let t = typeOf(v)
    return t.messageName ?? t.name
}

/// int(x), float(x): Objects/longobject.c and floatobject.c parsing rules, the common cases.
enum Conversions {
    static func int(_ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        var base: Value?
        if args.count > 2 { throw PyException.make(.typeError, "int() takes at most 2 arguments (\(args.count) given)") }
        if args.count > 1 { base = args[1] }
        for (name, value) in kwargs {
            guard name == "base" else { throw PyException.make(.typeError, "'\(name)' is an invalid keyword argument for int()") }
            base = value
        }
        guard let v = args.first else {
            if base != nil { throw PyException.make(.typeError, "int() missing string argument") }
            return .int(0)
        }
        if let base {
            // An explicit base: only text can be converted; a base outside 0, 2...36 (even a huge one) is a ValueError.
            let b: Int
            switch base {
            case .int(let i): b = i
            case .bool(let x): b = x ? 1 : 0
            case .object(let o) where o is PyBigInt: b = -1
            default: b = try Index.value(base, ctx)
            }
            try IntParsing.checkBase(b)
            guard let text = textOfNumber(v) else {
                throw PyException.make(.typeError, "int() can't convert non-string with explicit base")
            }
            return .integer(try IntParsing.parse(text, base: b))
        }
        switch v {
        case .int: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            if d.isNaN { throw PyException.make(.valueError, "cannot convert float NaN to integer") }
            if d.isInfinite { throw PyException.make(.overflowError, "cannot convert float infinity to integer") }
            if let i = Int(exactly: d.rounded(.towardZero)) { return .int(i) }
            return .integer(BigInt(d.rounded(.towardZero)))
        case .object(let o):
            if let b = o as? PyBigInt { return o.tag == .bigint ? v : .integer(b.value) }
            if o.tag == .subclassed, let f = o as? SubclassedFloat { return try int([.float(f.value)], [], ctx) }
            if let text = textOfNumber(v) { return .integer(try IntParsing.parse(text, base: 10)) }
            if let i = o as? PyInstance {
                for name in ["__int__", "__index__", "__trunc__"] {
                    guard let f = i.type.lookup(name) else { continue }
                    let r = try ctx.call(f, [v])
                    switch r {
                    case .int, .bool: return r
                    case .object(let b) where b is PyBigInt: return r
                    default:
                        if name == "__trunc__" { return try int([r], [], ctx) }
                        throw PyException.make(.typeError, "\(name) returned non-int (type \(typeName(r)))")
                    }
                }
            }
        case .none: break
        }
        throw PyException.make(.typeError, "int() argument must be a string, a bytes-like object or a real number, not '\(typeName(v))'")
    }

    /// The text `int()` parses: a str, or bytes/bytearray read as Latin-1 (their non-ASCII bytes are never digits).
    private static func textOfNumber(_ v: Value) -> String? {
        guard case .object(let o) = v else { return nil }
        if let s = o as? PyStr { return s.value }
        if let b = o as? PyBytes { return String(String.UnicodeScalarView(b.value.map { Unicode.Scalar($0) })) }
        if let b = o as? PyByteArray { return String(String.UnicodeScalarView(b.value.map { Unicode.Scalar($0) })) }
        return nil
    }

    static func float(_ v: Value, _ ctx: ExecutionContext) throws -> Value {
        switch v {
        case .float: return v
        case .int(let i): return .float(Double(i))
        case .bool(let b): return .float(b ? 1 : 0)
        case .object(let o):
            // PyNumber_Float: an int or float subclass's own `__float__` first (`float(MyInt(4))`).
            if o.tag == .subclassed, let hook = SpecialMethods.subclassHook(o, "__float__") {
                return try checkedFloat(try Interpreter.callSpecial(hook, v, ctx), of: v)
            }
            if let b = o as? PyBigInt { return .float(Double(b.value)) }
            if o.tag == .subclassed, let f = o as? SubclassedFloat { return .float(f.value) }
            if let s = o as? PyStr {
                if let d = FloatText.parse(s.value) { return .float(d) }
                throw PyException.make(.valueError, "could not convert string to float: \(quoteString(s.value))")
            }
            // float(b"1.5"): bytes-like text (pure-Python pickle's protocol 0 floats).
            if o is PyBytes || o is PyByteArray || (o as? PyInstance)?.native is MemoryViewData, let b = BytesLike.bytes(v) {
                if let d = FloatText.parse(bytes: Array(b)) { return .float(d) }
                throw PyException.make(.valueError, "could not convert string to float: \(try repr(v, ctx))")
            }
            if let i = o as? PyInstance {
                if let f = i.type.lookup("__float__") { return try checkedFloat(try ctx.call(f, [v]), of: v) }
                if i.type.lookup("__index__") != nil, let n = try Index.integer(v, ctx) { return try float(n, ctx) }
            }
        case .none: break
        }
        throw PyException.make(.typeError, "float() argument must be a string or a real number, not '\(typeName(v))'")
    }

    /// What `__float__` answered, as PyNumber_Float accepts it: a float (a float subclass's value), else TypeError.
    private static func checkedFloat(_ f: Value, of v: Value) throws -> Value {
        if case .float = f { return f }
        if case .object(let r) = f, r.tag == .subclassed, let d = r as? SubclassedFloat { return .float(d.value) }
        throw PyException.make(.typeError, "\(typeName(v)).__float__ returned non-float (type \(typeName(f)))")
    }
}
