import GILTrace

/// What the analysis needs from the raw events rather than the slices: drop requests and `mark`s.
/// One streaming pass, nothing kept per event except marks.
package struct EventScan: Sendable {
    package var dropRequests: Int64 = 0
    package var marks: [Mark] = []
    package var lastTs: Int64 = 0

    /// A `gilrec.mark` / `gilrec.phase` event.
    package struct Mark: Equatable, Sendable {
        package var seq: Int64
        package var ts: Int64
        package var tid: Int32
        package var labelID: Int32
        package var phase: MarkPhase
    }

    package init() {}

    package init(_ events: some Sequence<Event>) {
        for e in events { add(e) }
    }

    @inline(__always)
    package mutating func add(_ e: Event) {
        lastTs = max(lastTs, e.ts)
        switch e.kindCode {
        case EventKind.gilDropRequest.rawValue:
            dropRequests += 1
        case EventKind.mark.rawValue:
            marks.append(
                Mark(seq: e.seq, ts: e.ts, tid: Int32(e.tid), labelID: e.obj, phase: MarkPhase(rawValue: e.arg) ?? .point))
        default:
            break
        }
    }
}
