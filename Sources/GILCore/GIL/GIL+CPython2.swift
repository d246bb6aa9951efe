import GILTrace

/// CPython 2.x's GIL: a plain lock (Python/thread_pthread.h, mutex + cond + `locked`), released and
/// re-requested every `_Py_CheckInterval` ticks (Python/ceval.c). No timed wait, no drop request, no
/// FORCE_SWITCHING: on multicore the releaser usually re-takes the lock before the woken waiter runs.
extension GIL {
    func takeCPython2(_ ts: ThreadState, reason: GILRequestReason) {
        gilLock.lock()
        precondition(!(locked && lastHolder.load(ordering: .relaxed) == ts.tid), "take_gil: thread \(ts.tid) already holds the GIL")
        ts.emit(.gilRequest, arg: reason.rawValue)
        while locked { gilLock.wait() }
        locked = true
        if lastHolder.load(ordering: .relaxed) != ts.tid {
            lastHolder.store(ts.tid, ordering: .relaxed)
            switchNumber += 1
            switches.wrappingAdd(1, ordering: .relaxed)
        }
        ts.emit(.gilAcquire, arg: switchNumber)
        gilLock.unlock()
    }

    func dropCPython2(_ ts: ThreadState, reason: GILReleaseReason) {
        ts.sampleContextSwitches()
        gilLock.lock()
        precondition(locked, "drop_gil: GIL is not locked")
        locked = false
        ts.emit(.gilRelease, arg: reason.rawValue)
        gilLock.signal()
        gilLock.unlock()
    }
}
