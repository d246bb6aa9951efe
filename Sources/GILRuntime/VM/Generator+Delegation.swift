/// Resuming a frame suspended in `yield from`/`await` straight in its delegate. Such a frame, resumed, would
/// only pass the sent value to the delegate (SEND), suspend again with the delegate's value (YIELD_VALUE) and
/// jump back: ~300 instructions of `execute` prologue, dispatch and epilogue per level and value, 17 levels per
/// value in bm_generators' tree walk. `resume` calls the delegate directly while the frame stays suspended
/// where it is, and runs the frame only when the delegate ends.
///
/// What stays as it was: every level is still a resume (the frame is marked running — `next(outer)` from inside
/// raises "generator already executing" — and counts towards the recursion limit), its frame is on the
/// recorder's stack at the `yield from` line while the delegate runs, and an exception from the delegate gets
/// this frame's traceback entry as `execute` would add it. No GIL check point is lost: CPython 3.11's RESUME
/// after a `yield from`/`await` makes none either; the innermost frame's resume makes its own.
///
/// Taken only where nothing in the frame could observe the difference (`delegation(at:)`): no handler covers
/// the `yield from` (an exception from the delegate leaves the frame), the frame handles no exception (its
/// handled stack would be the delegate's context), the delegate is a generator or coroutine frame (not an
/// iterator whose `send`/`__next__` is Python code), not `async for` (its StopAsyncIteration is caught by SEND).
/// `throw()`/`close()` (a `ThrowRequest` sent in) take the frame's own path: SEND forwards them (PEP 380).
extension PyGenerator {
    /// The value `throw()`/`close()` sends in (tag `.cell`, as other internal objects: tested before casting).
    @inline(__always)
    static func isThrowRequest(_ value: Value) -> Bool {
        guard case .object(let o) = value, o.tag == .cell else { return false }
        return o is GeneratorThrow.ThrowRequest
    }

    /// The delegate's next value, which this frame yields as its own; nil when the delegate ended, its return
    /// value then stored where SEND stores it and `pc` at SEND's exit, so the frame runs on from there.
    @inline(__always)
    func resumeDelegate(sending value: Value, _ ctx: ExecutionContext) throws -> Value? {
        let sendPC = delegateSend
        let ins = code.sealed!
        let send = ins[sendPC]
        // The delegate's register is not written while this frame is running: the frame keeps it alive.
        guard let delegate = registers.borrowedObject(Int(send.b)), delegate._withUnsafeGuaranteedRef({ $0.tag == .generator }) else {
            // Not reached (`delegation(at:)` saw a generator there): the frame's own path, from where it is.
            delegateSend = -1
            if resumeRegister >= 0 { registers[resumeRegister] = value }
            return nil
        }
        _ = ctx.frames.push(code, ins + sendPC + 1)
        let v: Value
        do {
            v = try delegate._withUnsafeGuaranteedRef { try unsafeDowncast($0, to: PyGenerator.self).step(value, ctx) }
        } catch {
            ctx.frames.pop()
            // As `execute` records an exception leaving the frame at its SEND (no handler covers it).
            let e = Interpreter.convertError(error)
            e.data.traceback.append(TracebackEntry(code: code, globals: globals, line: code.lines[sendPC], instruction: Int32(sendPC)))
            throw e
        }
        ctx.frames.pop()
        guard delegate._withUnsafeGuaranteedRef({ unsafeDowncast($0, to: PyGenerator.self).finished }) else { return v }
        registers[Int(send.a)] = v
        pc = Int(send.c)
        delegateSend = -1
        return nil
    }

    /// Whether the frame is suspended in the YIELD_VALUE of a delegation loop: what `throw()`/`close()` send in
    /// is SEND's to forward to the delegate, not raised at the yield.
    var suspendedInSend: Bool { isDelegationLoop(at: pc) }

    /// Whether `pc` follows the YIELD_VALUE of `send; yieldValue; jump send`.
    private func isDelegationLoop(at pc: Int) -> Bool {
        guard pc >= 2, let ins = code.sealed, pc < code.instructions.count else { return false }
        let back = ins[pc]
        return ins[pc - 2].op == .send && back.op == .jump && Int(back.a) == pc - 2
    }

    /// The SEND of the delegation loop (`send v, it; yieldValue v, v; jump send`, `FunctionCompiler.delegate`)
    /// whose YIELD_VALUE suspends the frame at `pc` (the instruction after it), when a resume may go straight to
    /// the delegate; -1 otherwise. Called at every suspend (cold).
    func delegation(at pc: Int, _ yield: Instruction) -> Int {
        guard yield.d == 0, yield.a == yield.b, savedHandled.isEmpty, isDelegationLoop(at: pc), let ins = code.sealed else { return -1 }
        let send = ins[pc - 2]
        guard send.a == yield.a, send.d == 0 else { return -1 }
        guard case .object(let o) = registers[Int(send.b)], o.tag == .generator else { return -1 }
        let at = Int32(pc - 2)
        if code.exceptionTable.contains(where: { $0.start <= at && at < $0.end }) { return -1 }
        return pc - 2
    }
}
