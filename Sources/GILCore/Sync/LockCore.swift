import GILTrace

/// `threading.Lock` (`_thread.lock`): not owned — any thread may release it.
public final class LockCore: @unchecked Sendable {  // state behind `monitor`
    public let objectID: Int32
    let monitor = PThreadMonitor()
    private var locked = false
    /// The thread that took the lock last (0 when free): not Python semantics, only for deadlock reports.
    private var holderTid: Int32 = 0

    public init(recorder: TraceRecorder, name: String, sourceLine: Int32 = 0) {
        objectID = recorder.registerObject(kind: .lock, name: name, sourceLine: sourceLine)
    }

    /// `acquire(blocking, timeout)`; nil timeout = forever. See `SyncWait` for the events.
    /// - Returns: false when not acquired (non-blocking, timed out, or interrupted in the main thread).
    public func acquire(_ ts: ThreadState, blocking: Bool = true, timeoutNs: Int64? = nil) -> Bool {
        SyncWait.acquire(
            ts, object: objectID, blocking: blocking, timeoutNs: timeoutNs, monitor: monitor, holder: holder
        ) {
            if locked { return false }
            locked = true
            holderTid = ts.tid
            return true
        }
    }

    /// For the deadlock report: who holds the lock now.
    private var holder: @Sendable () -> Int32? {
        { [unowned self] in monitor.withLock { locked && holderTid != 0 ? holderTid : nil } }
    }

    /// lock_release(obj, 0) and wakes a waiter.
    public func release(_ ts: ThreadState) throws(SyncError) {
        monitor.lock()
        defer { monitor.unlock() }
        guard locked else { throw .releaseUnlocked }
        ts.emit(.lockRelease, obj: objectID, arg: 0)
        locked = false
        holderTid = 0
        monitor.broadcast()
    }

    public var isLocked: Bool { monitor.withLock { locked } }
}

extension LockCore: ConditionLock {
    func isOwned(by ts: ThreadState) -> Bool { isLocked }

    func releaseSave(_ ts: ThreadState) throws(SyncError) -> Int {
        try release(ts)
        return 1
    }

    func acquireRestore(_ ts: ThreadState, _ saved: Int) {
        _ = SyncWait.acquire(
            ts, object: objectID, blocking: true, timeoutNs: nil, monitor: monitor, interruptible: false, holder: holder
        ) {
            if locked { return false }
            locked = true
            holderTid = ts.tid
            return true
        }
    }
}
