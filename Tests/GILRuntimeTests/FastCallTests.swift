import GILTrace
import Testing
@testable import GILRuntime

/// The call fast path and borrowed registers (VM/Interpreter+FastCalls.swift, VM/Registers.swift): plain
/// functions and methods called straight from registers must behave as the general path does — arguments,
/// returned objects and constants, recursion limits, exceptions and tracebacks through nested fast calls,
/// a callee that drops the last global reference to itself, and the fallbacks (defaults, closures,
/// generators, wrong argument counts). The expected output is CPython 3.11's.
@Suite(.serialized)
struct FastCallTests {
    static let program = #"""
        import sys

        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)

        def ident(x):
            return x

        def const():
            return "same constant"

        def down(n):
            return 0 if n == 0 else 1 + down(n - 1)

        def rebind():
            global target
            target = None
            return "callee survived its global"

        target = rebind

        def fails(n):
            if n == 0:
                raise ValueError("bottom")
            return fails(n - 1)

        def defaults(a, b=2):
            return a + b

        def outer(k):
            def inner(v):
                return v * k
            return inner(3)

        def gen(n):
            for i in range(n):
                yield i
            return "done"

        class Box:
            def __init__(self, v):
                self.v = v
            def get(self):
                return self.v
            def chain(self, other):
                return self.get() + other.get()

        print(fib(15), ident([1, 2]), ident(ident("s")), [const() for _ in range(3)])
        print(target(), target)
        try:
            fails(3)
        except ValueError as e:
            print("ValueError", e)
        sys.setrecursionlimit(200)
        try:
            down(1000)
        except RecursionError:
            print("RecursionError")
        print(down(100))
        print(defaults(1), defaults(1, 5), outer(4), list(gen(3)))
        b, c = Box(2), Box(40)
        print(b.chain(c), Box.get(b), [Box(i).get() for i in range(4)])
        b.get = lambda: "shadowed"
        print(b.get(), c.get())
        try:
            ident()
        except TypeError as e:
            print("TypeError", e)
        try:
            ident(1, 2)
        except TypeError as e:
            print("TypeError", e)
        x = 10
        x = x + 1 if x < 11 else x
        print(x, x < 12, x == 11)
        """#

    static let expected = """
        610 [1, 2] s ['same constant', 'same constant', 'same constant']
        callee survived its global None
        ValueError bottom
        RecursionError
        100
        3 6 12 [0, 1, 2]
        42 2 [0, 1, 2, 3]
        shadowed 40
        TypeError ident() missing 1 required positional argument: 'x'
        TypeError ident() takes 1 positional argument but 2 were given
        11 True True

        """

    @Test func plainCallsMatchCPython() throws {
        let result = try runProgram(Self.program)
        #expect(result.stderr == "")
        #expect(result.stdout == Self.expected)
    }

    /// The same program with object locking on (free-threaded policy): caches are bypassed, the fast
    /// call path is not (it touches only the caller's registers and the immutable code object).
    @Test func plainCallsMatchCPythonFreeThreaded() throws {
        let result = try runFreeThreaded(Self.program)
        #expect(result.stderr == "")
        #expect(result.stdout == Self.expected)
    }

    /// An exception raised three fast calls deep keeps one traceback entry per frame, innermost last.
    @Test func tracebackThroughFastCalls() throws {
        let result = try runProgram("""
            def fails(n):
                if n == 0:
                    raise ValueError("bottom")
                return fails(n - 1)

            class K:
                def m(self):
                    return fails(2)

            K().m()
            """)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("  File") }
        #expect(lines.map { $0.split(separator: ",")[1] } == [" line 10", " line 8", " line 4", " line 4", " line 3"])
        #expect(result.stderr.hasSuffix("ValueError: bottom\n"))
    }

    /// `if`/`while` tests that are one comparison compile to `jumpUnlessCompare`: ints inline, everything
    /// else (floats, NaN, big ints, str, tuples, rich comparisons returning non-bools, TypeError) as the
    /// comparison opcodes decide. Chained comparisons keep the general path. Expected: CPython 3.11.
    @Test func fusedCompareBranchesMatchCPython() throws {
        let result = try runProgram(#"""
            class Loose:
                def __init__(self, v):
                    self.v = v
                def __lt__(self, other):
                    return self.v - other.v
                def __eq__(self, other):
                    return [] if self.v == other.v else [1]

            def branches(a, b):
                out = []
                if a < b: out.append("<")
                if a <= b: out.append("<=")
                if a > b: out.append(">")
                if a >= b: out.append(">=")
                if a == b: out.append("==")
                if a != b: out.append("!=")
                return "".join(out) or "-"

            nan = float("nan")
            for a, b in [(1, 2), (2, 2), (3, 2), (-2**63, 2**63 - 1), (2**70, 1), (1.5, 2), (2, 2.0), (nan, nan), ("a", "b"), ((1, 2), (1, 3)), (True, 1)]:
                print(repr(a), repr(b), branches(a, b))
            def loose(a, b):
                out = []
                if a < b: out.append("<")
                if a == b: out.append("==")
                if a != b: out.append("!=")
                return "".join(out) or "-"
            print(loose(Loose(3), Loose(1)), loose(Loose(1), Loose(1)), loose(Loose(1), Loose(3)))
            n, steps = 0, 0
            while n < 10:
                n += 3
                steps += 1
            while 1 < n <= 12 < 20:
                n += 1
            print(n, steps)
            try:
                if 1 < "x":
                    pass
            except TypeError as e:
                print("TypeError", e)
            i = 0
            while i != 5:
                i += 1
                if i == 2:
                    continue
                if i >= 4:
                    break
            print(i)
            """#)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            1 2 <<=!=
            2 2 <=>===
            3 2 >>=!=
            -9223372036854775808 9223372036854775807 <<=!=
            1180591620717411303424 1 >>=!=
            1.5 2 <<=!=
            2 2.0 <=>===
            nan nan !=
            'a' 'b' <<=!=
            (1, 2) (1, 3) <<=!=
            True 1 <=>===
            <== != <==
            13 4
            TypeError '<' not supported between instances of 'int' and 'str'
            4

            """)
    }

    /// Which tests fuse: one ordering/equality comparison does; a chain, `in` or a plain name does not.
    @Test func onlySingleComparisonsFuse() throws {
        func listing(_ test: String) throws -> String {
            let source = "def f(a, b):\n    if \(test):\n        return 1\n    return 0\n"
            return PythonCompiler.disassemble(try PythonCompiler.compile(source: source, fileName: "t.py"))
        }
        for test in ["a < b", "a >= 1", "a == b", "a != b"] {
            let text = try listing(test)
            #expect(text.contains("jumpUnlessCompare") && !text.contains("jumpIfFalse"), "\(test)")
        }
        for test in ["a < b < 3", "a in b", "a is b", "a", "not a < b"] {
            let text = try listing(test)
            #expect(!text.contains("jumpUnlessCompare") && text.contains("jumpIfFalse"), "\(test)")
        }
    }

    /// `Value`'s layout, which `borrowedObject` reads: payload in the first word, tag after it.
    @Test func registerLayoutAndBorrowing() {
        #expect(MemoryLayout<Value>.size == 9)
        #expect(MemoryLayout<Value>.stride == 16)
        let regs = UnsafeMutablePointer<Value>.allocate(capacity: 5)
        defer { regs.deinitialize(count: 5); regs.deallocate() }
        var list = PyList([.int(1)])
        regs.initialize(to: .object(list))
        (regs + 1).initialize(to: .int(7))
        (regs + 2).initialize(to: .none)
        (regs + 3).initialize(to: .float(-0.0))
        (regs + 4).initialize(to: .bool(true))
        #expect(regs.borrowedObject(0)?.toOpaque() == Unmanaged.passUnretained(list).toOpaque())
        for k in 1..<5 { #expect(regs.borrowedObject(k) == nil) }
        // Borrowing took no reference; overwriting the register with a scalar releases its reference.
        #expect(!isKnownUniquelyReferenced(&list))
        regs.setInt(0, 3)
        #expect(isKnownUniquelyReferenced(&list))
        regs.set(2, .object(list))
        #expect(!isKnownUniquelyReferenced(&list))
        regs.setBool(2, false)
        #expect(isKnownUniquelyReferenced(&list))
        regs.setBool(1, true)
        if case .int(3) = regs[0], case .bool(true) = regs[1], case .bool(false) = regs[2] {} else {
            Issue.record("registers \(regs[0]) \(regs[1]) \(regs[2])")
        }
    }

    private func runFreeThreaded(_ source: String) throws -> RunResult {
        let program = try PythonCompiler.compile(source: source, fileName: "test.py", checkMode: .py310)
        let capture = OutputCapture()
        var options = RuntimeOptions(argv: ["test.py"])
        options.output = .capture(capture)
        options.policy = .freeThreaded
        let sink = MemorySink()
        let outcome = PythonRuntime(program: program, options: options, sink: sink).run()
        return RunResult(stdout: capture.standardOutput, stderr: capture.standardError, outcome: outcome, sink: sink)
    }
}
