import Testing
@testable import GILRuntime
import PythonSyntax

/// `match` beyond what `Scripts/96_match_statement.py` compares with CPython: the compile-time checks CPython's
/// compiler makes (messages and locations checked against CPython 3.11 by hand), and bindings left by a case
/// that failed half-way.
@Suite(.serialized)
struct MatchStatementTests {
    @Test(arguments: [
        ("match x:\n    case y:\n        pass\n    case 1:\n        pass\n", "2:10 name capture 'y' makes remaining patterns unreachable"),
        ("match x:\n    case _:\n        pass\n    case 1:\n        pass\n", "2:10 wildcard makes remaining patterns unreachable"),
        ("match x:\n    case [a, a]:\n        pass\n", "2:14 multiple assignments to name 'a' in pattern"),
        ("match x:\n    case {'k': a, **a}:\n        pass\n", "2:10 multiple assignments to name 'a' in pattern"),
        ("match x:\n    case 1 | y:\n        pass\n", "2:14 alternative patterns bind different names"),
        ("match x:\n    case P(a=1, a=2):\n        pass\n", "2:19 attribute name repeated in class pattern: a"),
    ])
    func compileTimeChecks(source: String, expected: String) {
        do {
            _ = try PythonCompiler.compile(source: source, fileName: "m.py")
            Issue.record("compiled \(source.debugDescription)")
        } catch {
            #expect("\(error.location) \(error.message)" == expected)
            #expect(!error.isUnsupported)
        }
    }

    @Test func aGuardedCaptureDoesNotMakeTheRestUnreachable() throws {
        let result = try runProgram("""
            def f(v):
                match v:
                    case int(n) if n > 1:
                        return "big"
                    case [*items]:
                        return f"items {items}"
                    case other:
                        return f"other {other}"
            print(f(5), f([1]), f(0))
            """)
        #expect(result.stdout == "big items [1] other 0\n", "\(result.stderr)")
    }

    /// Captures are stored only when the whole pattern matched (as CPython does), so a failed case binds nothing.
    @Test func aFailedCaseBindsNothing() throws {
        let result = try runProgram("""
            match [1, 2]:
                case [a, 3] | [3, a]:
                    pass
                case _:
                    print("a" in globals())
            match (1, 2):
                case [3, b] | [b, 2] if b == 1:
                    print("b", b)
            """)
        #expect(result.stdout == "False\nb 1\n", "\(result.stderr)")
    }

    @Test func theSubjectIsEvaluatedOnce() throws {
        let result = try runProgram("""
            calls = []
            def subject():
                calls.append(1)
                return {"x": 1}
            match subject():
                case [x]: pass
                case {"y": y}: pass
                case {"x": x}: print("x", x, "calls", len(calls))
            """)
        #expect(result.stdout == "x 1 calls 1\n", "\(result.stderr)")
    }
}
