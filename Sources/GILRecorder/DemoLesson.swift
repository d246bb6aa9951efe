import GILAnalysis
import GILRuntime
import GILTrace
import TraceStore

/// The lesson the demo prints, computed from the stored runs by `GILAnalysis` (the same code `gilstat`
/// runs), so every figure can be checked with `gilstat summary/speedup/contention` or `Queries/`.
struct DemoLesson {
    var lines: [String] = []

    /// Whether part 7 (the real CPython beside the model) was recorded.
    enum RealCPython {
        case recorded(String)
        case skipped(String)
    }

    /// `runIDs` maps the demo's run labels to run ids; `outputs` holds what each program printed.
    init(
        databasePath: String, runIDs: [String: Int64], outputs: [String: String], checkMode: CheckMode,
        realCPython: RealCPython
    ) throws {
        let reader = try TraceReader(path: databasePath)
        func load(_ label: String) throws -> LoadedRun {
            guard let id = runIDs[label] else { throw DemoError(description: "the demo did not record \(label)") }
            return try LoadedRun.load(reader, try reader.resolveRun(String(id)))
        }
        func summary(_ run: LoadedRun) throws -> RunSummary {
            RunSummary.compute(
                facts: run.facts, slices: run.slices, threads: run.threads,
                dropRequests: try run.scanEvents(reader).dropRequests)
        }
        func seconds(_ ns: Int64) -> String { Humanize.format(Double(ns) / 1e9, decimals: 2) + " s" }
        let source = SourceText()
        /// "   Where: `line` (file:N, in f) waited T for the GIL/a lock; S of that behind `line` (file:M, in g)."
        func whereLines(_ run: LoadedRun, _ order: WhereAnalysis.Order) throws -> [String] {
            let names = try StackNames.load(reader, runID: run.record.runID)
            return WhereLesson.lines(run, names: names, order: order, source: source)
        }
        func times(_ x: Double?) -> String { x.map { Humanize.format($0, decimals: 2) + "×" } ?? "n/a" }

        lines.append("What the runs show (read back from \(databasePath); check with `gilstat` or Queries/):")
        if let warning = SystemLoad.warning() { lines.append(warning) }
        lines.append("")

        // 1. The race.
        let raceOutput = outputs["demo-race"] ?? ""
        lines.append("1. counter += 1 on 4 threads:  \(raceOutput.trimmingCharacters(in: .newlines))")
        if let raceRun = try? load("demo-race") { lines.append(contentsOf: try whereLines(raceRun, .gilWait)) }
        switch checkMode {
        case .py310:
            lines.append("   Since CPython 3.10 a thread is only switched at backward jumps and calls, never between the")
            lines.append("   load and the store of `counter += 1`, so nothing is lost (3.9 and earlier lost 13–57% here;")
            lines.append("   see it with `gilrec demo --check-points every`).")
        case .every:
            lines.append("   With --check-points every a thread can be switched between the load and the store of")
            lines.append("   `counter += 1`, as in CPython 3.9 and earlier (13–57% lost here): the GIL does not make it atomic.")
        }
        lines.append("")

        // 2. CPU-bound: the GIL is a mutex.
        let cpuSerial = try load("demo-cpu-serial")
        let cpuThreaded = try load("demo-cpu-threaded")
        let cpu = Speedup.compute(serial: cpuSerial.facts, threaded: cpuThreaded.facts, threadedSlices: cpuThreaded.slices)
        let cpuSummary = try summary(cpuThreaded)
        lines.append("2. cpu_bound() ×2:  serial \(seconds(cpu.serialWallNs)), threaded \(seconds(cpu.threadedWallNs))"
            + "  →  speedup \(times(cpu.speedup)) on \(cpuSerial.record.info.cpuCount) cores")
        lines.append("   The GIL was held \(cpuSummary.gilHeldFraction.map(Humanize.percent) ?? "n/a") of the threaded run; it changed hands "
            + "\(cpuSummary.ownerSwitches) times (\(cpuSummary.switchesPerSecond.map { Humanize.format($0, decimals: 0) } ?? "n/a")/s,"
            + " \(cpuSummary.dropRequests) drop requests after the \(Humanize.duration(cpuThreaded.record.info.switchIntervalNs)) interval).")
        lines.append("   GIL-serialised fraction \(cpu.serialisedFraction.map(Humanize.percent) ?? "n/a") → Amdahl bound \(times(cpu.amdahlBound)):"
            + " two CPU-bound threads are no faster than one.")
        lines.append("")

        // 3. I/O-bound: the GIL is released while waiting.
        let ioSerial = try load("demo-io-serial")
        let ioThreaded = try load("demo-io-threaded")
        let io = Speedup.compute(serial: ioSerial.facts, threaded: ioThreaded.facts, threadedSlices: ioThreaded.slices)
        let ioSummary = try summary(ioThreaded)
        let ioTotal = ioSummary.threads.reduce(Int64(0)) { $0 + $1.ioNs }
        lines.append("3. 8 fetches of a 100 ms loopback URL:  serial \(seconds(io.serialWallNs)), threaded \(seconds(io.threadedWallNs))"
            + "  →  speedup \(times(io.speedup))")
        lines.append("   The threads spent \(seconds(ioTotal)) in I/O with the GIL released, and held it only "
            + "\(Humanize.duration(ioSummary.gilHeldNs)) in all: threads do help for I/O.")
        lines.append("")

        // 4. Primitives: who waited for what.
        let primitives = try load("demo-primitives")
        let contention = ContentionAnalysis.analyse(
            facts: primitives.facts, slices: primitives.slices, threads: primitives.threads, objects: primitives.objects)
        let userObjects = contention.objects.filter { $0.objID != 0 && $0.kind != ObjectKind.thread.rawValue }
        lines.append("4. Synchronisation primitives (\(userObjects.count) objects; joins left out):")
        let waitOnly: Set<String> = [ObjectKind.event.rawValue, ObjectKind.barrier.rawValue]
        for object in userObjects {
            let p99 = object.wait.p99.map(Humanize.duration) ?? "-"
            let what = waitOnly.contains(object.kind)
                ? "\(object.acquisitions) waits"
                : "\(object.acquisitions) acquisitions, \(object.contended) found it taken"
            lines.append("   \(object.kind) \(object.name): \(what), waited \(Humanize.duration(object.wait.totalNs)) in all (p99 \(p99))")
        }
        lines.append(contentsOf: try whereLines(primitives, .lockWait))
        lines.append("   Every wait above released the GIL: the main thread and the other workers ran meanwhile.")
        lines.append("")

        // 5. The convoy effect.
        let convoyRun = try load("demo-convoy")
        let convoy = ConvoyAnalysis.analyse(facts: convoyRun.facts, slices: convoyRun.slices, threads: convoyRun.threads)
        let culprit = convoy.culprits.first.flatMap(\.name) ?? "the CPU-bound thread"
        lines.append("5. Convoy: \(convoy.ioCount) short sleeps, \(convoy.episodes.count) of them followed by a GIL wait longer than the"
            + " \(Humanize.duration(convoy.switchIntervalNs)) interval (p50 \(convoy.episodes.p50.map(Humanize.duration) ?? "-"), held by \(culprit)).")
        // Over all sleeps, alone and beside the spinner: the program's own "slowdown" compares the two halves instead.
        lines.append("   Over all \(convoy.ioCount) sleeps, waiting for the GIL afterwards added \(Humanize.duration(convoy.delay.totalNs))"
            + " to \(Humanize.duration(convoy.ioTotalNs)) of sleeping (I/O slowdown \(times(convoy.ioSlowdown))):")
        lines.append("   a thread back from I/O queues behind a CPU-bound one until the switch interval forces a drop."
            + " Try `gilrec run --switch-interval 0.001 Examples/convoy.py`.")
        lines.append(contentsOf: try whereLines(convoyRun, .gilWait))
        lines.append("")

        // 6. PEP 703: the same programs without a GIL.
        let ftSerial = try load("demo-ft-cpu-serial")
        let ftThreaded = try load("demo-ft-cpu-threaded")
        let ft = Speedup.compute(serial: ftSerial.facts, threaded: ftThreaded.facts, threadedSlices: ftThreaded.slices)
        let ftRace = (outputs["demo-ft-race"] ?? "").trimmingCharacters(in: .newlines)
        let ftRaceRun = try load("demo-ft-race")
        let objectLockWaits = ContentionAnalysis.analyse(
            facts: ftRaceRun.facts, slices: ftRaceRun.slices, threads: ftRaceRun.threads, objects: ftRaceRun.objects
        ).objects.filter { $0.kind == ObjectKind.objectLock.rawValue }.reduce(0) { $0 + $1.wait.count }
        lines.append("6. Free-threaded (PEP 703, CPython 3.13t): cpu_bound() ×2 serial \(seconds(ft.serialWallNs)), threaded"
            + " \(seconds(ft.threadedWallNs))  →  speedup \(times(ft.speedup)) on \(ftSerial.record.info.cpuCount) cores (with the GIL: \(times(cpu.speedup))).")
        lines.append("   No GIL events were recorded: both threads ran Python code at the same time, each list, dict and")
        lines.append("   global guarded by its own lock instead (\(objectLockWaits) contended object-lock waits in the race below).")
        lines.append("   counter += 1 without a GIL:  \(ftRace)")
        lines.append("   The GIL never made `counter += 1` atomic; without it the race is plain to see. Use a Lock.")
        lines.append("")

        // 7. The model beside the real interpreter, measured the same way.
        guard case .recorded(let engine) = realCPython else {
            if case .skipped(let why) = realCPython { lines.append("7. The real CPython: skipped (\(why)).") }
            return
        }
        let realSerial = try load("demo-cpython-cpu-serial")
        let realThreaded = try load("demo-cpython-cpu-threaded")
        let real = Speedup.compute(serial: realSerial.facts, threaded: realThreaded.facts, threadedSlices: realThreaded.slices)
        let realSummary = try summary(realThreaded)
        let realConvoyRun = try load("demo-cpython-convoy")
        let realConvoy = ConvoyAnalysis.analyse(
            facts: realConvoyRun.facts, slices: realConvoyRun.slices, threads: realConvoyRun.threads)
        func rate(_ s: RunSummary) -> String { s.switchesPerSecond.map { Humanize.format($0, decimals: 0) + "/s" } ?? "n/a" }
        func p50(_ c: ConvoyReport) -> String { c.episodes.p50.map(Humanize.duration) ?? "-" }
        lines.append("7. The same programs in the real \(engine), recorded from inside its process (`gilrec run --python python3`):")
        lines.append("                                   gilrec's model      real CPython")
        lines.append("   cpu_bound() ×2 speedup          \(pad(times(cpu.speedup)))  \(times(real.speedup))")
        lines.append("   GIL switches, 2 CPU threads     \(pad(rate(cpuSummary)))  \(rate(realSummary))")
        lines.append("   convoy episodes, p50            \(pad("\(convoy.episodes.count), \(p50(convoy))"))  \(realConvoy.episodes.count), \(p50(realConvoy))")
        lines.append("   convoy I/O slowdown             \(pad(times(convoy.ioSlowdown)))  \(times(realConvoy.ioSlowdown))")
        lines.append("   Record your own program the same way; `gilstat compare` sets a model run beside a real one.")
    }

    private func pad(_ text: String) -> String { text.padding(toLength: 18, withPad: " ", startingAt: 0) }
}
