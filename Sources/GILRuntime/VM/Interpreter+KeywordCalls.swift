/// Calls with keyword arguments (`d.quantize(exp, context=self)`, `f(x, key=k)`) to Python functions, and
/// calls to functions with `*args` or `**kwargs` (`va(1, 2)`, `log(msg, *args, **kwargs)` written out): the
/// arguments are bound straight from the caller's call block into the callee's frame, with the defaults; the
/// surplus positional ones become the `*args` tuple and unknown names the `**kwargs` dict, with no positional
/// array, keyword pairs or `bound` flags (Python/ceval.c initialize_locals' common case). Anything unusual — an
/// unknown or repeated name, a missing argument, too many positional ones — returns nil before any Python
/// code ran, and the general `invoke` binds again and raises its TypeError.
extension Interpreter {
    /// The `names` of a call without keywords: positional calls to functions with defaults, keyword-only
    /// parameters or `*args` bind through `callWithKeywords` too. Never mutated (shared by every thread).
    static let noKeywords = PyTuple([])

    /// A builtin called with keywords (`print(x, file=f)`, `sorted(l, key=k)`, `d.quantize(e, rounding=r)`
    /// through `callMethod`): the positional values in the reused argument array and one array of keyword
    /// pairs, straight to the body — `callSlow` built four arrays (names, positional, pairs, and the zip) and
    /// went through `call`'s switch (~3.9 K instructions of `print(t, file=f)`'s 7.6 K).
    @inline(never)
    static func callBuiltinWithKeywords(
        _ b: PyBuiltinFunction, _ args: UnsafeMutablePointer<Value>, _ argc: Int, names: PyTuple, _ ctx: ExecutionContext
    ) throws -> Value? {
        let nkw = names.items.count
        let positional = argc - nkw
        guard positional >= 0 else { return nil }
        if positional < b.minimumArguments { throw b.tooFewArguments(given: positional) }
        var keywords: [(String, Value)] = []
        keywords.reserveCapacity(nkw)
        for k in 0..<nkw {
            guard case .object(let o) = names.items[k], o.tag == .str else { return nil }
            keywords.append((unsafeDowncast(o, to: PyStr.self).value, args[positional + k]))
        }
        return try ctx.withArguments(nil, args, positional) { try b.body($0, keywords, ctx) }
    }

    /// `f(first?, args[0 ..< argc - names.count], name₀=…, name₁=…)`: the keyword values are the last
    /// `names.count` of the `argc` values at `args`. nil: not bound here (see above), nothing done.
    @inline(never)
    static func callWithKeywords(
        _ f: PyFunction, first: Value?, _ args: UnsafeMutablePointer<Value>, _ argc: Int, names: PyTuple, _ ctx: ExecutionContext
    ) throws -> Value? {
        let code = f.code
        let npos = code.positionalCount
        let parameterCount = npos + code.keywordOnlyCount
        let nkw = names.items.count
        let positional = argc - nkw + (first == nil ? 0 : 1)
        if code.hasVarArgs || code.hasVarKeywords { return try callVariadic(f, first: first, args, argc, names: names, ctx) }
        guard parameterCount <= 64, positional <= npos, nkw <= argc else { return nil }
        let regs = try enter(ctx, Int(code.frameSize))
        defer { leave(ctx, Int(code.frameSize)) }
        var bound: UInt64 = positional == 0 ? 0 : (UInt64.max >> (64 - positional))
        var k = 0
        if let first {
            regs[0] = first
            k = 1
        }
        for j in 0..<(argc - nkw) {
            regs[k] = args[j]
            k += 1
        }
        let parameters = code.parameterNames
        for (j, name) in names.items.enumerated() {
            guard case .object(let o) = name, o.tag == .str,
                  let slot = parameterSlot(parameters, unsafeDowncast(o, to: PyStr.self).value, from: code.positionalOnlyCount, to: parameterCount),
                  bound & (1 << slot) == 0
            else { return nil }
            regs[slot] = args[argc - nkw + j]
            bound |= 1 << slot
        }
        let firstDefault = npos - f.defaults.count
        for slot in 0..<npos where bound & (1 << slot) == 0 {
            guard slot >= firstDefault else { return nil }
            regs[slot] = f.defaults[slot - firstDefault]
        }
        for slot in npos..<parameterCount where bound & (1 << slot) == 0 {
            guard let d = f.keywordDefaults[parameters[slot]] else { return nil }
            regs[slot] = d
        }
        return try run(f, code, regs, ctx)
    }

    /// `C(a, k=v)` for a class defined in Python: the keywords bound straight into its Python `__new__`'s frame
    /// (`Fraction(n, d, _normalize=False)`) and `__init__`'s (`Context(prec=…)`, a dataclass), as
    /// `constructFromRegisters` does for positional calls; type_call took two argument arrays and a keyword
    /// list. nil before anything ran (a signature `callWithKeywords` does not bind, a metaclass, a builtin
    /// base): the general type call binds again and raises.
    @inline(never)
    static func constructWithKeywords(
        _ t: PyType, _ args: UnsafeMutablePointer<Value>, _ argc: Int, names: PyTuple, _ ctx: ExecutionContext, site: (CodeObject, Int)
    ) throws -> Value? {
        guard t.cacheable, t.construct == nil, callsAsType(t), !t.isSubtype(of: ExceptionKind.baseException.type) else { return nil }
        let newFunction = pythonNew(t)
        var initializer: PyFunction?
        if let i = t.lookup("__init__"), !TypeObject.isObjectInit(i) {
            guard case .object(let io) = i, io.tag == .function else { return nil }
            initializer = unsafeDowncast(io, to: PyFunction.self)
        }
        // Without a Python `__new__`, only object's makes the instance here.
        if newFunction == nil, initializer == nil || !(t.lookup("__new__").map(TypeObject.isObjectNew) ?? true) { return nil }
        ctx.pendingObjectName = site.0.assignmentNameAt[site.1]
        ctx.pendingObjectLine = site.0.lines[site.1]
        defer { ctx.pendingObjectName = nil }
        let obj: Value
        if let newFunction {
            guard let made = try callWithKeywords(newFunction, first: .object(t), args, argc, names: names, ctx) else { return nil }
            obj = made
            guard typeOf(obj).isSubtype(of: t) else { return obj }
        } else {
            if t.metaclass != nil { try TypeObject.checkNotAbstract(t, ctx) }  // object_new's check (ABCMeta)
            obj = .object(PyInstance(type: t))
        }
        guard let initializer else { return obj }
        var r = try callWithKeywords(initializer, first: obj, args, argc, names: names, ctx)
        if r == nil {
            // Nothing ran yet without a `__new__`: the general path makes its own instance and raises.
            guard newFunction != nil else { return nil }
            // `__new__` ran: `__init__` is called once, by the general binding (which raises its TypeError).
            let nkw = names.items.count
            let kwargs = names.items.enumerated().map { (j, n) in (Self.keywordName(n), args[argc - nkw + j]) }
            r = try invoke(initializer, [obj] + Array(UnsafeBufferPointer(start: args, count: argc - nkw)), kwargs, ctx)
        }
        if let r, !r.isNone { throw PyException.make(.typeError, "__init__() should return None, not '\(typeName(r))'") }
        return obj
    }

    private static func keywordName(_ v: Value) -> String {
        if case .object(let s as PyStr) = v { return s.value }
        return ""
    }

    /// `callWithKeywords` for a function with `*args` or `**kwargs`, also with positional arguments only
    /// (`names` nil): the surplus positional values become the `*args` tuple, unknown names the `**kwargs` dict.
    @inline(never)
    static func callVariadic(
        _ f: PyFunction, first: Value?, _ args: UnsafeMutablePointer<Value>, _ argc: Int, names: PyTuple?, _ ctx: ExecutionContext
    ) throws -> Value? {
        let code = f.code
        let npos = code.positionalCount
        let parameterCount = npos + code.keywordOnlyCount
        let nkw = names?.items.count ?? 0
        let positional = argc - nkw + (first == nil ? 0 : 1)
        guard parameterCount <= 64, positional <= npos || code.hasVarArgs, nkw <= argc else { return nil }
        let regs = try enter(ctx, Int(code.frameSize))
        defer { leave(ctx, Int(code.frameSize)) }
        let bindable = min(positional, npos)
        var bound: UInt64 = bindable == 0 ? 0 : (UInt64.max >> (64 - bindable))
        var k = 0
        if let first, bindable > 0 {
            regs[0] = first
            k = 1
        }
        var j = 0
        while k < bindable {
            regs[k] = args[j]
            k += 1
            j += 1
        }
        var slot = parameterCount
        if code.hasVarArgs {
            regs[slot] = .object(surplusArguments(first: bindable == 0 ? first : nil, args + j, argc - nkw - j))
            slot += 1
        }
        var extra: PyDict?
        if code.hasVarKeywords {
            let d = PyDict()
            regs[slot] = .object(d)
            extra = d
        }
        if let names {
            let parameters = code.parameterNames
            for (j, name) in names.items.enumerated() {
                guard case .object(let o) = name, o.tag == .str else { return nil }
                let key = unsafeDowncast(o, to: PyStr.self)
                if let slot = parameterSlot(parameters, key.value, from: code.positionalOnlyCount, to: parameterCount) {
                    guard bound & (1 << slot) == 0 else { return nil }
                    regs[slot] = args[argc - nkw + j]
                    bound |= 1 << slot
                } else {
                    // Distinct names (the compiler rejects `f(a=1, a=2)`), so no key is set twice.
                    guard let extra else { return nil }
                    try extra.set(name, args[argc - nkw + j])
                }
            }
        }
        let firstDefault = npos - f.defaults.count
        for slot in 0..<npos where bound & (1 << slot) == 0 {
            guard slot >= firstDefault else { return nil }
            regs[slot] = f.defaults[slot - firstDefault]
        }
        if parameterCount > npos {
            let parameters = code.parameterNames
            for slot in npos..<parameterCount where bound & (1 << slot) == 0 {
                guard let d = f.keywordDefaults[parameters[slot]] else { return nil }
                regs[slot] = d
            }
        }
        return try run(f, code, regs, ctx)
    }

    /// `f(…, **mapping)`: the mapping's items added to the call's keyword dict `into` (ceval.c DICT_MERGE):
    /// a name given twice and a `mapping` that is none are TypeErrors naming the callee, as CPython words them.
    @inline(never)
    static func mergeKeywords(_ into: Value, _ mapping: Value, callee: Value, _ ctx: ExecutionContext) throws {
        guard case .object(let o) = into, let d = o as? PyDict else { return }
        let items: [(Value, Value)]
        if case .object(let m as PyDict) = mapping {
            items = m.entries
        } else if case .object(let m) = mapping, let keys = typeOf(mapping).lookup("keys"), m.tag != .str {
            items = try collect(try call(keys, args: [mapping], kwargs: [], ctx: ctx), ctx).map { ($0, try Subscript.get(mapping, $0, ctx)) }
        } else {
            throw PyException.make(.typeError, "\(try functionText(callee, ctx)) argument after ** must be a mapping, not \(typeName(mapping))")
        }
        for (k, v) in items {
            if try d.get(k) != nil {
                guard case .object(let s as PyStr) = k else { throw PyException.make(.typeError, "keywords must be strings") }
                throw PyException.make(.typeError, "\(try functionText(callee, ctx)) got multiple values for keyword argument '\(s.value)'")
            }
            try d.set(k, v)
        }
    }

    /// How CPython's messages name a callable (Objects/object.c _PyObject_FunctionStr): `module.qualname()`,
    /// without the module for builtins.
    static func functionText(_ callee: Value, _ ctx: ExecutionContext) throws -> String {
        guard case .object(let q as PyStr)? = try? Attributes.lookup(callee, "__qualname__", ctx) else { return try str(callee, ctx) }
        if case .object(let m as PyStr)? = try? Attributes.lookup(callee, "__module__", ctx), m.value != "builtins" {
            return "\(m.value).\(q.value)()"
        }
        return "\(q.value)()"
    }

    /// The `*args` tuple: `first` (when it was not bound to a parameter) and `count` values at `args`.
    @inline(never)
    private static func surplusArguments(first: Value?, _ args: UnsafeMutablePointer<Value>, _ count: Int) -> PyTuple {
        var items: [Value] = []
        items.reserveCapacity(count + 1)
        if let first { items.append(first) }
        for i in 0..<max(count, 0) { items.append(args[i]) }
        return PyTuple(items)
    }

    /// The register of the parameter called `name` among `parameters[from ..< to]`.
    @inline(__always)
    private static func parameterSlot(_ parameters: [String], _ name: String, from: Int, to: Int) -> Int? {
        var slot = from
        while slot < to {
            if parameters[slot] == name { return slot }
            slot += 1
        }
        return nil
    }
}
