import GILTrace

/// The acquire protocol every blocking sync call follows, like CPython's `acquire_timed` (Python/thread.c,
/// Modules/_threadmodule.c): try without releasing the GIL; if that fails and the caller may wait, release the
/// GIL (Py_BEGIN_ALLOW_THREADS), wait on the primitive's own condition, then re-take the GIL.
///
/// Events: lock_request(obj, timeout ns or -1; 0 for a non-blocking try) · [gil_release(blockingCall) · …
/// gil_acquire] · lock_acquire(obj, 1 got it / 0 not). The uncontended path records the pair at one instant
/// (`ThreadState.emitPair`): the two events are nanoseconds apart, well below the trace's µs precision.
///
/// The primitive's mutex is never held while waiting for the GIL (that would deadlock against the GIL
/// holder trying to release the primitive).
enum SyncWait {
    /// - Parameters:
    ///   - emitRequest: false when the caller already emitted its own lock_request.
    ///   - interruptible: whether a pending interrupt or a due signal handler ends a main-thread wait early
    ///     (returns false; the runtime raises KeyboardInterrupt, or runs the handlers and waits again).
    ///   - holder: the thread holding the object, for the deadlock report (asked from another thread).
    ///   - tryTake: called with `monitor` locked; takes the resource and returns true when it is available.
    static func acquire(
        _ ts: ThreadState, object: Int32, blocking: Bool, timeoutNs: Int64?, monitor: PThreadMonitor,
        emitRequest: Bool = true, interruptible: Bool = true, holder: @escaping @Sendable () -> Int32? = { nil },
        tryTake: () -> Bool
    ) -> Bool {
        let mayWait = blocking && (timeoutNs.map { $0 != 0 } ?? true)
        let requestArg = mayWait ? (timeoutNs.map { max($0, -1) } ?? -1) : 0
        monitor.lock()
        if tryTake() {
            // Uncontended: request and acquire at one instant, recorded as a pair (one clock reading).
            if emitRequest {
                ts.emitPair(.lockRequest, firstArg: requestArg, .lockAcquire, secondArg: 1, obj: object)
            } else {
                ts.emit(.lockAcquire, obj: object, arg: 1)
            }
            monitor.unlock()
            return true
        }
        // Still under the monitor: no release by another thread can be recorded between the failed try
        // and this request, so "held at request" stays true in the trace.
        if emitRequest { ts.emit(.lockRequest, obj: object, arg: requestArg) }
        monitor.unlock()
        guard mayWait else {
            ts.emit(.lockAcquire, obj: object, arg: 0)
            return false
        }
        let deadline = Deadline.after(timeoutNs)
        // In the deadlock watch's wait-for graph while waiting for the object, not for the GIL afterwards.
        if timeoutNs == nil { ts.waits.beginWait(ts.tid, objectID: object, holder: holder) }
        ts.gil.release(ts, reason: .blockingCall)
        let wakeable = interruptible && ts.tid == 1
        if wakeable { ts.gil.breaker.mainThreadWaits(on: monitor) }
        monitor.lock()
        var got = false
        while true {
            if tryTake() {
                got = true
                break
            }
            if interruptible && ts.shouldLeaveWait { break }
            if MonotonicClock.now() >= deadline { break }
            _ = monitor.wait(untilNs: Deadline.nextWake(deadline))
        }
        monitor.unlock()
        if wakeable { ts.gil.breaker.mainThreadWaits(on: nil) }
        if timeoutNs == nil { ts.waits.endWait(ts.tid) }
        ts.gil.acquire(ts, reason: .blockingCall)
        ts.emit(.lockAcquire, obj: object, arg: got ? 1 : 0)
        return got
    }
}

/// Misuse of a sync object, mapped by the runtime to Python's exceptions.
public enum SyncError: Error, Equatable, Sendable {
    /// `release()` of an unlocked Lock (RuntimeError: release unlocked lock).
    case releaseUnlocked
    /// RLock released by a thread that does not own it (RuntimeError: cannot release un-acquired lock).
    case releaseNotOwner
    /// BoundedSemaphore released too many times (ValueError: Semaphore released too many times).
    case boundedOverflow
    /// Barrier broken, aborted or reset while waiting (threading.BrokenBarrierError).
    case brokenBarrier
    /// Condition wait/notify without owning its lock (RuntimeError: cannot wait on un-acquired lock).
    case notOwned
    /// A main-thread wait ended early because of SIGINT: raise KeyboardInterrupt.
    case interrupted
}
