import GILTrace
import Testing
import TraceStore
@testable import GILRuntime

/// The recorder's stacks (docs/contracts.md, "Stacks") from our runtime: every frame of the thread at each
/// event that carries a stack, with the line each frame was at. Serialized: the programs start threads.
@Suite(.serialized) struct StackTests {
    /// "function:line" of each frame, outermost first, of the stack `tid` had at event `index`.
    static func frames(_ run: RunResult, at index: Int) -> [String] {
        let events = run.sink.events
        let tid = events[index].tid
        let announced = events[..<index].last { $0.tid == tid && $0.kind == .stack }
        return run.sink.frames(ofStack: Int32(announced?.arg ?? 0)).map { "\($0.function):\($0.line)" }
    }

    /// Stacks at the first event of `kind` (of thread `tid`, when given).
    static func frames(_ run: RunResult, first kind: EventKind, tid: UInt16? = nil) -> [String] {
        let events = run.sink.events
        guard let index = events.firstIndex(where: { $0.kind == kind && (tid == nil || $0.tid == tid) }) else { return [] }
        return frames(run, at: index)
    }

    @Test func recursionShowsEveryFrameAtItsLine() throws {
        let run = try runProgram("""
            import time
            def down(n):
                if n == 0:
                    time.sleep(0.001)
                    return
                down(n - 1)
            down(3)
            """)
        #expect(run.outcome.exitCode == 0)
        #expect(Self.frames(run, first: .ioBegin) == ["<module>:7", "down:6", "down:6", "down:6", "down:4"])
        // The GIL release for the sleep is at the same place; no second `stack` event for it.
        let events = run.sink.events
        let begin = events.firstIndex { $0.kind == .ioBegin }!
        #expect(events[begin...].prefix { $0.kind != .ioEnd }.allSatisfy { $0.kind != .stack })
        let locations = run.sink.locations.values
        #expect(locations.contains { $0.function == "down" && $0.firstLine == 2 && $0.file == "test.py" })
    }

    @Test func generatorFramesSitAboveTheirConsumer() throws {
        let run = try runProgram("""
            import time
            def gen():
                for i in range(2):
                    time.sleep(0.001)
                    yield i
            def consume():
                total = 0
                for x in gen():
                    total += x
                return total
            def inner():
                time.sleep(0.001)
                yield 1
            def outer():
                yield from inner()
            print(consume())
            for _ in outer():
                pass
            """)
        #expect(run.stdout == "1\n")
        let events = run.sink.events
        let sleeps = events.indices.filter { events[$0].kind == .ioBegin }
        #expect(sleeps.count == 3)
        #expect(Self.frames(run, at: sleeps[0]) == ["<module>:16", "consume:8", "gen:4"])
        #expect(Self.frames(run, at: sleeps[1]) == ["<module>:16", "consume:8", "gen:4"])
        #expect(Self.frames(run, at: sleeps[2]) == ["<module>:17", "outer:15", "inner:12"])
    }

    /// Values after the first come straight from the innermost generator of a `yield from` chain
    /// (`PyGenerator.resumeDelegate`): every delegating frame is still on the stack, at its `yield from` line.
    @Test func delegatedResumesKeepEveryFrame() throws {
        let run = try runProgram("""
            import time
            def inner():
                yield 1
                time.sleep(0.001)
                yield 2
            def mid():
                yield from inner()
            def outer():
                yield from mid()
            for _ in outer():
                pass
            """)
        #expect(run.outcome.exitCode == 0)
        let events = run.sink.events
        let sleeps = events.indices.filter { events[$0].kind == .ioBegin }
        #expect(sleeps.count == 1)
        #expect(Self.frames(run, at: sleeps[0]) == ["<module>:10", "outer:9", "mid:7", "inner:4"])
    }

    @Test func lockWaitsAtTheWithLineAndHoldsInTheCriticalSection() throws {
        let run = try runProgram("""
            import threading, time
            lock = threading.Lock()
            def worker():
                for _ in range(5):
                    with lock:
                        time.sleep(0.002)
            threads = [threading.Thread(target=worker) for _ in range(3)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            """)
        #expect(run.outcome.exitCode == 0)
        let slices = SliceBuilder.slices(of: run.sink.events)
        func site(_ stack: Int32) -> String { run.sink.frames(ofStack: stack).last.map { "\($0.function):\($0.line)" } ?? "-" }
        let lock = run.sink.objects.first { $0.name == "lock" }!.id
        let waits = slices.filter { $0.state == .lockWait && $0.obj == lock && $0.dur > 0 }
        #expect(!waits.isEmpty)
        #expect(Set(waits.map { site($0.stack) }) == ["worker:5"])
        let holds = slices.filter { $0.state == .lockHold && $0.obj == lock }
        #expect(holds.count == 15)
        // Held while sleeping inside: the critical section's line, not the `with` line.
        #expect(Set(holds.map { site($0.stack) }) == ["worker:6"])
        // join() waits on each thread object at the main program's line.
        #expect(Set(slices.filter { $0.state == .lockWait && $0.obj != lock }.map { site($0.stack) }) == ["<module>:11"])
    }

    @Test func untracedRunsAnnounceNoStacks() throws {
        let program = try PythonCompiler.compile(source: "import time\ntime.sleep(0.001)\n", fileName: "t.py", checkMode: .py310)
        let sink = MemorySink()
        _ = PythonRuntime(program: program, options: RuntimeOptions(argv: ["t.py"]), sink: sink, traceEnabled: false).run()
        #expect(sink.events.isEmpty && sink.stacks.isEmpty)
    }
}
