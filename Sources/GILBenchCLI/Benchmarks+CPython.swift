import Foundation
import GILRecorder
import GILRuntime
import TraceStore

/// What recording costs the real CPython (`gilrec run --python`, issue #13): the same program under plain
/// python3 and recorded, interleaved, timed inside the program; the cost per recorded event; whether the
/// drain keeps up with a dense event stream.
extension Benchmarks {
    /// A program that prints its wall and process CPU seconds on its last line: `setup`, then `body` timed.
    static func timedTwice(setup: String, body: String) -> String {
        """
        import threading
        import time
        \(setup)
        wall, cpu = time.perf_counter(), time.process_time()
        \(body)
        print(time.perf_counter() - wall, time.process_time() - cpu)
        """
    }

    /// The seed's `cpu_bound()`, once.
    static let cpythonSeed = timedTwice(
        setup: "def cpu_bound():\n    count = 0\n    for i in range(10**7):\n        count += 1\n    return count",
        body: "assert cpu_bound() == 10**7")

    /// Two threads × 200k `with lock:` (the runtime's overhead row has the same loop).
    static let cpythonLockHeavy = timedTwice(
        setup: """
            lock = threading.Lock()
            total = 0
            def work():
                global total
                for i in range(200000):
                    with lock:
                        total += 1
            threads = [threading.Thread(target=work) for _ in range(2)]
            """,
        body: "for t in threads: t.start()\nfor t in threads: t.join()\nassert total == 400000")

    /// 2 threads × 20k round trips through two `queue.Queue`s: every item wakes the other thread.
    static let cpythonQueuePingPong = timedTwice(
        setup: """
            import queue
            ping, pong = queue.Queue(), queue.Queue()
            N = 20000
            def player():
                for _ in range(N):
                    pong.put(ping.get() + 1)
            t = threading.Thread(target=player)
            """,
        body: "t.start()\nvalue = 0\nfor _ in range(N):\n    ping.put(value)\n    value = pong.get()\nt.join()\nassert value == N")

    /// A GIL release and re-take per iteration with nothing else: `os.read` of 0 bytes from a pipe releases
    /// the GIL around read(2) (5 events: release, io_begin, io_end, request, acquire).
    static let cpythonReleaseLoop = timedTwice(
        setup: "import os\nr, w = os.pipe()",
        body: "for _ in range(200000):\n    os.read(r, 0)")

    /// Four threads releasing and re-taking the GIL as fast as they can: the densest stream the drain meets.
    static let cpythonDenseStream = timedTwice(
        setup: """
            import os
            r, w = os.pipe()
            def work():
                for _ in range(100000):
                    os.read(r, 0)
            threads = [threading.Thread(target=work) for _ in range(4)]
            """,
        body: "for t in threads: t.start()\nfor t in threads: t.join()")

    /// The two numbers a `timedTwice` program printed last.
    static func wallAndCPU(in output: String) throws -> (wall: Double, cpu: Double) {
        let numbers = output.split(separator: "\n").last?.split(separator: " ").compactMap { Double($0) } ?? []
        guard numbers.count == 2 else {
            throw BenchmarkError(description: "expected \"wall cpu\" on the last line, got \(output.suffix(200))")
        }
        return (numbers[0], numbers[1])
    }

    static func cpython(repeats: Int, context: BenchmarkContext) throws -> [BenchmarkRow] {
        guard let python = CPython.find() else {
            return [BenchmarkRow(measure: "cpython engine", how: "gilrec run --python", ours: "-", reference: "python3 not found")]
        }
        let file = context.directory.appendingPathComponent("cpython-bench.py")
        struct Sample {
            var wall: Double
            var cpu: Double
            var events: Int64 = 0
            var dropped: Int64 = 0
        }
        func plain(_ source: String) throws -> Sample {
            try source.write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let (wall, cpu) = try wallAndCPU(in: output)
            return Sample(wall: wall, cpu: cpu)
        }
        func recorded(_ source: String) throws -> Sample {
            try source.write(to: file, atomically: true, encoding: .utf8)
            let capture = OutputCapture()
            var request = Recording.Request(
                programPath: file.path, source: "", arguments: [], label: "gilbench-cpython",
                databasePath: context.path("cpython.db"), output: .capture(capture))
            request.python = python
            let result = try Recording.record(request)
            guard result.outcome.status == .ok else {
                throw BenchmarkError(description: "recorded python3 failed: \(capture.standardError)")
            }
            let (wall, cpu) = try wallAndCPU(in: capture.standardOutput)
            return Sample(wall: wall, cpu: cpu, events: result.eventCount, dropped: result.droppedEvents)
        }
        /// Plain and recorded runs interleaved; the medians (events and drops of the last recording).
        func pair(_ source: String) throws -> (plain: Sample, traced: Sample) {
            var plains: [Sample] = [], traceds: [Sample] = []
            for _ in 0..<max(1, repeats) {
                plains.append(try plain(source))
                traceds.append(try recorded(source))
            }
            func median(_ samples: [Sample]) -> Sample {
                var m = samples.last!
                m.wall = samples.map(\.wall).sorted()[samples.count / 2]
                m.cpu = samples.map(\.cpu).sorted()[samples.count / 2]
                m.dropped = samples.reduce(0) { $0 + $1.dropped }
                return m
            }
            return (median(plains), median(traceds))
        }
        var rows: [BenchmarkRow] = []
        // CPU time of the recorded process is the claim (what recording costs the program); wall time is
        // shown beside it, since on a busy machine it also counts waiting for a core.
        for (name, source, goal) in [
            ("seed cpu_bound(), 1 thread", cpythonSeed, 1.05), ("lock-heavy 2 × 200k with", cpythonLockHeavy, 1.3),
            ("Queue ping-pong 20k", cpythonQueuePingPong, 1.3),
        ] {
            let (p, t) = try pair(source)
            let ratio = t.cpu / p.cpu
            rows.append(BenchmarkRow(
                measure: "cpython \(name)", how: "--python vs python3: process CPU (wall \(BenchFormat.ratio(t.wall / p.wall)))",
                ours: BenchFormat.seconds(t.cpu), reference: BenchFormat.seconds(p.cpu),
                ratio: BenchFormat.ratio(ratio), goal: "≤ \(BenchFormat.ratio(goal))", met: ratio <= goal))
        }
        let (loopPlain, loopTraced) = try pair(cpythonReleaseLoop)
        let perEvent = (loopTraced.cpu - loopPlain.cpu) / Double(max(1, loopTraced.events)) * 1e9
        rows.append(BenchmarkRow(
            measure: "cpython cost per event", how: "(recorded − plain) process CPU / events, os.read(r, 0) loop",
            ours: "\(Int(perEvent.rounded())) ns", reference: "\(loopTraced.events) events",
            goal: "≤ 60 ns", met: perEvent <= 60))
        let (densePlain, denseTraced) = try pair(cpythonDenseStream)
        let rate = Double(denseTraced.events) / denseTraced.wall
        rows.append(BenchmarkRow(
            measure: "cpython drain throughput", how: "events/s of 4 threads' GIL round trips, all stored",
            ours: BenchFormat.millions(rate), reference: "\(denseTraced.dropped) dropped",
            ratio: BenchFormat.ratio(denseTraced.wall / densePlain.wall), goal: "≥ 1 M ev/s, 0 dropped",
            met: rate >= 1e6 && denseTraced.dropped == 0))
        return rows
    }
}
