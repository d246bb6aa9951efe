import GILTrace

/// Turns the raw event stream of one run into `Slice`s in one pass (docs/contracts.md, "Slice rules"):
/// - gil_wait: `gil_request` → the thread's next `gil_acquire`
/// - gil_hold: `gil_acquire` → the thread's next `gil_release`
/// - lock_wait: `lock_request(obj)` → the thread's next `lock_acquire(obj)`
/// - lock_hold: a successful `lock_acquire(obj)` (arg ≠ 0) with no hold open on (tid, obj) → the
///   `lock_release(obj)` whose arg (remaining recursion count) is 0, so RLock nesting is one slice
/// - io: `io_begin` → `io_end` (obj = the `IOKind`)
/// - native: `gil_release(native)` → the thread's next `gil_request` (C code running without the GIL)
/// Intervals still open at the end are closed at the last event's timestamp by `finish()`.
/// Each slice carries a stack (`Slice.stack`, docs/contracts.md "Stacks"): the thread's stack as its `stack`
/// events announced it — for waits and I/O at the opening event; for a GIL hold at its release (where the
/// thread was running when it let go); for a lock hold at the thread's last event before the release (the
/// critical section: where it blocked or waited inside it, else its entry). Intervals closed by `finish()`
/// take the thread's last stack.
/// Feed events in `seq` order. Pure Swift, so the analysis and tests can use it on arrays.
public struct SliceBuilder {
    private struct Key: Hashable {
        var tid: Int32
        var obj: Int32
    }

    private struct Open {
        var ts: Int64
        var obj: Int32
        var stack: Int32
    }

    /// GIL and I/O intervals open per thread, indexed by tid (a `UInt16`): an array slot instead of a hash
    /// lookup for most events (the finish pass reads every event of a run).
    private var gilWaits = OpenPerThread()
    private var gilHolds = OpenPerThread()
    private var ioWaits = OpenPerThread()
    private var nativeRuns = OpenPerThread()
    private var lockWaits: [Key: Open] = [:]
    private var lockHolds: [Key: Open] = [:]
    /// Each thread's current stack (index: tid), from its `stack` events.
    private var stacks: [Int32] = []
    /// Each thread's stack at its latest event other than `stack` (index: tid).
    private var settled: [Int32] = []
    private var lastTs: Int64 = 0
    private var sawEvent = false

    public init() {}

    /// Consumes one event; returns the slice it closes, if any (at most one per event).
    @inline(__always)
    public mutating func add(_ event: Event) -> Slice? {
        let tid = Int32(event.tid)
        if !sawEvent || event.ts > lastTs { lastTs = event.ts }
        sawEvent = true
        // Every event but `stack` settles the thread's stack (after the slice it closes took what it needs).
        defer { if event.kindCode != EventKind.stack.rawValue { settle(event.tid) } }
        switch EventKind(rawValue: event.kindCode) {
        case .gilRequest:
            gilWaits.openIfClosed(event.tid, Open(ts: event.ts, obj: event.obj, stack: stack(event.tid)))
            return nativeRuns.remove(event.tid).map { close($0, tid: tid, state: .native, at: event.ts) }
        case .gilAcquire:
            let closed = gilWaits.remove(event.tid).map { close($0, tid: tid, state: .gilWait, at: event.ts) }
            gilHolds.openIfClosed(event.tid, Open(ts: event.ts, obj: event.obj, stack: 0))
            return closed
        case .gilRelease:
            if event.arg == GILReleaseReason.native.rawValue {
                nativeRuns.openIfClosed(event.tid, Open(ts: event.ts, obj: 0, stack: stack(event.tid)))
            }
            return gilHolds.remove(event.tid).map { close($0, tid: tid, state: .gilHold, at: event.ts, stack: stack(event.tid)) }
        case .lockRequest:
            let key = Key(tid: tid, obj: event.obj)
            if lockWaits[key] == nil { lockWaits[key] = Open(ts: event.ts, obj: event.obj, stack: stack(event.tid)) }
        case .lockAcquire:
            let key = Key(tid: tid, obj: event.obj)
            if event.arg != 0, lockHolds[key] == nil { lockHolds[key] = Open(ts: event.ts, obj: event.obj, stack: 0) }
            return lockWaits.removeValue(forKey: key).map { close($0, tid: tid, state: .lockWait, at: event.ts) }
        case .lockRelease:
            // The stack before this event's own announcement: where the critical section was.
            let inside = settledStack(event.tid)
            guard event.arg == 0 else { return nil }
            return lockHolds.removeValue(forKey: Key(tid: tid, obj: event.obj))
                .map { close($0, tid: tid, state: .lockHold, at: event.ts, stack: inside) }
        case .ioBegin:
            ioWaits.openIfClosed(event.tid, Open(ts: event.ts, obj: event.obj, stack: stack(event.tid)))
        case .ioEnd:
            return ioWaits.remove(event.tid).map { close($0, tid: tid, state: .io, at: event.ts) }
        case .stack:
            let i = Int(event.tid)
            if i >= stacks.count {
                stacks.append(contentsOf: repeatElement(0, count: i + 1 - stacks.count))
                settled.append(contentsOf: repeatElement(0, count: i + 1 - settled.count))
            }
            stacks[i] = Int32(truncatingIfNeeded: event.arg)
            return nil
        case .threadStart, .threadEnd, .gilDropRequest, .osCtx, .mark, nil:
            break
        }
        return nil
    }

    /// The thread's current stack (0 before its first `stack` event).
    @inline(__always)
    private func stack(_ tid: UInt16) -> Int32 {
        Int(tid) < stacks.count ? stacks[Int(tid)] : 0
    }

    /// The thread's stack at its latest event before this one (other than `stack`).
    @inline(__always)
    private func settledStack(_ tid: UInt16) -> Int32 {
        Int(tid) < settled.count ? settled[Int(tid)] : 0
    }

    /// After an event other than `stack`: the thread's current stack is the one its latest event had.
    @inline(__always)
    private mutating func settle(_ tid: UInt16) {
        if Int(tid) < settled.count { settled[Int(tid)] = stacks[Int(tid)] }
    }

    /// Closes every interval still open at the last event's timestamp, in `Slice.startOrder`, and empties
    /// the builder.
    public mutating func finish() -> [Slice] {
        var slices: [Slice] = []
        // A hold still open takes the stack of the thread's last event (where it was when the recording ended).
        func drain(_ opened: OpenPerThread, _ state: SliceState) {
            for (tid, open) in opened.all {
                let last = state == .gilHold ? settledStack(UInt16(truncatingIfNeeded: tid)) : nil
                slices.append(close(open, tid: tid, state: state, at: lastTs, stack: last))
            }
        }
        func drain(_ opened: [Key: Open], _ state: SliceState) {
            for (key, open) in opened {
                let last = state == .lockHold ? settledStack(UInt16(truncatingIfNeeded: key.tid)) : nil
                slices.append(close(open, tid: key.tid, state: state, at: lastTs, stack: last))
            }
        }
        drain(gilWaits, .gilWait)
        drain(gilHolds, .gilHold)
        drain(lockWaits, .lockWait)
        drain(lockHolds, .lockHold)
        drain(ioWaits, .io)
        drain(nativeRuns, .native)
        gilWaits = OpenPerThread(); gilHolds = OpenPerThread(); lockWaits = [:]; lockHolds = [:]; ioWaits = OpenPerThread()
        nativeRuns = OpenPerThread()
        stacks = []
        settled = []
        return slices.sorted(by: Slice.startOrder)
    }

    /// The earliest start among the intervals of `state` still open (nil when none is): no slice of that
    /// state closed later can start before it (`SliceReorderBuffer`'s watermark). O(open intervals).
    func earliestOpenStart(_ state: SliceState) -> Int64? {
        switch state {
        case .gilWait: gilWaits.all.lazy.map(\.1.ts).min()
        case .gilHold: gilHolds.all.lazy.map(\.1.ts).min()
        case .lockWait: lockWaits.values.lazy.map(\.ts).min()
        case .lockHold: lockHolds.values.lazy.map(\.ts).min()
        case .io: ioWaits.all.lazy.map(\.1.ts).min()
        case .native: nativeRuns.all.lazy.map(\.1.ts).min()
        }
    }

    /// The latest event timestamp seen so far (nil before the first event).
    var latestTimestamp: Int64? { sawEvent ? lastTs : nil }

    /// At most one open interval per thread, in a slot per tid.
    private struct OpenPerThread {
        private var slots: [Open?] = []

        @inline(__always)
        mutating func openIfClosed(_ tid: UInt16, _ open: Open) {
            let i = Int(tid)
            if i >= slots.count { slots.append(contentsOf: repeatElement(nil, count: i + 1 - slots.count)) }
            if slots[i] == nil { slots[i] = open }
        }

        @inline(__always)
        mutating func remove(_ tid: UInt16) -> Open? {
            let i = Int(tid)
            guard i < slots.count, let open = slots[i] else { return nil }
            slots[i] = nil
            return open
        }

        /// The open intervals with their tids, in tid order.
        var all: [(Int32, Open)] {
            slots.enumerated().compactMap { i, open in open.map { (Int32(i), $0) } }
        }
    }

    /// - Parameter stack: the closing event's stack (holds); nil keeps the opening event's (waits, I/O).
    private func close(_ open: Open, tid: Int32, state: SliceState, at ts: Int64, stack: Int32? = nil) -> Slice {
        Slice(tid: tid, obj: open.obj, state: state, ts: open.ts, dur: max(0, ts - open.ts), stack: stack ?? open.stack)
    }

    /// All slices of an event array, sorted by start time, then thread, object and state (the order
    /// `TraceReader.forEachSlice(runID:state: nil)` returns).
    public static func slices(of events: some Sequence<Event>) -> [Slice] {
        var builder = SliceBuilder()
        var slices: [Slice] = []
        for event in events {
            if let slice = builder.add(event) { slices.append(slice) }
        }
        slices.append(contentsOf: builder.finish())
        return slices.sorted(by: Slice.startOrder)
    }
}
