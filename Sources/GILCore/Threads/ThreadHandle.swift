import GILTrace

/// A started Python thread, as `threading.Thread` sees it: alive until its body returned, joinable with a
/// timeout. Joins are recorded as lock waits on the thread's own object (`ObjectKind.thread`).
public final class ThreadHandle: @unchecked Sendable {  // `ended`/`status` behind `monitor`
    public let tid: Int32
    /// `ObjectKind.thread`: `join` waits are lock waits on it.
    public let objectID: Int32
    public let name: String
    public let daemon: Bool
    let monitor = PThreadMonitor()
    private var started = false
    private var ended = false
    private var status: Int32 = 0

    init(tid: Int32, objectID: Int32, name: String, daemon: Bool) {
        self.tid = tid
        self.objectID = objectID
        self.name = name
        self.daemon = daemon
    }

    /// True from `spawn` until the body has returned and the GIL was released for good.
    public var isAlive: Bool { monitor.withLock { !ended } }

    /// The body's exit status once ended (0 normal, 1 uncaught exception), else nil.
    public var exitStatus: Int32? { monitor.withLock { ended ? status : nil } }

    /// `Thread.join(timeout)`: waits with the GIL released (reason blockingCall). When the thread has not
    /// ended yet: lock_request(objectID, timeout or -1) · gil_release · wait · gil_request · gil_acquire ·
    /// lock_acquire(1 if ended, else 0) · [lock_release(0)]. The release right after a successful join closes
    /// the store's lock_hold slice at zero length (a joined thread is not held). In the main thread a pending
    /// interrupt ends the wait early.
    /// - Returns: whether the thread has ended.
    public func join(from ts: ThreadState, timeoutNs: Int64?) -> Bool {
        if !isAlive { return true }
        let ended = SyncWait.acquire(
            ts, object: objectID, blocking: true, timeoutNs: timeoutNs, monitor: monitor,
            holder: { [tid] in tid }
        ) { self.ended }
        if ended { ts.emit(.lockRelease, obj: objectID, arg: 0) }
        return ended
    }

    /// `Thread.start()`'s wait for the new thread, as CPython's `self._started.wait()` (Lib/threading.py):
    /// the starting thread releases the GIL (reason blockingCall) until the new one holds it and has begun,
    /// then asks for it back — so the new thread runs first, and the starter waits for the GIL behind it. No
    /// lock events: CPython's `_started` is an internal Event. Returns at once for a thread that ended.
    public func waitUntilStarted(from ts: ThreadState) {
        guard !monitor.withLock({ started || ended }) else { return }
        ts.withoutGIL {
            monitor.withLock {
                while !started && !ended { monitor.wait() }
            }
        }
    }

    /// Called on the thread itself once it holds the GIL for the first time.
    func markStarted() {
        monitor.withLock {
            started = true
            monitor.broadcast()
        }
    }

    /// Called on the thread itself after its last GIL release.
    func markEnded(status: Int32) {
        monitor.withLock {
            ended = true
            self.status = status
            monitor.broadcast()
        }
    }
}
