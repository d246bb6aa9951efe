import Foundation
import GILTrace
import Testing
@testable import GILRuntime

/// Threads on the instrumented GIL: invariants of the recorded event stream, and the 3.10+ atomicity of
/// `counter += 1` between check points.
@Suite(.serialized)
struct ThreadingTests {
    static let race = """
        import threading
        counter = 0
        def work():
            global counter
            for _ in range(20000):
                counter += 1
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(counter)
        """

    @Test func globalCounterLosesNothingBetweenCheckPoints() throws {
        let result = try runProgram(Self.race)
        #expect(result.stdout == "80000\n", "stderr: \(result.stderr)")
        #expect(result.outcome.exitCode == 0)
    }

    @Test func everyInstructionCheckModeStillRunsCorrectly() throws {
        let result = try runProgram("x = 0\nfor i in range(1000):\n    x += i\nprint(x)\n", checkMode: .every)
        #expect(result.stdout == "499500\n")
    }

    @Test func gilHoldsNeverOverlapAndBalance() throws {
        let source = """
            import threading
            def spin():
                n = 0
                for i in range(200000):
                    n += 1
            threads = [threading.Thread(target=spin) for _ in range(3)]
            for t in threads: t.start()
            for t in threads: t.join()
            print("done")
            """
        let result = try runProgram(source)
        #expect(result.stdout == "done\n")
        let events = result.sink.events
        var holder: UInt16?
        var acquires: [UInt16: Int] = [:]
        var releases: [UInt16: Int] = [:]
        var overlaps = 0
        for e in events {
            switch e.kind {
            case .gilAcquire?:
                if holder != nil { overlaps += 1 }
                holder = e.tid
                acquires[e.tid, default: 0] += 1
            case .gilRelease?:
                if holder != e.tid { overlaps += 1 }
                holder = nil
                releases[e.tid, default: 0] += 1
            default: break
            }
        }
        #expect(overlaps == 0)
        #expect(acquires == releases)
        #expect(acquires.count == 4)  // main + 3 workers
        let starts = events.filter { $0.kind == .threadStart }.count
        let ends = events.filter { $0.kind == .threadEnd }.count
        #expect(starts == 4 && ends == 4)
    }

    @Test func locksAreNamedAfterTheirAssignment() throws {
        let source = """
            import threading
            counter_lock = threading.Lock()
            with counter_lock:
                pass
            class Box:
                def __init__(self):
                    self.guard = threading.RLock()
            b = Box()
            with b.guard:
                pass
            """
        let result = try runProgram(source)
        #expect(result.outcome.exitCode == 0, "\(result.stderr)")
        let names = result.sink.objects.map(\.name)
        #expect(names.contains("counter_lock"))
        #expect(names.contains("guard"))
        #expect(result.sink.objects.first { $0.name == "counter_lock" }?.sourceLine == 2)
    }

    @Test func uncaughtExceptionInThreadIsReportedAndProgramGoesOn() throws {
        let source = """
            import threading
            def worker():
                raise ValueError("boom")
            t = threading.Thread(target=worker)
            t.start()
            t.join()
            print("after")
            """
        let result = try runProgram(source)
        #expect(result.stdout == "after\n")
        #expect(result.outcome.exitCode == 0)
        #expect(result.stderr.hasPrefix("Exception in thread Thread-1 (worker):\nTraceback (most recent call last):\n"))
        #expect(result.stderr.hasSuffix("ValueError: boom\n"))
    }

    @Test func threadAttributesBeforeAndAfterStart() throws {
        let source = """
            import threading
            def f():
                pass
            t = threading.Thread(target=f, name="w")
            print(t.ident, t.is_alive(), t.name, t.daemon)
            t.start()
            t.join()
            print(t.ident is not None, t.is_alive(), threading.current_thread().name)
            """
        let result = try runProgram(source)
        #expect(result.stdout == "None False w False\nTrue False MainThread\n", "\(result.stderr)")
    }

    @Test func sleepReleasesTheGIL() throws {
        let source = """
            import threading, time
            def nap():
                time.sleep(0.01)
            ts = [threading.Thread(target=nap) for _ in range(4)]
            for t in ts: t.start()
            for t in ts: t.join()
            """
        let result = try runProgram(source)
        #expect(result.outcome.exitCode == 0, "\(result.stderr)")
        let events = result.sink.events
        #expect(events.filter { $0.kind == .ioBegin }.count == 4)
        #expect(events.filter { $0.kind == .gilRelease && $0.arg == GILReleaseReason.io.rawValue }.count == 4)
    }
}

/// `PythonRuntime.interrupt()` (the CLI's SIGINT path) becomes KeyboardInterrupt in the main thread.
@Suite(.serialized)
struct InterruptTests {
    func interrupted(_ source: String) throws -> (ProgramOutcome, String) {
        let program = try PythonCompiler.compile(source: source, fileName: "spin.py")
        let capture = OutputCapture()
        var options = RuntimeOptions(argv: ["spin.py"])
        options.output = .capture(capture)
        let runtime = PythonRuntime(program: program, options: options, sink: MemorySink())
        let box = UncheckedBox(runtime)
        let thread = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            box.value.interrupt()
        }
        thread.start()
        let outcome = runtime.run()
        return (outcome, capture.standardError)
    }

    @Test func busyLoopIsInterruptedAtACheckPoint() throws {
        let (outcome, stderr) = try interrupted("while True:\n    pass\n")
        #expect(outcome.status == .interrupted)
        #expect(outcome.exitCode == 130)
        #expect(stderr.hasSuffix("KeyboardInterrupt\n"))
    }

    @Test func sleepIsInterrupted() throws {
        let (outcome, stderr) = try interrupted("import time\ntime.sleep(30)\n")
        #expect(outcome.status == .interrupted)
        #expect(stderr.hasSuffix("KeyboardInterrupt\n"))
    }

    @Test func handlerCanCatchKeyboardInterrupt() throws {
        let (outcome, _) = try interrupted("try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught')\n")
        #expect(outcome.exitCode == 0)
    }
}

/// Modules built on the threading primitives.
@Suite(.serialized)
struct ThreadPoolTests {
    @Test func threadPoolExecutorAndThreadLocal() throws {
        let source = """
            import threading
            from concurrent.futures import ThreadPoolExecutor, as_completed
            def square(x):
                return x * x
            with ThreadPoolExecutor(max_workers=3) as ex:
                futures = [ex.submit(square, i) for i in range(6)]
                print(sorted(f.result() for f in as_completed(futures)))
                print(list(ex.map(square, range(4))))
            local = threading.local()
            local.x = 1
            def w():
                local.x = 2
            t = threading.Thread(target=w)
            t.start()
            t.join()
            print(local.x)
            """
        let result = try runProgram(source)
        #expect(result.stdout == "[0, 1, 4, 9, 16, 25]\n[0, 1, 4, 9]\n1\n", "\(result.stderr)")
        #expect(result.outcome.exitCode == 0)
    }
}

@Suite(.serialized)
struct SocketTests {
    @Test func echoRoundTripReleasesTheGILInEveryBlockingCall() throws {
        let source = """
            import socket, threading
            server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            server.bind(("127.0.0.1", 0))
            server.listen(1)
            port = server.getsockname()[1]
            def serve():
                conn, _ = server.accept()
                while True:
                    data = conn.recv(64)
                    if not data:
                        break
                    conn.sendall(data)
                conn.close()
            t = threading.Thread(target=serve)
            t.start()
            c = socket.create_connection(("127.0.0.1", port))
            c.sendall(b"ping")
            print(c.recv(64))
            c.close()
            t.join()
            server.close()
            """
        let result = try runProgram(source)
        #expect(result.stdout == "b'ping'\n", "\(result.stderr)")
        let kinds = Set(result.sink.events.filter { $0.kind == .ioBegin }.map(\.obj))
        for kind in [IOKind.accept, .connect, .recv, .send] { #expect(kinds.contains(kind.rawValue)) }
    }
}
