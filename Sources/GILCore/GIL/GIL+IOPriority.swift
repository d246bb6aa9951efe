import GILTrace

/// cpython3 with an I/O fast lane: a thread requesting the GIL back from I/O or a blocking call sets the
/// drop request at once (no interval wait), and CPU waiters stand back while such a thread waits, so the
/// holder yields at its next check point and the I/O thread takes the GIL first. FORCE_SWITCHING as in cpython3.
extension GIL {
    func takeIOPriority(_ ts: ThreadState, reason: GILRequestReason) {
        let priority = reason == .io || reason == .blockingCall
        gilLock.lock()
        beginRequest(ts, reason: reason)
        if priority {
            priorityWaiters += 1
            if locked && !breaker.dropRequested {
                ioPreempt.store(true, ordering: .relaxed)
                requestDrop(ts)
            }
        }
        while locked || (!priority && priorityWaiters > 0) {
            let savedSwitchNumber = switchNumber
            let deadline = MonotonicClock.now() &+ interval.load(ordering: .relaxed)
            let timedOut = !gilLock.wait(untilNs: deadline)
            if timedOut && locked && switchNumber == savedSwitchNumber && !breaker.dropRequested { requestDrop(ts) }
        }
        if priority { priorityWaiters -= 1 }
        switchLock.lock()
        markTaken(ts)
        switchLock.signal()
        switchLock.unlock()
        if breaker.dropRequested { breaker.resetDropRequest() }
        ioPreempt.store(false, ordering: .relaxed)
        gilLock.unlock()
    }

    func dropIOPriority(_ ts: ThreadState, reason: GILReleaseReason) {
        dropCPython3(ts, reason: reason, wakeAll: true)
    }
}
