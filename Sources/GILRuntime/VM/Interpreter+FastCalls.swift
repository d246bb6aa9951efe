import GILCore

/// The call fast path (CPython 3.11's `CALL_PY_EXACT_ARGS`): a plain Python function called with exactly
/// its positional parameters gets a frame from the thread's register stack, the arguments moved straight
/// from the caller's registers and its constants, then runs — no argument array, no retain of the callee,
/// its code or its globals (the caller's register keeps the function alive for the whole call).
extension Interpreter {
    /// Calls the function in `callee[0]` with the `argc` arguments in `callee[1...]`; nil (nothing done)
    /// when the callee is not a function whose `CodeObject.plainArgumentCount` is `argc`.
    @inline(never)
    static func callPlainFunction(_ callee: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext) throws -> Value? {
        guard let u = callee.borrowedObject(0) else { return nil }
        return try u._withUnsafeGuaranteedRef { o -> Value? in
            guard o.tag == .function else { return nil }
            let f = unsafeDowncast(o, to: PyFunction.self)
            let code = f.code
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

    /// `__init__(instance, args…)` in a fresh frame. A plain `__init__` (`CodeObject.plainArgumentCount`) is
    /// set up as `callPlainFunction` sets up its frames (arguments copied: the caller may be `rangeInit`'s
    /// fallback, whose registers are not a call block); others go through `run`.
    @inline(__always)
    static func runInitializer(
        _ f: PyFunction, _ code: CodeObject, _ instance: PyInstance, _ args: UnsafeMutablePointer<Value>, _ argc: Int, _ ctx: ExecutionContext
    ) throws -> Value {
        let size = Int(code.frameSize)
        let n = code.plainArgumentCount, given = argc + 1
        guard n == given || (given < n && given >= n - f.defaults.count) else {
            // Not plain (cells, unbound markers), or its defaults changed since the call site cached it.
            guard code.positionalCount == given else {
                return try invoke(f, [.object(instance)] + Array(UnsafeBufferPointer(start: args, count: argc)), [], ctx)
            }
            let regs = try enter(ctx, size)
            defer { leave(ctx, code) }
            regs[0] = .object(instance)
            for k in 0..<argc { regs[k + 1] = args[k] }
            return try run(f, code, regs, ctx)
        }
        let regs = try enter(ctx, size, noneIn: n..<max(n, Int(code.constantBase)))
        defer { leave(ctx, code) }
        regs.initialize(to: .object(instance))
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
