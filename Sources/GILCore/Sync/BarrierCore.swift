import GILTrace

/// `threading.Barrier` (Lib/threading.py): `parties` threads meet; each gets a distinct index 0..<parties.
/// States as in CPython: filling, draining (releasing the current batch), resetting, broken.
///
/// Events: lock_request(timeout or -1) · lock_acquire(index + 1, or 0 when broken/interrupted) ·
/// lock_release(0) right after a successful pass (a barrier is not held).
public final class BarrierCore: @unchecked Sendable {  // state behind `monitor`
    enum State { case filling, draining, resetting, broken }

    public let objectID: Int32
    public let parties: Int
    /// Used when `wait` gets no timeout (`Barrier(n, timeout=...)`).
    public let defaultTimeoutNs: Int64?
    let monitor = PThreadMonitor()
    private var state = State.filling
    private var count = 0

    /// - Precondition: `parties >= 1` (the runtime raises ValueError before calling).
    public init(recorder: TraceRecorder, parties: Int, timeoutNs: Int64? = nil, name: String, sourceLine: Int32 = 0) {
        precondition(parties >= 1, "barrier parties must be >= 1")
        self.parties = parties
        defaultTimeoutNs = timeoutNs
        objectID = recorder.registerObject(kind: .barrier, name: name, sourceLine: sourceLine)
    }

    /// Waits for the other parties.
    /// - Returns: this thread's arrival index, 0..<parties.
    /// - Throws: `.brokenBarrier` (broken, aborted, reset, or this wait timed out — which breaks it),
    ///   `.interrupted` when SIGINT ended a main-thread wait.
    public func wait(_ ts: ThreadState, timeoutNs: Int64?) throws(SyncError) -> Int {
        let timeout = timeoutNs ?? defaultTimeoutNs
        ts.emit(.lockRequest, obj: objectID, arg: timeout.map { max($0, -1) } ?? -1)
        let deadline = Deadline.after(timeout)
        // Untimed: only the other parties (or abort/reset) can end the wait, so it joins the wait-for graph.
        var waiter = GILReleasingWait(ts, monitor, untimedOn: timeout == nil ? objectID : nil)
        let outcome = pass(&waiter, deadline: deadline)
        waiter.finish()
        switch outcome {
        case .success(let index):
            ts.emit(.lockAcquire, obj: objectID, arg: Int64(index + 1))
            ts.emit(.lockRelease, obj: objectID, arg: 0)
            return index
        case .failure(let error):
            ts.emit(.lockAcquire, obj: objectID, arg: 0)
            throw error
        }
    }

    /// The body of `Barrier.wait` under the monitor (`_enter`, `_release`/`_wait`, `_exit`).
    private func pass(_ waiter: inout GILReleasingWait, deadline: Int64) -> Result<Int, SyncError> {
        // _enter: a previous batch is still draining or resetting.
        while state == .draining || state == .resetting {
            if waiter.ts.shouldStopForInterrupt { return .failure(.interrupted) }
            waiter.wait(until: .max)
        }
        if state == .broken { return .failure(.brokenBarrier) }
        let index = count
        count += 1
        defer {
            // _exit
            count -= 1
            if count == 0 && (state == .resetting || state == .draining) {
                state = .filling
                monitor.broadcast()
            }
        }
        if index + 1 == parties {
            state = .draining
            monitor.broadcast()
            return .success(index)
        }
        // _wait
        while state == .filling {
            if waiter.ts.shouldStopForInterrupt { return .failure(.interrupted) }
            if MonotonicClock.now() >= deadline {
                breakBarrier()
                return .failure(.brokenBarrier)
            }
            waiter.wait(until: deadline)
        }
        return state == .draining ? .success(index) : .failure(.brokenBarrier)
    }

    /// Called with `monitor` locked.
    private func breakBarrier() {
        state = .broken
        monitor.broadcast()
    }

    /// `abort()`: breaks the barrier; current and future waiters get `.brokenBarrier`.
    public func abort() {
        monitor.withLock { breakBarrier() }
    }

    /// `reset()`: back to the empty state; threads waiting now get `.brokenBarrier`.
    public func reset() {
        monitor.withLock {
            if count > 0 {
                if state == .filling || state == .broken { state = .resetting }
            } else {
                state = .filling
            }
            monitor.broadcast()
        }
    }

    public var isBroken: Bool { monitor.withLock { state == .broken } }

    /// `n_waiting`: threads waiting in the current batch.
    public var waitingCount: Int { monitor.withLock { state == .filling ? count : 0 } }
}
