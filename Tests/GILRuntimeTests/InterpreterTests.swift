import Foundation
import GILTrace
import Testing
import PythonSyntax
@testable import GILRuntime

/// Compiler and VM units: tracebacks, recursion, exit codes, unsupported constructs, float repr.
@Suite(.serialized)
struct InterpreterTests {
    @Test func tracebackHasCPythonShape() throws {
        let result = try runProgram("def f():\n    return 1 / 0\nf()\n", fileName: "x.py")
        #expect(result.outcome.exitCode == 1)
        #expect(result.stderr == """
            Traceback (most recent call last):
              File "x.py", line 3, in <module>
                f()
              File "x.py", line 2, in f
                return 1 / 0
            ZeroDivisionError: division by zero

            """)
    }

    @Test func recursionLimitRaisesRecursionError() throws {
        let result = try runProgram("def f(n):\n    return f(n + 1)\nf(0)\n")
        #expect(result.outcome.exitCode == 1)
        #expect(result.stderr.hasSuffix("RecursionError: maximum recursion depth exceeded\n"))
    }

    @Test func deepButLegalRecursionWorks() throws {
        let result = try runProgram("def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(990))\n")
        #expect(result.stdout == "990\n", "\(result.stderr)")
    }

    @Test func sysExitCode() throws {
        let result = try runProgram("import sys\nprint('bye')\nsys.exit(3)\n")
        #expect(result.outcome.exitCode == 3)
        #expect(result.stdout == "bye\n")
    }

    @Test func unsupportedConstructIsACompileError() throws {
        let source = "async def f(y):\n    return (x async for x in y)\n"
        #expect(throws: SyntaxError.self) {
            _ = try PythonCompiler.compile(source: source, fileName: "c.py")
        }
        do {
            _ = try PythonCompiler.compile(source: source, fileName: "c.py")
        } catch {
            #expect(error.description.hasPrefix("not supported yet: asynchronous generator expressions at c.py:2:12"))
        }
    }

    @Test(arguments: [
        (1e16, "1e+16"), (1e-05, "1e-05"), (0.1, "0.1"), (123456789.0, "123456789.0"), (9007199254740992.0, "9007199254740992.0"),
        (-0.0, "-0.0"), (Double.infinity, "inf"), (1.5e300, "1.5e+300"), (0.0001, "0.0001"), (1 / 3.0, "0.3333333333333333"),
    ])
    func floatReprMatchesCPython(value: Double, text: String) {
        #expect(formatFloatRepr(value) == text)
    }

    @Test func finallyRunsOnReturnAndBreak() throws {
        let source = """
            def f():
                try:
                    return "body"
                finally:
                    print("finally")
            print(f())
            for i in range(3):
                try:
                    if i == 1:
                        break
                finally:
                    print("cleanup", i)
            """
        let result = try runProgram(source)
        #expect(result.stdout == "finally\nbody\ncleanup 0\ncleanup 1\n", "\(result.stderr)")
    }

    @Test func disassemblerListsEveryCodeObject() throws {
        let program = try PythonCompiler.compile(source: "def f(a):\n    return a + 1\nprint(f(1))\n", fileName: "d.py")
        let text = PythonCompiler.disassemble(program)
        #expect(text.contains("code <module>"))
        #expect(text.contains("code f"))
        #expect(text.contains("add"))
    }
}

@Suite struct UnboundLocalTests {
    @Test func augmentedAssignmentToAGlobalWithoutDeclarationIsUnboundLocal() throws {
        let result = try runProgram("counter = 0\ndef work():\n    counter += 1\nwork()\n")
        #expect(result.outcome.exitCode == 1)
        #expect(result.stderr.hasSuffix("UnboundLocalError: cannot access local variable 'counter' where it is not associated with a value\n"))
    }

    @Test func conditionallyAssignedLocalIsCheckedOnlyWhenUnassigned() throws {
        let source = """
            def f(flag):
                if flag:
                    x = 1
                return x
            print(f(True))
            try:
                f(False)
            except UnboundLocalError as e:
                print("unbound", e)
            def g():
                for i in range(3):
                    y = i
                del y
                return y
            try:
                g()
            except UnboundLocalError:
                print("deleted")
            """
        let result = try runProgram(source)
        #expect(result.stdout == "1\nunbound cannot access local variable 'x' where it is not associated with a value\ndeleted\n", "\(result.stderr)")
    }
}

@Suite struct InheritanceTests {
    @Test func multipleInheritanceFollowsC3() throws {
        let source = """
            class A:
                def hello(self):
                    return "A"
            class B(A):
                def hello(self):
                    return "B" + super().hello()
            class C(A):
                def hello(self):
                    return "C" + super().hello()
            class D(B, C):
                def hello(self):
                    return "D" + super().hello()
            print(D().hello(), [k.__name__ for k in D.__mro__])
            try:
                class X(A, D):
                    pass
            except TypeError as e:
                print("TypeError")
            """
        let result = try runProgram(source)
        #expect(result.stdout == "DBCA ['D', 'B', 'C', 'A', 'object']\nTypeError\n", "\(result.stderr)")
    }
}

@Suite struct FileTests {
    @Test func openReadsAndWritesWithTheGILReleased() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gilrec-file-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = """
            with open(\(quoteString(path)), "w") as f:
                f.write("alpha\\nbeta\\n")
            with open(\(quoteString(path))) as f:
                print([line.strip() for line in f])
            """
        let result = try runProgram(source)
        #expect(result.stdout == "['alpha', 'beta']\n", "\(result.stderr)")
        #expect(result.sink.events.contains { $0.kind == .ioBegin && $0.obj == IOKind.fileWrite.rawValue })
        #expect(result.sink.events.contains { $0.kind == .ioBegin && $0.obj == IOKind.fileRead.rawValue })
    }
}

@Suite struct RobustnessTests {
    @Test(arguments: ["[].append()", "{}.get()", "divmod(1)", "getattr(1)", "staticmethod()", "slice()", "'x'.startswith()", "import math\nmath.sqrt()"])
    func tooFewArgumentsToABuiltinIsATypeError(call: String) throws {
        let result = try runProgram(call + "\n")
        #expect(result.outcome.exitCode == 1)
        #expect(result.stderr.split(separator: "\n").last?.hasPrefix("TypeError: ") == true, "\(result.stderr)")
    }
}

@Suite struct DataclassTests {
    @Test func dataclassGeneratesInitReprEqAndOrder() throws {
        let source = """
            from dataclasses import dataclass, field
            @dataclass
            class Point:
                x: int
                y: int = 0
            @dataclass(order=True)
            class Job:
                priority: int
                name: str = "job"
                tags: list = field(default_factory=list)
            p = Point(1, 2)
            print(p, Point(3), p == Point(1, 2), p == Point(2, 1))
            print(sorted([Job(3, "c"), Job(1, "a"), Job(2)]))
            """
        let result = try runProgram(source)
        #expect(result.stdout == """
            Point(x=1, y=2) Point(x=3, y=0) True False
            [Job(priority=1, name='a', tags=[]), Job(priority=2, name='job', tags=[]), Job(priority=3, name='c', tags=[])]

            """, "\(result.stderr)")
    }
}

@Suite struct UserHashTests {
    @Test func userHashAndEqDecideDictAndSetMembership() throws {
        let source = """
            class P:
                def __init__(self, x, y):
                    self.x, self.y = x, y
                def __hash__(self):
                    return hash((self.x, self.y))
                def __eq__(self, other):
                    return (self.x, self.y) == (other.x, other.y)
            d = {P(1, 2): "a"}
            print(d[P(1, 2)], P(1, 2) in d, P(2, 1) in d, len({P(0, 0), P(0, 0), P(1, 0)}))
            """
        let result = try runProgram(source)
        #expect(result.stdout == "a True False 2\n", "\(result.stderr)")
    }
}
