import GILTrace

/// A few thousand plausible events from several threads: GIL waits and holds, lock use, sleeps.
/// Events are in `seq` order; `chunks(of:)` splits them per thread as per-thread buffers would.
struct CraftedRun {
    var events: [Event] = []
    let threads: Int

    init(threads: Int, rounds: Int) {
        self.threads = threads
        var ts: Int64 = 1_000
        func add(_ tid: Int, _ kind: EventKind, obj: Int32 = 0, arg: Int64 = 0) {
            ts += Int64(17 + (events.count * 7919) % 5_003)
            events.append(Event(seq: Int64(events.count), ts: ts, tid: UInt16(tid), kind: kind, obj: obj, arg: arg))
        }
        for tid in 1...threads { add(tid, .threadStart, arg: tid == 1 ? 0 : 1) }
        for round in 0..<rounds {
            let tid = round % threads + 1
            add(tid, .gilRequest, arg: GILRequestReason.afterDrop.rawValue)
            add(tid, .gilAcquire, arg: Int64(round))
            add(tid, .lockRequest, obj: 1, arg: -1)
            add(tid, .lockAcquire, obj: 1, arg: 1)
            add(tid, .lockRelease, obj: 1, arg: 0)
            if round % 5 == 0 {
                add(tid, .mark, obj: 1, arg: MarkPhase.point.rawValue)
                add(tid, .osCtx, arg: OSContextSwitches(voluntary: 3, involuntary: Int64(round)).packed)
            }
            add(tid, .gilRelease, arg: GILReleaseReason.io.rawValue)
            add(tid, .ioBegin, obj: IOKind.sleep.rawValue, arg: 1_000)
            add(tid, .ioEnd, obj: IOKind.sleep.rawValue, arg: 0)
        }
        for tid in 1...threads { add(tid, .threadEnd) }
    }

    /// The events of one thread, in chunks of `size`.
    func chunks(of tid: Int, size: Int) -> [[Event]] {
        let mine = events.filter { Int($0.tid) == tid }
        return stride(from: 0, to: mine.count, by: size).map { Array(mine[$0..<min($0 + size, mine.count)]) }
    }

    /// Every thread submits its own chunks from its own OS thread, concurrently.
    func submitConcurrently(to sink: some EventSink, chunkSize: Int) async {
        await withTaskGroup(of: Void.self) { group in
            for tid in 1...threads {
                let chunks = chunks(of: tid, size: chunkSize)
                group.addTask {
                    for chunk in chunks { chunk.withUnsafeBufferPointer { sink.submit($0) } }
                }
            }
        }
    }
}
