import GILTrace

/// Waits on a primitive's monitor from code that holds the GIL and inspects the primitive's state under its
/// mutex (Barrier, Condition). The GIL is released lazily, only before the first real wait, and always
/// after unlocking the monitor; it is re-taken after the monitor is unlocked for good, so the primitive's
/// mutex is never held while waiting for the GIL.
///
/// An untimed wait (`untimedOn`: the object waited for) is in the deadlock watch's wait-for graph from before
/// the GIL is released until the wait on the primitive is over — not while the thread then waits for the GIL,
/// which another thread's progress will give it (a thread woken but not yet running is not deadlocked).
struct GILReleasingWait: ~Copyable {
    let ts: ThreadState
    let monitor: PThreadMonitor
    private let untimedOn: Int32?
    private(set) var releasedGIL = false

    /// Locks the monitor.
    init(_ ts: ThreadState, _ monitor: PThreadMonitor, untimedOn object: Int32?) {
        self.ts = ts
        self.monitor = monitor
        untimedOn = object
        if let object { ts.waits.beginWait(ts.tid, objectID: object, holder: { nil }) }
        monitor.lock()
    }

    /// One wait step until `deadline` (at most one interrupt slice). The monitor is locked before and after;
    /// it may have been unlocked in between, so the caller re-checks its condition.
    mutating func wait(until deadline: Int64) {
        if !releasedGIL {
            monitor.unlock()
            ts.gil.release(ts, reason: .blockingCall)
            releasedGIL = true
            monitor.lock()
        }
        _ = monitor.wait(untilNs: Deadline.nextWake(deadline))
    }

    /// Steps out of the wait to run Python code (signal handlers): unlocks the monitor and takes the GIL back.
    /// `resume()` comes back; the next `wait` releases the GIL again.
    mutating func pause() {
        monitor.unlock()
        if releasedGIL {
            ts.gil.acquire(ts, reason: .blockingCall)
            releasedGIL = false
        }
    }

    /// Back into the wait after `pause()`: the monitor is locked again.
    func resume() {
        monitor.lock()
    }

    /// Unlocks the monitor, leaves the wait-for graph and takes the GIL back if it was released.
    consuming func finish() {
        monitor.unlock()
        if untimedOn != nil { ts.waits.endWait(ts.tid) }
        if releasedGIL { ts.gil.acquire(ts, reason: .blockingCall) }
    }
}

/// A lock a `ConditionCore` can be built on: CPython's `_is_owned`, `_release_save`, `_acquire_restore`.
protocol ConditionLock: AnyObject, Sendable {
    var objectID: Int32 { get }
    func isOwned(by ts: ThreadState) -> Bool
    /// Releases completely (all recursion levels), emitting lock_release(obj, 0); returns what to restore.
    func releaseSave(_ ts: ThreadState) throws(SyncError) -> Int
    /// Re-acquires (blocking, not interruptible) with the saved state.
    func acquireRestore(_ ts: ThreadState, _ saved: Int)
}
