import GILTrace
import Synchronization
import Testing

@testable import GILCore

/// One run's worth of GILCore wired to a `MemorySink`: recorder, GIL, thread system, and the main thread.
final class Harness: Sendable {
    let sink = MemorySink()
    let recorder: TraceRecorder
    let gil: GIL
    let threads: ThreadSystem
    let main: ThreadState

    init(switchIntervalNs: Int64 = 5_000_000, ringCapacity: Int = 65_536) {
        recorder = TraceRecorder(sink: sink, ringCapacity: ringCapacity)
        gil = GIL(recorder: recorder, switchIntervalNs: switchIntervalNs)
        threads = ThreadSystem(gil: gil, recorder: recorder)
        main = threads.startMainThread()
    }

    /// Joins every thread, ends main, drains. - Returns: the events in `seq` order.
    func finish() -> [Event] {
        threads.finishMainThread(main)
        recorder.finish()
        return sink.events
    }

    func spawn(_ name: String, daemon: Bool = false, _ body: @escaping @Sendable (ThreadState) -> Int32) -> ThreadHandle {
        threads.spawn(parent: main, name: name, daemon: daemon, body: body)
    }
}

/// A counter shared by test threads.
final class Counter: Sendable {
    let value = Atomic<Int>(0)
    @discardableResult func add(_ n: Int = 1) -> Int { value.wrappingAdd(n, ordering: .relaxed).newValue }
    var current: Int { value.load(ordering: .relaxed) }
}

/// A thread-safe list of values appended by test threads.
final class Collected<T: Sendable>: Sendable {
    private let items = Mutex<[T]>([])
    func append(_ item: T) { items.withLock { $0.append(item) } }
    var all: [T] { items.withLock { $0 } }
}

/// Spins at check points until `ns` of run time have passed: a CPU-bound Python thread.
func spin(_ ts: ThreadState, forNs ns: Int64) {
    let end = ts.recorder.now() + ns
    while ts.recorder.now() < end {
        if ts.gil.breaker.isSet { try? ts.gil.checkPoint(ts) }
    }
}

/// Checks the GIL protocol over a whole event stream and returns a description of each violation.
/// Rules: holds never overlap; only the holder releases; every acquire follows that thread's request;
/// every thread that acquired released by its end; `seq` is 1...n without gaps.
func gilViolations(_ events: [Event]) -> [String] {
    var problems: [String] = []
    var holder: UInt16?
    var requested: Set<UInt16> = []
    var holding: Set<UInt16> = []
    for (i, e) in events.enumerated() {
        if e.seq != Int64(i + 1) { problems.append("seq gap at \(i): \(e.seq)") }
        switch e.kind {
        case .gilRequest:
            if holding.contains(e.tid) { problems.append("seq \(e.seq): tid \(e.tid) requests while holding") }
            requested.insert(e.tid)
        case .gilAcquire:
            if let h = holder { problems.append("seq \(e.seq): tid \(e.tid) acquires while \(h) holds") }
            if !requested.contains(e.tid) { problems.append("seq \(e.seq): tid \(e.tid) acquires without request") }
            requested.remove(e.tid)
            holder = e.tid
            holding.insert(e.tid)
        case .gilRelease:
            if holder != e.tid { problems.append("seq \(e.seq): tid \(e.tid) releases but holder is \(String(describing: holder))") }
            holder = nil
            holding.remove(e.tid)
        case .threadEnd:
            if holding.contains(e.tid) { problems.append("seq \(e.seq): tid \(e.tid) ends holding the GIL") }
        default:
            break
        }
    }
    if let h = holder { problems.append("GIL still held by \(h) at the end") }
    return problems
}

extension Array where Element == Event {
    func of(_ kind: EventKind) -> [Event] { filter { $0.kind == kind } }
    func thread(_ tid: Int32) -> [Event] { filter { $0.tid == UInt16(tid) } }
}

/// The store's lock_hold rule (docs/contracts.md): a successful lock_acquire(obj) with no hold open on
/// (tid, obj) opens one; the lock_release(obj) with arg 0 from that tid closes it.
/// - Returns: the (tid, obj) pairs still open at the end of the run.
func openLockHolds(_ events: [Event]) -> [String] {
    var open: Set<String> = []
    for e in events {
        let key = "tid \(e.tid) obj \(e.obj)"
        if e.kind == .lockAcquire && e.arg != 0 { open.insert(key) }
        if e.kind == .lockRelease && e.arg == 0 { open.remove(key) }
    }
    return open.sorted()
}
