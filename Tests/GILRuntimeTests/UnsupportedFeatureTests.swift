import Foundation
import PythonSyntax
import Testing
@testable import GILRuntime

/// Valid Python we do not run yet must fail with `not supported yet: <feature> at FILE:LINE:COL` (compile
/// time) or a `NotImplementedError: not supported yet: …` with a traceback (run time) — never a crash and
/// never a misleading SyntaxError.
@Suite struct UnsupportedFeatureTests {
    /// (source, the feature named in the message, line, column).
    static let compileTime: [(String, String, Int, Int)] = [
        ("async def f(y):\n    return (x async for x in y)\n", "asynchronous generator expressions", 2, 12),
    ]

    @Test(arguments: 0 ..< compileTime.count)
    func compileTimeFeatureIsNamedWithItsLocation(index: Int) throws {
        let (source, feature, line, column) = Self.compileTime[index]
        let error = try #require(Self.compileError(source), "\(feature) compiled")
        #expect(error.isUnsupported)
        let head = error.description.split(separator: "\n").first.map(String.init) ?? ""
        #expect(head == "not supported yet: \(feature) at prog.py:\(line):\(column)")
    }

    static func compileError(_ source: String) -> SyntaxError? {
        do {
            _ = try PythonCompiler.compile(source: source, fileName: "prog.py")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["compile(\"1\", \"f\", \"exec\", 1024)", "breakpoint()"])
    func runTimeFeatureRaisesNotImplemented(call: String) throws {
        let result = try runProgram("print('before')\nvalue = \(call)\n", fileName: "prog.py")
        #expect(result.stdout == "before\n")
        #expect(result.outcome.exitCode == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("File \"prog.py\", line 2") }, "stderr: \(result.stderr)")
        #expect(lines.last?.hasPrefix("NotImplementedError: not supported yet: ") == true, "stderr: \(result.stderr)")
    }

    @Test func regexFeaturesWeLackRaiseNotImplemented() throws {
        let result = try runProgram("import re\nre.compile('(?>a+)b')\n", fileName: "prog.py")
        #expect(result.outcome.exitCode == 1)
        #expect(result.stderr.hasSuffix("NotImplementedError: not supported yet: atomic groups in regular expressions\n"), "stderr: \(result.stderr)")
    }

    @Test func unknownModuleIsModuleNotFound() throws {
        let result = try runProgram("import no_such_module_anywhere\n", fileName: "prog.py")
        #expect(result.outcome.exitCode == 1)
        #expect(result.stderr.hasSuffix("ModuleNotFoundError: No module named 'no_such_module_anywhere'\n"), "stderr: \(result.stderr)")
    }
}
