import Foundation
import GILRecorder
import GILRuntime
import GILTrace
import TraceStore

/// `gilbench`: timing claims measured as ratios within one run (never asserted in `swift test`).
/// With no name, every benchmark's rows go into ONE table (`BenchmarkRow.render`); a name prints its
/// subset. Store-side figures (ingest, storage, memory, analysis) live in `Benchmarks+Store.swift`,
/// interpreter workloads in `Benchmarks+Interpreter.swift`.
package enum Benchmarks {
    package static let names = ["seed", "interpreter", "overhead", "cpython", "ingest", "storage", "memory", "analysis"]

    package static func run(_ name: String, repeats: Int = 3, emit: (String) -> Void) throws {
        try run(name, repeats: repeats, context: try BenchmarkContext(), emit: emit)
    }

    /// Several subsets in one process: runs that several measures share (the 1 M ingest run, the 10 M
    /// recording) are made once.
    /// - Parameter keepDirectory: leave the scratch databases on disk (their path goes to `emit`), to
    ///   profile `gilstat` on the 1 M and 10 M runs afterwards.
    package static func run(_ names: [String], repeats: Int = 3, keepDirectory: Bool = false, emit: (String) -> Void) throws {
        let context = try BenchmarkContext(keep: keepDirectory)
        if keepDirectory { emit("scratch databases kept in \(context.directory.path)") }
        for name in names { try run(name, repeats: repeats, context: context, emit: emit) }
    }

    static func run(_ name: String, repeats: Int, context: BenchmarkContext, emit: (String) -> Void) throws {
        switch name {
        case "seed", "interpreter", "overhead", "cpython", "ingest", "storage", "memory", "analysis":
            BenchmarkRow.render(try rows(name, repeats: repeats, context: context)).forEach(emit)
        case "fidelity": try fidelity(repeats: repeats, emit: emit)
        default: throw BenchmarkError(description: "unknown benchmark \(name); choose from \((names + ["fidelity"]).joined(separator: ", "))")
        }
    }

    /// Every benchmark, one table.
    package static func runAll(repeats: Int = 3, emit: (String) -> Void) throws {
        let context = try BenchmarkContext()
        var all: [BenchmarkRow] = []
        // The seed loop is also the first interpreter workload: measured once.
        for name in names where name != "seed" { all += try rows(name, repeats: repeats, context: context) }
        BenchmarkRow.render(all).forEach(emit)
    }

    static func rows(_ name: String, repeats: Int, context: BenchmarkContext) throws -> [BenchmarkRow] {
        switch name {
        case "seed": try seed(repeats: repeats, context: context)
        case "interpreter": try interpreter(repeats: repeats, context: context)
        case "overhead": try overhead(repeats: repeats, context: context)
        case "cpython": try cpython(repeats: repeats, context: context)
        case "ingest": try ingest(context: context)
        case "storage": try storage(context: context)
        case "memory": try memory(context: context)
        case "analysis": try analysis(repeats: repeats, context: context)
        default: []
        }
    }

    /// The seed's function, timed inside the interpreter so process start-up is not counted.
    static let seedSource = loopSource

    /// Seconds a program reported on its last line under gilrec (`traced` or not), median of `repeats`.
    static func gilrecSeconds(_ source: String, traced: Bool, repeats: Int, context: BenchmarkContext) throws -> Double {
        try median(repeats) {
            let capture = OutputCapture()
            let request = Recording.Request(
                programPath: "bench.py", source: source, arguments: [], label: "gilbench",
                databasePath: context.path("bench.db"), traceEnabled: traced, output: .capture(capture))
            _ = try Recording.record(request)
            return try CPython.lastNumber(in: capture.standardOutput)
        }
    }

    static func median(_ repeats: Int, _ body: () throws -> Double) rethrows -> Double {
        var samples: [Double] = []
        for _ in 0..<max(1, repeats) { samples.append(try body()) }
        return samples.sorted()[samples.count / 2]
    }

    /// The seed: `cpu_bound()` under gilrec vs CPython, then its serial vs threaded example.
    static func seed(repeats: Int, context: BenchmarkContext) throws -> [BenchmarkRow] {
        var rows = try interpreterRows([("loop", loopSource)], repeats: repeats, context: context)
        let example = try ExampleLibrary.load("cpu_bound").source
        func wall(_ argument: String) throws -> Double {
            try median(repeats) {
                let request = Recording.Request(
                    programPath: "seed.py", source: example, arguments: [argument], label: "gilbench",
                    databasePath: context.path("bench.db"), traceEnabled: true, output: .capture(OutputCapture()))
                let start = MonotonicClock.now()
                _ = try Recording.record(request)
                return Double(MonotonicClock.now() - start) / 1e9
            }
        }
        let serial = try wall("serial")
        let threaded = try wall("threaded")
        rows.append(BenchmarkRow(
            measure: "seed cpu_bound ×2 threaded", how: "wall, traced, threaded vs serial",
            ours: BenchFormat.seconds(threaded), reference: BenchFormat.seconds(serial) + " serial",
            ratio: BenchFormat.ratio(threaded / serial), goal: "≈1× (CPython 3.11: 1.03×)"))
        return rows
    }

    /// Interpreter speed: each workload under gilrec untraced vs `python3`, timed inside each interpreter.
    static func interpreter(repeats: Int, context: BenchmarkContext) throws -> [BenchmarkRow] {
        try interpreterRows(interpreterWorkloads, repeats: repeats, context: context) + startupRow(repeats: repeats, context: context)
    }

    static func interpreterRows(
        _ workloads: [(name: String, source: String)], repeats: Int, context: BenchmarkContext
    ) throws -> [BenchmarkRow] {
        let python = CPython.find()
        return try workloads.map { workload in
            // Issue #6: the seed loop must match CPython 3.11; the other workloads may be 1.5× slower.
            let limit = workload.name == "loop" ? 1.0 : 1.5
            let goal = "≤ \(BenchFormat.ratio(limit))"
            let ours = try gilrecSeconds(workload.source, traced: false, repeats: repeats, context: context)
            guard let python else {
                return BenchmarkRow(
                    measure: "interpreter \(workload.name)", how: "untraced, in-program timer",
                    ours: BenchFormat.seconds(ours), reference: "python3 not found", goal: goal + " CPython")
            }
            let reference = try median(repeats) {
                try CPython.time(python, source: workload.source, in: context.directory)
            }
            return BenchmarkRow(
                measure: "interpreter \(workload.name)", how: "gilrec untraced vs python3, in-program timer",
                ours: BenchFormat.seconds(ours), reference: BenchFormat.seconds(reference),
                ratio: BenchFormat.ratio(ours / reference), goal: goal, met: ours <= limit * reference)
        }
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
            throw BenchmarkError(description: "expected the program to print a number of seconds, got \(output)")
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
