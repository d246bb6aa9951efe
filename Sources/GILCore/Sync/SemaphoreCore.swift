import GILTrace

/// `threading.Semaphore` and `threading.BoundedSemaphore` (Lib/threading.py): a counter; acquire waits
/// while it is 0; a bounded semaphore refuses to be released above its initial value.
public final class SemaphoreCore: @unchecked Sendable {  // state behind `monitor`
    public let objectID: Int32
    public let initialValue: Int
    public let bounded: Bool
    let monitor = PThreadMonitor()
    private var count: Int

    /// - Precondition: `value >= 0` (the runtime raises ValueError before calling).
    public init(recorder: TraceRecorder, value: Int = 1, bounded: Bool = false, name: String, sourceLine: Int32 = 0) {
        precondition(value >= 0, "semaphore initial value must be >= 0")
        initialValue = value
        self.bounded = bounded
        count = value
        objectID = recorder.registerObject(
            kind: bounded ? .boundedSemaphore : .semaphore, name: name, sourceLine: sourceLine)
    }

    public func acquire(_ ts: ThreadState, blocking: Bool = true, timeoutNs: Int64? = nil) -> Bool {
        SyncWait.acquire(ts, object: objectID, blocking: blocking, timeoutNs: timeoutNs, monitor: monitor) {
            guard count > 0 else { return false }
            count -= 1
            return true
        }
    }

    /// Adds `n` and wakes waiters: lock_release(obj, 0).
    public func release(_ ts: ThreadState, n: Int = 1) throws(SyncError) {
        monitor.lock()
        defer { monitor.unlock() }
        if bounded && count + n > initialValue { throw .boundedOverflow }
        count += n
        ts.emit(.lockRelease, obj: objectID, arg: 0)
        monitor.broadcast()
    }

    /// The current counter (`Semaphore._value`).
    public var value: Int { monitor.withLock { count } }
}
