/// PEP 654's `BaseExceptionGroup` and `ExceptionGroup` (Objects/exceptions.c BaseExceptionGroup_new,
/// exceptiongroup_split_recursive): construction rules and messages, `message`, `exceptions`, `derive`,
/// `subgroup`, `split` (structure kept, metadata copied), plus `BaseException.add_note` (3.11). `except*`
/// uses `split`, and `ExceptStar` re-raises what its handlers left as CPython's `_PyExc_PrepReraiseStar`.
enum ExceptionGroups {
    static let base: PyType = {
        let t = PyType(name: "BaseExceptionGroup", base: ExceptionKind.baseException.type)
        install(t)
        return t
    }()

    static let group: PyType = {
        PyType(name: "ExceptionGroup", bases: [base, ExceptionKind.exception.type], module: "builtins")!
    }()

    static func isGroup(_ v: Value) -> Bool {
        if case .object(let i as PyInstance) = v { return i.type.isSubtype(of: base) }
        return false
    }

    /// The leaves and sub-groups of a group, in order.
    static func members(_ g: PyInstance) -> [Value] {
        if case .object(let t as PyTuple)? = g.getAttribute("exceptions") { return t.items }
        return []
    }

    private static func install(_ t: PyType) {
        let newFunction = PyBuiltinFunction("__new__", minimumArguments: 1) { args, kwargs, ctx in
            guard case .object(var cls as PyType) = args[0] else { throw PyException.make(.typeError, "BaseExceptionGroup.__new__(X): X is not a type object") }
            if let k = kwargs.first { throw PyException.make(.typeError, "\(cls.name)() takes no keyword arguments (got '\(k.0)')") }
            guard args.count == 3 else {
                throw PyException.make(.typeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (\(args.count - 1) given)")
            }
            guard case .object(let message as PyStr) = args[1] else {
                throw PyException.make(.typeError, "BaseExceptionGroup.__new__() argument 1 must be str, not \(typeName(args[1]))")
            }
            guard case .object(let o) = args[2], o is PyList || o is PyTuple else {
                throw PyException.make(.typeError, "second argument (exceptions) must be a sequence")
            }
            let items = try collect(args[2], ctx)
            if items.isEmpty { throw PyException.make(.valueError, "second argument (exceptions) must be a non-empty sequence") }
            var allExceptions = true
            for (k, item) in items.enumerated() {
                guard case .object(let e as PyInstance) = item, e.type.isSubtype(of: ExceptionKind.baseException.type) else {
                    throw PyException.make(.valueError, "Item \(k) of second argument (exceptions) is not an exception")
                }
                if !e.type.isSubtype(of: ExceptionKind.exception.type) { allExceptions = false }
            }
            if cls === base {
                if allExceptions { cls = group }
            } else if cls === group {
                if !allExceptions { throw PyException.make(.typeError, "Cannot nest BaseExceptions in an ExceptionGroup") }
            } else if !allExceptions, cls.isSubtype(of: ExceptionKind.exception.type) {
                throw PyException.make(.typeError, "Cannot nest BaseExceptions in '\(cls.name)'")
            }
            let instance = TypeObject.newInstance(cls, [args[1], args[2]])
            instance.setAttribute("message", .str(message.value))
            instance.setAttribute("exceptions", .object(PyTuple(items)))
            return .object(instance)
        }
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(newFunction)))
        t.addMethod("__init__") { _, _, _ in .none }
        t.addMethod("__str__") { a, _, _ in
            guard case .object(let g as PyInstance) = a[0] else { return .str("") }
            let message = if case .object(let s as PyStr)? = g.getAttribute("message") { s.value } else { "" }
            let n = members(g).count
            return .str("\(message) (\(n) sub-exception\(n == 1 ? "" : "s"))")
        }
        t.addMethod("derive") { a, _, ctx in
            guard a.count == 2, case .object(let g as PyInstance) = a[0] else { throw PyException.make(.typeError, "derive() takes exactly one argument") }
            return try ctx.call(.object(base), [g.getAttribute("message") ?? .str(""), a[1]])
        }
        t.addMethod("subgroup") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "subgroup() takes exactly one argument") }
            return try split(a[0], matcher(a[1], ctx), ctx).match ?? .none
        }
        t.addMethod("split") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "split() takes exactly one argument") }
            let (match, rest) = try split(a[0], matcher(a[1], ctx), ctx)
            return .object(PyTuple([match ?? .none, rest ?? .none]))
        }
        t.addMethod("__class_getitem__") { a, _, _ in a[0] }
        ExceptionKind.baseException.type.addMethod("add_note") { a, _, _ in
            guard a.count == 2, case .object(let e as PyInstance) = a[0] else { throw PyException.make(.typeError, "add_note() takes exactly one argument") }
            guard case .object(let note as PyStr) = a[1] else {
                throw PyException.make(.typeError, "note must be a str, not '\(typeName(a[1]))'")
            }
            if case .object(let notes as PyList)? = e.getAttribute("__notes__") {
                notes.append(.str(note.value))
            } else {
                e.setAttribute("__notes__", .object(PyList([.str(note.value)])))
            }
            return .none
        }
    }

    /// A condition of `split`/`subgroup`: an exception type, a tuple of them, or a predicate.
    static func matcher(_ condition: Value, _ ctx: ExecutionContext) throws -> (Value) throws -> Bool {
        switch condition {
        case .object(let t as PyType) where t.isSubtype(of: ExceptionKind.baseException.type):
            return { typeOf($0).isSubtype(of: t) }
        case .object(let tuple as PyTuple):
            var types: [PyType] = []
            for item in tuple.items {
                guard case .object(let t as PyType) = item, t.isSubtype(of: ExceptionKind.baseException.type) else {
                    throw PyException.make(.typeError, "expected a function, exception type or tuple of exception types")
                }
                types.append(t)
            }
            return { v in types.contains { typeOf(v).isSubtype(of: $0) } }
        default:
            guard case .object(let o) = condition, o.tag == .function || o.tag == .builtin || o.tag == .boundMethod else {
                throw PyException.make(.typeError, "expected a function, exception type or tuple of exception types")
            }
            return { try truthy(try ctx.call(condition, [$0]), ctx) }
        }
    }

    /// exceptiongroup_split_recursive: (what matches, what does not), each a group derived from `v` with its
    /// traceback, cause, context and notes, or the leaf itself.
    static func split(_ v: Value, _ matches: (Value) throws -> Bool, _ ctx: ExecutionContext) throws -> (match: Value?, rest: Value?) {
        if try matches(v) { return (v, nil) }
        guard case .object(let g as PyInstance) = v, g.type.isSubtype(of: base) else { return (nil, v) }
        var matched: [Value] = []
        var rest: [Value] = []
        for e in members(g) {
            let (m, r) = try split(e, matches, ctx)
            if let m { matched.append(m) }
            if let r { rest.append(r) }
        }
        return (try derived(g, matched, ctx), try derived(g, rest, ctx))
    }

    /// `g.derive(items)` with g's metadata, or nil for no items.
    static func derived(_ g: PyInstance, _ items: [Value], _ ctx: ExecutionContext) throws -> Value? {
        guard !items.isEmpty else { return nil }
        let d = try ctx.call(try Attributes.get(.object(g), "derive", ctx), [.object(PyList(items))])
        guard case .object(let made as PyInstance) = d, made.type.isSubtype(of: base) else {
            throw PyException.make(.typeError, "derive must return an instance of BaseExceptionGroup")
        }
        let from = PyException(g).data, to = PyException(made).data
        to.traceback = from.traceback
        to.cause = from.cause
        to.context = from.context
        to.suppressContext = from.suppressContext
        if let notes = g.getAttribute("__notes__") { made.setAttribute("__notes__", notes) }
        return d
    }

    /// The leaves of an exception (itself when it is not a group), by identity.
    static func leaves(_ v: Value) -> [ObjectIdentifier] {
        guard case .object(let o) = v else { return [] }
        guard let g = o as? PyInstance, g.type.isSubtype(of: base) else { return [ObjectIdentifier(o)] }
        return members(g).flatMap(leaves)
    }
}
