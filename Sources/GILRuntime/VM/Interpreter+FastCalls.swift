import GILCore

/// The call fast path (CPython 3.11's `CALL_PY_EXACT_ARGS`): a plain Python function called with exactly
/// its positional parameters gets a frame from the thread's register stack, the arguments moved straight
/// from the caller's registers and its constants, then runs — no argument array, no retain of the callee,
/// its code or its globals (the caller's register keeps the function alive for the whole call).
extension Interpreter {
    /// Calls the callee in `callee[0]` with the `argc` arguments in `callee[1...]` (a call block: see below)
    /// when it is a function whose `CodeObject.plainArgumentCount` is `argc`, or a builtin
    /// (`callBuiltinDirect`); nil (nothing done) otherwise. The callee stays borrowed from its register.
    @inline(never)
    static func callDirect(_ callee: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext) throws -> Value? {
        guard let u = callee.borrowedObject(0) else { return nil }
        return try u._withUnsafeGuaranteedRef { o -> Value? in
            if o.tag == .builtin { return try callBuiltinDirect(unsafeDowncast(o, to: PyBuiltinFunction.self), callee + 1, argc, ctx) }
            if o.tag == .type { return try constructDirect(unsafeDowncast(o, to: PyType.self), callee + 1, argc, ctx) }
            guard o.tag == .function else { return nil }
            let f = unsafeDowncast(o, to: PyFunction.self)
            let code = f.code
            if code.isGenerator { return makeGenerator(f, code, callee + 1, argc) }
            let n = code.plainArgumentCount
            // Exactly the positional parameters, or fewer with the rest from defaults (CALL_PY_WITH_DEFAULTS).
            guard n == argc || (argc < n && argc >= n - f.defaults.count) else { return nil }
            let size = Int(code.frameSize)
            // Arguments and constants are initialized below; only the registers between them start as None.
            let regs = try enter(ctx, size, noneIn: n..<max(n, Int(code.constantBase)))
            defer { leave(ctx, code) }
            // The argument block is a run of temporaries the compiler filled for this call alone and never
            // reads again: the values move into the callee's frame (no retain now, no release at the
            // caller's frame exit) and the block is left None.
            let args = callee + 1
            for k in 0..<argc {
                (regs + k).initialize(to: (args + k).move())
                (args + k).initialize(to: .none)
            }
            if argc < n { copyDefaults(f, regs, from: argc, to: n) }
            copyConstants(code, regs)
            return try execute(code, f, regs, ctx, globals: f.globals)
        }
    }

    /// A Python function called from Swift (operators, `__new__`, callbacks through `ctx.call`) with the
    /// values in `args`: the frame is set up as `callDirect` sets up its frames, the arguments
    /// copied (the caller keeps its own). nil (nothing done) when `f` is not plain for that many arguments.
    /// The caller keeps `f` alive for the call.
    @inline(__always)
    static func callPlain(_ f: PyFunction, _ args: UnsafeBufferPointer<Value>, _ ctx: ExecutionContext) throws -> Value? {
        try withPlainFrame(f, args.count, ctx) { regs in
            for k in 0..<args.count { (regs + k).initialize(to: args[k]) }
        }
    }

    /// `callPlain` with the receiver first and `args` after it (a bound method, `__init__` reached from
    /// `type.__call__`): no `[receiver] + args` array.
    @inline(__always)
    static func callPlain(_ f: PyFunction, _ first: Value, _ args: UnsafeBufferPointer<Value>, _ ctx: ExecutionContext) throws -> Value? {
        try withPlainFrame(f, args.count + 1, ctx) { regs in
            regs.initialize(to: first)
            for k in 0..<args.count { (regs + 1 + k).initialize(to: args[k]) }
        }
    }

    /// `callPlain` of a special method with one operand (`__neg__`, `__bool__`, `__len__`, `__hash__`).
    @inline(__always)
    static func callPlain(_ f: PyFunction, _ a: Value, _ ctx: ExecutionContext) throws -> Value? {
        try withPlainFrame(f, 1, ctx) { regs in regs.initialize(to: a) }
    }

    /// `callPlain` of a special method with two operands (`__add__`, `__eq__`, `__getitem__`…).
    @inline(__always)
    static func callPlain(_ f: PyFunction, _ a: Value, _ b: Value, _ ctx: ExecutionContext) throws -> Value? {
        try withPlainFrame(f, 2, ctx) { regs in
            regs.initialize(to: a)
            (regs + 1).initialize(to: b)
        }
    }

    /// The frame set-up shared by the `callPlain`s: `fill` initializes registers `0 ..< argc`, defaults
    /// fill the parameters after them.
    @inline(__always)
    private static func withPlainFrame(
        _ f: PyFunction, _ argc: Int, _ ctx: ExecutionContext, _ fill: (UnsafeMutablePointer<Value>) -> Void
    ) throws -> Value? {
        let code = f.code
        let n = code.plainArgumentCount
        guard n == argc || (argc < n && argc >= n - f.defaults.count) else { return try withSimpleFrame(f, argc, ctx, fill) }
        let regs = try enter(ctx, Int(code.frameSize), noneIn: n..<max(n, Int(code.constantBase)))
        defer { leave(ctx, code) }
        fill(regs)
        if argc < n { copyDefaults(f, regs, from: argc, to: n) }
        copyConstants(code, regs)
        return try execute(code, f, regs, ctx, globals: f.globals)
    }

    /// `withPlainFrame` for a function that is not plain but takes exactly `argc` positional parameters and
    /// nothing else — a closure (fractions' `_operator_fallbacks` `forward`, every `a + b` of two Fractions), a
    /// function with cells or locals read before assignment: `run` sets those up. nil otherwise.
    @inline(never)
    private static func withSimpleFrame(
        _ f: PyFunction, _ argc: Int, _ ctx: ExecutionContext, _ fill: (UnsafeMutablePointer<Value>) -> Void
    ) throws -> Value? {
        let code = f.code
        guard code.isSimple, argc == code.positionalCount else { return nil }
        let size = Int(code.frameSize)
        let regs = try enter(ctx, size)
        defer { leave(ctx, size) }
        fill(regs)  // over fresh `.none` registers: nothing to release
        return try run(f, code, regs, ctx)
    }

    /// Calls the special method `callee` (found on the receiver's class) with the receiver `a`, as CPython's
    /// slots call `__bool__`, `__len__`, `__hash__`, `__str__`…: a plain Python function through `callPlain`
    /// (no argument array), anything else through `callSpecialSlow`.
    @inline(never)
    static func callSpecial(_ callee: Value, _ a: Value, _ ctx: ExecutionContext) throws -> Value {
        if case .object(let o) = callee, o.tag == .function {
            let f = unsafeDowncast(o, to: PyFunction.self)
            if let r = try callPlain(f, a, ctx) { return r }
            // vm: `__iter__` written as a generator (`yield from tree`): the generator made at once, as a call
            // would (no `[receiver]` argument array through `call`).
            if f.code.isGenerator {
                var receiver = a
                if let g = withUnsafeMutablePointer(to: &receiver, { makeGenerator(f, f.code, $0, 1) }) { return g }
            }
        }
        return try callSpecialSlow(callee, a, [], ctx)
    }

    /// `callSpecial` with the receiver `a` and one operand `b` (`__add__`, `__eq__`, `__getitem__`…).
    @inline(never)
    static func callSpecial(_ callee: Value, _ a: Value, _ b: Value, _ ctx: ExecutionContext) throws -> Value {
        if case .object(let o) = callee, o.tag == .function, let r = try callPlain(unsafeDowncast(o, to: PyFunction.self), a, b, ctx) {
            return r
        }
        return try callSpecialSlow(callee, a, [b], ctx)
    }

    /// A special method that is not a plain function, bound as typeobject.c's lookup_maybe_method binds it:
    /// functions and builtin methods take the receiver first, a staticmethod does not, a classmethod takes
    /// the class, an object whose class has `__get__` is called through what `__get__` answers, and any
    /// other callable is called with the operands alone.
    @inline(never)
    static func callSpecialSlow(_ callee: Value, _ receiver: Value, _ operands: [Value], _ ctx: ExecutionContext) throws -> Value {
        guard case .object(let o) = callee else { return try call(callee, args: operands, kwargs: [], ctx: ctx) }
        switch o.tag {
        case .function:
            return try call(callee, args: [receiver] + operands, kwargs: [], ctx: ctx)
        case .builtin where unsafeDowncast(o, to: PyBuiltinFunction.self).bindsToInstance:
            return try call(callee, args: [receiver] + operands, kwargs: [], ctx: ctx)
        default:
            if let w = o as? PyMethodWrapper, w.kind != .property {
                return try call(Attributes.bind(callee, to: receiver, type: typeOf(receiver)), args: operands, kwargs: [], ctx: ctx)
            }
            if o.tag == .instance, let get = unsafeDowncast(o, to: PyInstance.self).type.lookup("__get__") {
                let bound = try call(get, args: [callee, receiver, .object(typeOf(receiver))], kwargs: [], ctx: ctx)
                return try call(bound, args: operands, kwargs: [], ctx: ctx)
            }
            return try call(callee, args: operands, kwargs: [], ctx: ctx)
        }
    }

    /// A builtin called from a call block (CPython 3.11's CALL_BUILTIN_FAST, CALL_NO_KW_LEN,
    /// CALL_NO_KW_ISINSTANCE, CALL_NO_KW_LIST_APPEND): its inline path (`FastBuiltin`), else its body with the
    /// arguments moved into the thread's reused array. Moved, not copied: a retain now and a release at
    /// the caller's frame exit per argument were a third of `d.get(k)`. nil when the general path must
    /// answer (too few arguments: its TypeError; `globals()`: it needs the calling code).
    @inline(__always)
    static func callBuiltinDirect(_ b: PyBuiltinFunction, _ args: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext) throws -> Value? {
        if argc < b.minimumArguments || b.fast == .callerGlobals { return nil }
        if b.fast != .none, let v = try fastBuiltin(b.fast, args, argc, ctx) { return v }
        return try ctx.withMovedArguments(args, argc) { try b.body($0, [], ctx) }
    }

    /// A builtin value type called from a call block (`int(x)`, `tuple(genexp)`, `str(x)`, `type(x)`): its
    /// constructor with the arguments moved into the thread's reused array (`constructFromRegisters` copied
    /// them into a new one). Other classes take `constructFromRegisters`: Python classes, and builtin ones
    /// whose instances are named after the assignment they are made in (`lock = threading.Lock()`).
    @inline(__always)
    static func constructDirect(_ t: PyType, _ args: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext) throws -> Value? {
        guard let construct = t.construct else { return nil }
        if t === BuiltinTypes.type {
            guard argc == 1 else { return nil }
            return .object(typeOf(args[0]))  // CALL_NO_KW_TYPE_1
        }
        guard BuiltinTypes.isValueType(t) else { return nil }
        if argc == 1, t === BuiltinTypes.str, let s = BuiltinTypes.strFast(args[0]) { return s }
        return try ctx.withMovedArguments(args, argc) { try construct(t, $0, [], ctx) }
    }

    /// Calling a generator function with exactly its positional parameters (a generator expression's
    /// `<genexpr>(.0)`, `def g(n): yield …`): its frame is made on the heap at once, the arguments moved
    /// from the call block (`PyGenerator(_:moving:count:)`), instead of pushing a frame on the register stack
    /// and moving it off again.
    /// nil when the arguments need binding (`invoke`).
    @inline(never)
    static func makeGenerator(_ f: PyFunction, _ code: CodeObject, _ args: UnsafeMutablePointer<Value>, _ argc: Int) -> Value? {
        guard code.isSimple, argc == code.positionalCount else { return nil }
        let g = PyGenerator(f, moving: args, count: argc)
        let regs = g.registers
        copyConstants(code, regs)
        if code.needsUnboundMarkers { markUnbound(code, regs) }
        if !code.cellRegisters.isEmpty || !code.freeRegisters.isEmpty { setUpCells(f, code, regs) }
        return .object(g)
    }

    /// The inline paths of `FastBuiltin`s; nil when these arguments need the builtin's body.
    @inline(__always)
    static func fastBuiltin(_ fast: FastBuiltin, _ args: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext) throws -> Value? {
        switch fast {
        case .none, .callerGlobals:
            return nil
        case .len:
            guard argc == 1, case .object(let o) = args[0] else { return nil }
            switch o.tag {
            case .list: return .int(unsafeDowncast(o, to: PyList.self).count)
            case .dict: return .int(unsafeDowncast(o, to: PyDict.self).count)
            case .tuple: return .int(unsafeDowncast(o, to: PyTuple.self).items.count)
            case .str: return .int(unsafeDowncast(o, to: PyStr.self).count)  // objs: cached code point count
            case .set: return .int(unsafeDowncast(o, to: PySet.self).count)
            case .bytes: return .int(unsafeDowncast(o, to: PyBytes.self).value.count)
            default: return nil
            }
        case .listAppend:
            // objs: the list is borrowed from its register (no retain/release around the append).
            guard argc == 2, let u = args.borrowedObject(0),
                  u._withUnsafeGuaranteedRef({ o in
                      guard o.tag == .list else { return false }
                      unsafeDowncast(o, to: PyList.self).append(args[1])
                      return true
                  }) else { return nil }
            return Value.none
        case .isinstance:
            // A class without a metaclass answers by its MRO; a tuple, a union or a metaclass's
            // `__instancecheck__` take the body (`BuiltinFunctions.isInstance`).
            guard argc == 2, let u = args.borrowedObject(1) else { return nil }
            return u._withUnsafeGuaranteedRef { o -> Value? in
                guard o.tag == .type else { return nil }
                let c = unsafeDowncast(o, to: PyType.self)
                let t = typeOf(args[0])
                if t.isSubtype(of: c) { return .bool(true) }
                guard c.metaclass == nil else { return nil }
                // An instance whose class defines `__class__` (a proxy) may still be one (`BuiltinFunctions.isInstance`).
                let mayProxy = args.borrowedObject(0).map { $0._withUnsafeGuaranteedRef { $0.tag == .instance || $0.tag == .subclassed } } ?? false
                return mayProxy && t.special(.classAttribute) != nil ? nil : .bool(false)
            }
        }
    }

    /// A method (or `__init__`) called with its receiver and `argc` arguments, the rest from defaults, in a
    /// fresh frame. A plain function (`CodeObject.plainArgumentCount`) is set up as `callDirect` sets up its
    /// frames (arguments copied: the caller may be `rangeInit`'s fallback, whose registers are not a call
    /// block); others go through `run` or, with defaults to fill, `invoke`.
    @inline(__always)
    static func runMethod(
        _ f: PyFunction, _ code: CodeObject, _ receiver: Value, _ args: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext
    ) throws -> Value {
        let size = Int(code.frameSize)
        let n = code.plainArgumentCount, given = argc + 1
        guard n == given || (given < n && given >= n - f.defaults.count) else {
            // Not plain (cells, unbound markers, a generator), or its defaults changed since the call site
            // cached it.
            guard code.positionalCount == given else {
                if let r = try callWithKeywords(f, first: receiver, args, argc, names: noKeywords, ctx) { return r }
                return try invoke(f, [receiver] + Array(UnsafeBufferPointer(start: args, count: argc)), [], ctx)
            }
            let regs = try enter(ctx, size)
            defer { leave(ctx, code) }
            regs[0] = receiver
            for k in 0..<argc { regs[k + 1] = args[k] }
            return try run(f, code, regs, ctx)
        }
        let regs = try enter(ctx, size, noneIn: n..<max(n, Int(code.constantBase)))
        defer { leave(ctx, code) }
        regs.initialize(to: receiver)
        for k in 0..<argc { (regs + k + 1).initialize(to: args[k]) }
        if given < n { copyDefaults(f, regs, from: given, to: n) }
        copyConstants(code, regs)
        return try execute(code, f, regs, ctx, globals: f.globals)
    }

    /// Depth and native stack checks, then a frame whose registers outside `none` the caller initializes.
    @inline(__always)
    static func enter(_ ctx: ExecutionContext, _ size: Int, noneIn none: Range<Int>) throws -> UnsafeMutablePointer<Value> {
        ctx.depth += 1
        if ctx.depth > ctx.recursionLimit || NativeStack.isExhausted(limit: ctx.nativeStackLimit) {
            ctx.depth -= 1
            throw recursionDepthExceeded()
        }
        do {
            return try ctx.pushFrame(size, noneIn: none)
        } catch {
            ctx.depth -= 1
            throw error
        }
    }

    @inline(never)
    static func recursionDepthExceeded() -> PyException {
        PyException.make(.recursionError, "maximum recursion depth exceeded")
    }

    /// `leave` for a frame of `code`, skipping its constant registers when they hold no objects.
    @inline(__always)
    static func leave(_ ctx: ExecutionContext, _ code: CodeObject) {
        ctx.popFrame(Int(code.frameSize), releasing: code.releaseCount)
        ctx.depth -= 1
    }

    /// Initializes parameters `first ..< end` of a fresh frame from `f`'s defaults (which belong to the
    /// last parameters).
    @inline(never)
    static func copyDefaults(_ f: PyFunction, _ regs: UnsafeMutablePointer<Value>, from first: Int, to end: Int) {
        let defaults = f.defaults
        let offset = end - defaults.count
        for k in first..<end { (regs + k).initialize(to: defaults[k - offset]) }
    }

    /// Copies `code`'s constants into the constant registers of a fresh frame: scalars bit for bit,
    /// objects retained (the frame releases them when it is popped).
    @inline(__always)
    static func copyConstants(_ code: CodeObject, _ regs: UnsafeMutablePointer<Value>) {
        guard let c = code.sealedConstants else { return }
        let dst = regs + Int(code.constantBase)
        for k in 0..<code.constantCount {
            if case .object = c[k] {
                (dst + k).initialize(to: c[k])
            } else {
                UnsafeMutableRawPointer(dst + k).copyMemory(from: c + k, byteCount: MemoryLayout<Value>.size)
            }
        }
    }
}
