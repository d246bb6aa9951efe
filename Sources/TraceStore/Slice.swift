/// What a thread was doing during a slice (`slices.state`).
public enum SliceState: String, CaseIterable, Sendable {
    case gilWait = "gil_wait"
    case gilHold = "gil_hold"
    case lockWait = "lock_wait"
    case lockHold = "lock_hold"
    case io
    /// Running without the GIL in C code that released it for neither I/O nor a lock wait (zlib, hashlib,
    /// numpy…): real CPython's `gil_release(native)` → the thread's next `gil_request`. Threads overlap here.
    case native
}

extension SliceState {
    /// `slice_rows.state` / `slice_states.code`: the position in `allCases`. Part of the file format.
    var code: Int64 {
        switch self {
        case .gilWait: 0
        case .gilHold: 1
        case .lockWait: 2
        case .lockHold: 3
        case .io: 4
        case .native: 5
        }
    }

    init?(code: Int64) {
        guard let state = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = state
    }
}

/// One interval of one thread in one state, Perfetto-style (`slices` row): derived from the raw events by
/// `SliceBuilder` (rules in docs/contracts.md, "Slice rules").
public struct Slice: Equatable, Sendable {
    public var tid: Int32
    /// 0 for the GIL, the object id for locks, the `IOKind` raw value for I/O.
    public var obj: Int32
    public var state: SliceState
    /// Where the thread was (a `StackEntry` id; 0 = none known): for waits and I/O the stack it asked at,
    /// for holds the stack it let go at (docs/contracts.md, "Stacks"). Fits the padding after `state`:
    /// the struct stays 32 bytes.
    public var stack: Int32
    /// Start, ns since the run began.
    public var ts: Int64
    public var dur: Int64

    public init(tid: Int32, obj: Int32, state: SliceState, ts: Int64, dur: Int64, stack: Int32 = 0) {
        self.tid = tid
        self.obj = obj
        self.state = state
        self.stack = stack
        self.ts = ts
        self.dur = dur
    }

    public var end: Int64 { ts + dur }

    /// Start time, then thread, object and state (by its stored code): the reader's all-states order.
    public static func startOrder(_ a: Slice, _ b: Slice) -> Bool {
        (a.ts, a.tid, a.obj, a.state.code) < (b.ts, b.tid, b.obj, b.state.code)
    }
}
