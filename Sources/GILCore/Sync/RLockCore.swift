import GILTrace

/// `threading.RLock`: owned by one thread, re-entrant; `release` by another thread is an error.
/// lock_release's arg is the remaining recursion count (0 = really released).
public final class RLockCore: @unchecked Sendable {  // state behind `monitor`
    public let objectID: Int32
    let monitor = PThreadMonitor()
    private var owner: Int32 = 0
    private var count = 0

    public init(recorder: TraceRecorder, name: String, sourceLine: Int32 = 0) {
        objectID = recorder.registerObject(kind: .rlock, name: name, sourceLine: sourceLine)
    }

    /// Re-entrant acquire: the owner's nested acquire succeeds at once (still emitting request/acquire).
    public func acquire(_ ts: ThreadState, blocking: Bool = true, timeoutNs: Int64? = nil) -> Bool {
        SyncWait.acquire(
            ts, object: objectID, blocking: blocking, timeoutNs: timeoutNs, monitor: monitor,
            holder: { [unowned self] in monitor.withLock { count > 0 ? owner : nil } }
        ) {
            take(ts.tid, count: 1)
        }
    }

    public func release(_ ts: ThreadState) throws(SyncError) {
        monitor.lock()
        defer { monitor.unlock() }
        guard count > 0, owner == ts.tid else { throw .releaseNotOwner }
        count -= 1
        ts.emit(.lockRelease, obj: objectID, arg: Int64(count))
        if count == 0 {
            owner = 0
            monitor.broadcast()
        }
    }

    public var isLocked: Bool { monitor.withLock { count > 0 } }

    /// Recursion depth held by `ts` (0 when it does not own the lock).
    public func recursionCount(_ ts: ThreadState) -> Int { monitor.withLock { owner == ts.tid ? count : 0 } }

    /// Called with `monitor` locked.
    private func take(_ tid: Int32, count depth: Int) -> Bool {
        if count == 0 {
            owner = tid
            count = depth
            return true
        }
        if owner == tid {
            count += depth
            return true
        }
        return false
    }
}

extension RLockCore: ConditionLock {
    func isOwned(by ts: ThreadState) -> Bool { monitor.withLock { count > 0 && owner == ts.tid } }

    /// `_release_save`: lets go of every level at once, remembering the depth.
    func releaseSave(_ ts: ThreadState) throws(SyncError) -> Int {
        monitor.lock()
        defer { monitor.unlock() }
        guard count > 0, owner == ts.tid else { throw .notOwned }
        let saved = count
        count = 0
        owner = 0
        ts.emit(.lockRelease, obj: objectID, arg: 0)
        monitor.broadcast()
        return saved
    }

    /// `_acquire_restore`: takes the lock again with the saved depth; not interruptible.
    func acquireRestore(_ ts: ThreadState, _ saved: Int) {
        _ = SyncWait.acquire(
            ts, object: objectID, blocking: true, timeoutNs: nil, monitor: monitor, interruptible: false,
            holder: { [unowned self] in monitor.withLock { count > 0 ? owner : nil } }
        ) {
            take(ts.tid, count: saved)
        }
    }
}
