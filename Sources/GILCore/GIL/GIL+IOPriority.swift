import GILTrace

/// cpython3 with an I/O fast lane: a thread requesting the GIL back from I/O or a blocking call sets the
/// drop request at once (no interval wait), and CPU waiters stand back while such a thread waits, so the
/// holder yields at its next check point and the I/O thread takes the GIL first. FORCE_SWITCHING as in cpython3.
extension GIL {
    func takeIOPriority(_ ts: ThreadState, reason: GILRequestReason) {
        let priority = reason == .io || reason == .blockingCall
        gilLock.lock()
        precondition(!(locked && lastHolder.load(ordering: .relaxed) == ts.tid), "take_gil: thread \(ts.tid) already holds the GIL")
        ts.emit(.gilRequest, arg: reason.rawValue)
        if priority {
            priorityWaiters += 1
            if locked && !breaker.dropRequested {
                ioPreempt.store(true, ordering: .relaxed)
                breaker.setDropRequest()
                ts.emit(.gilDropRequest, arg: Int64(lastHolder.load(ordering: .relaxed)))
            }
        }
        while locked || (!priority && priorityWaiters > 0) {
            let savedSwitchNumber = switchNumber
            let deadline = MonotonicClock.now() &+ interval.load(ordering: .relaxed)
            let timedOut = !gilLock.wait(untilNs: deadline)
            if timedOut && locked && switchNumber == savedSwitchNumber && !breaker.dropRequested {
                breaker.setDropRequest()
                ts.emit(.gilDropRequest, arg: Int64(lastHolder.load(ordering: .relaxed)))
            }
        }
        if priority { priorityWaiters -= 1 }
        switchLock.lock()
        locked = true
        if lastHolder.load(ordering: .relaxed) != ts.tid {
            lastHolder.store(ts.tid, ordering: .relaxed)
            switchNumber += 1
            switches.wrappingAdd(1, ordering: .relaxed)
        }
        ts.emit(.gilAcquire, arg: switchNumber)
        switchLock.signal()
        switchLock.unlock()
        if breaker.dropRequested { breaker.resetDropRequest() }
        ioPreempt.store(false, ordering: .relaxed)
        gilLock.unlock()
    }

    func dropIOPriority(_ ts: ThreadState, reason: GILReleaseReason) {
        ts.sampleContextSwitches()
        lastHolder.store(ts.tid, ordering: .relaxed)
        gilLock.lock()
        precondition(locked, "drop_gil: GIL is not locked")
        locked = false
        ts.emit(.gilRelease, arg: reason.rawValue)
        // Broadcast: a CPU waiter woken alone would go back to sleep while an I/O waiter is pending.
        gilLock.broadcast()
        gilLock.unlock()
        guard reason != .exit, breaker.dropRequested else { return }
        switchLock.lock()
        if lastHolder.load(ordering: .relaxed) == ts.tid {
            breaker.resetDropRequest()
            switchLock.wait()
        }
        switchLock.unlock()
    }
}
