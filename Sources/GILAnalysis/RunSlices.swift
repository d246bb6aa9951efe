import GILTrace
import TraceStore

/// The slices of one run split by state, each array sorted by (ts, tid) — the order `Queries/` use for
/// "previous acquirer" and the like. Plain arrays of 32-byte structs: a 10 M-event run is a few million
/// slices, sorted once after loading.
package struct RunSlices: Sendable {
    package var gilWaits: [Slice] = []
    package var gilHolds: [Slice] = []
    package var lockWaits: [Slice] = []
    package var lockHolds: [Slice] = []
    package var io: [Slice] = []
    /// Real CPython: C code running without the GIL (`SliceState.native`).
    package var native: [Slice] = []

    package var isEmpty: Bool {
        gilWaits.isEmpty && gilHolds.isEmpty && lockWaits.isEmpty && lockHolds.isEmpty && io.isEmpty && native.isEmpty
    }
    /// The latest end of any slice: the wall time of a run that did not finish (docs/contracts.md).
    package private(set) var lastEnd: Int64?

    package init() {}

    package init(_ slices: some Sequence<Slice>) {
        for s in slices { append(s) }
        finish()
    }

    package mutating func append(_ s: Slice) {
        switch s.state {
        case .gilWait: gilWaits.append(s)
        case .gilHold: gilHolds.append(s)
        case .lockWait: lockWaits.append(s)
        case .lockHold: lockHolds.append(s)
        case .io: io.append(s)
        case .native: native.append(s)
        }
        let end = s.ts + s.dur
        if lastEnd.map({ end > $0 }) ?? true { lastEnd = end }
    }

    /// Room for `count` slices in each array of `states`, reserved before reading: address space only (the
    /// pages are touched as slices arrive), where growing by doubling copied every array and touched twice
    /// its final size in fresh pages (a 10 M-event run: ~60 k page faults, ~20 % of its analysis CPU time).
    package mutating func reserve(_ count: Int, for states: [SliceState]) {
        for state in states {
            switch state {
            case .gilWait: gilWaits.reserveCapacity(count)
            case .gilHold: gilHolds.reserveCapacity(count)
            case .lockWait: lockWaits.reserveCapacity(count)
            case .lockHold: lockHolds.reserveCapacity(count)
            case .io: io.reserveCapacity(count)
            case .native: native.reserveCapacity(count)
            }
        }
    }

    /// Sorts every array by (ts, tid, obj); call once after the last `append`. Arrays read from the store
    /// arrive sorted: checked in one pass, not sorted again.
    package mutating func finish() {
        Self.sortIfNeeded(&gilWaits)
        Self.sortIfNeeded(&gilHolds)
        Self.sortIfNeeded(&lockWaits)
        Self.sortIfNeeded(&lockHolds)
        Self.sortIfNeeded(&io)
        Self.sortIfNeeded(&native)
    }

    private static func sortIfNeeded(_ slices: inout [Slice]) {
        let sorted = slices.withUnsafeBufferPointer { buffer in
            buffer.indices.dropFirst().allSatisfy { !Slice.startsBefore(buffer[$0], buffer[$0 - 1]) }
        }
        if !sorted { slices.sort(by: Slice.startsBefore) }
    }
}

extension Slice {
    /// The (ts, tid, obj) order shared with the SQL in `Queries/`.
    @inline(__always)
    package static func startsBefore(_ a: Slice, _ b: Slice) -> Bool {
        if a.ts != b.ts { return a.ts < b.ts }
        if a.tid != b.tid { return a.tid < b.tid }
        return a.obj < b.obj
    }
}

/// Run metadata the computations need, taken from a `RunRecord` so tests can build it by hand.
package struct RunFacts: Sendable {
    package var runID: Int64
    package var label: String
    package var status: RunStatus
    /// `runs.wall_ns`, or for an unfinished run the end of its last slice, or 0.
    package var wallNs: Int64
    package var cpuNs: Int64?
    package var eventCount: Int64
    package var switchIntervalNs: Int64
    package var threadCount: Int

    package init(
        runID: Int64, label: String = "", status: RunStatus = .ok, wallNs: Int64, cpuNs: Int64? = nil,
        eventCount: Int64 = 0, switchIntervalNs: Int64 = 5_000_000, threadCount: Int
    ) {
        self.runID = runID
        self.label = label
        self.status = status
        self.wallNs = wallNs
        self.cpuNs = cpuNs
        self.eventCount = eventCount
        self.switchIntervalNs = switchIntervalNs
        self.threadCount = threadCount
    }

    package init(_ record: RunRecord, slices: RunSlices) {
        self.init(
            runID: record.runID, label: record.info.label, status: record.status,
            wallNs: record.wallNs ?? slices.lastEnd ?? 0, cpuNs: record.cpuNs, eventCount: record.eventCount,
            switchIntervalNs: record.info.switchIntervalNs, threadCount: record.threadCount)
    }
}
