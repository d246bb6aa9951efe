import GILTrace

// MARK: - Blocking calls (Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS)

extension ThreadState {
    /// `time.sleep`: io_begin(sleep, ns) · gil_release(io) · sleep · io_end(sleep, ns slept) · gil_request(io) ·
    /// gil_acquire. Sleeps on `CLOCK_MONOTONIC` in slices of at most 50 ms; in the main thread a pending
    /// interrupt or a due signal handler ends the sleep early (the caller then calls `throwIfInterrupted()`
    /// and runs the handlers).
    public func sleep(ns: Int64) {
        let requested = max(0, ns)
        emit(.ioBegin, obj: IOKind.sleep.rawValue, arg: requested)
        gil.release(self, reason: .io)
        let start = MonotonicClock.now()
        let deadline = Deadline.after(requested)
        while !shouldLeaveWait {
            let now = MonotonicClock.now()
            if now >= deadline { break }
            OSThread.sleep(untilNs: Deadline.nextWake(deadline))
        }
        emit(.ioEnd, obj: IOKind.sleep.rawValue, arg: MonotonicClock.now() - start)
        gil.acquire(self, reason: .io)
    }

    /// Py_BEGIN_ALLOW_THREADS around a blocking I/O call: io_begin(kind, request) · gil_release(io) · body ·
    /// io_end(kind, result(value) or -1 on throw) · gil_request(io) · gil_acquire.
    public func blockingIO<T>(_ kind: IOKind, request: Int64, _ body: () throws -> T, result: (T) -> Int64) rethrows
        -> T
    {
        emit(.ioBegin, obj: kind.rawValue, arg: request)
        gil.release(self, reason: .io)
        let value: T
        do {
            value = try body()
        } catch {
            emit(.ioEnd, obj: kind.rawValue, arg: -1)
            gil.acquire(self, reason: .io)
            throw error
        }
        emit(.ioEnd, obj: kind.rawValue, arg: result(value))
        gil.acquire(self, reason: .io)
        return value
    }

    /// Releases the GIL around a wait on a sync object (reasons blockingCall); emits nothing else.
    public func withoutGIL<T>(_ body: () throws -> T) rethrows -> T {
        gil.release(self, reason: .blockingCall)
        defer { gil.acquire(self, reason: .blockingCall) }
        return try body()
    }
}
