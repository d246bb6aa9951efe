import GILTrace
import TraceStore

/// One run read from the store: metadata and its slices split by state. Events are not kept; the few
/// figures that need them come from `scanEvents` (one streaming pass).
package struct LoadedRun: Sendable {
    package let record: RunRecord
    package let threads: [ThreadInfo]
    package let objects: [ObjectInfo]
    package let slices: RunSlices
    package let facts: RunFacts

    /// Reads the run's metadata and the slices of `states` (all by default; an analysis that needs fewer
    /// reads fewer — on a 10 M-event run most of the time is SQLite handing over rows).
    package static func load(
        _ reader: TraceReader, _ record: RunRecord, states: [SliceState] = SliceState.allCases
    ) throws -> LoadedRun {
        var slices = RunSlices()
        var record = record
        // No state has more slices than half the events (each slice but an unfinished one takes two events).
        // Capped (256 MB of address space per state): `event_count` is only a hint from the file; past the
        // cap the arrays grow as they fill.
        let states = record.wallNs == nil ? SliceState.allCases : states
        slices.reserve(Int(min(max(record.eventCount, 0) / 2, Self.reserveLimit)) + 1_024, for: states)
        // One scan per state: each is an index range in ts order, where a scan of every state in ts order
        // would make SQLite sort the whole run.
        // A run that did not finish takes its wall time from the last slice of any state.
        for state in states {
            try reader.forEachSlice(runID: record.runID, state: state) { slices.append($0) }
        }
        if record.wallNs == nil, slices.isEmpty {
            // Still recording, or its recorder died before deriving slices: derive them in memory from the
            // committed events, so what was recorded can be analysed without writing to the file.
            var builder = SliceBuilder()
            var count: Int64 = 0
            try reader.forEachEvent(runID: record.runID) { event in
                count += 1
                if let slice = builder.add(event) { slices.append(slice) }
            }
            for slice in builder.finish() { slices.append(slice) }
            record.eventCount = count
        }
        slices.finish()
        return LoadedRun(
            record: record, threads: try reader.threads(runID: record.runID),
            objects: try reader.objects(runID: record.runID), slices: slices,
            facts: RunFacts(record, slices: slices))
    }

    /// Most slices reserved per state before reading (8 M: 256 MB of address space, untouched until used).
    static let reserveLimit: Int64 = 1 << 23

    package func scanEvents(_ reader: TraceReader) throws -> EventScan {
        var scan = EventScan()
        try reader.forEachEvent(runID: record.runID) { scan.add($0) }
        return scan
    }

    /// What `ContentionAnalysis` reads.
    package static let contentionStates: [SliceState] = [.gilWait, .gilHold, .lockWait, .lockHold]
    /// What `ConvoyAnalysis` reads.
    package static let convoyStates: [SliceState] = [.gilHold, .io]

    /// The one-line note for a run that did not finish normally, nil for a finished one.
    package var statusNote: String? {
        switch record.status {
        case .ok, .error, .timeout, .deadlock:
            nil
        case .running:
            "run \(record.runID) is still being recorded: figures cover the events stored so far"
        case .interrupted:
            "run \(record.runID) was interrupted: figures cover what was recorded up to its last event"
        case .incomplete:
            "run \(record.runID) is incomplete (its recorder or its process died): figures cover the events that were stored"
        }
    }

    /// What the recorder said it could not see (`runs.notes`), minus its informational "armed" line.
    package var recorderNotes: [String] {
        (record.notes ?? "").split(separator: "\n").map(String.init).filter { !$0.hasPrefix("armed:") }
    }
}

extension RunInfo {
    /// "policy cpython3" for our runtime; "cpython 3.11.7" for a run of the real interpreter.
    package var engineDescription: String { isCPython ? engine : "policy \(policy)" }
}

/// A user-facing analysis error: an unknown object, too few runs, and the like.
package struct AnalysisError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
