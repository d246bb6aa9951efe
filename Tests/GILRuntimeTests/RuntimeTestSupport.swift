import Foundation
import GILTrace
@testable import GILRuntime

/// What one in-process run produced.
struct RunResult {
    var stdout: String
    var stderr: String
    var outcome: ProgramOutcome
    var sink: MemorySink
}

/// Compiles and runs `source` with captured output and an in-memory event sink.
/// `scriptDirectory`: `sys.path[0]` (default: the directory of `fileName`, as for `python3 fileName`).
func runProgram(
    _ source: String, fileName: String = "test.py", argv: [String] = [], checkMode: CheckMode = .py310, scriptDirectory: String? = nil
) throws -> RunResult {
    let program = try PythonCompiler.compile(source: source, fileName: fileName, checkMode: checkMode)
    let capture = OutputCapture()
    var options = RuntimeOptions(argv: [fileName] + argv)
    options.output = .capture(capture)
    if let scriptDirectory { options.modulePath = [scriptDirectory, ModulePath.builtinEntry, ModulePath.cpythonEntry] }
    let sink = MemorySink()
    let runtime = PythonRuntime(program: program, options: options, sink: sink)
    let outcome = runtime.run()
    return RunResult(stdout: capture.standardOutput, stderr: capture.standardError, outcome: outcome, sink: sink)
}

/// The oracle scripts directory (Tests/GILRuntimeTests/Scripts), found next to this file.
let scriptsDirectory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

func scriptNames() -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: scriptsDirectory.path)) ?? []
    return files.filter { $0.hasSuffix(".py") && $0.first?.isNumber == true }.sorted()
}
