import GILTrace
import Testing
@testable import TraceStore

/// The slices `finish` stores (staged, reordered per state, inserted state by state) against a plain
/// derivation written from docs/contracts.md "Slice rules" alone, on a run with many threads whose GIL,
/// lock, RLock and I/O intervals interleave, with equal timestamps, exact duplicates and intervals open for
/// the whole run. Serialized: `RunWriter` starts a thread.
@Suite(.serialized) struct SliceDerivationTests {
    let dir = TemporaryDirectory()

    /// A deterministic random run: each thread runs its own little program (GIL turns, lock and RLock use,
    /// timed-out lock waits, sleeps, marks); the threads' steps interleave at random.
    static func interleavedRun(threads: Int, steps: Int, seed: UInt64) -> [Event] {
        var rng = SplitMix(seed)
        var events: [Event] = []
        var ts: Int64 = 1_000
        var queues = Array(repeating: [(EventKind, Int32, Int64)](), count: threads + 1)
        func emit(_ tid: Int, _ kind: EventKind, _ obj: Int32, _ arg: Int64) {
            events.append(Event(seq: Int64(events.count), ts: ts, tid: UInt16(tid), kind: kind, obj: obj, arg: arg))
        }
        // Open for the whole run: thread 1 holds lock 9, thread 2 sleeps, thread 3 waits for lock 9.
        emit(1, .lockRequest, 9, -1)
        emit(1, .lockAcquire, 9, 1)
        emit(2, .ioBegin, IOKind.sleep.rawValue, 1)
        emit(3, .lockRequest, 9, -1)
        for _ in 0..<steps {
            let tid = Int(rng.next(threads - 3)) + 4
            if queues[tid].isEmpty {
                queues[tid] = program(&rng)
                // Each action runs at a stack of its own (sometimes the same as before, sometimes none).
                emit(tid, .stack, 0, Int64(rng.next(6)))
            }
            let (kind, obj, arg) = queues[tid].removeFirst()
            ts += [0, 0, 1, 7, 130, 4_000, 90_000][Int(rng.next(7))]
            emit(tid, kind, obj, arg)
        }
        return events
    }

    /// One action of a thread, as its events in order.
    static func program(_ rng: inout SplitMix) -> [(EventKind, Int32, Int64)] {
        let lock = Int32(rng.next(3)) + 1
        switch rng.next(7) {
        case 0, 1:
            return [(.gilRequest, 0, 1), (.gilDropRequest, 0, 1), (.gilAcquire, 0, 1), (.osCtx, 0, 5), (.gilRelease, 0, 1)]
        case 2:
            return [(.lockRequest, lock, -1), (.lockAcquire, lock, 1), (.lockRelease, lock, 0)]
        case 3:  // RLock nesting: one hold, two waits
            return [(.lockRequest, lock, -1), (.lockAcquire, lock, 1), (.lockRequest, lock, -1), (.lockAcquire, lock, 2),
                    (.lockRelease, lock, 1), (.lockRelease, lock, 0)]
        case 4:  // a timed-out wait: no hold
            return [(.lockRequest, lock, 50), (.lockAcquire, lock, 0)]
        case 5:
            return [(.ioBegin, IOKind.allCases[Int(rng.next(3))].rawValue, 100), (.mark, 1, 0), (.ioEnd, 0, 0)]
        default:  // two zero-length waits in a row: exact duplicates when no time passes between them
            return [(.lockRequest, lock, -1), (.lockAcquire, lock, 1), (.lockRelease, lock, 0),
                    (.lockRequest, lock, -1), (.lockAcquire, lock, 1), (.lockRelease, lock, 0)]
        }
    }

    /// docs/contracts.md "Slice rules", applied thread by thread: an interval starts at the first opening
    /// event since the last closing one, ends at the next closing one, or at the run's last timestamp. Its
    /// stack ("Stacks"): the thread's latest `stack` event before the opening event for waits and I/O, before
    /// the closing event for GIL holds, before the thread's previous event for lock holds (or, left open, the
    /// thread's last one).
    static func plainDerivation(_ events: [Event]) -> Set<SliceKey> {
        let end = events.map(\.ts).max() ?? 0
        var result = Set<SliceKey>()
        var stackAt: [Int64: Int32] = [:]
        var stackBefore: [Int64: Int32] = [:]
        var lastStack: [UInt16: Int32] = [:]
        var previousEvent: [UInt16: Int64] = [:]
        for e in events {
            if e.kind == .stack {
                lastStack[e.tid] = Int32(e.arg)
                continue
            }
            stackAt[e.seq] = lastStack[e.tid] ?? 0
            stackBefore[e.seq] = previousEvent[e.tid].map { stackAt[$0]! } ?? 0
            previousEvent[e.tid] = e.seq
        }
        func pair(
            _ stream: [Event], _ state: SliceState, opens: (Event) -> Bool, closes: (Event) -> Bool
        ) {
            var start: Event?
            for e in stream {
                if opens(e), start == nil { start = e }
                if closes(e), let s = start {
                    let stack = switch state {
                    case .gilHold: stackAt[e.seq]!
                    case .lockHold: stackBefore[e.seq]!
                    default: stackAt[s.seq]!
                    }
                    result.insert(SliceKey(
                        state: state, ts: s.ts, tid: Int32(s.tid), obj: s.obj, dur: max(0, e.ts - s.ts), stack: stack))
                    start = nil
                }
            }
            if let s = start {
                let last = previousEvent[s.tid].map { stackAt[$0]! } ?? 0
                result.insert(SliceKey(
                    state: state, ts: s.ts, tid: Int32(s.tid), obj: s.obj, dur: max(0, end - s.ts),
                    stack: state == .gilHold || state == .lockHold ? last : stackAt[s.seq]!))
            }
        }
        for (_, stream) in Dictionary(grouping: events, by: \.tid) {
            func kind(_ e: Event) -> EventKind? { EventKind(rawValue: e.kindCode) }
            pair(stream, .gilWait, opens: { kind($0) == .gilRequest }, closes: { kind($0) == .gilAcquire })
            pair(stream, .gilHold, opens: { kind($0) == .gilAcquire }, closes: { kind($0) == .gilRelease })
            pair(stream, .io, opens: { kind($0) == .ioBegin }, closes: { kind($0) == .ioEnd })
            for (_, lockStream) in Dictionary(grouping: stream.filter { [.lockRequest, .lockAcquire, .lockRelease].contains(kind($0)) }, by: \.obj) {
                pair(lockStream, .lockWait, opens: { kind($0) == .lockRequest }, closes: { kind($0) == .lockAcquire })
                pair(lockStream, .lockHold, opens: { kind($0) == .lockAcquire && $0.arg != 0 },
                     closes: { kind($0) == .lockRelease && $0.arg == 0 })
            }
        }
        return result
    }

    struct SliceKey: Hashable, Comparable {
        var state: SliceState
        var ts: Int64
        var tid: Int32
        var obj: Int32
        var dur: Int64
        var stack: Int32

        static func < (a: SliceKey, b: SliceKey) -> Bool {
            (a.state.code, a.ts, a.tid, a.obj, a.dur, a.stack) < (b.state.code, b.ts, b.tid, b.obj, b.dur, b.stack)
        }
    }

    func storedKeys(_ path: String, runID: Int64) throws -> [SliceKey] {
        let rows = try TraceReader(path: path).query(
            "SELECT state, ts, tid, obj, dur, coalesce(stack, 0) FROM slice_rows WHERE run_id = :run ORDER BY state, ts, tid, obj, dur",
            parameters: ["run": .integer(runID)]).rows
        return rows.map { row in
            SliceKey(state: SliceState(code: row[0].int64!)!, ts: row[1].int64!, tid: Int32(row[2].int64!),
                     obj: Int32(row[3].int64!), dur: row[4].int64!, stack: Int32(row[5].int64!))
        }
    }

    func record(_ events: [Event], into path: String, label: String) throws -> Int64 {
        let writer = try RunWriter.begin(path: path, info: RunInfo(label: label, program: "p.py"))
        // Each thread's events in chunks, threads one after the other: the table restores seq order.
        for tid in Set(events.map(\.tid)).sorted() {
            let mine = events.filter { $0.tid == tid }
            for start in stride(from: 0, to: mine.count, by: 500) {
                Array(mine[start..<min(start + 500, mine.count)]).withUnsafeBufferPointer { writer.submit($0) }
            }
        }
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1), droppedEvents: 0)
        return writer.runID
    }

    @Test func storedSlicesMatchThePlainDerivation() throws {
        let path = dir.path("gil.db")
        let events = Self.interleavedRun(threads: 9, steps: 120_000, seed: 7)
        let expected = Self.plainDerivation(events).sorted()
        // The run must exercise what the reorder buffer does: more of one state than it holds while an
        // interval of that state stays open, and duplicates.
        #expect(expected.filter { $0.state == .lockHold }.count > 2 * SliceReorderBuffer.batch)
        #expect(SliceBuilder.slices(of: events).count > expected.count)

        let runID = try record(events, into: path, label: "interleaved")
        #expect(try storedKeys(path, runID: runID) == expected)
        // The builder agrees too, once duplicates collapse.
        let built = Set(SliceBuilder.slices(of: events).map {
            SliceKey(state: $0.state, ts: $0.ts, tid: $0.tid, obj: $0.obj, dur: $0.dur, stack: $0.stack)
        })
        #expect(expected.contains { $0.stack != 0 } && expected.contains { $0.stack == 0 })
        #expect(built.sorted() == expected)

        // A later run makes this one no longer the last in the table; deriving again (a re-finish, a repair)
        // replaces its slices with the same ones and leaves the other run's alone.
        let small = CraftedRun(threads: 2, rounds: 50).events
        let otherID = try record(small, into: path, label: "after")
        let otherSlices = try storedKeys(path, runID: otherID)
        #expect(otherSlices == Self.plainDerivation(small).sorted())
        #expect(try StoreMaintenance.rederiveSlices(path: path, runID: runID) == Int64(events.count))
        #expect(try storedKeys(path, runID: runID) == expected)
        #expect(try StoreMaintenance.rederiveSlices(path: path, runID: runID) == Int64(events.count))
        #expect(try storedKeys(path, runID: runID) == expected)
        #expect(try storedKeys(path, runID: otherID) == otherSlices)
    }

    @Test func reorderBufferEmitsKeyOrderAndStaysBounded() {
        var buffer = SliceReorderBuffer()
        var emitted: [Slice] = []
        // Slices closing in reverse start order within windows of 100, plus one start far back.
        var input: [Slice] = []
        for window in 0..<200 {
            for i in (0..<100).reversed() {
                input.append(Slice(tid: Int32(i % 3), obj: 0, state: .io, ts: Int64(window * 100 + i), dur: 5))
            }
        }
        for (n, slice) in input.enumerated() {
            buffer.add(slice)
            if buffer.isFull {
                // Nothing still open can start before the window being filled.
                buffer.flush(before: Int64((n / 100) * 100)) { emitted.append($0) }
            }
        }
        buffer.flushAll { emitted.append($0) }
        #expect(emitted == input.sorted(by: Slice.keyOrder))
        #expect(buffer.outOfOrder == 0)

        // An interval open from the start holds the watermark back: the buffer still emits (out of order
        // only for that one slice) instead of growing.
        var stuck = SliceReorderBuffer()
        var count = 0
        for i in 1...50_000 {
            stuck.add(Slice(tid: 1, obj: 0, state: .io, ts: Int64(i), dur: 1))
            if stuck.isFull { stuck.flush(before: 0) { _ in count += 1 } }
        }
        stuck.add(Slice(tid: 2, obj: 0, state: .io, ts: 0, dur: 60_000))
        stuck.flushAll { _ in count += 1 }
        #expect(count == 50_001)
        #expect(stuck.outOfOrder == 1)
    }

    @Test func packedSlicesRoundTrip() throws {
        let slices = [
            Slice(tid: 1, obj: 0, state: .lockHold, ts: 0, dur: 0),
            Slice(tid: 65_535, obj: Int32.max, state: .lockHold, ts: Int64.max / 2, dur: Int64.max / 3),
            Slice(tid: 3, obj: -7, state: .lockHold, ts: -5, dur: 12),
            Slice(tid: Int32.min, obj: Int32.min, state: .lockHold, ts: Int64.min / 2, dur: -1),
            Slice(tid: 4, obj: 1, state: .lockHold, ts: 9, dur: 3, stack: 12_345),
            Slice(tid: 4, obj: 1, state: .lockHold, ts: 9, dur: 3, stack: Int32.max),
        ]
        var packer = SlicePacker(capacity: 16)
        for s in slices { packer.append(s) }
        var unpacker = SliceUnpacker(state: .lockHold)
        var decoded: [Slice] = []
        try packer.bytes.withUnsafeBytes { try unpacker.forEach(in: $0) { decoded.append($0) } }
        #expect(decoded == slices)
        // Truncated bytes are an error, not a crash.
        var truncated = SliceUnpacker(state: .lockHold)
        #expect(throws: StoreError.corruptStaging) {
            try Array(packer.bytes.dropLast()).withUnsafeBytes { try truncated.forEach(in: $0) { _ in } }
        }
    }
}

/// SplitMix64 (https://prng.di.unimi.it/splitmix64.c): a deterministic generator for test data.
struct SplitMix {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) % UInt64(bound)
    }
}
