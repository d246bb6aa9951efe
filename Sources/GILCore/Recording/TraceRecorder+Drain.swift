import GILTrace
import Synchronization

/// What the consumer owns: the rings, the tick converter, and a scratch buffer where the rings' events are
/// merged in `seq` order. Lives in `TraceRecorder.rings` (the lock serialises consumers).
struct DrainState: ~Copyable {
    var rings: [EventRing] = []
    var converter: TickConverter
    /// `chunk` events, converted and merged, handed to `EventSink.submit` when full.
    let scratch: UnsafeMutablePointer<Event>
    let chunk: Int
    /// Reused per pass: the rings with published events and where their merge stands.
    var cursors: [MergeCursor] = []

    init(converter: TickConverter, chunk: Int) {
        self.converter = converter
        self.chunk = chunk
        scratch = .allocate(capacity: chunk)
    }

    deinit { scratch.deallocate() }
}

/// One ring's part of a drain pass: the published slots `position ..< end`.
struct MergeCursor {
    let ring: EventRing
    var position: Int
    let end: Int
}

// MARK: - Consumer side

extension TraceRecorder {
    /// The drain thread: wakes when a producer's ring is half full (`makeRoom`), or after `drainIntervalNs`
    /// at the latest, until `finish()`, and empties every ring. Each pass that finds nothing doubles the
    /// sleep, up to 32× the interval (0.64 s by default), so a program that sleeps or waits on I/O without
    /// emitting costs a few wake-ups a second; any event resets it.
    func drainLoop() {
        RecorderThreadPriority.lowerCallingThread()
        var idlePasses = 0
        while true {
            drainWake.lock()
            if !drainRequested && !stopDrain.load(ordering: .acquiring) {
                let sleepNs = drainIntervalNs &<< min(idlePasses, Self.maxIdleDoublings)
                _ = drainWake.wait(untilNs: MonotonicClock.now() &+ sleepNs)
            }
            drainRequested = false
            drainWake.unlock()
            if stopDrain.load(ordering: .acquiring) { return }
            idlePasses = drainAll() == 0 ? idlePasses + 1 : 0
        }
    }

    /// How many times an idle drain doubles its sleep.
    static let maxIdleDoublings = 5

    /// Wakes the drain thread now (a ring is full, or the recorder is finishing). Slow path only.
    func requestDrain() {
        drainWake.withLock {
            drainRequested = true
            drainWake.signal()
        }
    }

    /// Moves every published event into the sink, merged across rings in `seq` order with timestamps in ns,
    /// and forgets rings whose thread ended and that are empty.
    ///
    /// Why merge: the store's writer appends rows whose key follows the table's last one without a B-tree
    /// search (`IngestWorker.insert`); ring after ring, two threads' events would interleave in key order and
    /// every row would need one. Under a GIL one thread emits long runs between switches, so the merge mostly
    /// copies runs: it picks the ring with the smallest next `seq` and copies until another ring's is smaller.
    /// Slots are freed (`tail` stored) as soon as they are copied into the scratch buffer.
    @discardableResult
    func drainAll() -> Int {
        rings.withLock { state in
            state.converter.advance()
            state.cursors.removeAll(keepingCapacity: true)
            var retired: [Bool] = []
            retired.reserveCapacity(state.rings.count)
            for ring in state.rings {
                // Read `retired` before `head`: once it is true, the producer's last event is published.
                retired.append(ring.retired.load(ordering: .acquiring))
                let start = ring.tail.load(ordering: .relaxed)
                let end = ring.head.load(ordering: .acquiring)
                if start != end { state.cursors.append(MergeCursor(ring: ring, position: start, end: end)) }
            }
            let moved = merge(&state)
            var index = 0
            state.rings.removeAll { ring in
                defer { index += 1 }
                return retired[index] && ring.pending == 0
            }
            drainPasses.wrappingAdd(1, ordering: .relaxed)
            return moved
        }
    }

    /// The k-way merge of `state.cursors` into the sink, in chunks of `state.chunk`.
    private func merge(_ state: inout DrainState) -> Int {
        var moved = 0
        var filled = 0
        let converter = state.converter
        while !state.cursors.isEmpty {
            // The cursor with the smallest next seq, and the smallest next seq of the others.
            var best = 0
            var bestSeq = state.cursors[0].nextSeq
            var bound = Int64.max
            for index in 1..<state.cursors.count {
                let seq = state.cursors[index].nextSeq
                if seq < bestSeq {
                    bound = bestSeq
                    bestSeq = seq
                    best = index
                } else if seq < bound {
                    bound = seq
                }
            }
            let cursor = state.cursors[best]
            let ring = cursor.ring
            var last = ring.lastDrainedTs
            // Up to the ring's published end and the scratch buffer's end; `copyRun` may stop sooner, at `bound`.
            let limit = cursor.position &+ min(cursor.end &- cursor.position, state.chunk &- filled)
            let position = Self.copyRun(
                ring, from: cursor.position, to: limit, below: bound, into: state.scratch + filled,
                converter: converter, last: &last)
            filled &+= position &- cursor.position
            moved &+= position &- cursor.position
            ring.lastDrainedTs = last
            ring.tail.store(position, ordering: .releasing)
            if position == cursor.end {
                state.cursors.remove(at: best)
            } else {
                state.cursors[best].position = position
            }
            if filled == state.chunk {
                sink.submit(UnsafeBufferPointer(start: state.scratch, count: filled))
                filled = 0
            }
        }
        if filled > 0 { sink.submit(UnsafeBufferPointer(start: state.scratch, count: filled)) }
        return moved
    }

    /// Copies `ring`'s slots `position ..< limit` to `out` while their seq is below `bound` (the first one
    /// always: the caller picked this ring for it), with timestamps converted to ns and clamped so this
    /// thread's never go back (a new anchor may step them back by its jitter). Returns where it stopped.
    /// The inner loop runs over slots that are contiguous in storage, so it does no masking: per event, one
    /// 32-byte load and store, one conversion, one comparison with `bound`.
    @inline(__always)
    private static func copyRun(
        _ ring: EventRing, from start: Int, to limit: Int, below bound: Int64, into out: UnsafeMutablePointer<Event>,
        converter: TickConverter, last: inout Int64
    ) -> Int {
        var position = start
        var out = out
        var latest = last
        while true {
            let slot = position & ring.mask
            var source = ring.storage + slot
            let sourceEnd = source + min(limit &- position, ring.capacity &- slot)
            repeat {
                var event = source.pointee
                latest = max(converter.ns(event.ts), latest)
                event.ts = latest
                out.initialize(to: event)
                out += 1
                source += 1
            } while source != sourceEnd && source.pointee.seq < bound
            position &+= source - (ring.storage + slot)
            // Stopped at `bound`, at `limit`, or at the end of the storage (go on from slot 0).
            if source != sourceEnd || position == limit || ring.storage[position & ring.mask].seq >= bound { break }
        }
        last = latest
        return position
    }

    /// Describes a thread to the sink (at start, and again at end with end time, CPU time and switches);
    /// ignored after `finish()` (a daemon thread ending after the run was closed).
    func describeThread(_ info: ThreadInfo) {
        guard !isFinished else { return }
        sink.describeThread(info)
    }
}

extension MergeCursor {
    @inline(__always)
    var nextSeq: Int64 { (ring.storage + (position & ring.mask)).pointee.seq }
}
