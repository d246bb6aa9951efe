import Foundation
import GILAnalysis
import GILCore
import GILRecorder
import GILRuntime
import GILTrace
import TraceStore

/// `gilbench fidelity` (issue #8): the phenomena of DESIGN.md §6 measured the same way under every gilrec
/// policy and under the real CPython 3 and 2.7 when installed, side by side, with the targets.
/// Every figure is timed inside the program (`FidelityScenario`), except GIL switches/s, which only
/// gilrec can see: those come from the stored run, through `RunSummary`, as `gilstat summary` shows them.
package struct Fidelity {
    /// Loop sizes; the defaults keep the whole benchmark within a few minutes on 2 cores, at sizes where the
    /// ratios no longer change (the seed's 10**7 becomes 3·10**6, the sleeps 20 ms instead of 100 ms).
    package struct Sizes: Sendable {
        package var seedIterations = 3_000_000
        package var raceIterations = 1_000_000
        package var sleepSeconds = 0.02
        /// Enough round-trips that one OS preemption of the 2-core machine (a few ms) moves the mean by a few
        /// per cent, not by a whole multiple of the uncontended round-trip.
        package var echoRounds = 100
        /// Seed runs per mode (median); race and sleep run once.
        package var seedRepeats = 3
        /// Sleeps of the convoy scenario and their length (s).
        package var convoySleeps = 50
        package var convoySleepSeconds = 0.0002
        /// `with lock:` iterations per thread of the lock-heavy scenario (4 threads).
        package var lockIterations = 200_000
        /// Echo runs per switch interval; the run with the median slowdown is shown. One run of 100 rounds
        /// still moved by ±1× between identical runs (fifo 2.8–4.3× on a quiet machine).
        package var echoRepeats = 3
        package init() {}
    }

    /// One column of the table: a gilrec configuration or a real interpreter.
    package struct Engine: Sendable {
        package enum Kind: Sendable {
            case gilrec(GILPolicy, CheckMode)
            /// Run plainly (CPython 2.7, which gilrec cannot record): figures the programs print only.
            case cpython(path: String)
            /// Run by `gilrec run --python` (CPython 3.8+): the store's distributions too.
            case recordedCPython(path: String)
        }
        package var name: String
        package var kind: Kind
    }

    /// What one engine measured; nil where it could not (or must not) be measured.
    package struct Measures: Sendable {
        package var seedSerial: Double?
        package var seedThreaded: Double?
        package var seedRatio: Double? { seedSerial.flatMap { s in seedThreaded.map { $0 / s } } }
        package var lostPercent: Double?
        package var switchesPerSecond: Double?
        package var sleepSpeedup: Double?
        /// Switch interval (ns) → (mean alone, mean contended, p50, p99) in seconds.
        package var echo: [Int64: (alone: Double, contended: Double, p50: Double, p99: Double)] = [:]
        /// From the store (seed threaded): the two CPU threads' GIL holds and request → acquire waits, s.
        package var holdP50: Double?
        package var holdP99: Double?
        package var waitP50: Double?
        package var waitP99: Double?
        /// From the store (convoy): each sleep's end to the sleeper's next acquire, s.
        package var reacquireP50: Double?
        package var reacquireP99: Double?
        /// From the store (lock-heavy): GIL switches/s, waits that blocked, their p50/p99 (s).
        package var lockSwitchesPerSecond: Double?
        package var lockWaits: Double?
        package var lockWaitP50: Double?
        package var lockWaitP99: Double?
        package var problems: [String] = []

        package func convoy(_ intervalNs: Int64) -> Double? {
            echo[intervalNs].flatMap { $0.alone > 0 ? $0.contended / $0.alone : nil }
        }
    }

    package static let intervalsNs: [Int64] = [5_000_000, 1_000_000]

    package var sizes = Sizes()
    package var engines: [Engine]
    let directory: URL
    let database: String

    /// Every `GILPolicy` (plus cpython3 with `every` check points, for the race), then CPython 3 and 2.7
    /// when found.
    package init(sizes: Sizes = Sizes(), includeCPython: Bool = true) throws {
        self.sizes = sizes
        var engines: [Engine] = []
        for policy in GILPolicy.allCases {
            engines.append(Engine(name: policy.name, kind: .gilrec(policy, policy.defaultCheckMode)))
            if policy == .cpython3 { engines.append(Engine(name: "cpython3 every", kind: .gilrec(.cpython3, .every))) }
        }
        if includeCPython {
            if let python3 = CPython.find() {
                engines.append(Engine(name: "CPython \(CPython.version(python3) ?? "3")", kind: .recordedCPython(path: python3)))
            }
            if let python2 = CPython.findPython27() {
                engines.append(Engine(name: "CPython \(CPython.version(python2) ?? "2.7")", kind: .cpython(path: python2)))
            }
        }
        self.engines = engines
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gilbench-fidelity-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("fidelity.db").path
    }

    package func removeFiles() { try? FileManager.default.removeItem(at: directory) }

    /// Runs every scenario on `engine`. A scenario that fails leaves its cells empty and says why in
    /// `problems`; it never stops the benchmark.
    package func measure(_ engine: Engine) -> Measures {
        var m = Measures()
        func attempt(_ what: String, _ body: () throws -> Void) {
            do { try body() } catch { m.problems.append("\(engine.name) \(what): \(error)") }
        }
        attempt("seed") {
            var serial: [Double] = []
            var threaded: [Double] = []
            var rates: [Double] = []
            var distributions: [GILDistributions] = []
            for _ in 0..<max(1, sizes.seedRepeats) {
                serial.append(try run(engine, FidelityScenario.seed, ["serial", String(sizes.seedIterations)]).values["seconds", default: .nan])
                let t = try run(engine, FidelityScenario.seed, ["threaded", String(sizes.seedIterations)])
                threaded.append(t.values["seconds", default: .nan])
                if let runID = t.runID, let rate = try switchesPerSecond(runID: runID) { rates.append(rate) }
                if let runID = t.runID, let d = try gilDistributions(runID: runID) { distributions.append(d) }
            }
            m.seedSerial = Self.median(serial)
            m.seedThreaded = Self.median(threaded)
            m.switchesPerSecond = rates.isEmpty ? nil : Self.median(rates)
            m.holdP50 = Self.median(distributions.compactMap(\.holdP50))
            m.holdP99 = Self.median(distributions.compactMap(\.holdP99))
            m.waitP50 = Self.median(distributions.compactMap(\.waitP50))
            m.waitP99 = Self.median(distributions.compactMap(\.waitP99))
        }
        if engine.recordsToStore {
            attempt("convoy") {
                var p50s: [Double] = [], p99s: [Double] = []
                for _ in 0..<max(1, sizes.seedRepeats) {
                    let r = try run(engine, FidelityScenario.convoy, [String(sizes.convoySleeps), String(sizes.convoySleepSeconds)])
                    guard let runID = r.runID, let delay = try reacquireDelays(runID: runID) else { continue }
                    if let p50 = delay.p50 { p50s.append(Double(p50) / 1e9) }
                    if let p99 = delay.p99 { p99s.append(Double(p99) / 1e9) }
                }
                m.reacquireP50 = Self.median(p50s)
                m.reacquireP99 = Self.median(p99s)
            }
            attempt("lock-heavy") {
                var rates: [Double] = [], counts: [Double] = [], p50s: [Double] = [], p99s: [Double] = []
                for _ in 0..<max(1, sizes.seedRepeats) {
                    let r = try run(engine, FidelityScenario.lockHeavy, [String(sizes.lockIterations)])
                    guard let runID = r.runID else { continue }
                    if let rate = try switchesPerSecond(runID: runID) { rates.append(rate) }
                    let waits = try blockedLockWaits(runID: runID)
                    counts.append(Double(waits.count))
                    if let p50 = waits.p50 { p50s.append(Double(p50) / 1e9) }
                    if let p99 = waits.p99 { p99s.append(Double(p99) / 1e9) }
                }
                m.lockSwitchesPerSecond = Self.median(rates)
                m.lockWaits = Self.median(counts)
                m.lockWaitP50 = Self.median(p50s)
                m.lockWaitP99 = Self.median(p99s)
            }
        }
        attempt("race") {
            let r = try run(engine, FidelityScenario.race, [String(sizes.raceIterations)]).values
            if let lost = r["lost"], let expected = r["expected"], expected > 0 { m.lostPercent = 100 * lost / expected }
        }
        attempt("sleep") {
            let r = try run(engine, FidelityScenario.sleep, [String(sizes.sleepSeconds)]).values
            if let s = r["serial"], let t = r["threaded"], t > 0 { m.sleepSpeedup = s / t }
        }
        for interval in Self.intervalsNs {
            attempt("echo \(SweepPlan.intervalText(interval))") {
                var runs: [(alone: Double, contended: Double, p50: Double, p99: Double)] = []
                for _ in 0..<max(1, sizes.echoRepeats) {
                    let r = try run(
                        engine, FidelityScenario.echo, [String(Double(interval) / 1e9), String(sizes.echoRounds)],
                        switchIntervalNs: interval).values
                    if let a = r["alone"], let c = r["contended"], let p50 = r["p50"], let p99 = r["p99"], a > 0 {
                        runs.append((a, c, p50, p99))
                    }
                }
                // One whole run, not a mix of medians: its p50/p99 belong to its slowdown.
                runs.sort { $0.contended / $0.alone < $1.contended / $1.alone }
                if !runs.isEmpty { m.echo[interval] = runs[(runs.count - 1) / 2] }
            }
        }
        return m
    }

    struct Output {
        var values: [String: Double]
        /// The stored run, for gilrec engines.
        var runID: Int64?
    }

    /// One program on one engine; its `RESULT` line.
    func run(_ engine: Engine, _ source: String, _ arguments: [String], switchIntervalNs: Int64 = 5_000_000) throws -> Output {
        switch engine.kind {
        case .gilrec(let policy, let checkMode):
            let capture = OutputCapture()
            var request = Recording.Request(
                programPath: "fidelity.py", source: source, arguments: arguments, label: "fidelity-\(engine.name)",
                databasePath: database, switchIntervalNs: switchIntervalNs, checkMode: checkMode, timeoutSeconds: 120,
                output: .capture(capture))
            request.policy = policy
            let result = try Recording.record(request)
            guard result.outcome.exitCode == 0, let values = FidelityScenario.parse(capture.standardOutput) else {
                throw BenchmarkError(description: "exit \(result.outcome.exitCode): \(capture.standardError.suffix(300))")
            }
            return Output(values: values, runID: result.runID)
        case .recordedCPython(let path):
            let file = directory.appendingPathComponent("fidelity.py")
            try source.write(to: file, atomically: true, encoding: .utf8)
            let capture = OutputCapture()
            var request = Recording.Request(
                programPath: file.path, source: "", arguments: arguments, label: "fidelity-\(engine.name)",
                databasePath: database, switchIntervalNs: switchIntervalNs, timeoutSeconds: 120, output: .capture(capture))
            request.python = path
            let result = try Recording.record(request)
            guard result.outcome.exitCode == 0, let values = FidelityScenario.parse(capture.standardOutput) else {
                throw BenchmarkError(description: "exit \(result.outcome.exitCode): \(capture.standardError.suffix(300))")
            }
            return Output(values: values, runID: result.runID)
        case .cpython(let path):
            let file = directory.appendingPathComponent("fidelity.py")
            try source.write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = [file.path] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["GILREC_HTTP"] = LoopbackHTTPServer.shared.baseURL
            process.environment = environment
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            guard process.terminationStatus == 0, let values = FidelityScenario.parse(text) else {
                throw BenchmarkError(description: "exit \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self).suffix(300))")
            }
            return Output(values: values, runID: nil)
        }
    }

    /// GIL owner switches per second of a stored run (`RunSummary`, as `gilstat summary`); nil without any
    /// GIL acquisition (free-threaded).
    /// GIL hand-offs between the worker threads (not the main one) per second of the span they held it in:
    /// the start-up and join hand-offs with the main thread, a larger share of a short run, stay out, so a
    /// fast engine's short run and a slow one's long run measure the same thing.
    func switchesPerSecond(runID: Int64) throws -> Double? {
        let reader = try TraceReader(path: database)
        let run = try LoadedRun.load(reader, try reader.resolveRun(String(runID)), states: [.gilHold])
        let holds = run.slices.gilHolds.filter { $0.tid != 1 }.sorted { $0.ts < $1.ts }
        guard let first = holds.first, let last = holds.last, last.ts + last.dur > first.ts else { return nil }
        let switches = zip(holds, holds.dropFirst()).filter { $0.tid != $1.tid }.count
        return Double(switches) / (Double(last.ts + last.dur - first.ts) / 1e9)
    }

    /// GIL hold and request → acquire percentiles (s) of a run's threads other than the main one. Only waits
    /// that began while another thread held the GIL count as request → acquire: those are what the switch
    /// interval governs; a request meeting a free GIL (start-up and join choreography, which differs between
    /// the engines and dominates a short run) is not a wait behind anyone.
    struct GILDistributions {
        var holdP50: Double?
        var holdP99: Double?
        var waitP50: Double?
        var waitP99: Double?
    }

    func gilDistributions(runID: Int64) throws -> GILDistributions? {
        let reader = try TraceReader(path: database)
        let run = try LoadedRun.load(reader, try reader.resolveRun(String(runID)), states: [.gilHold, .gilWait])
        func stats(_ slices: [Slice]) -> DurationStats {
            var values = slices.filter { $0.tid != 1 }.map(\.dur)
            return DurationStats(sorting: &values)
        }
        let holdsByStart = run.slices.gilHolds.sorted { $0.ts < $1.ts }
        func heldByAnother(_ wait: Slice) -> Bool {
            // Holds never overlap: the last one that began at or before the request is the only candidate.
            var low = 0, high = holdsByStart.count
            while low < high {
                let mid = (low + high) / 2
                if holdsByStart[mid].ts <= wait.ts { low = mid + 1 } else { high = mid }
            }
            guard low > 0 else { return false }
            let hold = holdsByStart[low - 1]
            return hold.tid != wait.tid && hold.ts + hold.dur > wait.ts
        }
        let holds = stats(run.slices.gilHolds), waits = stats(run.slices.gilWaits.filter(heldByAnother))
        guard holds.count > 0 else { return nil }
        func seconds(_ ns: Int64?) -> Double? { ns.map { Double($0) / 1e9 } }
        return GILDistributions(holdP50: seconds(holds.p50), holdP99: seconds(holds.p99), waitP50: seconds(waits.p50), waitP99: seconds(waits.p99))
    }

    /// Reacquire delays after I/O (`ConvoyAnalysis`, as `gilstat convoy`), nil without I/O.
    func reacquireDelays(runID: Int64) throws -> DurationStats? {
        let reader = try TraceReader(path: database)
        let run = try LoadedRun.load(reader, try reader.resolveRun(String(runID)), states: LoadedRun.convoyStates)
        let convoy = ConvoyAnalysis.analyse(facts: run.facts, slices: run.slices, threads: run.threads)
        return convoy.delay.count > 0 ? convoy.delay : nil
    }

    /// Lock waits that blocked (longer than 0 ns) on user locks: what both engines record alike (the real
    /// CPython records no wait for an acquisition that did not block).
    func blockedLockWaits(runID: Int64) throws -> DurationStats {
        let reader = try TraceReader(path: database)
        let run = try LoadedRun.load(reader, try reader.resolveRun(String(runID)), states: [.lockWait])
        let locks = Set(run.objects.filter { $0.kind == .lock }.map(\.id))
        var values = run.slices.lockWaits.filter { $0.dur > 0 && locks.contains($0.obj) }.map(\.dur)
        return DurationStats(sorting: &values)
    }

    static func median(_ values: [Double]) -> Double? {
        let v = values.filter { !$0.isNaN }.sorted()
        return v.isEmpty ? nil : v[(v.count - 1) / 2]
    }
}

extension Fidelity.Engine {
    /// gilrec's policies and the recorded real CPython: the engines whose runs are in the store.
    package var recordsToStore: Bool {
        if case .cpython = kind { return false }
        return true
    }

    /// The real CPython 3 recorded from inside: the reference the model's figures are set beside.
    package var isRecordedCPython: Bool {
        if case .recordedCPython = kind { return true }
        return false
    }
}

extension CPython {
    /// `$(pyenv root)/versions/2.7.18/bin/python` ($PYENV_ROOT, else ~/.pyenv), when installed.
    static func findPython27() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let root = environment["PYENV_ROOT"] ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pyenv"
        let path = root + "/versions/2.7.18/bin/python"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// "3.11" for a python binary, nil when it cannot be asked.
    static func version(_ python: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !text.isEmpty ? text : nil
    }
}

extension Benchmarks {
    /// `gilbench fidelity`: measures every engine (progress on stderr), then prints the table.
    /// - Parameter repeats: seed and echo runs per engine (`gilbench --repeats`), the median shown.
    static func fidelity(repeats: Int, emit: (String) -> Void) throws {
        var sizes = Fidelity.Sizes()
        sizes.seedRepeats = max(1, repeats)
        sizes.echoRepeats = max(1, repeats)
        let fidelity = try Fidelity(sizes: sizes)
        defer { fidelity.removeFiles() }
        var measures: [Fidelity.Measures] = []
        let start = MonotonicClock.now()
        for engine in fidelity.engines {
            FileHandle.standardError.write(Data("fidelity: \(engine.name) …\n".utf8))
            measures.append(fidelity.measure(engine))
        }
        let seconds = Double(MonotonicClock.now() - start) / 1e9
        emit("fidelity: the same programs under every gilrec policy and the real CPython (timed inside each program;")
        emit("GIL switches/s read from gilrec's store). \(ProcessInfo.processInfo.activeProcessorCount) CPUs, "
            + "\(Humanize.format(seconds, decimals: 0)) s in all"
            + (SystemLoad.oneMinute().map { ", load average \(Humanize.format($0, decimals: 1))." } ?? "."))
        if let warning = SystemLoad.warning() { emit(warning) }
        for line in FidelityTable.render(engines: fidelity.engines, measures: measures, sizes: fidelity.sizes) { emit(line) }
        for problem in measures.flatMap(\.problems) { emit("problem: \(problem)") }
    }
}
