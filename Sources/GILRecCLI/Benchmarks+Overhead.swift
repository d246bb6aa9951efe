import Foundation
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
        func measure(traced: Bool) throws -> (wall: Double, cpu: Double) {
            let capture = OutputCapture()
            var options = RuntimeOptions(argv: ["bench.py"])
            options.output = .capture(capture)
            let runtime = PythonRuntime(program: program, options: options, sink: NullSink(), traceEnabled: traced)
            let before = processCPUSeconds()
            _ = runtime.run()
            let cpu = processCPUSeconds() - before
            return (try CPython.lastNumber(in: capture.standardOutput), cpu)
        }
        var traced: [(wall: Double, cpu: Double)] = []
        var untraced: [(wall: Double, cpu: Double)] = []
        for _ in 0..<max(1, repeats) {
            untraced.append(try measure(traced: false))
            traced.append(try measure(traced: true))
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let (tw, uw) = (median(traced.map(\.wall)), median(untraced.map(\.wall)))
        let (tc, uc) = (median(traced.map(\.cpu)), median(untraced.map(\.cpu)))
        return [
            BenchmarkRow(
                measure: "overhead lock-heavy, rings only", how: "traced into NullSink vs untraced: emit + drain, no SQLite",
                ours: BenchFormat.seconds(tw), reference: BenchFormat.seconds(uw), ratio: BenchFormat.ratio(tw / uw),
                goal: "≤ 1.03×", met: tw / uw <= 1.03),
            BenchmarkRow(
                measure: "CPU lock-heavy, rings only", how: "process CPU time (getrusage), same runs",
                ours: BenchFormat.seconds(tc), reference: BenchFormat.seconds(uc), ratio: BenchFormat.ratio(tc / uc)),
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
