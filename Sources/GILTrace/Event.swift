/// One recorded event: a fixed 32-byte plain struct, so per-thread buffers are flat arrays with no
/// references and no ARC on the hot path. Field order packs the struct into 32 bytes exactly.
public struct Event: Equatable, Sendable {
    /// Global order within the run (taken from one atomic counter); ties in `ts` are broken by it.
    public var seq: Int64
    /// Nanoseconds since the run started, `CLOCK_MONOTONIC`.
    public var ts: Int64
    /// Kind-specific payload, see `EventKind`.
    public var arg: Int64
    /// Object id: 0 = the GIL, user sync objects from 1, `IOKind` for I/O, label id for marks.
    public var obj: Int32
    /// Python thread id in start order; main = 1.
    public var tid: UInt16
    /// `EventKind.rawValue`.
    public var kindCode: UInt8

    @inlinable
    public init(seq: Int64, ts: Int64, tid: UInt16, kind: EventKind, obj: Int32 = 0, arg: Int64 = 0) {
        self.seq = seq
        self.ts = ts
        self.arg = arg
        self.obj = obj
        self.tid = tid
        self.kindCode = kind.rawValue
    }

    public var kind: EventKind? { EventKind(rawValue: kindCode) }
}
