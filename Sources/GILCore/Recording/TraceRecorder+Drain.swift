import GILTrace
import Synchronization

// MARK: - Consumer side

extension TraceRecorder {
    /// The drain thread: wakes every `drainIntervalNs` (or when a producer's ring is full) until `finish()`,
    /// and empties every ring.
    func drainLoop() {
        while true {
            drainWake.lock()
            if !drainRequested && !stopDrain.load(ordering: .acquiring) {
                _ = drainWake.wait(untilNs: MonotonicClock.now() &+ drainIntervalNs)
            }
            drainRequested = false
            drainWake.unlock()
            if stopDrain.load(ordering: .acquiring) { return }
            drainAll()
        }
    }

    /// Wakes the drain thread now (a ring is full, or the recorder is finishing). Slow path only.
    func requestDrain() {
        drainWake.withLock {
            drainRequested = true
            drainWake.signal()
        }
    }

    /// Moves every published event into the sink and forgets rings whose thread ended and that are empty.
    /// The rings lock serialises consumers, so a ring's `tail` has one writer at a time.
    @discardableResult
    func drainAll() -> Int {
        rings.withLock { rings in
            var moved = 0
            rings.removeAll { ring in
                // Read `retired` before draining: once it is true, the producer's last event is published.
                let retired = ring.retired.load(ordering: .acquiring)
                moved += ring.drain(chunk: drainChunk) { sink.submit($0) }
                return retired && ring.pending == 0
            }
            drainPasses.wrappingAdd(1, ordering: .relaxed)
            return moved
        }
    }

    /// Describes a thread to the sink (at start, and again at end with end time, CPU time and switches);
    /// ignored after `finish()` (a daemon thread ending after the run was closed).
    func describeThread(_ info: ThreadInfo) {
        guard !isFinished else { return }
        sink.describeThread(info)
    }
}
