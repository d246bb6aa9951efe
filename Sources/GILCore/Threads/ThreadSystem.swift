import GILTrace

/// Python threads as real OS threads: `pthread_create` with a 16 MiB stack (the interpreter recurses),
/// tids in start order (main = 1), each thread contending for the one `GIL`.
public final class ThreadSystem: @unchecked Sendable {  // registry state behind `registry`
    public let gil: GIL
    public let recorder: TraceRecorder
    /// Stack of every spawned thread.
    public static let stackSize = 16 << 20
    let registry = PThreadMonitor()
    /// Untimed waits of every live thread (the wait-for graph).
    public let waits = WaitRegistry()
    private var deadlockWatch: DeadlockWatch?
    private var nextTid: Int32 = 2
    private var handles: [ThreadHandle] = []

    public init(gil: GIL, recorder: TraceRecorder) {
        self.gil = gil
        self.recorder = recorder
    }

    /// The calling OS thread becomes Python's main thread: tid 1, thread_start(0), describes itself, and takes
    /// the GIL (reason threadStart). It holds the GIL on return.
    public func startMainThread(name: String = "MainThread") -> ThreadState {
        let ts = ThreadState(tid: 1, name: name, parentTid: 0, daemon: false, gil: gil, waits: waits)
        waits.threadBegan(1, name: name)
        ts.begin()
        ts.emit(.threadStart, arg: 0)
        recorder.describeThread(ts.info(ended: false))
        gil.acquire(ts, reason: .threadStart)
        return ts
    }

    /// Starts an OS thread that emits thread_start(parent tid), acquires the GIL (reason threadStart), runs
    /// `body` (which returns the exit status 0/1), releases the GIL (exit), emits thread_end(status), and wakes
    /// its joiners. The tid is allocated here, so tids follow `start()` order.
    public func spawn(
        parent: ThreadState, name: String, daemon: Bool, body: @escaping @Sendable (ThreadState) -> Int32
    ) -> ThreadHandle {
        guard let handle = trySpawn(parent: parent, name: name, daemon: daemon, body: body) else {
            preconditionFailure("can't start new thread (pthread_create failed)")
        }
        return handle
    }

    /// `spawn`, or nil when the OS refuses a new thread (the runtime raises RuntimeError: can't start new
    /// thread). A refused thread is recorded as ended at once and never waited for.
    public func trySpawn(
        parent: ThreadState, name: String, daemon: Bool, body: @escaping @Sendable (ThreadState) -> Int32
    ) -> ThreadHandle? {
        let tid = registry.withLock {
            defer { nextTid += 1 }
            return nextTid
        }
        let objectID = recorder.registerObject(kind: .thread, name: name, sourceLine: 0)
        let handle = ThreadHandle(tid: tid, objectID: objectID, name: name, daemon: daemon)
        let ts = ThreadState(tid: tid, name: name, parentTid: parent.tid, daemon: daemon, gil: gil, waits: waits)
        waits.threadBegan(tid, name: name)
        let waits = waits
        registry.withLock { handles.append(handle) }
        let gil = gil
        let recorder = recorder
        let started = OSThread.start(stackSize: Self.stackSize, detached: true) {
            ts.begin()
            ts.emit(.threadStart, arg: Int64(ts.parentTid))
            recorder.describeThread(ts.info(ended: false))
            gil.acquire(ts, reason: .threadStart)
            handle.markStarted()
            let status = body(ts)
            gil.release(ts, reason: .exit)
            ts.emit(.threadEnd, arg: Int64(status))
            recorder.describeThread(ts.info(ended: true))
            ts.retire()
            waits.threadEnded(tid)
            handle.markEnded(status: status)
        }
        guard started != nil else {
            registry.withLock { handles.removeAll { $0 === handle } }
            waits.threadEnded(tid)
            ts.retire()
            handle.markEnded(status: 1)
            return nil
        }
        return handle
    }

    /// Every thread spawned so far, alive or not, in start order.
    public var threads: [ThreadHandle] { registry.withLock { handles } }

    /// Spawned threads still running.
    public var activeCount: Int { threads.filter(\.isAlive).count }

    /// `threading._shutdown`: joins (GIL released) every non-daemon thread — including ones started while
    /// waiting — then releases the GIL (exit) and emits main's thread_end(status). A pending interrupt stops
    /// the waiting early (the remaining threads keep running, as after a KeyboardInterrupt in CPython).
    public func finishMainThread(_ main: ThreadState, status: Int32 = 0) {
        joinNonDaemonThreads(main)
        deadlockWatch?.stop()
        waits.threadEnded(main.tid)
        gil.release(main, reason: .exit)
        main.emit(.threadEnd, arg: Int64(status))
        recorder.describeThread(main.info(ended: true))
        main.retire()
    }

    /// threading._shutdown: waits for every non-daemon thread, including ones started meanwhile (an interrupt
    /// ends the wait). The runtime runs `atexit` handlers after this, with the GIL still held.
    public func joinNonDaemonThreads(_ main: ThreadState) {
        outer: while true {
            let waiting = threads.filter { !$0.daemon && $0.isAlive }
            if waiting.isEmpty { break }
            for handle in waiting {
                _ = handle.join(from: main, timeoutNs: nil)
                if main.shouldStopForInterrupt { break outer }
            }
        }
    }

    /// Starts checking for deadlocks every `intervalNs`: when every live thread has been in an untimed wait
    /// for a whole interval with nothing recorded, `onDeadlock` is called once, on the watchdog's thread.
    public func watchForDeadlocks(intervalNs: Int64 = 200_000_000, onDeadlock: @escaping @Sendable (DeadlockReport) -> Void) {
        let watch = DeadlockWatch(registry: waits, recorder: recorder, intervalNs: intervalNs, onDeadlock: onDeadlock)
        registry.withLock { deadlockWatch = watch }
        watch.start()
    }

    /// From the thread that received SIGINT (via `sigwait`): sets the breaker's interrupt bit. The main thread
    /// raises it at its next check point; its blocked waits notice within ~50 ms and return early.
    public func requestInterrupt() {
        gil.breaker.setInterrupt()
    }
}
