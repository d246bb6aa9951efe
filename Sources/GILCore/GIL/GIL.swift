#if canImport(Glibc)
import Glibc
#endif
import GILTrace
import Synchronization

/// CPython 3's GIL, reproduced from Python/ceval_gil.c (`take_gil`, `drop_gil`, FORCE_SWITCHING):
/// a boolean `locked` guarded by `mutex`, changes signalled on `cond`; a waiter that times out after the
/// switch interval with no switch in between sets the drop request; the holder drops at its next check
/// point and then waits on `switch_cond` until another thread really took the GIL.
///
/// There is no waiter queue: whoever wins the mutex after a release takes the GIL, so a thread back from I/O
/// waits like any other — the convoy effect (https://bugs.python.org/issue7946).
///
/// Recording: gil_request/gil_drop_request/gil_acquire/gil_release take their sequence numbers while holding
/// `mutex`, so a release always precedes the next acquire in `seq` order.
public final class GIL: @unchecked Sendable {  // `locked`/`switchNumber` behind `gilLock`; the rest atomic
    public let recorder: TraceRecorder
    public let breaker = EvalBreaker()
    public let policy: GILPolicy
    /// `gil->mutex` + `gil->cond`.
    let gilLock = PThreadMonitor()
    /// `gil->switch_mutex` + `gil->switch_cond` (FORCE_SWITCHING).
    let switchLock = PThreadMonitor()
    /// Guarded by `gilLock`.
    var locked = false
    /// Guarded by `gilLock`; incremented when the GIL changes hands.
    var switchNumber: Int64 = 0
    /// tid of the thread that took the GIL last (0 = nobody yet). Written under `switchLock` when taking.
    let lastHolder = Atomic<Int32>(0)
    let interval: Atomic<Int64>
    let switches = Atomic<Int64>(0)
    /// cpython2: check points between forced yields (`sys.setcheckinterval`).
    let checkIntervalValue = Atomic<Int>(100)
    /// cpython2: `_Py_Ticker`, touched only by the GIL holder.
    var ticker = 100
    /// cpython2: the lock itself (a POSIX semaphore, initial value 1).
    let cpython2Semaphore: UnsafeMutablePointer<sem_t> = {
        let semaphore = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
        sem_init(semaphore, 0, 1)
        return semaphore
    }()
    /// cpython2: threads inside `sem_wait` (or about to be), so a lone thread skips its tick yields.
    let cpython2Waiters = Atomic<Int>(0)
    /// cpython2: tid holding the semaphore (0 = none); written only by that thread, before posting.
    let cpython2Holder = Atomic<Int32>(0)
    /// fifo: when the current holder took the GIL (ns, monotonic). Guarded by `gilLock`.
    var turnStartNs: Int64 = 0
    /// fifo: each thread's last turn with the GIL (ns). Guarded by `gilLock`.
    var lastTurnNs: [Int32: Int64] = [:]
    /// fifo: tids waiting, in arrival order. Guarded by `gilLock`.
    var fifoQueue: [Int32] = []
    /// fifo: tid the releaser handed the GIL to, not yet awake (0 = none). Guarded by `gilLock`.
    var handoffTo: Int32 = 0
    /// io-priority: I/O or blocking-call waiters, who go before CPU waiters. Guarded by `gilLock`.
    var priorityWaiters = 0
    /// io-priority: the pending drop request came from an I/O thread, so the holder's release is a `.yield`.
    let ioPreempt = Atomic<Bool>(false)

    public init(recorder: TraceRecorder, switchIntervalNs: Int64 = 5_000_000, policy: GILPolicy = .cpython3) {
        self.recorder = recorder
        self.policy = policy
        interval = Atomic(max(1_000, switchIntervalNs))
    }

    deinit {
        sem_destroy(cpython2Semaphore)
        cpython2Semaphore.deallocate()
    }

    /// cpython2's `sys.setcheckinterval`: check points between forced yields (minimum 1).
    public var checkInterval: Int {
        get { checkIntervalValue.load(ordering: .relaxed) }
        set { checkIntervalValue.store(max(1, newValue), ordering: .relaxed) }
    }

    /// `sys.setswitchinterval` / `getswitchinterval`; takes effect at the next timed wait (minimum 1 µs).
    public var switchIntervalNs: Int64 {
        get { interval.load(ordering: .relaxed) }
        set { interval.store(max(1_000, newValue), ordering: .relaxed) }
    }

    /// How many times the GIL changed hands.
    public var switchCount: Int64 { switches.load(ordering: .relaxed) }

    /// Whether `ts` holds the GIL right now.
    public func isHeld(by ts: ThreadState) -> Bool {
        guard policy.hasGIL else { return true }  // free-threaded: every running thread may run Python code
        if policy == .cpython2 { return cpython2Holder.load(ordering: .relaxed) == ts.tid }
        return gilLock.withLock { locked && lastHolder.load(ordering: .relaxed) == ts.tid }
    }

    /// `take_gil`: gil_request · [gil_drop_request …] · gil_acquire(switch number).
    public func acquire(_ ts: ThreadState, reason: GILRequestReason) {
        switch policy {
        case .cpython3: takeCPython3(ts, reason: reason)
        case .cpython2: takeCPython2(ts, reason: reason)
        case .fifo: takeFIFO(ts, reason: reason)
        case .ioPriority: takeIOPriority(ts, reason: reason)
        case .freeThreaded: return  // no GIL: nothing to take and nothing to record
        }
    }

    /// `drop_gil`: os_ctx (when the thread was switched since its last sample) · gil_release(reason).
    public func release(_ ts: ThreadState, reason: GILReleaseReason) {
        switch policy {
        case .cpython3: dropCPython3(ts, reason: reason)
        case .cpython2: dropCPython2(ts, reason: reason)
        case .fifo: dropFIFO(ts, reason: reason)
        case .ioPriority: dropIOPriority(ts, reason: reason)
        case .freeThreaded: return
        }
    }

    /// Called by the interpreter when `breaker.isSet`: honours a drop request (release with reason
    /// interval, then re-acquire with reason afterDrop), and raises a pending interrupt in the main thread.
    /// cpython2 instead counts down `_Py_Ticker` and yields every `checkInterval` check points.
    @inline(never)
    public func checkPoint(_ ts: ThreadState) throws(Interrupt) {
        if policy == .cpython2 {
            cpython2Tick(ts)
        } else if breaker.dropRequested {
            release(ts, reason: ioPreempt.exchange(false, ordering: .relaxed) ? .yield : .interval)
            acquire(ts, reason: .afterDrop)
        }
        if ts.tid == 1 && breaker.takeInterrupt() { throw Interrupt() }
    }

    // MARK: - cpython3

    private func takeCPython3(_ ts: ThreadState, reason: GILRequestReason) {
        gilLock.lock()
        beginRequest(ts, reason: reason)
        while locked {
            let savedSwitchNumber = switchNumber
            // One COND_TIMED_WAIT of `interval`; a spurious wake-up just starts another interval, as in CPython.
            let timedOut = !gilLock.wait(untilNs: MonotonicClock.now() &+ interval.load(ordering: .relaxed))
            if timedOut && locked && switchNumber == savedSwitchNumber { requestDrop(ts) }
        }
        // We take switch_mutex before touching last_holder: see drop_gil.
        switchLock.lock()
        markTaken(ts)
        switchLock.signal()
        switchLock.unlock()
        if breaker.dropRequested { breaker.resetDropRequest() }
        gilLock.unlock()
    }

    /// drop_gil. - Parameter wakeAll: broadcast instead of signalling one waiter (io-priority: a CPU waiter
    ///   woken alone would go back to sleep while an I/O waiter is pending).
    func dropCPython3(_ ts: ThreadState, reason: GILReleaseReason, wakeAll: Bool = false) {
        ts.sampleContextSwitches()
        lastHolder.store(ts.tid, ordering: .relaxed)
        gilLock.lock()
        markReleased(ts, reason: reason)
        if wakeAll { gilLock.broadcast() } else { gilLock.signal() }
        gilLock.unlock()
        waitForSwitch(ts, reason: reason)
    }

    // MARK: - Steps the policies share (each under `gilLock` unless said otherwise)

    /// gil_request; re-taking a held GIL would wait forever, asking itself to drop: a runtime bug, stop loudly.
    func beginRequest(_ ts: ThreadState, reason: GILRequestReason) {
        precondition(!(locked && lastHolder.load(ordering: .relaxed) == ts.tid), "take_gil: thread \(ts.tid) already holds the GIL")
        ts.emit(.gilRequest, arg: reason.rawValue)
    }

    /// SET_GIL_DROP_REQUEST on behalf of waiter `ts`, recorded with the holder it asks.
    func requestDrop(_ ts: ThreadState) {
        breaker.setDropRequest()
        ts.emit(.gilDropRequest, arg: Int64(lastHolder.load(ordering: .relaxed)))
    }

    /// `ts` now holds the GIL: a new owner counts as a switch; gil_acquire carries the switch number.
    func markTaken(_ ts: ThreadState) {
        locked = true
        if lastHolder.load(ordering: .relaxed) != ts.tid {
            lastHolder.store(ts.tid, ordering: .relaxed)
            switchNumber += 1
            switches.wrappingAdd(1, ordering: .relaxed)
        }
        ts.emit(.gilAcquire, arg: switchNumber)
    }

    func markReleased(_ ts: ThreadState, reason: GILReleaseReason) {
        precondition(locked, "drop_gil: GIL is not locked")
        locked = false
        ts.emit(.gilRelease, arg: reason.rawValue)
    }

    /// FORCE_SWITCHING (outside `gilLock`): after a forced drop, wait until another thread really took the
    /// GIL, once, as in CPython. A thread leaving for good (reason exit) skips it, like CPython's NULL tstate.
    func waitForSwitch(_ ts: ThreadState, reason: GILReleaseReason) {
        guard reason != .exit, breaker.dropRequested else { return }
        switchLock.lock()
        if lastHolder.load(ordering: .relaxed) == ts.tid {
            breaker.resetDropRequest()
            switchLock.wait()
        }
        switchLock.unlock()
    }
}
