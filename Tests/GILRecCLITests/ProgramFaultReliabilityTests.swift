import Foundation
import GILRuntime
import GILTrace
import Testing
import TraceStore

@testable import GILRecCLI
@testable import GILRecorder

/// Programs that fault — unbounded recursion, huge allocations, sys.exit — through the built `gilrec`: a
/// Python exception and a stored run, never a crash of gilrec itself.
@Suite(.serialized, .enabled(if: BuiltBinary.available, "needs .build/debug/gilrec"))
struct ProgramFaultReliabilityTests {
    /// Records `source`; expects a clean exit with `status`, `expected` on stderr, and the run stored as `stored`.
    private func expectFault(
        _ source: String, status: Int32 = 1, stderr expected: String, stored: RunStatus = .error
    ) throws {
        let database = TemporaryDatabase()
        let result = try BuiltBinary.record(source, in: database)
        #expect(!result.crashed, "gilrec crashed: \(result.stderr.suffix(2000))")
        #expect(result.status == status, "stderr: \(result.stderr.suffix(2000))")
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr.suffix(2000))")
        #expect(try TraceReader(path: database.path).resolveRun(nil).status == stored)
    }

    @Test func deepRecursionIsARecursionError() throws {
        try expectFault("def f(n):\n    return f(n + 1)\nf(0)\n", stderr: "RecursionError: maximum recursion depth exceeded")
    }

    /// CPython's traceback shape for it: three frames, then the repeat count (not thousands of lines).
    @Test func recursionTracebackIsCollapsed() throws {
        let database = TemporaryDatabase()
        let result = try BuiltBinary.record("def f(n):\n    return f(n + 1)\nf(0)\n", in: database)
        #expect(result.stderr.contains(try #require(try Regex("\\n  \\[Previous line repeated 99[0-9] more times\\]\\n"))), "\(result.stderr.suffix(800))")
        #expect(result.stderr.split(separator: "\n").count < 20)
    }

    /// A raised recursion limit must not let the native stack overflow: the stack check stops it first.
    @Test(arguments: ["main", "thread"])
    func raisedRecursionLimitStillEndsInRecursionError(where place: String) throws {
        let call = place == "main" ? "f(0)" : "t = threading.Thread(target=f, args=(0,))\nt.start()\nt.join()\nraise SystemExit(1)"
        let source = "import sys, threading\nsys.setrecursionlimit(10**6)\ndef f(n):\n    return f(n + 1)\n\(call)\n"
        try expectFault(source, stderr: "RecursionError: maximum recursion depth exceeded")
    }

    @Test(arguments: [
        "a = []\nfor i in range(100000):\n    a = [a]\nprint(repr(a)[:10])\n",
        "a, b = [], []\nfor i in range(100000):\n    a, b = [a], [b]\nprint(a == b)\n",
        // One-element tuples take a shorter repr path; in a thread the stack is 16 MiB, not 512.
        "import threading\ndef f():\n    a = ()\n    for i in range(200000):\n        a = (a,)\n    print(repr(a)[:10])\n"
            + "t = threading.Thread(target=f)\nt.start()\nt.join()\nraise SystemExit(1)\n",
    ])
    func deeplyNestedDataIsARecursionError(source: String) throws {
        try expectFault(source, stderr: "RecursionError")
    }

    @Test(arguments: ["x = [0] * 10**10\n", "x = 'a' * 10**12\n", "x = (1,) * 10**11\n", "x = 2 ** (10**10)\n", "x = 1 << 10**11\n",
        "x = list(range(10**10))\n", "x = list(range(-2**62, 2**62))\n", "x = 'ab'.ljust(10**12)\n", "x = '1'.zfill(10**12)\n",
    ])
    func hugeAllocationIsAMemoryError(source: String) throws {
        try expectFault(source, stderr: "MemoryError: cannot allocate")
    }

    @Test func sysExitCodeAndStatus() throws {
        try expectFault("import sys\nsys.exit(7)\n", status: 7, stderr: "recorded run")
        try expectFault("import sys\nsys.exit(0)\n", status: 0, stderr: "recorded run", stored: .ok)
    }
}

/// Growth that never stops: MemoryError at the per-object cap (lowered here to 16 MiB so the test is light).
@Suite(.serialized)
struct GrowthReliabilityTests {
    @Test(arguments: [
        "x = [0]\nwhile True:\n    x = x + x\n", "x = [0]\nwhile True:\n    x += x\n", "x = [0]\nwhile True:\n    x.extend(x)\n",
        "s = 'ab'\nwhile True:\n    s = s + s\n", "x = [0]\nwhile True:\n    x = x * 2\n",
    ])
    func doublingForeverIsAMemoryError(source: String) throws {
        let database = TemporaryDatabase()
        let capture = OutputCapture()
        var request = Recording.Request(
            programPath: "grow.py", source: source, databasePath: database.path, output: .capture(capture))
        request.maxObjectBytes = 16 << 20
        let result = try Recording.record(request)
        #expect(result.outcome.status == .error)
        #expect(result.outcome.exitCode == 1)
        #expect(capture.standardError.contains("MemoryError: cannot allocate"), "\(capture.standardError)")
        #expect(try TraceReader(path: database.path).resolveRun(nil).status == .error)
    }
}
