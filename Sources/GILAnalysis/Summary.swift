import GILTrace

/// The headline figures of one run (`gilstat summary`): the row of `Queries/gil_summary.sql` plus the
/// per-thread table of `Queries/per_thread_gil.sql`.
package struct RunSummary: Sendable {
    package var runID: Int64
    package var status: RunStatus
    package var wallNs: Int64
    package var cpuNs: Int64?
    package var threadCount: Int
    package var events: Int64
    package var gilAcquisitions: Int
    /// Acquisitions by another thread than the previous acquirer.
    package var ownerSwitches: Int
    package var switchesPerSecond: Double?
    package var gilHeldNs: Int64
    package var gilHeldFraction: Double?
    package var dropRequests: Int64
    package var wait: DurationStats
    package var threads: [ThreadSummary]
}

/// One row of `Queries/per_thread_gil.sql`.
package struct ThreadSummary: Equatable, Sendable {
    package var tid: Int32
    package var name: String
    package var gilAcquisitions: Int
    package var gilHoldNs: Int64
    package var gilWaitNs: Int64
    package var ioNs: Int64
    package var lockWaitNs: Int64
    /// Real CPython: time in C code that released the GIL (`native` slices): the part of a thread that can
    /// overlap the others.
    package var nativeNs: Int64
    package var cpuNs: Int64
    package var voluntaryContextSwitches: Int64
    package var involuntaryContextSwitches: Int64
}

extension RunSummary {
    /// `dropRequests` is the number of `gil_drop_request` events (see `EventScan`).
    package static func compute(
        facts: RunFacts, slices: RunSlices, threads: [ThreadInfo], dropRequests: Int64
    ) -> RunSummary {
        var ownerSwitches = 0
        var held: Int64 = 0
        for (i, h) in slices.gilHolds.enumerated() {
            if i > 0, slices.gilHolds[i - 1].tid != h.tid { ownerSwitches += 1 }
            held += h.dur
        }
        var waits = slices.gilWaits.map(\.dur)
        let waitStats = DurationStats(sorting: &waits)
        let wall = facts.wallNs

        var perThread: [Int32: ThreadSummary] = [:]
        for t in threads {
            perThread[t.tid] = ThreadSummary(
                tid: t.tid, name: t.name, gilAcquisitions: 0, gilHoldNs: 0, gilWaitNs: 0, ioNs: 0, lockWaitNs: 0,
                nativeNs: 0, cpuNs: t.cpuNs, voluntaryContextSwitches: t.voluntaryContextSwitches,
                involuntaryContextSwitches: t.involuntaryContextSwitches)
        }
        for s in slices.gilHolds where perThread[s.tid] != nil {
            perThread[s.tid]!.gilAcquisitions += 1
            perThread[s.tid]!.gilHoldNs += s.dur
        }
        for s in slices.gilWaits where perThread[s.tid] != nil { perThread[s.tid]!.gilWaitNs += s.dur }
        for s in slices.io where perThread[s.tid] != nil { perThread[s.tid]!.ioNs += s.dur }
        for s in slices.lockWaits where perThread[s.tid] != nil { perThread[s.tid]!.lockWaitNs += s.dur }
        for s in slices.native where perThread[s.tid] != nil { perThread[s.tid]!.nativeNs += s.dur }

        return RunSummary(
            runID: facts.runID, status: facts.status, wallNs: wall, cpuNs: facts.cpuNs,
            threadCount: threads.count, events: facts.eventCount, gilAcquisitions: slices.gilHolds.count,
            ownerSwitches: ownerSwitches,
            switchesPerSecond: wall > 0 ? Double(ownerSwitches) * 1e9 / Double(wall) : nil,
            gilHeldNs: held, gilHeldFraction: wall > 0 ? Double(held) / Double(wall) : nil,
            dropRequests: dropRequests, wait: waitStats,
            threads: perThread.values.sorted { $0.tid < $1.tid })
    }
}
