/// Calling an exception class (`raise KeyError`, `ValueError("x")`, `raise MyError(msg)`) as CPython's
/// BaseException_new and BaseException_init do it — the instance and its `args` in one step — instead of
/// `type.__call__`'s general path: looking `__new__` and `__init__` up along the class chain (builtin classes
/// memoize nothing, each lookup hashes the name once per ancestor), argument arrays, and `args` stored by
/// name. That was two thirds of a raise and catch (`raise ValueError` 10.4 K instructions, CPython 2.0 K).
enum ExceptionConstruction {
    /// BaseException's own `__init__`, the builtin `installBaseExceptionMethods` gives it.
    static let baseInit: PyObject? = ExceptionKind.baseException.type.dict["__init__"]?.asObject

    /// `BaseException.__new__(cls, *args)`: an instance of `cls` keeping `args` (keywords are left to
    /// `__init__`, as BaseException_new does). `super().__new__(cls, …)` in an exception's own `__new__` finds it.
    static let baseNew = PyBuiltinFunction("__new__", minimumArguments: 1) { args, _, _ in
        guard case .object(let o) = args[0], o.tag == .type, case let cls = unsafeDowncast(o, to: PyType.self) else {
            throw PyException.make(.typeError, "BaseException.__new__(X): X is not a type object (\(typeName(args[0])))")
        }
        guard cls.isSubtype(of: ExceptionKind.baseException.type) else {
            throw PyException.make(.typeError, "BaseException.__new__(\(cls.name)): \(cls.name) is not a subtype of BaseException")
        }
        return .object(TypeObject.newInstance(cls, Array(args.dropFirst())))
    }

    /// Whether `t(args…)` without keywords is exactly BaseException's construction: an exception class
    /// with no `__new__`, `__init__` or metaclass of its own nor of any ancestor but BaseException's, no
    /// native constructor (OSError picks a subclass by errno) and nothing abstract. Memoized per class
    /// until any class changes (`TypeCache.version`).
    static func isPlain(_ t: PyType) -> Bool {
        let version = TypeCache.version.load(ordering: .relaxed)
        let memo = t.plainExceptionMemo.load(ordering: .relaxed)
        if memo == version << 2 | 1 { return true }
        if memo == version << 2 | 2 { return false }
        let plain = t.filledShape != nil && t.metaclass == nil && t.inheritedConstruct == nil
            && t.isSubtype(of: ExceptionKind.baseException.type)
            && (t.lookup("__new__").map(TypeObject.isObjectNew) ?? true)
            && (t.lookup("__init__")?.asObject).map { $0 === baseInit || $0 === AttributeErrors.initializer } == true
            && t.lookup("__abstractmethods__") == nil
        t.plainExceptionMemo.store(version << 2 | (plain ? 1 : 2), ordering: .relaxed)
        return plain
    }

    /// BaseException.__new__'s instance of `t` (an exception class, so `t.filledShape` names its one slot,
    /// `args`).
    static func instance(_ t: PyType, _ args: [Value]) -> PyInstance {
        let instance = PyInstance(type: t)
        instance.shape = t.filledShape!
        instance.slots = [.object(PyTuple(args))]
        instance.native = ExceptionData()
        return instance
    }
}
