#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GILTrace
import Synchronization

/// One per run. Owns the sink, the run's time origin, the global event sequence, object and label ids, and
/// a drain thread that moves events from the per-thread rings (`EventRing`) into the sink.
///
/// Why rings and a drain thread rather than "submit when a buffer fills": `finish()` must be able to collect
/// every event from any thread (a SIGINT handler, a timeout) without the Python threads' cooperation, and a
/// slow sink must slow producers down (back-pressure) rather than lose events.
public final class TraceRecorder: @unchecked Sendable {  // mutable state is atomics or behind Mutex
    public let sink: EventSink
    public let enabled: Bool
    /// `MonotonicClock.now()` when the recorder was created; event timestamps are relative to it.
    public let originNs: Int64
    /// What producers stamp events with (counter ticks or ns); the drain converts (`TickConverter`).
    @usableFromInline let clock: TickClock
    /// Slots per thread ring (32 bytes each).
    let ringCapacity: Int
    let drainIntervalNs: Int64
    /// Events per `EventSink.submit` call.
    static let drainChunk = 8192

    @usableFromInline let sequence = Atomic<Int64>(0)
    @usableFromInline let dropped = Atomic<Int64>(0)
    @usableFromInline let finished = Atomic<Bool>(false)
    let stopDrain = Atomic<Bool>(false)
    let drainPasses = Atomic<Int64>(0)
    /// Wakes the drain thread early; `drainRequested` is guarded by it.
    let drainWake = PThreadMonitor()
    var drainRequested = false
    private let nextObject = Atomic<Int32>(1)
    private let labels = Mutex<[String: Int32]>([:])
    /// Interned code locations and stacks (`TraceRecorder+Stacks.swift`).
    let stackTable = Mutex<StackTable>(StackTable())
    /// Every registered object, for reports that name them (deadlocks); registration is rare.
    private let objectInfos = Mutex<[Int32: ObjectInfo]>([:])
    /// Registered rings and the consumer's state; the lock serialises consumers (drain thread vs `finish()`).
    let rings: Mutex<DrainState>
    private let finishState = Mutex<FinishState>(FinishState())

    private struct FinishState: ~Copyable {
        var drainThread: pthread_t?
        var done = false
    }

    public convenience init(sink: EventSink, enabled: Bool = true) {
        self.init(sink: sink, enabled: enabled, ringCapacity: 65_536, drainIntervalNs: Self.defaultDrainIntervalNs)
    }

    /// The longest the drain sleeps while no ring is half full. Why not shorter: every wake-up of an idle
    /// thread cost ~30 µs of CPU here (KVM guest; 1,000 wake-ups/s were 3 % of a core with nothing to
    /// drain), and each pass that moves events also wakes the SQLite writer for a commit. A busy thread wakes
    /// the drain itself when its ring is half full (`makeRoom`), so this only bounds how long a sparse
    /// program's events wait before reaching the store.
    public static let defaultDrainIntervalNs: Int64 = 20_000_000

    /// - Parameters:
    ///   - ringCapacity: events per thread ring before the producer waits for the drain (tests use tiny rings).
    ///   - drainIntervalNs: the longest the drain thread sleeps while no ring is half full.
    ///   - cycleCounter: false stamps events with `clock_gettime` even where the CPU counter is trusted.
    package init(
        sink: EventSink, enabled: Bool = true, ringCapacity: Int, drainIntervalNs: Int64 = TraceRecorder.defaultDrainIntervalNs,
        cycleCounter: Bool = true
    ) {
        self.sink = sink
        self.enabled = enabled
        self.ringCapacity = ringCapacity
        self.drainIntervalNs = drainIntervalNs
        originNs = MonotonicClock.now()
        clock = TickClock(preferCounter: enabled && cycleCounter)
        rings = Mutex(DrainState(converter: TickConverter(clock: clock, originNs: originNs), chunk: Self.drainChunk))
        if enabled {
            let thread = OSThread.start(stackSize: 1 << 20, detached: false) { [self] in drainLoop() }
            finishState.withLock { $0.drainThread = thread }
        }
    }

    /// Nanoseconds since the run's origin.
    @inline(__always) public func now() -> Int64 { MonotonicClock.now() &- originNs }

    /// Events that could not be recorded: emitted after `finish()` (e.g. daemon threads still running).
    /// With the default configuration rings never drop: a full ring makes its producer wait.
    public var droppedEvents: Int64 { dropped.load(ordering: .relaxed) }

    /// Events recorded so far (the last sequence number handed out).
    public var eventCount: Int64 { sequence.load(ordering: .relaxed) }

    /// Registers a user-visible object and describes it to the sink. Ids count from 1; the GIL is 0.
    /// After `finish()` ids are still handed out but the (possibly closed) sink is left alone.
    public func registerObject(kind: ObjectKind, name: String, sourceLine: Int32) -> Int32 {
        let id = nextObject.wrappingAdd(1, ordering: .relaxed).oldValue
        let info = ObjectInfo(id: id, kind: kind, name: name, sourceLine: sourceLine)
        objectInfos.withLock { $0[id] = info }
        guard !isFinished else { return id }
        sink.describeObject(info)
        return id
    }

    /// The object registered under `id`, if any.
    public func objectInfo(_ id: Int32) -> ObjectInfo? { objectInfos.withLock { $0[id] } }

    /// The id of `text` for `mark` events, described to the sink the first time it is seen. Ids count from 1.
    public func label(_ text: String) -> Int32 {
        let (id, isNew) = labels.withLock { table -> (Int32, Bool) in
            if let id = table[text] { return (id, false) }
            let id = Int32(table.count + 1)
            table[text] = id
            return (id, true)
        }
        if isNew && !isFinished { sink.describeLabel(id: id, text: text) }
        return id
    }

    /// Stops the drain thread and moves every published event into the sink. Idempotent; safe to call from
    /// any thread, including one handling a signal while Python threads still run. Events emitted after it
    /// are counted in `droppedEvents` (an event racing with the final drain itself may be lost uncounted).
    public func finish() {
        finishState.withLock { state in
            guard !state.done else { return }
            state.done = true
            stopDrain.store(true, ordering: .releasing)
            requestDrain()
            if let thread = state.drainThread { OSThread.join(thread) }
            finished.store(true, ordering: .releasing)
            drainAll()
        }
    }

    /// Whether `finish()` has run.
    public var isFinished: Bool { finished.load(ordering: .acquiring) }

    // MARK: - Producer side

    /// A new ring for a thread's events, drained from now on.
    func makeRing() -> EventRing {
        let ring = EventRing(capacity: enabled ? ringCapacity : 2)
        if enabled { rings.withLock { $0.rings.append(ring) } }
        return ring
    }

    /// The hot path: sequence number, a raw clock reading (`TickClock`, converted by the drain), one slot
    /// write, one release store; `tail` is looked at only at the ring's checkpoints (`makeRoom`). Inlinable
    /// so the interpreter's `ts.emit` compiles to these few instructions.
    @inlinable
    func record(_ ring: EventRing, tid: Int32, kind: EventKind, obj: Int32, arg: Int64) {
        guard enabled else { return }
        if finished.load(ordering: .relaxed) {
            dropped.wrappingAdd(1, ordering: .relaxed)
            return
        }
        let head = ring.head.load(ordering: .relaxed)
        if head &+ 1 > ring.checkpoint.load(ordering: .relaxed) {
            guard makeRoom(ring, head: head, slots: 1) else {
                dropped.wrappingAdd(1, ordering: .relaxed)
                return
            }
        }
        let seq = sequence.wrappingAdd(1, ordering: .relaxed).newValue
        (ring.storage + (head & ring.mask)).pointee = Event(
            seq: seq, ts: clock.read(), tid: UInt16(truncatingIfNeeded: tid), kind: kind, obj: obj, arg: arg)
        ring.head.store(head &+ 1, ordering: .releasing)
    }

    /// Two events at one instant (an uncontended lock's request and acquire): consecutive sequence numbers
    /// from one atomic add, one clock reading for both, one publication. Each event costs a `lock xadd` and
    /// a counter read (~40 cycles each here); in `with lock:` loops this pair is two of three events.
    @inlinable
    func recordPair(
        _ ring: EventRing, tid: Int32, _ first: EventKind, firstArg: Int64, _ second: EventKind, secondArg: Int64,
        obj: Int32
    ) {
        guard enabled else { return }
        if finished.load(ordering: .relaxed) {
            dropped.wrappingAdd(2, ordering: .relaxed)
            return
        }
        let head = ring.head.load(ordering: .relaxed)
        if head &+ 2 > ring.checkpoint.load(ordering: .relaxed) {
            guard makeRoom(ring, head: head, slots: 2) else {
                dropped.wrappingAdd(2, ordering: .relaxed)
                return
            }
        }
        let seq = sequence.wrappingAdd(2, ordering: .relaxed).newValue
        let ts = clock.read()
        let thread = UInt16(truncatingIfNeeded: tid)
        (ring.storage + (head & ring.mask)).pointee = Event(
            seq: seq &- 1, ts: ts, tid: thread, kind: first, obj: obj, arg: firstArg)
        (ring.storage + ((head &+ 1) & ring.mask)).pointee = Event(
            seq: seq, ts: ts, tid: thread, kind: second, obj: obj, arg: secondArg)
        ring.head.store(head &+ 2, ordering: .releasing)
    }

    /// The producer's slow path, taken when `head + slots` passes `ring.checkpoint` (see `EventRing`): looks at
    /// `tail`, waits while the ring is full, wakes the drain once when it is half full, and sets the next
    /// checkpoint: half full when below it, else the point where the ring would be full.
    /// - Returns: false when the recorder finished meanwhile (the event cannot be recorded any more).
    @usableFromInline @inline(never)
    func makeRoom(_ ring: EventRing, head: Int, slots: Int) -> Bool {
        var tail = ring.tail.load(ordering: .acquiring)
        if head &- tail > ring.capacity &- slots {
            guard waitForSpace(ring, head: head, slots: slots) else { return false }
            tail = ring.tail.load(ordering: .acquiring)
        }
        let half = ring.capacity / 2
        if head &+ slots &- tail > half {
            requestDrain()
            ring.checkpoint.store(tail &+ ring.capacity, ordering: .relaxed)
        } else {
            ring.checkpoint.store(tail &+ half, ordering: .relaxed)
        }
        return true
    }

    /// Back-pressure: the ring has fewer than `slots` free, so wait (yield, then short sleeps) until the drain
    /// frees them.
    /// - Returns: false when the recorder finished meanwhile (the event cannot be recorded any more).
    func waitForSpace(_ ring: EventRing, head: Int, slots: Int) -> Bool {
        requestDrain()
        var spins = 0
        while head &- ring.tail.load(ordering: .acquiring) > ring.capacity &- slots {
            if finished.load(ordering: .acquiring) { return false }
            spins += 1
            if spins < 64 {
                sched_yield()
            } else {
                OSThread.sleep(untilNs: MonotonicClock.now() &+ 100_000)
            }
        }
        return true
    }
}
