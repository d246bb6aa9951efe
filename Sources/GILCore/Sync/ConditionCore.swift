import GILTrace

/// `threading.Condition` over a Lock or an RLock (Lib/threading.py): `wait` registers a waiter, releases
/// the lock completely, waits to be notified (GIL released), then re-acquires the lock with its depth.
///
/// Events: lock_release(lock) · lock_request(cond, timeout or -1) · … · lock_acquire(cond, 1 notified /
/// 0 timed out) · [lock_release(cond, 0)] · lock_request(lock) · lock_acquire(lock).
public final class ConditionCore: @unchecked Sendable {  // waiter list behind `monitor`
    private final class Waiter {
        var notified = false
    }

    public let objectID: Int32
    let lock: any ConditionLock
    let monitor = PThreadMonitor()
    private var waiters: [Waiter] = []

    public convenience init(lock: LockCore, recorder: TraceRecorder, name: String, sourceLine: Int32 = 0) {
        self.init(conditionLock: lock, recorder: recorder, name: name, sourceLine: sourceLine)
    }

    public convenience init(lock: RLockCore, recorder: TraceRecorder, name: String, sourceLine: Int32 = 0) {
        self.init(conditionLock: lock, recorder: recorder, name: name, sourceLine: sourceLine)
    }

    init(conditionLock: any ConditionLock, recorder: TraceRecorder, name: String, sourceLine: Int32) {
        lock = conditionLock
        objectID = recorder.registerObject(kind: .condition, name: name, sourceLine: sourceLine)
    }

    /// The underlying lock's object id.
    public var lockObjectID: Int32 { lock.objectID }

    /// - Returns: true when notified, false on timeout (or an interrupt in the main thread; the lock is
    ///   re-acquired either way).
    /// - Throws: `.notOwned` when `ts` does not hold the lock.
    public func wait(_ ts: ThreadState, timeoutNs: Int64?) throws(SyncError) -> Bool {
        do {
            return try wait(ts, timeoutNs: timeoutNs, duringWait: nil)
        } catch let error as SyncError {
            throw error
        } catch {
            preconditionFailure("no handlers to throw: \(error)")
        }
    }

    /// `wait`, and in the main thread `duringWait` (the runtime's signal handlers) runs whenever handlers are
    /// due — with the GIL, the lock still released and this thread still a waiter, so a notify meanwhile is
    /// not lost (CPython: handlers run inside `waiter.acquire()`). What it throws ends the wait, after the lock
    /// is re-acquired.
    public func wait(_ ts: ThreadState, timeoutNs: Int64?, duringWait: (() throws -> Void)?) throws -> Bool {
        guard lock.isOwned(by: ts) else { throw SyncError.notOwned }
        let waiter = Waiter()
        monitor.withLock { waiters.append(waiter) }
        let saved: Int
        do {
            saved = try lock.releaseSave(ts)
        } catch {
            monitor.withLock { waiters.removeAll { $0 === waiter } }
            throw error
        }
        ts.emit(.lockRequest, obj: objectID, arg: timeoutNs.map { max($0, -1) } ?? -1)
        let deadline = Deadline.after(timeoutNs)
        // An untimed wait can only end by a notify: part of the wait-for graph (no single holder).
        let wakeable = duringWait != nil && ts.tid == 1
        if wakeable { ts.gil.breaker.mainThreadWaits(on: monitor) }
        var wait = GILReleasingWait(ts, monitor, untimedOn: timeoutNs == nil ? objectID : nil)
        var raised: (any Error)?
        while !waiter.notified {
            if ts.shouldStopForInterrupt || MonotonicClock.now() >= deadline { break }
            if let duringWait, ts.mainThreadCallsDue {
                wait.pause()
                do { try duringWait() } catch { raised = error }
                wait.resume()
                if raised != nil { break }
                continue
            }
            wait.wait(until: deadline)
        }
        let notified = waiter.notified
        if !notified { waiters.removeAll { $0 === waiter } }
        wait.finish()
        if wakeable { ts.gil.breaker.mainThreadWaits(on: nil) }
        ts.emit(.lockAcquire, obj: objectID, arg: notified ? 1 : 0)
        if notified { ts.emit(.lockRelease, obj: objectID, arg: 0) }
        lock.acquireRestore(ts, saved)
        if let raised { throw raised }
        return notified
    }

    /// Wakes up to `n` waiters, oldest first.
    /// - Throws: `.notOwned` when `ts` does not hold the lock.
    public func notify(_ ts: ThreadState, n: Int = 1) throws(SyncError) {
        guard lock.isOwned(by: ts) else { throw .notOwned }
        monitor.withLock {
            let woken = waiters.prefix(max(0, n))
            for waiter in woken { waiter.notified = true }
            waiters.removeFirst(woken.count)
            if !woken.isEmpty { monitor.broadcast() }
        }
    }

    public func notifyAll(_ ts: ThreadState) throws(SyncError) {
        try notify(ts, n: Int.max)
    }
}
