#if canImport(Glibc)
import Glibc
#endif
import GILTrace

/// CPython 2.x's GIL: a bare POSIX semaphore (Python/thread_pthread.h with USE_SEMAPHORES, as on Linux),
/// released and re-requested every `_Py_CheckInterval` ticks (Python/ceval.c). No timed wait, no drop
/// request, no handoff: `sem_post` wakes a waiter, but on multicore the releaser usually decrements the
/// semaphore again before the woken thread runs, and the woken thread goes back to sleep — the "GIL battle"
/// (David Beazley, "Inside the Python GIL", 2009).
extension GIL {
    func takeCPython2(_ ts: ThreadState, reason: GILRequestReason) {
        // Only `ts` itself ever stores its tid in `cpython2Holder`, so this self-check needs no lock.
        precondition(cpython2Holder.load(ordering: .relaxed) != ts.tid, "take_gil: thread \(ts.tid) already holds the GIL")
        ts.emit(.gilRequest, arg: reason.rawValue)
        // A waiter makes the holder count ticks (the breaker sends every check point to `cpython2Tick`).
        cpython2Waiters.wrappingAdd(1, ordering: .sequentiallyConsistent)
        breaker.setTick()
        while sem_wait(cpython2Semaphore) != 0 {}  // EINTR: wait again, as PyThread_acquire_lock does
        if cpython2Waiters.wrappingSubtract(1, ordering: .sequentiallyConsistent).newValue == 0 {
            breaker.clearTick()
            // A thread that arrived between the two lines above must not be left unticked.
            if cpython2Waiters.load(ordering: .sequentiallyConsistent) > 0 { breaker.setTick() }
        }
        // The semaphore makes us the only writer of the fields below until we post it again.
        cpython2Holder.store(ts.tid, ordering: .relaxed)
        if lastHolder.load(ordering: .relaxed) != ts.tid {
            lastHolder.store(ts.tid, ordering: .relaxed)
            switchNumber += 1
            switches.wrappingAdd(1, ordering: .relaxed)
        }
        ts.emit(.gilAcquire, arg: switchNumber)
    }

    func dropCPython2(_ ts: ThreadState, reason: GILReleaseReason) {
        ts.sampleContextSwitches()
        precondition(cpython2Holder.load(ordering: .relaxed) == ts.tid, "drop_gil: thread \(ts.tid) does not hold the GIL")
        cpython2Holder.store(0, ordering: .relaxed)
        ts.emit(.gilRelease, arg: reason.rawValue)
        sem_post(cpython2Semaphore)
    }

    /// The tick countdown at each check point: every `checkInterval` ticks, release and re-request. Only
    /// while another thread waits: alone, CPython's release and re-acquire of an uncontended semaphore
    /// changes nothing anyone could observe, so the breaker stays clear and a lone thread pays nothing.
    func cpython2Tick(_ ts: ThreadState) {
        ticker -= 1
        guard ticker <= 0 else { return }
        ticker = checkInterval
        guard cpython2Waiters.load(ordering: .relaxed) > 0 else { return }
        release(ts, reason: .yield)
        acquire(ts, reason: .afterDrop)
    }
}
