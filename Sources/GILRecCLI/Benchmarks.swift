import Foundation
import GILRuntime
import GILTrace
import TraceStore

/// `gilbench`: timing claims measured as ratios within one run (never asserted in `swift test`).
/// Each benchmark returns the lines of its table, so the executable stays a few lines.
package enum Benchmarks {
    package static let names = ["seed", "ingest"]

    package static func run(_ name: String, repeats: Int = 3, emit: (String) -> Void) throws {
        switch name {
        case "seed": try seed(repeats: repeats, emit: emit)
        case "ingest": try ingest(emit: emit)
        default: throw DemoError(description: "unknown benchmark \(name); choose from \(names.joined(separator: ", "))")
        }
    }

    /// The seed's function, timed inside the interpreter so process start-up is not counted.
    static let seedSource = """
        import time

        def cpu_bound():
            count = 0
            for i in range(10**7):
                count += 1

        start = time.perf_counter()
        cpu_bound()
        print(time.perf_counter() - start)
        """

    /// The seed's `cpu_bound()`: gilrec untraced, gilrec recording into SQLite, and CPython 3 when present;
    /// then the seed's serial vs threaded example under gilrec. Medians of `repeats` runs.
    static func seed(repeats: Int, emit: (String) -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gilbench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("bench.db").path

        /// Wall time of the recording, or with `reported`, the seconds the program printed last.
        func timeRecording(_ source: String, arguments: [String] = [], traced: Bool, reported: Bool = false) throws -> Double {
            let capture = OutputCapture()
            let request = Recording.Request(
                programPath: "seed.py", source: source, arguments: arguments, label: "gilbench", databasePath: database,
                traceEnabled: traced, output: .capture(capture))
            let start = MonotonicClock.now()
            _ = try Recording.record(request)
            let wall = Double(MonotonicClock.now() - start) / 1e9
            guard reported else { return wall }
            return try CPython.lastNumber(in: capture.standardOutput)
        }
        func median(_ body: () throws -> Double) rethrows -> Double {
            var samples: [Double] = []
            for _ in 0..<repeats { samples.append(try body()) }
            return samples.sorted()[samples.count / 2]
        }

        let untraced = try median { try timeRecording(seedSource, traced: false, reported: true) }
        let traced = try median { try timeRecording(seedSource, traced: true, reported: true) }
        let cpython = try CPython.find().map { python in try median { try CPython.time(python, source: seedSource, in: directory) } }
        let example = try ExampleLibrary.load("cpu_bound").source
        let serial = try median { try timeRecording(example, arguments: ["serial"], traced: true) }
        let threaded = try median { try timeRecording(example, arguments: ["threaded"], traced: true) }

        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        emit("seed cpu_bound() (10**7 iterations), timed inside the interpreter, median of \(repeats)")
        emit("  gilrec untraced       \(f(untraced)) s")
        emit("  gilrec traced         \(f(traced)) s   overhead \(f(traced / untraced))×")
        if let cpython {
            emit("  python3               \(f(cpython)) s   gilrec / CPython \(f(untraced / cpython))×")
        } else {
            emit("  python3               not found")
        }
        emit("seed example, cpu_bound() ×2 under gilrec (traced)")
        emit("  serial                \(f(serial)) s")
        emit("  threaded (2 threads)  \(f(threaded)) s   threaded / serial \(f(threaded / serial))×")
    }

    /// End-to-end ingest through `RunWriter` vs a bare C-API insert loop of the same rows, in one run.
    static func ingest(emit: (String) -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gilbench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = 1_000_000
        let store = try IngestBenchmark.run(events: count, path: directory.appendingPathComponent("store.db").path)
        let cLoop = try IngestBenchmark.cLoop(
            events: count, path: directory.appendingPathComponent("c.db").path, table: .allCases[0])
        emit("ingest of \(count) events")
        emit("  RunWriter     \(store)")
        emit("  C-API loop    \(cLoop)")
        emit("  ratio         \(String(format: "%.2f", store.eventsPerSecond / cLoop.eventsPerSecond)) of the C loop")
    }
}

/// The real CPython, as the oracle and the yardstick.
enum CPython {
    /// The real interpreter behind `python3` (pyenv's shim is a shell script whose start-up would count).
    static func find() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let path = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              FileManager.default.isExecutableFile(atPath: path) else { return nil }
        return path
    }

    static func lastNumber(in output: String) throws -> Double {
        guard let line = output.split(separator: "\n").last, let value = Double(line) else {
            throw DemoError(description: "expected the program to print a number of seconds, got \(output)")
        }
        return value
    }

    /// The seconds the program printed last, run by the real CPython.
    static func time(_ python: String, source: String, in directory: URL) throws -> Double {
        let file = directory.appendingPathComponent("seed.py")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try lastNumber(in: String(data: data, encoding: .utf8) ?? "")
    }
}
