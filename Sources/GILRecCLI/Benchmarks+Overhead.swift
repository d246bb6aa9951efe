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

    static func overhead(repeats: Int, context: BenchmarkContext) throws -> [BenchmarkRow] {
        let programs: [(String, String)] = [
            ("seed cpu_bound(), 1 thread", loopSource), ("cpu_bound ×2 threads", twoThreadSource),
            ("lock-heavy 2 × 200k with", lockHeavySource),
        ]
        return try programs.map { name, source in
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
    }
}
