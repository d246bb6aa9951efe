/// AttributeError's `name` and `obj` (CPython 3.10+), and the message of the one attribute lookup raises,
/// made only when something reads it: `try: return self._str` / `except AttributeError:` (pathlib's
/// `__str__`, every cache-on-first-use attribute) never looks at the message, and formatting it and keeping
/// it in an `args` tuple was a third of such a miss. `str(e)`, `e.args`, `repr(e)`, tracebacks, pickling
/// and copying read it through `exceptionArgs`/`settleArgs` and see CPython's text.
enum AttributeErrors {
    /// The AttributeError for `name` missing on `v`, worded as CPython's (`'T' object has no attribute 'n'`,
    /// `type object 'C' …`, `module 'm' …`), with `name` and `obj` set; `args` is made when first read.
    static func missing(_ v: Value, _ name: String) -> PyException {
        let instance = PyInstance(type: ExceptionKind.attributeError.type)
        let data = ExceptionData()
        data.missingName = name
        data.attributeObject = v
        data.argsPending = true
        instance.native = data
        return PyException(instance)
    }

    static func message(_ v: Value, _ name: String) -> String {
        switch v {
        case .object(let t as PyType): "type object '\(t.name)' has no attribute '\(name)'"
        case .object(let m as PyModule): "module '\(m.name)' has no attribute '\(name)'"
        default: "'\(typeName(v))' object has no attribute '\(name)'"
        }
    }

    /// Gives an AttributeError made by `missing` its `args` before anything reads them (unless they were
    /// assigned meanwhile).
    static func settleArgs(_ inst: PyInstance) {
        guard let data = inst.native as? ExceptionData, data.argsPending else { return }
        inst.lock.withLock {
            guard data.argsPending else { return }
            data.argsPending = false
            guard let name = data.missingName, inst.shape.slot(of: "args") == nil else { return }
            inst.storeUnlocked("args", .object(PyTuple([.str(message(data.attributeObject ?? .none, name))])))
        }
    }

    /// `e.name` / `e.obj` of an AttributeError (None unless given).
    static func field(_ data: ExceptionData, _ attribute: String) -> Value {
        if attribute == "obj" { return data.attributeObject ?? .none }
        return data.nameValue ?? data.missingName.map { .str($0) } ?? .none
    }

    /// AttributeError.__init__(*args, name=None, obj=None) (exceptions.c AttributeError_init).
    static func install(_ t: PyType) {
        t.addMethod("__init__") { args, kwargs, _ in
            guard case .object(let o) = args[0], let inst = o as? PyInstance else { return .none }
            var name: Value?
            var obj: Value?
            for (k, v) in kwargs {
                switch k {
                case "name": name = v
                case "obj": obj = v
                default: throw PyException.make(.typeError, "'\(k)' is an invalid keyword argument for \(inst.type.name)()")
                }
            }
            inst.setAttribute("args", .object(PyTuple(Array(args.dropFirst()))))
            let data = inst.native as? ExceptionData ?? ExceptionData()
            if inst.native == nil { inst.native = data }
            data.argsPending = false
            data.missingName = nil
            data.nameValue = name
            data.attributeObject = obj
            return .none
        }
    }

    /// AttributeError's own `__init__`, which without keywords does what BaseException's does.
    static var initializer: PyObject? { ExceptionKind.attributeError.type.dict["__init__"]?.asObject }
}

extension AttributeErrors {
    /// `e.name = v` / `e.obj = v`: AttributeError's own fields, not instance attributes.
    static func setField(_ data: ExceptionData, _ attribute: String, _ value: Value) {
        if attribute == "obj" {
            data.attributeObject = value
        } else {
            data.nameValue = value
        }
    }

    /// Names the attribute and the object on an AttributeError that has neither yet.
    static func fillContext(_ e: PyInstance, _ v: Value, _ name: String) {
        guard let data = e.native as? ExceptionData, data.nameValue == nil, data.missingName == nil, data.attributeObject == nil else { return }
        data.nameValue = .str(name)
        data.attributeObject = v
    }
}
