import GILTrace

/// One per Python thread. Only its own OS thread touches it, except the recorder's drain thread, which reads
/// the ring (`EventRing` is single-producer/single-consumer).
public final class ThreadState: @unchecked Sendable {  // confined to its OS thread; the ring is SPSC-safe
    /// 1 = main, then start order.
    public let tid: Int32
    public var name: String
    public let parentTid: Int32
    public let daemon: Bool
    public let gil: GIL
    public let recorder: TraceRecorder
    /// The run's untimed waits, for the deadlock check.
    let waits: WaitRegistry
    /// When the thread began (ns since the run's origin); 0 until it runs.
    public internal(set) var startNs: Int64 = 0
    @usableFromInline let ring: EventRing
    /// The thread's `StackSource` and last announced stack (allocated once, freed in `deinit`).
    @usableFromInline let stackCursor: UnsafeMutablePointer<StackCursor>
    /// Context switches at the previous `os_ctx` sample.
    private var lastSwitches: (voluntary: Int64, involuntary: Int64) = (0, 0)
    /// When `lastSwitches` was sampled (monotonic ns).
    private var lastSampleNs: Int64 = 0
    /// Shortest gap between two `os_ctx` samples: well below a switch interval, so holds and waits of a
    /// CPU-bound thread still get their own deltas.
    static let minimumSampleIntervalNs: Int64 = 50_000

    init(tid: Int32, name: String, parentTid: Int32, daemon: Bool, gil: GIL, waits: WaitRegistry) {
        self.tid = tid
        self.name = name
        self.parentTid = parentTid
        self.daemon = daemon
        self.gil = gil
        recorder = gil.recorder
        self.waits = waits
        ring = gil.recorder.makeRing()
        stackCursor = .allocate(capacity: 1)
        stackCursor.initialize(to: StackCursor())
    }

    deinit {
        stackCursor.deinitialize(count: 1)
        stackCursor.deallocate()
    }

    /// Where this thread's stack comes from from now on (the runtime's frames of this thread), or nil when it
    /// runs no Python code any more: its next events are then announced at stack 0. Call on the thread itself.
    public func attachStackSource(_ source: (any StackSource)?) {
        stackCursor.pointee.attach(source)
    }

    /// Before an event that carries a stack: a `stack` event when the thread's stack changed since the last
    /// one announced. Nothing at all when the recorder is off (an untraced run pays no stack lookups).
    @inlinable @inline(__always)
    func announceStack() {
        guard recorder.enabled else { return }
        let current = stackCursor.pointee.currentStack()
        if current != stackCursor.pointee.announced { announceStackChange(current) }
    }

    @usableFromInline @inline(never)
    func announceStackChange(_ stack: Int32) {
        stackCursor.pointee.announced = stack
        recorder.record(ring, tid: tid, kind: .stack, obj: 0, arg: Int64(stack))
    }

    /// Records one event from this thread: no lock, no allocation (see `TraceRecorder.record`). Always
    /// inlined: as a call (LockCore.release) its prologue and epilogue were ~17 of its ~30 instructions.
    /// Kinds that carry a stack (`EventKind.carriesStack`, a constant at almost every call site) first
    /// announce the thread's stack when it changed.
    @inlinable @inline(__always)
    public func emit(_ kind: EventKind, obj: Int32 = 0, arg: Int64 = 0) {
        if kind.carriesStack { announceStack() }
        recorder.record(ring, tid: tid, kind: kind, obj: obj, arg: arg)
    }

    /// Records two events of this thread at one instant (see `TraceRecorder.recordPair`).
    @inlinable @inline(__always)
    public func emitPair(_ first: EventKind, firstArg: Int64, _ second: EventKind, secondArg: Int64, obj: Int32) {
        if first.carriesStack || second.carriesStack { announceStack() }
        recorder.recordPair(ring, tid: tid, first, firstArg: firstArg, second, secondArg: secondArg, obj: obj)
    }

    /// Whether the runtime must stop a blocking wait early: an interrupt is pending and this is the main
    /// thread (only the main thread raises KeyboardInterrupt, as in CPython).
    var shouldStopForInterrupt: Bool { tid == 1 && gil.breaker.interruptPending }

    /// Whether this is the main thread and Python signal handlers are due in it.
    var mainThreadCallsDue: Bool { tid == 1 && gil.breaker.mainThreadCallsPending }

    /// Whether a main-thread wait must end early: an interrupt is pending, or a Python signal handler is due
    /// (the runtime runs it, then waits again for what is left: CPython's `acquire_timed` after EINTR).
    var shouldLeaveWait: Bool {
        tid == 1 && (gil.breaker.interruptPending || gil.breaker.mainThreadCallsPending)
    }

    /// Raises a pending interrupt in the main thread (clearing it); does nothing elsewhere. The runtime calls
    /// it after a blocking call (`sleep`, `join`, a sync wait) returned early because of SIGINT.
    public func throwIfInterrupted() throws(Interrupt) {
        if tid == 1 && gil.breaker.takeInterrupt() { throw Interrupt() }
    }

    // MARK: - Lifetime

    /// Marks the beginning of the thread on its own OS thread: start time, first context-switch sample.
    func begin() {
        startNs = recorder.now()
        let (vol, invol) = ThreadUsage.contextSwitches()
        lastSwitches = (vol, invol)
    }

    /// The thread's row for the `threads` table; with `ended`, sampled on the thread itself at its end.
    func info(ended: Bool) -> ThreadInfo {
        var info = ThreadInfo(tid: tid, name: name, parentTid: parentTid, startNs: startNs, daemon: daemon)
        if ended {
            let usage = ThreadUsage.current()
            info.endNs = recorder.now()
            info.cpuNs = usage.cpuNs
            info.voluntaryContextSwitches = usage.voluntary
            info.involuntaryContextSwitches = usage.involuntary
        }
        return info
    }

    /// The last event of this thread was emitted: the drain may forget the ring once empty.
    func retire() {
        ring.retired.store(true, ordering: .releasing)
    }

    /// Emits `os_ctx` with the context switches since the previous sample, when there were any.
    /// Called at every GIL release (`drop_gil`), so the deltas attribute switches to hold/wait phases, but
    /// at most once per `minimumSampleIntervalNs`: `getrusage` is a syscall (~0.8 µs here), and a thread that
    /// releases the GIL 300,000 times a second (cpython2 ticks, contended locks) would spend a fifth of its
    /// time sampling and switch less for it. Skipped samples lose nothing: the next delta includes them.
    func sampleContextSwitches() {
        guard recorder.enabled else { return }
        let now = MonotonicClock.now()
        guard now &- lastSampleNs >= Self.minimumSampleIntervalNs else { return }
        lastSampleNs = now
        let (vol, invol) = ThreadUsage.contextSwitches()
        let delta = OSContextSwitches(voluntary: vol - lastSwitches.voluntary, involuntary: invol - lastSwitches.involuntary)
        lastSwitches = (vol, invol)
        if delta.voluntary != 0 || delta.involuntary != 0 {
            emit(.osCtx, arg: delta.packed)
        }
    }
}
