import CGILRecShared
import Foundation
import GILCore
import GILTrace
import TraceStore

/// gilrec's side of one recorded CPython process: its ring and meta files, the run its events go to, and what
/// the meta records said about its threads, objects and exit. Only the drain thread touches it.
final class RecordedProcess: @unchecked Sendable {  // the drain thread only (the engine reads it after stop)
    let pid: Int32
    let rings: ProcessRings
    let meta: MetaLog
    /// The run's writer: the program's run, created before it started, or a child's, created at discovery.
    let writer: RunWriter
    /// What the process's P record said (nil until read).
    private(set) var executable: String?
    private(set) var commandLine: [String] = []
    private(set) var recorderNotes: [String] = []
    /// Named locks' uncontended acquisitions that were counted, not recorded (default `--lock-holds contended`).
    private var uncontended: [Int32: Int64] = [:]
    private var objectNames: [Int32: (name: String, line: Int32)] = [:]

    /// What the recorder said (armed, disarmed, why) and what it counted without recording: uncontended
    /// acquisitions per lock, the locks made at one place (every Future's condition lock) as one line, the
    /// busiest first and at most `uncontendedLines` of them.
    var notes: [String] {
        struct Group { var locks = 0, acquisitions: Int64 = 0, firstObject: Int32 = .max }
        var groups: [String: Group] = [:]
        for (obj, count) in uncontended {
            let key = objectNames[obj].map { "'\($0.name)'" + ($0.line > 0 ? " (line \($0.line))" : "") } ?? "object \(obj)"
            groups[key, default: Group()].locks += 1
            groups[key]!.acquisitions += count
            groups[key]!.firstObject = min(groups[key]!.firstObject, obj)
        }
        let ranked = groups.sorted { ($0.value.acquisitions, $1.value.firstObject) > ($1.value.acquisitions, $0.value.firstObject) }
        var lines = ranked.prefix(Self.uncontendedLines).map { key, group in
            let count = group.acquisitions
            return (group.locks == 1 ? "lock \(key)" : "\(group.locks) locks \(key)")
                + ": \(count) uncontended acquisition\(count == 1 ? "" : "s") counted, not recorded"
        }
        if ranked.count > Self.uncontendedLines {
            let rest = ranked.dropFirst(Self.uncontendedLines)
            lines.append("\(rest.count) more lock site\(rest.count == 1 ? "" : "s"): "
                + "\(rest.reduce(0) { $0 + $1.value.acquisitions }) uncontended acquisitions counted, not recorded")
        }
        if !lines.isEmpty { lines[lines.count - 1] += " (`--lock-holds all` records them)" }
        return recorderNotes + lines
    }
    static let uncontendedLines = 8
    private(set) var exitCode: Int32?
    private var threads: [Int32: ThreadInfo] = [:]
    private var scratch: [Event] = []
    /// The latest timestamp drained (ns since the process armed): a child's wall time.
    private(set) var lastEventNs: Int64 = 0
    /// Threads whose thread_start was drained, and those whose thread_end was.
    private var started: Set<UInt16> = []
    private var ended: Set<UInt16> = []
    /// Counter ticks → ns since the process armed (anchored again at every pass), when events carry ticks.
    private var converter: TickConverter?
    /// Each thread's latest timestamp, by tid: a new anchor may step readings back by its jitter (tens of ns).
    private var lastTs: [Int64] = []

    init(pid: Int32, rings: ProcessRings, meta: MetaLog, writer: RunWriter) {
        self.pid = pid
        self.rings = rings
        self.meta = meta
        self.writer = writer
        scratch.reserveCapacity(8192)
        if rings.usesTicks { converter = TickConverter(clock: TickClock(preferCounter: true), originNs: rings.originNs) }
    }

    /// A raw timestamp as ns since the process armed, never before the thread's previous one.
    @inline(__always)
    private func relative(_ raw: Int64, tid: UInt16) -> Int64 {
        let ns = max(0, converter.map { $0.ns(raw) } ?? (raw &- rings.originNs))
        let index = Int(tid)
        if index >= lastTs.count { lastTs += Array(repeating: 0, count: index + 1 - lastTs.count) }
        let clamped = max(ns, lastTs[index])
        lastTs[index] = clamped
        return clamped
    }

    var runID: Int64 { writer.runID }

    /// Reads new meta records and moves published events into the run, in `seq` order with timestamps
    /// relative to the process's arming. Returns the events moved.
    @discardableResult
    func pass() -> Int {
        for record in meta.read() { apply(record) }
        scratch.removeAll(keepingCapacity: true)
        let moved = rings.drain(into: &scratch)
        guard moved > 0 else { return 0 }
        // Rings are drained one after the other: order the pass's events by sequence number, so the store
        // appends them (a release published late, or a thread preempted between taking its number and
        // publishing, still lands at its own key).
        scratch.sort { $0.seq < $1.seq }
        converter?.advance()
        for index in scratch.indices {
            scratch[index].ts = relative(scratch[index].ts, tid: scratch[index].tid)
        }
        lastEventNs = max(lastEventNs, scratch.last.map(\.ts) ?? 0)
        for event in scratch where event.kindCode <= EventKind.threadEnd.rawValue {
            if event.kind == .threadStart { started.insert(event.tid) } else { ended.insert(event.tid) }
        }
        scratch.withUnsafeBufferPointer { writer.submit($0) }
        return moved
    }

    /// Reads what is left: events the last pass did not see, and the meta file. Once the process is gone
    /// (`ended`), also what its threads could not finish: releases written but not yet published, and a
    /// thread_end at the process's last event for threads whose end was not recorded (the process exited
    /// while their OS thread was still winding down, or it was killed).
    func finalPass(processEnded: Bool) {
        while pass() > 0 {}
        guard processEnded else { return }
        var closing = rings.unpublishedReleases().map { release -> Event in
            var event = release
            event.ts = relative(event.ts, tid: event.tid)
            if event.kind == .gilRelease { event.arg = GILReleaseReason.exit.rawValue }
            return event
        }
        var seq = rings.lastSeq
        let endNs = max(lastEventNs, closing.map(\.ts).max() ?? 0)
        for tid in started.subtracting(ended).sorted() {
            seq += 1
            closing.append(Event(seq: seq, ts: endNs, tid: tid, kind: .threadEnd, obj: 0, arg: 0))
            ended.insert(tid)
        }
        guard !closing.isEmpty else { return }
        closing.sort { $0.seq < $1.seq }
        lastEventNs = max(lastEventNs, endNs)
        closing.withUnsafeBufferPointer { writer.submit($0) }
    }

    /// Records read before this object existed (the drain reads the P record to name the run).
    func replay(_ records: [MetaRecord]) {
        records.forEach(apply)
    }

    private func apply(_ record: MetaRecord) {
        switch record {
        case .process(_, _, let executable, let commandLine):
            self.executable = executable
            self.commandLine = commandLine
        case .threadStarted(let tid, _, let startNs):
            update(tid) { $0.startNs = startNs }
        case .threadNamed(let tid, let name, let parent, let daemon):
            update(tid) {
                $0.name = name
                $0.parentTid = parent
                $0.daemon = daemon
            }
        case .threadEnded(let tid, let endNs, let cpuNs, let voluntary, let involuntary):
            update(tid) {
                $0.endNs = endNs
                $0.cpuNs = cpuNs
                $0.voluntaryContextSwitches = voluntary
                $0.involuntaryContextSwitches = involuntary
            }
        case .object(let id, let kind, let name, let line):
            objectNames[id] = (name, line)
            writer.describeObject(ObjectInfo(id: id, kind: ObjectKind(rawValue: kind) ?? .lock, name: name, sourceLine: line))
        case .note(let text):
            // Every sub-interpreter's start-up code says the same: once is enough.
            if !recorderNotes.contains(text) { recorderNotes.append(text) }
        case .uncontended(let obj, let count):
            uncontended[obj, default: 0] += count
        case .location(let location):
            writer.describeLocation(location)
        case .stack(let stack):
            writer.describeStack(stack)
        case .exited(let code):
            exitCode = code
        }
    }

    private func update(_ tid: Int32, _ change: (inout ThreadInfo) -> Void) {
        var info = threads[tid] ?? ThreadInfo(tid: tid, name: tid == 1 ? "MainThread" : "Thread-\(tid)", parentTid: 0, startNs: 0)
        change(&info)
        threads[tid] = info
        writer.describeThread(info)
    }

    /// CPU time of the threads that ended (their own `RUSAGE_THREAD` figures).
    var threadCPUNs: Int64 { threads.values.reduce(0) { $0 + $1.cpuNs } }

    /// Whether the preload library gave up in this process (a note says why).
    var disarmed: Bool { rings.state == Int32(GILREC_PROCESS_DISARMED) }

    /// Why it disarmed (its last note), when it did.
    var disarmReason: String? { disarmed ? recorderNotes.last : nil }

    /// Whether the process still exists (a zombie no longer runs).
    var isAlive: Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }
}
