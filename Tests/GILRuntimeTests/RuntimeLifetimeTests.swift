import Foundation
import GILTrace
import Testing
@testable import GILRuntime

/// A runtime whose program has ended is freed, so a sweep or the test suite does not keep every run's
/// objects alive; one with a daemon thread still running is kept (that thread may use anything).
@Suite(.serialized)
struct RuntimeLifetimeTests {
    /// Runs `source` and returns a weak reference to its runtime, after the last strong one is gone.
    func weakRuntimeAfterRun(_ source: String) throws -> () -> PythonRuntime? {
        let program = try PythonCompiler.compile(source: source, fileName: "lifetime.py")
        var options = RuntimeOptions(argv: ["lifetime.py"])
        options.output = .capture(OutputCapture())
        weak var weakRuntime: PythonRuntime?
        do {
            let runtime = PythonRuntime(program: program, options: options, sink: MemorySink())
            weakRuntime = runtime
            _ = runtime.run()
        }
        return { weakRuntime }
    }

    /// Whether the runtime is gone within a few seconds: an ended thread's OS thread may still be unwinding
    /// (and holding its closure, which holds the runtime) for a moment after `join` returned.
    func isFreed(_ runtime: () -> PythonRuntime?) -> Bool {
        for _ in 0..<300 {
            if runtime() == nil { return true }
            usleep(10_000)
        }
        return false
    }

    @Test func endedProgramFreesItsRuntime() throws {
        // Functions, classes, closures over module globals, imported modules (Swift and Python source) and
        // threads: each used to hold the runtime through a cycle.
        let runtime = try weakRuntimeAfterRun("""
            import threading, collections, time, sys
            counts = collections.Counter()
            class Box:
                def __init__(self):
                    self.items = []
                def add(self, x):
                    self.items.append(x)
            box = Box()
            def work(n):
                for i in range(n):
                    box.add(i)
                    counts[i % 3] += 1
            threads = [threading.Thread(target=work, args=(100,)) for _ in range(3)]
            for t in threads: t.start()
            for t in threads: t.join()
            print(len(box.items), sys.argv[0], time.time() > 0)
            """)
        #expect(isFreed(runtime))
    }

    /// Every importable module: a native method that captured the runtime, or a module kept outside the
    /// registry, would keep it alive through any class cycle.
    @Test(arguments: [
        "sys", "time", "threading", "os", "os.path", "queue", "socket", "traceback", "gilrec", "math", "hashlib", "re", "random",
        "urllib.request", "dataclasses", "concurrent.futures", "collections", "itertools", "functools", "logging",
        "heapq", "bisect", "operator", "copy", "string", "contextlib", "statistics", "io", "typing", "json",
    ])
    func importedModuleDoesNotKeepTheRuntime(module: String) throws {
        let runtime = try weakRuntimeAfterRun("import \(module)\nclass Cycle:\n    def again(self):\n        return super().again\n")
        #expect(isFreed(runtime), "import \(module)")
    }

    @Test func runtimeWithARunningDaemonIsKept() throws {
        let runtime = try weakRuntimeAfterRun("""
            import threading, time
            stop = threading.Event()
            threading.Thread(target=stop.wait, daemon=True).start()
            time.sleep(0.01)
            """)
        #expect(runtime() != nil)
    }
}

/// Freeing a structure nested far deeper than any native stack allows (CPython's trashcan case): each
/// container's deinit would recurse into the next. Run in a thread, whose stack is 16 MiB, not the main
/// thread's 512 MiB, and at the end of the program (`releaseObjects`), on the caller's stack.
@Suite(.serialized)
struct DeepStructureFreeingTests {
    @Test(arguments: [
        "a = []\nfor i in range(100000):\n    a = [a]",
        "a = ()\nfor i in range(100000):\n    a = (a,)",
        "class N:\n    def __init__(self, n):\n        self.n = n\na = None\nfor i in range(100000):\n    a = N(a)",
        "a = None\nfor i in range(100000):\n    a = [N for N in (a,)]",
        "a = {}\nfor i in range(100000):\n    a = {'next': a}",
        "def cell(x):\n    return lambda: x\na = None\nfor i in range(100000):\n    a = cell(a)",
    ])
    func deepChainIsFreedInAThreadAndAtExit(build: String) throws {
        let source = """
            import threading
            def work():
            \(build.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
                a = None
                print("freed")
            t = threading.Thread(target=work)
            t.start()
            t.join()
            \(build)
            print("kept")
            """
        let result = try runProgram(source)
        #expect(result.outcome.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "freed\nkept\n")
    }
}
