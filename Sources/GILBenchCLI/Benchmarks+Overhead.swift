import Foundation
import GILRecorder
import GILRuntime
import GILTrace

/// Recording overhead: the same program traced into SQLite vs untraced (`--no-trace`), timed inside the
/// interpreter, median of the repeats. Goal (issue #6): ≤ 1.03×.
extension Benchmarks {
    /// Two threads running the seed's `cpu_bound()` at once (GIL switches every 5 ms, each one recorded).
    static let twoThreadSource = """
        import threading
        import time

        def cpu_bound():
            count = 0
            for i in range(5 * 10**6):
                count += 1

        start = time.perf_counter()
        threads = [threading.Thread(target=cpu_bound) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(time.perf_counter() - start)
        """

    /// Two threads × 200k `with lock:`: three lock events per iteration, the densest event stream.
    static let lockHeavySource = """
        import threading
        import time

        lock = threading.Lock()
        total = 0

        def work():
            global total
            for i in range(200000):
                with lock:
                    total += 1

        start = time.perf_counter()
        threads = [threading.Thread(target=work) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert total == 400000
        print(time.perf_counter() - start)
        """

    /// The lock-heavy program's overhead split in two: traced into a sink that discards (per-thread rings,
    /// timestamps, sequence numbers and the drain thread's merge) vs untraced. The SQLite writer's share is
    /// the full overhead row minus this one. Also as CPU time of the whole process (`getrusage`), which
    /// waiting for a core on a busy machine does not inflate: the recorder's own cost on the program's threads
    /// plus the drain thread's.
    static func overheadBreakdown(repeats: Int) throws -> [BenchmarkRow] {
        let program = try PythonCompiler.compile(source: lockHeavySource, fileName: "bench.py", checkMode: .py310)
        func measure(traced: Bool, stacks: Bool = true) throws -> (wall: Double, cpu: Double, threads: Double) {
            let capture = OutputCapture()
            var options = RuntimeOptions(argv: ["bench.py"])
            options.output = .capture(capture)
            options.recordStacks = stacks
            let sink = ThreadUsageSink()
            let runtime = PythonRuntime(program: program, options: options, sink: sink, traceEnabled: traced)
            let before = processCPUSeconds()
            _ = runtime.run()
            let cpu = processCPUSeconds() - before
            let threads = Double(sink.endedThreads.filter { $0.tid > 1 }.reduce(0) { $0 + $1.cpuNs }) / 1e9
            return (try CPython.lastNumber(in: capture.standardOutput), cpu, threads)
        }
        var traced: [(wall: Double, cpu: Double, threads: Double)] = []
        var untraced: [(wall: Double, cpu: Double, threads: Double)] = []
        var withoutStacks: [(wall: Double, cpu: Double, threads: Double)] = []
        for _ in 0..<max(1, repeats) {
            untraced.append(try measure(traced: false))
            traced.append(try measure(traced: true))
            withoutStacks.append(try measure(traced: true, stacks: false))
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let (tw, uw) = (median(traced.map(\.wall)), median(untraced.map(\.wall)))
        let (tc, uc) = (median(traced.map(\.cpu)), median(untraced.map(\.cpu)))
        let (tt, ut) = (median(traced.map(\.threads)), median(untraced.map(\.threads)))
        let st = median(withoutStacks.map(\.threads))
        return [
            BenchmarkRow(
                measure: "overhead lock-heavy, rings only", how: "traced into NullSink vs untraced: emit + drain, no SQLite",
                ours: BenchFormat.seconds(tw), reference: BenchFormat.seconds(uw), ratio: BenchFormat.ratio(tw / uw),
                goal: "≤ 1.03×", met: tw / uw <= 1.03),
            BenchmarkRow(
                measure: "CPU lock-heavy, rings only", how: "process CPU time (getrusage), same runs",
                ours: BenchFormat.seconds(tc), reference: BenchFormat.seconds(uc), ratio: BenchFormat.ratio(tc / uc)),
            // Emit alone: the drain's share of the row above is left out. Its floor is the counter read, two per
            // `with lock:` iteration (docs/recording-cost.md: ~1.07× here).
            BenchmarkRow(
                measure: "CPU lock-heavy, program threads", how: "CPU of the two Python threads (emit only), same runs",
                ours: BenchFormat.seconds(tt), reference: BenchFormat.seconds(ut), ratio: BenchFormat.ratio(tt / ut)),
            // What the stacks add (issue 14: unchanged or better): the same traced runs with and without the
            // stack lookups (`--no-stacks`), program threads' CPU.
            BenchmarkRow(
                measure: "CPU lock-heavy, stacks", how: "program threads' CPU traced with vs without stacks, same runs",
                ours: BenchFormat.seconds(tt), reference: BenchFormat.seconds(st), ratio: BenchFormat.ratio(tt / st),
                goal: "≤ 1.03×", met: tt / st <= 1.03),
        ]
    }

    /// User + system CPU seconds of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func overhead(repeats: Int, context: BenchmarkContext) throws -> [BenchmarkRow] {
        let programs: [(String, String)] = [
            ("seed cpu_bound(), 1 thread", loopSource), ("cpu_bound ×2 threads", twoThreadSource),
            ("lock-heavy 2 × 200k with", lockHeavySource),
        ]
        let rows = try programs.map { name, source in
            // Interleave traced and untraced runs so load changes on the machine hit both alike.
            var traced: [Double] = []
            var untraced: [Double] = []
            for _ in 0..<max(1, repeats) {
                untraced.append(try gilrecSeconds(source, traced: false, repeats: 1, context: context))
                traced.append(try gilrecSeconds(source, traced: true, repeats: 1, context: context))
            }
            let t = traced.sorted()[traced.count / 2]
            let u = untraced.sorted()[untraced.count / 2]
            return BenchmarkRow(
                measure: "overhead \(name)", how: "traced vs untraced, in-program timer",
                ours: BenchFormat.seconds(t), reference: BenchFormat.seconds(u), ratio: BenchFormat.ratio(t / u),
                goal: "≤ 1.03×", met: t / u <= 1.03)
        }
        return rows + (try overheadBreakdown(repeats: repeats))
    }
}

// MARK: - Probe (profiling one configuration under callgrind, strace or /proc)

extension Benchmarks {
    /// How `gilbench probe` runs its program.
    package enum ProbeMode: String, CaseIterable {
        /// `--no-trace`: the recorder is disabled.
        case untraced
        /// Traced into a `NullSink`: rings, drain thread, no SQLite.
        case rings
    }

    /// `gilbench probe MODE FILE`: runs one Python file once in this process, so callgrind
    /// (`--separate-threads=yes`), `strace -f` or `/proc/PID/task` see one configuration alone. The program's
    /// output passes through; then one line on stderr: process CPU seconds (`getrusage`: every thread, the
    /// drain's included) and the CPU seconds of the threads the program started (each sampled at its end),
    /// with their voluntary/involuntary context switches. Returns the program's exit code.
    package static func probe(mode: ProbeMode, path: String) throws -> (exitCode: Int32, report: String) {
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let program = try PythonCompiler.compile(source: source, fileName: path, checkMode: .py310)
        let sink = ThreadUsageSink()
        let runtime = PythonRuntime(
            program: program, options: RuntimeOptions(argv: [path]), sink: sink, traceEnabled: mode == .rings)
        let before = processCPUSeconds()
        let exitCode = runtime.run().exitCode
        let cpu = processCPUSeconds() - before
        let threads = sink.endedThreads.filter { $0.tid > 1 }
        let threadCPU = Double(threads.reduce(0) { $0 + $1.cpuNs }) / 1e9
        let voluntary = threads.reduce(0) { $0 + $1.voluntaryContextSwitches }
        let involuntary = threads.reduce(0) { $0 + $1.involuntaryContextSwitches }
        let report = String(
            format: "probe %@ process_cpu %.4f threads_cpu %.4f threads_ctx %lld/%lld", mode.rawValue, cpu, threadCPU,
            voluntary, involuntary)
        return (exitCode, report)
    }
}

/// Discards events and keeps the rows of ended threads (their CPU time and context switches).
final class ThreadUsageSink: EventSink, @unchecked Sendable {  // `ended` behind `lock`
    private let lock = NSLock()
    private var ended: [ThreadInfo] = []

    var endedThreads: [ThreadInfo] { lock.withLock { ended } }

    func submit(_ events: UnsafeBufferPointer<Event>) {}
    func describeThread(_ info: ThreadInfo) {
        guard info.endNs != nil else { return }
        lock.withLock { ended.append(info) }
    }
    func describeObject(_ info: ObjectInfo) {}
    func describeLabel(id: Int32, text: String) {}
    func describeLocation(_ location: CodeLocation) {}
    func describeStack(_ stack: StackEntry) {}
}
