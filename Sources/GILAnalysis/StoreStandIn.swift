// TEMPORARY: the TraceStore types this target codes against (docs: brief-store §4–5), until TraceStore lands.
import GILTrace

package struct Slice: Equatable, Sendable {
    package var tid: Int32
    package var obj: Int32
    package var state: SliceState
    package var ts: Int64
    package var dur: Int64
    package init(tid: Int32, obj: Int32, state: SliceState, ts: Int64, dur: Int64) {
        self.tid = tid; self.obj = obj; self.state = state; self.ts = ts; self.dur = dur
    }
}

package enum SliceState: String, CaseIterable, Sendable {
    case gilWait = "gil_wait", gilHold = "gil_hold", lockWait = "lock_wait", lockHold = "lock_hold", io
}

package struct RunRecord: Sendable {
    package var runID: Int64
    package var info: RunInfo
    package var status: RunStatus
    package var exitCode: Int32?
    package var wallNs: Int64?
    package var cpuNs: Int64?
    package var eventCount: Int64
    package var droppedEvents: Int64
    package var threadCount: Int
}
