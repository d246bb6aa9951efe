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
            guard code.plainArgumentCount == argc else { return nil }
            let size = Int(code.frameSize)
            // Arguments and constants are initialized below; only the registers between them start as None.
            let regs = try enter(ctx, size, noneIn: argc..<max(argc, Int(code.constantBase)))
            defer { leave(ctx, code) }
            // The argument block is a run of temporaries the compiler filled for this call alone and never
            // reads again: the values move into the callee's frame (no retain now, no release at the
            // caller's frame exit) and the block is left None.
            let args = callee + 1
            for k in 0..<argc {
                (regs + k).initialize(to: (args + k).move())
                (args + k).initialize(to: .none)
            }
            copyConstants(code, regs)
            return try execute(code, f, regs, ctx, globals: f.globals)
        }
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
