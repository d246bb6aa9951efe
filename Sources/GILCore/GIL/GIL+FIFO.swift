import GILTrace

/// A fair GIL in the spirit of the BFS-scheduler patch for https://bugs.python.org/issue7946: waiters queue
/// in arrival order and every release hands the GIL directly to the head of the queue (`handoffTo`), so
/// nobody barges in between. A waiter asks the holder to drop once the holder's current turn is longer than
/// `turnLimit` — the waiter's own last turn, between `minimumTurnNs` (10 µs) and the switch interval — so a
/// thread that held the GIL only briefly (back from I/O) gets it after a turn as short as its own, while
/// CPU-bound threads still alternate in full switch intervals. (Twice the last turn and 20 µs, the first
/// tuning, left the loopback echo 2.5–3.7× slower beside a CPU thread; this one 1.8–2.6×, quiet machine.)
extension GIL {
    /// Turns never shrink below this: enough for a few Python statements, short enough that a thread back
    /// from I/O waits microseconds rather than a whole interval.
    static let minimumTurnNs: Int64 = 10_000

    func takeFIFO(_ ts: ThreadState, reason: GILRequestReason) {
        gilLock.lock()
        beginRequest(ts, reason: reason)
        if locked || handoffTo != 0 || !fifoQueue.isEmpty {
            fifoQueue.append(ts.tid)
            OSThread.withPreciseTimers { waitForTurn(ts) }
            handoffTo = 0
        }
        markTaken(ts)
        turnStartNs = MonotonicClock.now()
        if breaker.dropRequested { breaker.resetDropRequest() }
        // A waiter that arrived during the handoff sleeps until woken: tell it a turn began, so it times
        // this turn instead of sleeping a whole interval.
        if !fifoQueue.isEmpty { gilLock.broadcast() }
        gilLock.unlock()
    }

    func dropFIFO(_ ts: ThreadState, reason: GILReleaseReason) {
        ts.sampleContextSwitches()
        gilLock.lock()
        lastTurnNs[ts.tid] = MonotonicClock.now() &- turnStartNs
        markReleased(ts, reason: reason)
        if !fifoQueue.isEmpty {
            handoffTo = fifoQueue.removeFirst()
            // One cond for all waiters: wake them all, only `handoffTo` proceeds.
            gilLock.broadcast()
        }
        gilLock.unlock()
    }

    /// Queued (under `gilLock`): times the holder's turn, asks it to drop when the turn is over, and returns
    /// once the GIL was handed to `ts`.
    private func waitForTurn(_ ts: ThreadState) {
        while handoffTo != ts.tid {
            let now = MonotonicClock.now()
            guard locked && !breaker.dropRequested else {
                // A drop is pending or a handoff is under way: wait to be woken (the timeout only bounds a lost wake-up).
                _ = gilLock.wait(untilNs: now &+ interval.load(ordering: .relaxed))
                continue
            }
            let turnEnd = turnStartNs &+ turnLimit(for: ts.tid)
            if now >= turnEnd {
                requestDrop(ts)
            } else {
                _ = gilLock.wait(untilNs: turnEnd)
            }
        }
    }

    /// How long the holder may keep the GIL while `tid` waits (under `gilLock`).
    private func turnLimit(for tid: Int32) -> Int64 {
        let interval = interval.load(ordering: .relaxed)
        guard let last = lastTurnNs[tid] else { return interval }  // never held it: one full interval
        return min(interval, max(Self.minimumTurnNs, last))
    }
}
