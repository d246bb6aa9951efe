import BigInt

/// Instances of classes defined in Python that derive from a builtin value type (`class D(dict)`,
/// `class Name(str)`, `class Flag(int)`…), as CPython lays them out: the builtin's own storage — so every
/// builtin method and every `as? PyDict` sees a dict, as CPython's `PyDict_Check` does — plus the class and an
/// attribute dictionary. Their tag is `.subclassed`, never the builtin's, so the VM's fast paths (which test
/// `PyDict_CheckExact`-style tags) leave them to the generic operations, and those consult the class's own
/// special methods first (`SpecialMethods.hook`).
protocol BuiltinSubclassInstance: PyObject {
    /// The Python class of this instance.
    var pythonType: PyType { get }
    /// The instance's attributes (`self.x = …`, `__dict__`): a `PyInstance` of the same class used for its
    /// shape-based storage only.
    var attributeBag: PyInstance { get }
}

final class SubclassedList: PyList, BuiltinSubclassInstance, @unchecked Sendable {
    let pythonType: PyType
    let attributeBag: PyInstance

    init(_ type: PyType, _ items: [Value] = []) {
        pythonType = type
        attributeBag = PyInstance(type: type)
        super.init(items, tag: .subclassed)
    }
}

final class SubclassedDict: PyDict, BuiltinSubclassInstance, @unchecked Sendable {
    let pythonType: PyType
    let attributeBag: PyInstance

    init(_ type: PyType) {
        pythonType = type
        attributeBag = PyInstance(type: type)
        super.init(tag: .subclassed)
    }
}

final class SubclassedSet: PySet, BuiltinSubclassInstance, @unchecked Sendable {
    let pythonType: PyType
    let attributeBag: PyInstance

    init(_ type: PyType) {
        pythonType = type
        attributeBag = PyInstance(type: type)
        super.init(frozen: type.isSubtype(of: BuiltinTypes.frozenset), tag: .subclassed)
    }
}

final class SubclassedTuple: PyTuple, BuiltinSubclassInstance, @unchecked Sendable {
    let pythonType: PyType
    let attributeBag: PyInstance

    init(_ type: PyType, _ items: [Value]) {
        pythonType = type
        attributeBag = PyInstance(type: type)
        super.init(items, tag: .subclassed)
    }
}

final class SubclassedStr: PyStr, BuiltinSubclassInstance, @unchecked Sendable {
    let pythonType: PyType
    let attributeBag: PyInstance

    init(_ type: PyType, _ value: String) {
        pythonType = type
        attributeBag = PyInstance(type: type)
        super.init(value, tag: .subclassed)
    }
}

/// An int subclass instance: a `PyBigInt` whatever its magnitude (the value is read through `Arithmetic.number`).
final class SubclassedInt: PyBigInt, BuiltinSubclassInstance, @unchecked Sendable {
    let pythonType: PyType
    let attributeBag: PyInstance

    init(_ type: PyType, _ value: BigInt) {
        pythonType = type
        attributeBag = PyInstance(type: type)
        super.init(value, tag: .subclassed)
    }
}

final class SubclassedBytes: PyBytes, BuiltinSubclassInstance, @unchecked Sendable {
    let pythonType: PyType
    let attributeBag: PyInstance

    init(_ type: PyType, _ value: [UInt8]) {
        pythonType = type
        attributeBag = PyInstance(type: type)
        super.init(value, tag: .subclassed)
    }
}

/// A float subclass instance (floats themselves are inline values).
final class SubclassedFloat: PyObject, BuiltinSubclassInstance, @unchecked Sendable {
    let value: Double
    let pythonType: PyType
    let attributeBag: PyInstance

    init(_ type: PyType, _ value: Double) {
        self.value = value
        pythonType = type
        attributeBag = PyInstance(type: type)
        super.init(tag: .subclassed)
    }
}

enum BuiltinSubclasses {
    /// The class of a `.subclassed` object.
    static func type(of o: PyObject) -> PyType {
        // The final classes first (a Counter's `c[k] += 1` asks twice).
        if let i = concrete(o) { return i.pythonType }
        return (o as? BuiltinSubclassInstance)?.pythonType ?? BuiltinTypes.object
    }

    /// `o` as an instance of a tuple subclass (a namedtuple), by its class pointer.
    @inline(__always)
    static func tuple(_ o: PyObject) -> SubclassedTuple? {
        ObjectIdentifier(Swift.type(of: o)) == ObjectIdentifier(SubclassedTuple.self) ? unsafeDowncast(o, to: SubclassedTuple.self) : nil
    }

    static func bag(of o: PyObject) -> PyInstance? {
        if let i = concrete(o) { return i.attributeBag }
        return (o as? BuiltinSubclassInstance)?.attributeBag
    }

    /// `o` as one of the final `Subclassed*` classes, found by comparing its class pointer: `as?` a
    /// protocol is a conformance lookup in the Swift runtime (~250 instructions, a tenth of deltablue's
    /// `OrderedCollection` method calls). Nil for the rest (`PullingDict`s).
    @inline(__always)
    private static func concrete(_ o: PyObject) -> (pythonType: PyType, attributeBag: PyInstance)? {
        let c = ObjectIdentifier(Swift.type(of: o))
        if c == ObjectIdentifier(SubclassedList.self) { return parts(unsafeDowncast(o, to: SubclassedList.self)) }
        if c == ObjectIdentifier(SubclassedDict.self) { return parts(unsafeDowncast(o, to: SubclassedDict.self)) }
        if c == ObjectIdentifier(SubclassedStr.self) { return parts(unsafeDowncast(o, to: SubclassedStr.self)) }
        if c == ObjectIdentifier(SubclassedInt.self) { return parts(unsafeDowncast(o, to: SubclassedInt.self)) }
        if c == ObjectIdentifier(SubclassedTuple.self) { return parts(unsafeDowncast(o, to: SubclassedTuple.self)) }
        if c == ObjectIdentifier(SubclassedSet.self) { return parts(unsafeDowncast(o, to: SubclassedSet.self)) }
        if c == ObjectIdentifier(SubclassedFloat.self) { return parts(unsafeDowncast(o, to: SubclassedFloat.self)) }
        if c == ObjectIdentifier(SubclassedBytes.self) { return parts(unsafeDowncast(o, to: SubclassedBytes.self)) }
        return nil
    }

    @inline(__always)
    private static func parts<T: BuiltinSubclassInstance>(_ i: T) -> (pythonType: PyType, attributeBag: PyInstance) {
        (i.pythonType, i.attributeBag)
    }

    /// The builtin value type `t` derives from (its "solid base"), or nil; TypeError for a layout CPython
    /// refuses (two value types, or a type that cannot be subclassed).
    static func valueBase(of t: PyType) throws -> PyType? {
        var found: PyType?
        for base in t.mro.dropFirst() {
            if base === BuiltinTypes.bool || base === BuiltinTypes.range || base === BuiltinTypes.noneType
                || base === BuiltinTypes.function || base === BuiltinTypes.slice || base === CollectionsAccelerator.tupleGetterType {
                let shown = base.module == "builtins" ? base.name : "\(base.module).\(base.name)"  // tp_name
                throw PyException.make(.typeError, "type '\(shown)' is not an acceptable base type")
            }
            guard BuiltinTypes.isValueType(base) else { continue }
            if let f = found, !f.isSubtype(of: base), !base.isSubtype(of: f) {
                throw PyException.make(.typeError, "multiple bases have instance lay-out conflict")
            }
            if found == nil { found = base }
        }
        if found != nil, t.isSubtype(of: ExceptionKind.baseException.type) {
            throw PyException.make(.typeError, "multiple bases have instance lay-out conflict")
        }
        return found
    }

    // MARK: - Values as their builtin

    /// The plain builtin value an int or float subclass instance stands for (numbers are inline values).
    static func plainNumber(_ o: PyObject) -> Value? {
        if let f = o as? SubclassedFloat { return .float(f.value) }
        if let i = o as? SubclassedInt { return .integer(i.value) }
        return nil
    }

    /// Dict-key equality when either side is a subclass instance: by the builtin value (`keysEqual`).
    static func keysEqual(_ a: Value, _ b: Value) -> Bool {
        if case .object(let x) = a, case .object(let y) = b {
            if x === y { return true }
            if let s = x as? PyStr, let t = y as? PyStr { return PyStr.equal(s, t) }
            if let s = x as? PyTuple, let t = y as? PyTuple {
                return s.items.count == t.items.count && zip(s.items, t.items).allSatisfy { GILRuntime.keysEqual($0, $1) }
            }
            if let s = x as? PyBytes, let t = y as? PyBytes { return s.value == t.value }
            if let s = x as? PySet, let t = y as? PySet {
                return s.count == t.count && s.entries.allSatisfy { t.contains($0.key, hash: $0.hash) }
            }
        }
        guard let x = Arithmetic.number(a), let y = Arithmetic.number(b) else { return false }
        if let p = Arithmetic.big(x), let q = Arithmetic.big(y) { return p == q }
        return ((try? Arithmetic.double(x)) ?? .nan) == ((try? Arithmetic.double(y)) ?? .nan)
    }

    /// The hash of a subclass instance without `__hash__` of its own: its builtin value's (tuple subclasses are
    /// hashed item by item in `HashKey.hash`).
    static func pythonHash(_ o: PyObject) -> Int {
        if let s = o as? PyStr { return s.hash }
        if let i = o as? SubclassedInt { return CPythonHash.big(i.value) }
        if let f = o as? SubclassedFloat { return HashKey.pythonHash(.float(f.value)) }
        if let b = o as? PyBytes { return HashKey.bytesHash(b.value) }
        if let s = o as? PySet, s.frozen { return s.frozenHash }
        return objectHash(o)
    }

    /// The `__hash__` `HashKey` uses for a subclass instance: the class's own (TypeError when it is None:
    /// a class defining `__eq__` without `__hash__` gets `__hash__ = None`), or TypeError for subclasses of
    /// mutable builtins; nil for the builtin's hash.
    static func userHash(_ o: PyObject, _ value: Value) throws -> Int? {
        let t = type(of: o)
        if SubclassHooks.of(t) & SubclassHooks.hash != 0, let f = SpecialMethods.subclassHook(o, "__hash__") {
            if f.isNone { throw HashKey.unhashable(t.name) }
            guard let ctx = CurrentContext.get() else { return nil }
            return try HashKey.userResult(try ctx.call(f, [value]))
        }
        if tuple(o) == nil, o is PyList || o is PyDict || (o is PySet && !t.isSubtype(of: BuiltinTypes.frozenset)) {
            throw HashKey.unhashable(t.name)
        }
        return nil
    }
}
