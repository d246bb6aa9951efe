import GILTrace

/// A deadlock as the watchdog saw it: every live thread blocked with no timeout, nothing recorded for a
/// whole poll interval. `cycle` is the wait-for cycle (thread → object → holder → …) when there is one.
public struct DeadlockReport: Sendable, CustomStringConvertible {
    public struct Edge: Sendable {
        public var tid: Int32
        public var threadName: String
        public var object: ObjectInfo
        public var holderTid: Int32?
        public var holderName: String?
    }

    /// Every blocked thread's wait, in tid order.
    public var waits: [Edge]
    /// The tids along a cycle of waits, in order, or empty when the threads wait on objects nobody holds.
    public var cycle: [Int32]

    public var description: String {
        var lines = ["gilrec: deadlock — every thread is blocked and nothing can wake them:"]
        for edge in waits {
            var line = "  \(edge.threadName) (tid \(edge.tid)) "
            if edge.object.kind == .thread {
                line += "waits for \(edge.object.name) to end"
            } else {
                line += "waits for \(edge.object.kind.rawValue) \(edge.object.name)"
                if edge.object.sourceLine > 0 { line += " (created at line \(edge.object.sourceLine))" }
                if let holder = edge.holderTid { line += ", held by \(edge.holderName ?? "?") (tid \(holder))" }
            }
            lines.append(line)
        }
        if !cycle.isEmpty {
            let byTid = Dictionary(waits.map { ($0.tid, $0) }, uniquingKeysWith: { a, _ in a })
            var steps: [String] = []
            for tid in cycle {
                guard let edge = byTid[tid] else { continue }
                steps.append(edge.threadName)
                if edge.object.kind != .thread { steps.append(edge.object.name) }
            }
            steps.append(byTid[cycle[0]]?.threadName ?? "")
            lines.append("  cycle: " + steps.joined(separator: " → "))
        }
        return lines.joined(separator: "\n")
    }
}

/// Polls the `WaitRegistry` on its own OS thread. A deadlock is declared when, at two polls in a row, every
/// live Python thread is in an untimed wait and no event was recorded in between (no progress at all).
final class DeadlockWatch: @unchecked Sendable {  // `stopped` behind `monitor`
    private let registry: WaitRegistry
    private let recorder: TraceRecorder
    private let intervalNs: Int64
    private let onDeadlock: @Sendable (DeadlockReport) -> Void
    private let monitor = PThreadMonitor()
    private var stopped = false

    init(
        registry: WaitRegistry, recorder: TraceRecorder, intervalNs: Int64,
        onDeadlock: @escaping @Sendable (DeadlockReport) -> Void
    ) {
        self.registry = registry
        self.recorder = recorder
        self.intervalNs = intervalNs
        self.onDeadlock = onDeadlock
    }

    func start() {
        _ = OSThread.start(stackSize: 1 << 20, detached: true) { [self] in run() }
    }

    func stop() {
        monitor.withLock {
            stopped = true
            monitor.broadcast()
        }
    }

    private func run() {
        var suspectAt: Int64?  // the event count when every thread was first seen blocked
        while true {
            let keepGoing = monitor.withLock { () -> Bool in
                if !stopped { _ = monitor.wait(untilNs: MonotonicClock.now() + intervalNs) }
                return !stopped
            }
            guard keepGoing else { return }
            guard let report = blockedReport() else {
                suspectAt = nil
                continue
            }
            let events = recorder.eventCount
            if suspectAt == events {
                onDeadlock(report)
                return
            }
            suspectAt = events
        }
    }

    /// The report when every live thread waits without a timeout, else nil.
    func blockedReport() -> DeadlockReport? {
        let (threads, waits) = registry.snapshot()
        guard !threads.isEmpty, threads.keys.allSatisfy({ waits[$0] != nil }) else { return nil }
        var holders: [Int32: Int32] = [:]
        var edges: [DeadlockReport.Edge] = []
        for tid in threads.keys.sorted() {
            let wait = waits[tid]!
            let holder = wait.holder()
            if let holder { holders[tid] = holder }
            let object = recorder.objectInfo(wait.objectID)
                ?? ObjectInfo(id: wait.objectID, kind: .lock, name: "object \(wait.objectID)")
            edges.append(.init(
                tid: tid, threadName: threads[tid] ?? "?", object: object, holderTid: holder,
                holderName: holder.flatMap { threads[$0] }))
        }
        return DeadlockReport(waits: edges, cycle: Self.cycle(in: holders))
    }

    /// A cycle in the waiter → holder graph, starting from its smallest tid; empty when there is none.
    static func cycle(in holders: [Int32: Int32]) -> [Int32] {
        for start in holders.keys.sorted() {
            var path: [Int32] = []
            var current: Int32? = start
            while let tid = current, !path.contains(tid) {
                path.append(tid)
                current = holders[tid]
            }
            if let tid = current, let index = path.firstIndex(of: tid) {
                let loop = Array(path[index...])
                let smallest = loop.min()!
                let rotation = loop.firstIndex(of: smallest)!
                return Array(loop[rotation...] + loop[..<rotation])
            }
        }
        return []
    }
}
