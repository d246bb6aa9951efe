import GILTrace

/// Speedup of a threaded run over a serial one (DESIGN.md §5 "Speedup"), the row of `Queries/speedup.sql`.
///
/// `workers` is the threaded run's thread count minus the main thread when it started others (main then
/// mostly coordinates), else 1. The GIL-serialised fraction s = Σ gil_hold / Σ busy, where busy = gil_hold
/// + io: of the time threads spent doing work, the part that needed the GIL and so ran one at a time.
/// Amdahl's law then bounds the speedup by 1 / (s + (1 − s) / workers).
package struct Speedup: Equatable, Sendable {
    package var serialRunID: Int64
    package var threadedRunID: Int64
    package var serialWallNs: Int64
    package var threadedWallNs: Int64
    package var speedup: Double?
    package var workers: Int
    package var efficiency: Double?
    package var gilHeldNs: Int64
    package var busyNs: Int64
    package var serialisedFraction: Double?
    package var amdahlBound: Double?

    package static func workers(threadCount: Int) -> Int { threadCount > 1 ? threadCount - 1 : 1 }

    package static func compute(
        serial: RunFacts, threaded: RunFacts, threadedSlices: RunSlices
    ) -> Speedup {
        let held = threadedSlices.gilHolds.reduce(Int64(0)) { $0 + $1.dur }
        let busy = held + threadedSlices.io.reduce(Int64(0)) { $0 + $1.dur }
        let n = workers(threadCount: threaded.threadCount)
        let speedup = threaded.wallNs > 0 ? Double(serial.wallNs) / Double(threaded.wallNs) : nil
        let s = busy > 0 ? Double(held) / Double(busy) : nil
        return Speedup(
            serialRunID: serial.runID, threadedRunID: threaded.runID, serialWallNs: serial.wallNs,
            threadedWallNs: threaded.wallNs, speedup: speedup, workers: n,
            efficiency: speedup.map { $0 / Double(n) }, gilHeldNs: held, busyNs: busy, serialisedFraction: s,
            amdahlBound: s.map { 1.0 / ($0 + (1.0 - $0) / Double(n)) })
    }
}
