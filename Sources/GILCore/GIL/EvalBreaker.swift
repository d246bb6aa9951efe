import Synchronization

/// CPython's `eval_breaker`: one word the interpreter polls at check points, ORing every reason to leave
/// the fast path. Set by a waiting thread (drop request) or by a signal thread (interrupt).
/// See Python/ceval_gil.c (`SET_GIL_DROP_REQUEST`, `COMPUTE_EVAL_BREAKER`).
public final class EvalBreaker: @unchecked Sendable {  // a single atomic word
    /// Bit: a thread waiting for the GIL asked the holder to drop it.
    static let dropRequest = 1
    /// Bit: SIGINT arrived; the main thread must raise KeyboardInterrupt.
    static let interrupt = 2
    /// Bit: the cpython2 policy counts every check point while a thread waits for the GIL.
    static let tick = 4
    /// Bit: calls are queued for the next check point (CPython's `_PyEval_SignalReceived` / pending calls):
    /// Python signal handlers, weak-reference callbacks of objects that were freed.
    static let pendingCalls = 8

    @usableFromInline let bits = Atomic<Int>(0)
    /// Calls only the main thread may run (Python signal handlers) are queued. Not a bit of `bits`: other
    /// threads' check points must not take the slow path for them; the main thread's blocking waits poll it
    /// (`ThreadState.shouldLeaveWait`) and end early to run them, as CPython's waits do on EINTR.
    private let mainThreadCalls = Atomic<Bool>(false)
    /// The primitive the main thread waits on now (`SyncWait`), so a due handler or an interrupt wakes it at
    /// once rather than at its next poll (up to 50 ms later).
    private let mainThreadWait = Mutex<PThreadMonitor?>(nil)

    init() {}

    /// One relaxed load, inlined into the interpreter's loop: the only cost the interpreter pays per check point when nothing is pending.
    @inlinable public var isSet: Bool { bits.load(ordering: .relaxed) != 0 }

    /// Whether a drop request is pending.
    public var dropRequested: Bool { bits.load(ordering: .relaxed) & Self.dropRequest != 0 }

    /// Whether an interrupt is pending (it stays pending until the main thread takes it).
    public var interruptPending: Bool { bits.load(ordering: .relaxed) & Self.interrupt != 0 }

    func setDropRequest() { bits.bitwiseOr(Self.dropRequest, ordering: .relaxed) }
    func resetDropRequest() { bits.bitwiseAnd(~Self.dropRequest, ordering: .relaxed) }
    func setTick() { bits.bitwiseOr(Self.tick, ordering: .relaxed) }
    func clearTick() { bits.bitwiseAnd(~Self.tick, ordering: .relaxed) }
    func setInterrupt() {
        bits.bitwiseOr(Self.interrupt, ordering: .relaxed)
        wakeMainThread()
    }

    /// Asks the next check point of any thread to run the runtime's pending calls.
    public func setPendingCalls() { bits.bitwiseOr(Self.pendingCalls, ordering: .relaxed) }

    /// Clears the pending-calls bit. - Returns: whether it was set.
    public func takePendingCalls() -> Bool {
        bits.bitwiseAnd(~Self.pendingCalls, ordering: .relaxed).oldValue & Self.pendingCalls != 0
    }

    /// Whether calls only the main thread may run are queued.
    public var mainThreadCallsPending: Bool { mainThreadCalls.load(ordering: .relaxed) }

    /// Marks (or clears) that calls only the main thread may run are queued; marking wakes its wait.
    public func setMainThreadCalls(_ queued: Bool) {
        mainThreadCalls.store(queued, ordering: .relaxed)
        if queued { wakeMainThread() }
    }

    /// The main thread waits on `monitor` from now on (nil: no longer).
    func mainThreadWaits(on monitor: PThreadMonitor?) { mainThreadWait.withLock { $0 = monitor } }

    /// Wakes the main thread's wait, if it is in one: it re-checks what it waits for and why it should leave.
    /// Its check and its sleep happen under the monitor's lock, so a flag set before this cannot be missed.
    func wakeMainThread() {
        guard let monitor = mainThreadWait.withLock({ $0 }) else { return }
        monitor.lock()
        monitor.broadcast()
        monitor.unlock()
    }

    /// Clears the interrupt bit. - Returns: whether it was set.
    func takeInterrupt() -> Bool {
        bits.bitwiseAnd(~Self.interrupt, ordering: .relaxed).oldValue & Self.interrupt != 0
    }
}

/// SIGINT reached the main thread (at a check point, or in a blocked wait): the runtime raises KeyboardInterrupt.
public struct Interrupt: Error, Equatable {
    public init() {}
}
