import GILCore

/// Calls, argument binding, function and class creation, raise: the cold half of the interpreter.
extension Interpreter {
    /// A call whose arguments sit in the caller's registers: positional first, then keyword values named
    /// by `kwnames` (a tuple of str), as CPython's vectorcall lays them out.
    @inline(__always)
    static func callFromRegisters(
        _ callee: Value, _ args: UnsafeMutablePointer<Value>, _ argc: Int, kwnames: Value?, _ ctx: ExecutionContext, site: (CodeObject, Int),
        cache: UnsafeMutablePointer<InlineCache>? = nil
    ) throws -> Value {
        if case .object(let o) = callee, kwnames == nil {
            switch o.tag {
            case .function:
                let f = unsafeDowncast(o, to: PyFunction.self)
                if f.code.isSimple && argc == f.code.positionalCount {
                    return try invokeSimple(f, UnsafeBufferPointer(start: args, count: argc), ctx)
                }
                // Defaults of a closure, keyword-only parameters (`def f(a, *, k=1)` called `f(x)`), `*args` /
                // `**kwargs` callees (`va(1, 2)`): bound straight into the frame.
                if let r = try callWithKeywords(f, first: nil, args, argc, names: noKeywords, ctx) { return r }
            case .builtin:
                return try callBuiltin(unsafeDowncast(o, to: PyBuiltinFunction.self), args, argc, ctx, caller: site.0)
            case .type:
                return try constructFromRegisters(unsafeDowncast(o, to: PyType.self), args, argc, ctx, site: site, cache: cache)
            case .boundMethod:
                return try callBoundMethod(unsafeDowncast(o, to: PyBoundMethod.self), args, argc, ctx, site: site)
            default:
                break
            }
        } else if case .object(let o) = callee, case .object(let k)? = kwnames, k.tag == .tuple {
            // Keywords to a Python function or method: bound straight into its frame when its signature allows.
            let names = unsafeDowncast(k, to: PyTuple.self)
            if o.tag == .function {
                if let r = try callWithKeywords(unsafeDowncast(o, to: PyFunction.self), first: nil, args, argc, names: names, ctx) { return r }
            } else if o.tag == .boundMethod, case let m = unsafeDowncast(o, to: PyBoundMethod.self), case .object(let fo) = m.function,
                      fo.tag == .function,
                      let r = try callWithKeywords(unsafeDowncast(fo, to: PyFunction.self), first: m.receiver, args, argc, names: names, ctx) {
                return r
            } else if o.tag == .type,
                      let r = try constructWithKeywords(unsafeDowncast(o, to: PyType.self), args, argc, names: names, ctx, site: site) {
                return r
            } else if o.tag == .builtin,
                      let r = try callBuiltinWithKeywords(unsafeDowncast(o, to: PyBuiltinFunction.self), args, argc, names: names, ctx) {
                return r
            }
        }
        return try callSlow(callee, args, argc, kwnames: kwnames, ctx, site: site)
    }

    /// A bound method called with positional arguments (`pop = perm.pop; pop(0)`, callbacks): the receiver
    /// and the arguments go straight to a builtin's body in one array, or into a simple function's frame,
    /// without the general path's keyword arrays and `[receiver] + args` copy (two thirds of each call in
    /// fannkuch). Anything else takes `callSlow`, as before.
    @inline(never)
    static func callBoundMethod(
        _ m: PyBoundMethod, _ args: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext, site: (CodeObject, Int)
    ) throws -> Value {
        if case .object(let f) = m.function {
            if f.tag == .builtin {
                let b = unsafeDowncast(f, to: PyBuiltinFunction.self)
                if argc + 1 >= b.minimumArguments {
                    return try ctx.withArguments(m.receiver, args, argc) { try b.body($0, [], ctx) }
                }
            } else if f.tag == .function {
                // The receiver and the arguments, and defaults for the rest (`self.save(obj)` of
                // `def save(self, obj, save_persistent_id=True)`: pickle's commonest call took the
                // general path, a receiver-plus-arguments array and a keyword binding).
                let function = unsafeDowncast(f, to: PyFunction.self)
                let code = function.code
                let n = code.positionalCount
                if code.isSimple && argc + 1 <= n && argc + 1 >= n - function.defaults.count {
                    return try runMethod(function, code, m.receiver, args, argc, ctx)
                }
                if let r = try callWithKeywords(function, first: m.receiver, args, argc, names: noKeywords, ctx) { return r }
            }
        }
        return try callSlow(.object(m), args, argc, kwnames: nil, ctx, site: site)
    }

    /// A builtin with positional arguments only: straight to its body (no keyword array, no type switch).
    @inline(never)
    static func callBuiltin(
        _ b: PyBuiltinFunction, _ args: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext, caller: CodeObject
    ) throws -> Value {
        if argc < b.minimumArguments { throw b.tooFewArguments(given: argc) }
        if b.fast == .callerGlobals {
            if argc == 0, let g = caller.moduleGlobals { return .object(g.namespaceDict()) }
        } else if b.fast != .none, let v = try fastBuiltin(b.fast, args, argc, ctx) {
            return v
        }
        return try ctx.withArguments(nil, args, argc) { try b.body($0, [], ctx) }
    }

    /// `C(args…)` for a class defined in Python whose `__init__` takes exactly these positional arguments:
    /// the new instance and the arguments go straight into `__init__`'s frame (no argument arrays).
    /// Everything else (builtin constructors, exceptions, defaults, keywords) takes `construct`.
    @inline(never)
    static func constructFromRegisters(
        _ t: PyType, _ args: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext, site: (CodeObject, Int),
        cache: UnsafeMutablePointer<InlineCache>?
    ) throws -> Value {
        if let construct = t.construct {
            // type(x) (CALL_NO_KW_TYPE_1), and str(int) / str(str) (objs: BuiltinTypes.strFast), without an
            // argument array.
            if argc == 1, t === BuiltinTypes.type { return .object(typeOf(args[0])) }
            if argc == 1, t === BuiltinTypes.str, let s = BuiltinTypes.strFast(args[0]) { return s }
            // A builtin class (str(x), list(), threading.Lock()): its constructor, without keyword arrays.
            ctx.pendingObjectName = site.0.assignmentNameAt[site.1]
            ctx.pendingObjectLine = site.0.lines[site.1]
            defer { ctx.pendingObjectName = nil }
            return try construct(t, Array(UnsafeBufferPointer(start: args, count: argc)), [], ctx)
        }
        if t.filledShape != nil, ExceptionConstruction.isPlain(t) {
            return .object(ExceptionConstruction.instance(t, Array(UnsafeBufferPointer(start: args, count: argc))))
        }
        let f: PyFunction
        if let cache, cache.pointee.kind == .initializer, cache.pointee.shape === t.rootShape,
           cache.pointee.version == typeVersion, case .object(let io) = cache.pointee.value {
            // Same class as last time and no class changed since: its checked `__init__`.
            f = unsafeDowncast(io, to: PyFunction.self)
        } else {
            let version = typeVersion
            if t.cacheable, callsAsType(t), let newFunction = pythonNew(t), !t.isSubtype(of: ExceptionKind.baseException.type) {
                return try constructWithNew(t, newFunction, args, argc, ctx, site: site)
            }
            guard t.cacheable, t.construct == nil, callsAsType(t), case .object(let io)? = t.lookup("__init__"), io.tag == .function,
                  t.filledShape == nil || t.inheritedConstruct == nil, t.lookup("__new__").map(TypeObject.isObjectNew) ?? true else {
                return try callSlow(.object(t), args, argc, kwnames: nil, ctx, site: site)
            }
            // object_new's check, before the entry is filled (ABCMeta sets `__abstractmethods__`).
            if t.metaclass != nil { try TypeObject.checkNotAbstract(t, ctx) }
            f = unsafeDowncast(io, to: PyFunction.self)
            // The argument count is fixed per call site, so the check holds for later hits too (defaults may
            // change: `runMethod` checks them again).
            let count = f.code.positionalCount
            guard f.code.isSimple, argc + 1 <= count, argc + 1 >= count - f.defaults.count else {
                return try callSlow(.object(t), args, argc, kwnames: nil, ctx, site: site)
            }
            cache?.pointee = InlineCache(shape: t.rootShape, version: version, kind: .initializer, value: .object(io))
        }
        let code = f.code
        ctx.pendingObjectName = site.0.assignmentNameAt[site.1]
        ctx.pendingObjectLine = site.0.lines[site.1]
        defer { ctx.pendingObjectName = nil }
        // A class statement's `filledShape` marks an exception class: BaseException.__new__ keeps the
        // arguments as `args` before `__init__` runs (`class _Stop(Exception): def __init__(self, value)`).
        let instance = t.filledShape == nil
            ? PyInstance(type: t) : ExceptionConstruction.instance(t, Array(UnsafeBufferPointer(start: args, count: argc)))
        let r = try runMethod(f, code, .object(instance), args, argc, ctx)
        if !r.isNone { throw PyException.make(.typeError, "__init__() should return None, not '\(typeName(r))'") }
        return .object(instance)
    }

    /// Calling `t` is `type.__call__` (`__new__`, then `__init__`): no metaclass, or one without a `__call__` of
    /// its own (ABCMeta: `Fraction(n, d)`, every `numbers`/`collections.abc` subclass).
    @inline(__always)
    static func callsAsType(_ t: PyType) -> Bool {
        guard let meta = t.metaclass else { return true }
        return meta.lookup("__call__").map(TypeObject.isTypeCall) ?? true
    }

    /// The class's `__new__` when it is a function defined in Python (stored as a staticmethod).
    @inline(__always)
    static func pythonNew(_ t: PyType) -> PyFunction? {
        guard case .object(let o)? = t.lookup("__new__"), o.tag == .cell, let w = o as? PyMethodWrapper, w.kind == .staticMethod,
              case .object(let f) = w.function, f.tag == .function else { return nil }
        return unsafeDowncast(f, to: PyFunction.self)
    }

    /// `C(args…)` for a class whose `__new__` is written in Python (`Decimal(v)`, `Fraction(n, d)`): type_call
    /// without argument arrays — `__new__(C, args…)` in a fresh frame, then `__init__` when the result is a
    /// `C` and `__init__` is not object's.
    @inline(never)
    static func constructWithNew(
        _ t: PyType, _ newFunction: PyFunction, _ args: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext, site: (CodeObject, Int)
    ) throws -> Value {
        ctx.pendingObjectName = site.0.assignmentNameAt[site.1]
        ctx.pendingObjectLine = site.0.lines[site.1]
        defer { ctx.pendingObjectName = nil }
        let arguments = UnsafeBufferPointer(start: args, count: argc)
        let cls = Value.object(t)
        // `Fraction.__new__(cls, numerator=0, denominator=None, *, _normalize=True)` is not plain: its
        // keyword-only default is bound by `callWithKeywords`, without `invoke`'s arrays.
        let obj = try callPlain(newFunction, cls, arguments, ctx)
            ?? callWithKeywords(newFunction, first: cls, args, argc, names: noKeywords, ctx)
            ?? invoke(newFunction, [cls] + Array(arguments), [], ctx)
        guard typeOf(obj).isSubtype(of: t) else { return obj }
        if let initializer = t.lookup("__init__"), !TypeObject.isObjectInit(initializer) {
            let r = try call(initializer, args: [obj] + Array(arguments), kwargs: [], ctx: ctx)
            if !r.isNone { throw PyException.make(.typeError, "__init__() should return None, not '\(typeName(r))'") }
        }
        return obj
    }

    @inline(never)
    static func callSlow(_ callee: Value, _ args: UnsafeMutablePointer<Value>, _ argc: Int, kwnames: Value?, _ ctx: ExecutionContext, site: (CodeObject, Int)) throws -> Value {
        var names: [String] = []
        if case .object(let t as PyTuple)? = kwnames {
            names = t.items.map { if case .object(let s as PyStr) = $0 { s.value } else { "" } }
        }
        let buffer = UnsafeBufferPointer(start: args, count: argc)
        let positional = Array(buffer[0..<(argc - names.count)])
        let kwargs = zip(names, buffer[(argc - names.count)...]).map { ($0, $1) }
        if case .object(let o) = callee, o.tag == .type {
            ctx.pendingObjectName = site.0.assignmentNameAt[site.1]
            ctx.pendingObjectLine = site.0.lines[site.1]
            defer { ctx.pendingObjectName = nil }
            return try call(callee, args: positional, kwargs: kwargs, ctx: ctx)
        }
        return try call(callee, args: positional, kwargs: kwargs, ctx: ctx)
    }

    /// `f(*args, **kwargs)`.
    @inline(never)
    static func callEx(_ callee: Value, _ args: Value, _ kwargs: Value?, _ ctx: ExecutionContext) throws -> Value {
        let positional = try collect(args, ctx)
        var kw: [(String, Value)] = []
        if let kwargs {
            guard case .object(let d as PyDict) = kwargs else { throw PyException.make(.typeError, "argument after ** must be a mapping") }
            for (k, v) in d.entries {
                guard case .object(let s as PyStr) = k else { throw PyException.make(.typeError, "keywords must be strings") }
                kw.append((s.value, v))
            }
        }
        return try call(callee, args: positional, kwargs: kw, ctx: ctx)
    }

    /// The general call: every callable kind.
    static func call(_ callee: Value, args: [Value], kwargs: [(String, Value)], ctx: ExecutionContext) throws -> Value {
        guard case .object(let o) = callee else {
            throw PyException.make(.typeError, "'\(typeName(callee))' object is not callable")
        }
        // By tag: a chain of `as` casts cost a dynamic cast per kind tried.
        switch o.tag {
        case .function:
            let f = unsafeDowncast(o, to: PyFunction.self)
            if kwargs.isEmpty {
                // Positional arguments, defaults for the rest: a fast frame (operators, `__new__`, callbacks).
                if let r = try args.withUnsafeBufferPointer({ try callPlain(f, $0, ctx) }) {
                    return r
                }
                if f.code.isSimple && args.count == f.code.positionalCount {
                    return try args.withUnsafeBufferPointer { try invokeSimple(f, $0, ctx) }
                }
            }
            return try invoke(f, args, kwargs, ctx)
        case .builtin:
            let b = unsafeDowncast(o, to: PyBuiltinFunction.self)
            if args.count < b.minimumArguments { throw b.tooFewArguments(given: args.count) }
            return try b.body(args, kwargs, ctx)
        case .boundMethod:
            let m = unsafeDowncast(o, to: PyBoundMethod.self)
            if kwargs.isEmpty, case .object(let fo) = m.function, fo.tag == .function,
               let r = try args.withUnsafeBufferPointer({ try callPlain(unsafeDowncast(fo, to: PyFunction.self), m.receiver, $0, ctx) }) {
                return r
            }
            return try call(m.function, args: [m.receiver] + args, kwargs: kwargs, ctx: ctx)
        case .type:
            return try construct(unsafeDowncast(o, to: PyType.self), args, kwargs, ctx)
        case .instance:
            if let f = unsafeDowncast(o, to: PyInstance.self).type.special(.call) {
                return try call(f, args: [callee] + args, kwargs: kwargs, ctx: ctx)
            }
        default: break
        }
        throw PyException.make(.typeError, "'\(typeName(callee))' object is not callable")
    }

    /// Calling a class: its metaclass's `__call__`, or `__new__` and `__init__` (`TypeObject.call`).
    static func construct(_ t: PyType, _ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        if let c = t.construct { return try c(t, args, kwargs, ctx) }
        return try TypeObject.call(t, args, kwargs, ctx)
    }

    /// Fast path: exactly the positional parameters, no defaults, *args, **kwargs or keyword-only ones.
    @inline(__always)
    static func invokeSimple(_ f: PyFunction, _ args: UnsafeBufferPointer<Value>, _ ctx: ExecutionContext) throws -> Value {
        let code = f.code
        let size = Int(code.frameSize)
        let regs = try enter(ctx, size)
        defer { leave(ctx, size) }
        // The frame's registers are fresh `.none` (no payload), so initializing over them leaks nothing.
        for k in 0..<args.count { (regs + k).initialize(to: args[k]) }
        return try run(f, code, regs, ctx)
    }

    @inline(__always)
    static func enter(_ ctx: ExecutionContext, _ size: Int) throws -> UnsafeMutablePointer<Value> {
        try enter(ctx, size, noneIn: 0..<size)
    }

    @inline(__always)
    static func leave(_ ctx: ExecutionContext, _ size: Int) {
        ctx.popFrame(size)
        ctx.depth -= 1
    }

    @inline(__always)
    static func run(_ f: PyFunction, _ code: CodeObject, _ regs: UnsafeMutablePointer<Value>, _ ctx: ExecutionContext) throws -> Value {
        copyConstants(code, regs)
        if code.needsUnboundMarkers { markUnbound(code, regs) }
        if !code.cellRegisters.isEmpty || !code.freeRegisters.isEmpty { setUpCells(f, code, regs) }
        if code.isGenerator { return .object(PyGenerator(f, moving: regs, count: Int(code.frameSize))) }
        return try execute(code, f, regs, ctx, globals: f.globals)
    }

    @inline(never)
    static func markUnbound(_ code: CodeObject, _ regs: UnsafeMutablePointer<Value>) {
        let end = Int(code.localCount) - code.freeRegisters.count
        for r in code.parameterNames.count..<max(end, code.parameterNames.count) { regs[r] = .object(Unbound.marker) }
    }

    @inline(never)
    static func setUpCells(_ f: PyFunction, _ code: CodeObject, _ regs: UnsafeMutablePointer<Value>) {
        makeOwnCells(code, regs)
        for (k, r) in code.freeRegisters.enumerated() where k < f.cells.count {
            regs[Int(r)] = .object(f.cells[k])
        }
    }

    /// The frame's own cells (a parameter's starts with its argument).
    static func makeOwnCells(_ code: CodeObject, _ regs: UnsafeMutablePointer<Value>) {
        let parameterCount = code.parameterNames.count
        for r in code.cellRegisters {
            regs[Int(r)] = .object(PyCell(Int(r) < parameterCount ? regs[Int(r)] : nil))
        }
    }

    /// `(x for x in …)`: the `<genexpr>` generator made straight from its code constant, `.0` moved in from
    /// `operands[0]`, the closure cells copied from `operands[1…cells]`. CPython 3.11 makes a function and calls
    /// it at once; nothing can reach that function, and making and freeing it was ~1,500 instructions of the
    /// ~6,800 a `tuple(x for x in ())` took.
    @inline(never)
    static func makeGenexpr(_ constant: Value, _ operands: UnsafeMutablePointer<Value>, cells: Int, _ globals: Globals) throws -> Value {
        guard case .object(let o as CodeConstant) = constant else { throw PyException.make(.runtimeError, "bad code constant") }
        let code = o.code
        let g = PyGenerator(code: code, globals: globals, moving: operands, count: 1)
        let regs = g.registers
        copyConstants(code, regs)
        if code.needsUnboundMarkers { markUnbound(code, regs) }
        if !code.cellRegisters.isEmpty { makeOwnCells(code, regs) }
        for (k, r) in code.freeRegisters.enumerated() where k < cells { regs[Int(r)] = operands[1 + k] }
        return .object(g)
    }

    /// The general path: binds positional, keyword, default, *args and **kwargs parameters
    /// (Python/ceval.c initialize_locals, with its error messages, which name the function's `__qualname__`:
    /// a namedtuple's `__new__` is "Point.__new__()").
    static func invoke(_ f: PyFunction, _ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        let code = f.code
        let size = Int(code.frameSize)
        let regs = try enter(ctx, size)
        defer { leave(ctx, size) }
        let npos = code.positionalCount
        let names = code.parameterNames
        // Which parameters are bound, on the stack: an `Array(repeating:count:)` is a malloc and a generic
        // metadata lookup in the standard library (~650 instructions a call).
        return try withUnsafeTemporaryAllocation(of: Bool.self, capacity: names.count) { bound in
        bound.initialize(repeating: false)
        for (k, v) in args.prefix(npos).enumerated() {
            regs[k] = v
            bound[k] = true
        }
        var slot = npos + code.keywordOnlyCount
        if code.hasVarArgs {
            regs[slot] = .object(PyTuple(args.count > npos ? Array(args[npos...]) : []))
            bound[slot] = true
            slot += 1
        }
        var extra: PyDict?
        if code.hasVarKeywords {
            extra = PyDict()
            regs[slot] = .object(extra!)
            bound[slot] = true
        }
        for (name, v) in kwargs {
            if let k = names.firstIndex(of: name), k >= code.positionalOnlyCount, k < npos + code.keywordOnlyCount {
                if bound[k] { throw PyException.make(.typeError, "\(f.qualifiedName)() got multiple values for argument '\(name)'") }
                regs[k] = v
                bound[k] = true
            } else if let extra {
                try extra.set(.str(name), v)
            } else if let k = names.firstIndex(of: name), k < code.positionalOnlyCount {
                throw PyException.make(.typeError, "\(f.qualifiedName)() got some positional-only arguments passed as keyword arguments: '\(name)'")
            } else {
                throw PyException.make(.typeError, "\(f.qualifiedName)() got an unexpected keyword argument '\(name)'")
            }
        }
        if args.count > npos && !code.hasVarArgs { throw tooManyPositional(f, given: args.count, bound: bound) }
        let firstDefault = npos - f.defaults.count
        var missing: [String] = []
        for k in 0..<npos where !bound[k] {
            if k >= firstDefault { regs[k] = f.defaults[k - firstDefault] } else { missing.append(names[k]) }
        }
        if !missing.isEmpty {
            let list = missing.count == 1 ? "'\(missing[0])'" : missing.dropLast().map { "'\($0)'" }.joined(separator: ", ") + " and '\(missing.last!)'"
            throw PyException.make(.typeError, "\(f.qualifiedName)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)")
        }
        for k in npos..<(npos + code.keywordOnlyCount) where !bound[k] {
            guard let d = f.keywordDefaults[names[k]] else {
                throw PyException.make(.typeError, "\(f.qualifiedName)() missing 1 required keyword-only argument: '\(names[k])'")
            }
            regs[k] = d
        }
        return try run(f, code, regs, ctx)
        }
    }

    /// ceval.c too_many_positional, raised after the keywords were bound: it counts the keyword-only
    /// arguments given ("takes 2 positional arguments but 3 positional arguments (and 1 keyword-only
    /// argument) were given").
    @inline(never)
    static func tooManyPositional(_ f: PyFunction, given: Int, bound: UnsafeMutableBufferPointer<Bool>) -> PyException {
        let code = f.code
        let npos = code.positionalCount
        let keywordOnly = (npos..<(npos + code.keywordOnlyCount)).filter { bound[$0] }.count
        let takes = f.defaults.isEmpty ? "\(npos)" : "from \(npos - f.defaults.count) to \(npos)"
        let plural = !f.defaults.isEmpty || npos != 1
        let also = keywordOnly == 0 ? "" : " positional argument\(given == 1 ? "" : "s") (and \(keywordOnly) keyword-only argument\(keywordOnly == 1 ? "" : "s"))"
        return PyException.make(
            .typeError,
            "\(f.qualifiedName)() takes \(takes) positional argument\(plural ? "s" : "") but \(given)\(also) \(given == 1 && keywordOnly == 0 ? "was" : "were") given")
    }

    /// `for x in range(…)` set-up: the (counter, stop, step) triple in registers when `callee` is the builtin
    /// range and the arguments are small ints; otherwise the general iterator in `dest[0]`.
    @inline(never)
    static func rangeInit(_ dest: UnsafeMutablePointer<Value>, _ call: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext, site: (CodeObject, Int)) throws {
        if case .object(let o) = call[0], o === BuiltinTypes.range {
            var ints: [Int] = []
            for k in 1...argc { if case .int(let v) = call[k] { ints.append(v) } }
            if ints.count == argc {
                let (start, stop, step) = argc == 1 ? (0, ints[0], 1) : (ints[0], ints[1], argc == 3 ? ints[2] : 1)
                if step == 0 { throw PyException.make(.valueError, "range() arg 3 must not be zero") }
                dest[0] = .int(start)
                dest[1] = .int(stop)
                dest[2] = .int(step)
                return
            }
        }
        let iterable = try callFromRegisters(call[0], call + 1, argc, kwnames: nil, ctx, site: site)
        dest[0] = try makeIterator(iterable, ctx)
        dest[1] = .none
    }

    // MARK: - def / class

    static func makeFunction(_ constant: Value, _ extras: UnsafeMutablePointer<Value>?, _ globals: Globals) throws -> Value {
        guard case .object(let o as CodeConstant) = constant else { throw PyException.make(.runtimeError, "bad code constant") }
        var defaults: [Value] = []
        var kwDefaults: [String: Value] = [:]
        var cells: [PyCell] = []
        if let extras {
            if case .object(let t as PyTuple) = extras[0] { defaults = t.items }
            if case .object(let d as PyDict) = extras[1] {
                for (k, v) in d.entries { if case .object(let s as PyStr) = k { kwDefaults[s.value] = v } }
            }
            if case .object(let t as PyTuple) = extras[2] { cells = t.items.compactMap { $0.asObject as? PyCell } }
        }
        return .object(PyFunction(code: o.code, globals: globals, defaults: defaults, keywordDefaults: kwDefaults, cells: cells))
    }

    /// `class` statements: bases in registers, or (d = `Opcode.classWithKeywords`) a bases tuple and a
    /// keywords dict (`ClassBuilder`).
    @inline(never)
    static func makeClass(_ body: Value, _ operands: UnsafeMutablePointer<Value>, _ count: UInt16, _ ctx: ExecutionContext) throws -> Value {
        guard case .object(let f as PyFunction) = body else { throw PyException.make(.typeError, "bad class body") }
        if count == Opcode.classWithKeywords {
            var keywords: [(String, Value)] = []
            if case .object(let d as PyDict) = operands[1] {
                for (k, v) in d.entries {
                    guard case .object(let s as PyStr) = k else { throw PyException.make(.typeError, "keywords must be strings") }
                    keywords.append((s.value, v))
                }
            }
            return try ClassBuilder.build(body: f, bases: try collect(operands[0], ctx), keywords: keywords, ctx)
        }
        return try ClassBuilder.build(body: f, bases: Array(UnsafeBufferPointer(start: operands, count: Int(count))), keywords: [], ctx)
    }

    /// Zero-argument `super()`: `cls` from the method's `__class__` cell (nil: the function is not in a class).
    @inline(never)
    static func loadSuper(_ cls: Value?, _ receiver: Value) throws -> Value {
        guard case .object(let t as PyType)? = cls else {
            throw PyException.make(.runtimeError, cls == nil ? "super(): __class__ cell not found" : "super(): __class__ is not a type (\(typeName(cls!)))")
        }
        return .object(PySuper(startAfter: t, receiver: receiver))
    }

    // MARK: - raise / except

    /// LOAD_NAME in a class body whose namespace is a dict subclass (a metaclass's `__prepare__`, enum's
    /// _EnumDict): its `__getitem__` answers, a KeyError falls through to globals and builtins.
    @inline(never)
    static func loadNameHooked(_ ns: PyDict, _ name: String, _ ctx: ExecutionContext) throws -> Value? {
        do {
            return try Subscript.get(.object(ns), .str(name), ctx)
        } catch let e as PyException where e.type.isSubtype(of: ExceptionKind.keyError.type) {
            return nil
        }
    }

    static func raise(_ value: Value?, cause: Value?, bare: Bool, _ ctx: ExecutionContext) throws -> PyException {
        if bare {
            guard let e = ctx.handled.last else { return PyException.make(.runtimeError, "No active exception to reraise") }
            return PyException(e)
        }
        let exc = try exceptionInstance(value!, ctx)
        if let cause {
            let data = exc.data
            data.suppressContext = true
            if case .none = cause { data.cause = nil } else { data.cause = try exceptionInstance(cause, ctx).value }
        }
        if let context = ctx.handled.last, context !== exc.value, exc.data.context == nil {
            exc.data.context = context
        }
        return exc
    }

    /// `raise X` accepts a class (instantiated with no arguments) or an instance.
    static func exceptionInstance(_ v: Value, _ ctx: ExecutionContext) throws -> PyException {
        let base = ExceptionKind.baseException.type
        switch v {
        case .object(let t as PyType) where t.isSubtype(of: base):
            if t.filledShape != nil, ExceptionConstruction.isPlain(t) { return PyException(ExceptionConstruction.instance(t, [])) }
            guard case .object(let i as PyInstance) = try construct(t, [], [], ctx) else { break }
            return PyException(i)
        case .object(let i as PyInstance) where i.type.isSubtype(of: base):
            return PyException(i)
        default: break
        }
        return PyException.make(.typeError, "exceptions must derive from BaseException")
    }

    static func exceptionMatches(_ e: PyInstance?, _ spec: Value) throws -> Bool {
        guard let e else { return false }
        switch spec {
        case .object(let t as PyType): return e.type.isSubtype(of: t)
        case .object(let tuple as PyTuple): return try tuple.items.contains { try exceptionMatches(e, $0) }
        default: throw PyException.make(.typeError, "catching classes that do not inherit from BaseException is not allowed")
        }
    }

    // MARK: - unpacking, formatting

    /// `a … a+count-1 ← unpack regs[b]`: a tuple or list of the right length is read in place, borrowed from
    /// its register (no retain and release of it and its buffer), unless that register is one of the
    /// targets (`t, u = t`, whose first store may drop the last reference to the source).
    @inline(__always)
    static func unpack(_ regs: UnsafeMutablePointer<Value>, _ b: Int, into a: Int, count: Int, _ ctx: ExecutionContext) throws {
        if b < a || b >= a + count, let u = regs.borrowedObject(b) {
            let targets = regs + a
            let done = u._withUnsafeGuaranteedRef { o -> Bool in
                switch o.tag {
                case .tuple:
                    return unsafeDowncast(o, to: PyTuple.self).items.withUnsafeBufferPointer { items in
                        guard items.count == count else { return false }
                        for k in 0..<count { targets.setCopy(k, from: items.baseAddress! + k) }
                        return true
                    }
                case .list:
                    return unsafeDowncast(o, to: PyList.self).withItems { items -> Bool in
                        guard items.count == count else { return false }
                        items.withUnsafeBufferPointer { items in for k in 0..<count { targets.setCopy(k, from: items.baseAddress! + k) } }
                        return true
                    }
                default:
                    return false
                }
            }
            if done { return }
        }
        try unpack(regs[b], into: regs + a, count: count, ctx)
    }

    @inline(never)
    static func unpack(_ v: Value, into regs: UnsafeMutablePointer<Value>, count: Int, _ ctx: ExecutionContext) throws {
        // UNPACK_SEQUENCE_TUPLE / _LIST: elements copied straight into the target registers, no array.
        if case .object(let o) = v {
            if o.tag == .tuple {
                let t = unsafeDowncast(o, to: PyTuple.self)
                if t.items.count == count {
                    t.items.withUnsafeBufferPointer { items in for k in 0..<count { regs.setCopy(k, from: items.baseAddress! + k) } }
                    return
                }
            } else if o.tag == .list {
                let done = unsafeDowncast(o, to: PyList.self).withItems { items -> Bool in
                    guard items.count == count else { return false }
                    items.withUnsafeBufferPointer { items in for k in 0..<count { regs.setCopy(k, from: items.baseAddress! + k) } }
                    return true
                }
                if done { return }
            }
        }
        let items = try collect(v, ctx, notIterable: "cannot unpack non-iterable \(typeName(v)) object")
        if items.count != count {
            if items.count > count { throw PyException.make(.valueError, "too many values to unpack (expected \(count))") }
            throw PyException.make(.valueError, "not enough values to unpack (expected \(count), got \(items.count))")
        }
        for (k, x) in items.enumerated() { regs[k] = x }
    }

    static func unpackStar(_ v: Value, into regs: UnsafeMutablePointer<Value>, before: Int, after: Int, _ ctx: ExecutionContext) throws {
        let items = try collect(v, ctx, notIterable: "cannot unpack non-iterable \(typeName(v)) object")
        guard items.count >= before + after else {
            throw PyException.make(.valueError, "not enough values to unpack (expected at least \(before + after), got \(items.count))")
        }
        for k in 0..<before { regs[k] = items[k] }
        regs[before] = .object(PyList(Array(items[before..<(items.count - after)])))
        for k in 0..<after { regs[before + 1 + k] = items[items.count - after + k] }
    }

    static func formatField(_ v: Value, spec: Value?, conversion: Int, _ ctx: ExecutionContext) throws -> String {
        var value = v
        switch conversion {
        case 1: value = .str(try str(v, ctx))
        case 2: value = .str(try repr(v, ctx))
        case 3: value = .str(BuiltinFunctions.asciiEscaped(try repr(v, ctx)))
        default: break
        }
        var specText = ""
        if let spec, case .object(let s as PyStr) = spec { specText = s.value }
        if specText.isEmpty {
            if case .object(let s as PyStr) = value, s.tag == .str { return s.value }
            if case .int(let i) = value { return String(i) }
            return try formatValue(value, "", ctx)
        }
        return try formatValue(value, specText, ctx)
    }
}

extension Interpreter {
    /// Runs a module's top-level code in a fresh frame (the main program, or a module written in Python).
    static func runModule(_ code: CodeObject, globals: Globals, _ ctx: ExecutionContext) throws {
        let size = Int(code.frameSize)
        let regs = try ctx.pushFrame(size)
        defer { ctx.popFrame(size) }
        let base = Int(code.constantBase)
        for (k, c) in code.constants.enumerated() { regs[base + k] = c }
        bindModuleGlobals(code, globals)
        _ = try execute(code, nil, regs, ctx, globals: globals)
    }

    /// `CodeObject.moduleGlobals` for `code` and the code objects nested in it.
    static func bindModuleGlobals(_ code: CodeObject, _ globals: Globals) {
        code.moduleGlobals = globals
        for case .object(let k as CodeConstant) in code.constants { bindModuleGlobals(k.code, globals) }
    }
}
