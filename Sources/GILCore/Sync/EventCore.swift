import GILTrace

/// `threading.Event`: a flag; `wait` blocks until it is set.
///
/// Events: `wait` is lock_request(timeout) · lock_acquire(1 set / 0 timed out), and a successful wait is
/// closed at once by lock_release(0) so the store's lock_hold slice has zero length (an Event is not held);
/// `set` emits lock_release(0) from the setter, marking who woke the waiters.
public final class EventCore: @unchecked Sendable {  // state behind `monitor`
    public let objectID: Int32
    let monitor = PThreadMonitor()
    private var flag = false

    public init(recorder: TraceRecorder, name: String, sourceLine: Int32 = 0) {
        objectID = recorder.registerObject(kind: .event, name: name, sourceLine: sourceLine)
    }

    public func set(_ ts: ThreadState) {
        monitor.withLock {
            flag = true
            ts.emit(.lockRelease, obj: objectID, arg: 0)
            monitor.broadcast()
        }
    }

    public func clear() {
        monitor.withLock { flag = false }
    }

    public var isSet: Bool { monitor.withLock { flag } }

    /// - Returns: the flag on exit (false after a timeout, or an interrupt in the main thread).
    public func wait(_ ts: ThreadState, timeoutNs: Int64?) -> Bool {
        let got = SyncWait.acquire(ts, object: objectID, blocking: true, timeoutNs: timeoutNs, monitor: monitor) {
            flag
        }
        if got { ts.emit(.lockRelease, obj: objectID, arg: 0) }
        return got
    }
}
