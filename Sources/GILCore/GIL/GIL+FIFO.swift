import GILTrace

/// A fair GIL: waiters queue in arrival order and every release hands the GIL directly to the head of the
/// queue (`handoffTo`), so nobody can barge in between. The interval expiry works as in cpython3 (a timed
/// wait of `switchIntervalNs` without a switch sets the drop request), but the releaser goes to the back.
extension GIL {
    func takeFIFO(_ ts: ThreadState, reason: GILRequestReason) {
        gilLock.lock()
        precondition(!(locked && lastHolder.load(ordering: .relaxed) == ts.tid), "take_gil: thread \(ts.tid) already holds the GIL")
        ts.emit(.gilRequest, arg: reason.rawValue)
        if locked || handoffTo != 0 || !fifoQueue.isEmpty {
            fifoQueue.append(ts.tid)
            while handoffTo != ts.tid {
                let savedSwitchNumber = switchNumber
                let deadline = MonotonicClock.now() &+ interval.load(ordering: .relaxed)
                let timedOut = !gilLock.wait(untilNs: deadline)
                if timedOut && locked && switchNumber == savedSwitchNumber && !breaker.dropRequested {
                    breaker.setDropRequest()
                    ts.emit(.gilDropRequest, arg: Int64(lastHolder.load(ordering: .relaxed)))
                }
            }
            handoffTo = 0
        }
        locked = true
        if lastHolder.load(ordering: .relaxed) != ts.tid {
            lastHolder.store(ts.tid, ordering: .relaxed)
            switchNumber += 1
            switches.wrappingAdd(1, ordering: .relaxed)
        }
        ts.emit(.gilAcquire, arg: switchNumber)
        if breaker.dropRequested { breaker.resetDropRequest() }
        gilLock.unlock()
    }

    func dropFIFO(_ ts: ThreadState, reason: GILReleaseReason) {
        ts.sampleContextSwitches()
        gilLock.lock()
        precondition(locked, "drop_gil: GIL is not locked")
        locked = false
        ts.emit(.gilRelease, arg: reason.rawValue)
        if !fifoQueue.isEmpty {
            handoffTo = fifoQueue.removeFirst()
            // One cond for all waiters: wake them all, only `handoffTo` proceeds.
            gilLock.broadcast()
        }
        gilLock.unlock()
    }
}
