import Foundation
import GILAnalysis
import GILCore
import GILRecorder
import GILTrace
import TraceStore

/// A scratch directory for one gilbench invocation, and results that several benchmarks share: the 1 M
/// event ingest run (ingest, storage, analysis) and the 10 M event end-to-end recording (memory, analysis).
final class BenchmarkContext {
    let directory: URL
    private var ingestResult: (store: IngestBenchmark.Result, cLoop: IngestBenchmark.Result, runID: Int64)?
    private var bigRun: (peakBytes: Double, baseBytes: Double, seconds: Double, runID: Int64)?

    static let ingestEvents = 1_000_000
    static let recordedEvents = 10_000_000

    /// Whether the scratch directory outlives the context (`gilbench --keep`).
    let keep: Bool

    init(keep: Bool = false) throws {
        self.keep = keep
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gilbench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        if !keep { try? FileManager.default.removeItem(at: directory) }
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// 1 M synthetic events through `RunWriter` and through a bare C-API loop into the same layout.
    func ingest() throws -> (store: IngestBenchmark.Result, cLoop: IngestBenchmark.Result, runID: Int64) {
        if let ingestResult { return ingestResult }
        let store = try IngestBenchmark.run(events: Self.ingestEvents, path: path("ingest.db"))
        let cLoop = try IngestBenchmark.cLoop(events: Self.ingestEvents, path: path("c.db"), table: .eventRows)
        let runID = try TraceReader(path: path("ingest.db")).resolveRun("ingest-benchmark").runID
        ingestResult = (store, cLoop, runID)
        return (store, cLoop, runID)
    }

    /// 10 M events emitted by a traced thread (TraceRecorder rings → drain → RunWriter → SQLite, then the
    /// slices at finish), with the process's peak RSS reset before it (`/proc/self/clear_refs` 5).
    func recordBig() throws -> (peakBytes: Double, baseBytes: Double, seconds: Double, runID: Int64) {
        if let bigRun { return bigRun }
        let pattern = IngestBenchmark.syntheticEvents(count: 4_096)
        ProcessMemory.resetPeak()
        let base = ProcessMemory.current(field: "VmRSS:")
        let start = MonotonicClock.now()
        let writer = try RunWriter.begin(path: path("recorded.db"), info: RunInfo(label: "gilbench-memory", program: "<synthetic>"))
        let recorder = TraceRecorder(sink: writer)
        let threads = ThreadSystem(gil: GIL(recorder: recorder), recorder: recorder)
        let main = threads.startMainThread()
        var emitted = 0
        while emitted < Self.recordedEvents {
            for event in pattern {
                main.emit(event.kind ?? .mark, obj: event.obj, arg: event.arg)
            }
            emitted += pattern.count
        }
        threads.finishMainThread(main)
        recorder.finish()
        let wall = MonotonicClock.now() - start
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: wall, cpuNs: wall), droppedEvents: recorder.droppedEvents)
        let seconds = Double(MonotonicClock.now() - start) / 1e9
        let peak = ProcessMemory.current(field: "VmHWM:")
        bigRun = (peak, base, seconds, writer.runID)
        return bigRun!
    }
}

/// The process's resident memory from `/proc/self/status` (Linux).
enum ProcessMemory {
    /// Bytes of a `kB` field (`VmRSS:`, `VmHWM:`), 0 when unavailable.
    static func current(field: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field) {
            let kb = Double(line.dropFirst(field.count).filter { $0.isNumber }) ?? 0
            return kb * 1024
        }
        return 0
    }

    /// Resets VmHWM to the current RSS (https://www.kernel.org/doc/html/latest/filesystems/proc.html, clear_refs).
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}

extension Benchmarks {
    /// `gilbench rederive FILE RUN_ID`: the slice derivation of `finish` alone, on a stored run (its slices
    /// are replaced by the same ones), timed. For profiling under callgrind without recording first.
    package static func rederive(path: String, runID: Int64, emit: (String) -> Void) throws {
        let start = MonotonicClock.now()
        let events = try StoreMaintenance.rederiveSlices(path: path, runID: runID)
        let seconds = Double(MonotonicClock.now() - start) / 1e9
        emit("rederived run \(runID): \(events) events in \(BenchFormat.seconds(seconds))")
    }

    static func ingest(context: BenchmarkContext) throws -> [BenchmarkRow] {
        let (store, cLoop, _) = try context.ingest()
        let ratio = store.eventsPerSecond / cLoop.eventsPerSecond
        return [
            BenchmarkRow(
                measure: "ingest rate", how: "1M events: submit → writer → commit vs C loop, same rows",
                ours: BenchFormat.millions(store.eventsPerSecond), reference: BenchFormat.millions(cLoop.eventsPerSecond),
                ratio: BenchFormat.ratio(ratio), goal: "≥ 2 M/s and ≥ 0.8×",
                met: store.eventsPerSecond >= 2e6 && ratio >= 0.8),
            BenchmarkRow(
                measure: "finish (slices)", how: "RunWriter.finish per 1M events: slices + outcome",
                ours: BenchFormat.seconds(store.finishSeconds * 1e6 / Double(store.events))),
        ]
    }

    static func storage(context: BenchmarkContext) throws -> [BenchmarkRow] {
        let (store, cLoop, _) = try context.ingest()
        return [BenchmarkRow(
            measure: "storage", how: "file bytes / event incl. slices, after checkpoint; ref: events only (C loop)",
            ours: BenchFormat.bytes(store.bytesPerEvent), reference: BenchFormat.bytes(cLoop.bytesPerEvent),
            ratio: BenchFormat.ratio(store.bytesPerEvent / cLoop.bytesPerEvent), goal: "≤ 32 B/ev",
            met: store.bytesPerEvent <= 32)]
    }

    static func memory(context: BenchmarkContext) throws -> [BenchmarkRow] {
        let run = try context.recordBig()
        let above = run.peakBytes - run.baseBytes
        return [BenchmarkRow(
            measure: "memory", how: "peak RSS recording 10M events (VmHWM − VmRSS before)",
            ours: BenchFormat.mebibytes(above), reference: BenchFormat.mebibytes(run.baseBytes) + " before",
            goal: "≤ 64 MiB above", met: above <= 64 * 1_048_576),
            BenchmarkRow(
                measure: "record 10M events", how: "emit → rings → writer → finish, wall",
                ours: BenchFormat.seconds(run.seconds),
                reference: BenchFormat.millions(Double(BenchmarkContext.recordedEvents) / run.seconds))]
    }

    /// `gilstat contention` + `convoy` (load the slices, compute both reports) on the 1 M and 10 M runs,
    /// `repeats` times each, alternating, medians shown. Linearity is judged per event on process CPU time:
    /// on this shared machine wall times of identical runs differ by ±50 %, CPU time much less.
    static func analysis(repeats: Int, context: BenchmarkContext) throws -> [BenchmarkRow] {
        let small = try context.ingest()
        let big = try context.recordBig()
        func time(_ path: String, _ runID: Int64) throws -> (wall: Double, cpu: Double) {
            let start = MonotonicClock.now()
            let cpuBefore = processCPUSeconds()
            let reader = try TraceReader(path: path)
            let record = try reader.resolveRun(String(runID))
            let contention = try LoadedRun.load(reader, record, states: LoadedRun.contentionStates)
            _ = Reports.contention(contention, objID: nil)
            let convoy = try LoadedRun.load(reader, record, states: LoadedRun.convoyStates)
            _ = Reports.convoy(convoy)
            return (Double(MonotonicClock.now() - start) / 1e9, processCPUSeconds() - cpuBefore)
        }
        var oneM: [(wall: Double, cpu: Double)] = []
        var tenM: [(wall: Double, cpu: Double)] = []
        for _ in 0..<max(1, repeats) {
            oneM.append(try time(context.path("ingest.db"), small.runID))
            tenM.append(try time(context.path("recorded.db"), big.runID))
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let perEvent = (one: Double(BenchmarkContext.ingestEvents), ten: Double(BenchmarkContext.recordedEvents))
        let wall = (one: median(oneM.map(\.wall)), ten: median(tenM.map(\.wall)))
        let cpu = (one: median(oneM.map(\.cpu)), ten: median(tenM.map(\.cpu)))
        let wallRatio = (wall.ten / perEvent.ten) / (wall.one / perEvent.one)
        let cpuRatio = (cpu.ten / perEvent.ten) / (cpu.one / perEvent.one)
        return [
            BenchmarkRow(
                measure: "analysis 10M", how: "contention + convoy, 10M-event run", ours: BenchFormat.seconds(wall.ten),
                goal: "≤ 5 s", met: wall.ten <= 5),
            BenchmarkRow(
                measure: "analysis linearity", how: "per-event wall time 10M vs 1M run", ours: BenchFormat.seconds(wall.ten),
                reference: BenchFormat.seconds(wall.one) + " at 1M", ratio: BenchFormat.ratio(wallRatio),
                goal: "≤ 1.2× (linear)", met: wallRatio <= 1.2),
            BenchmarkRow(
                measure: "analysis linearity, CPU", how: "per-event process CPU time 10M vs 1M run",
                ours: BenchFormat.seconds(cpu.ten), reference: BenchFormat.seconds(cpu.one) + " at 1M",
                ratio: BenchFormat.ratio(cpuRatio), goal: "≤ 1.2× (linear)", met: cpuRatio <= 1.2),
        ]
    }
}
