import Foundation
import Testing
@testable import GILRuntime

/// Every `Scripts/*.py`: our stdout must equal CPython's committed `.out`; failing programs must end with
/// the `.err` line on stderr and exit status 1.
@Suite(.serialized)
struct ScriptTests {
    /// Scripts known not to pass yet, with the reason. Keep short.
    static let knownFailures: [String: String] = [:]

    @Test(arguments: scriptNames())
    func scriptMatchesCPython(name: String) throws {
        let source = try String(contentsOf: scriptsDirectory.appendingPathComponent(name), encoding: .utf8)
        let base = String(name.dropLast(3))
        let expected = try String(contentsOf: scriptsDirectory.appendingPathComponent(base + ".out"), encoding: .utf8)
        let errURL = scriptsDirectory.appendingPathComponent(base + ".err")
        let expectedErr = try? String(contentsOf: errURL, encoding: .utf8)
        try withKnownIssue(Comment(rawValue: Self.knownFailures[name] ?? ""), isIntermittent: false) {
            // As `python3 NN_topic.py` run in the scripts directory: `__file__` and sys.path[0] are there.
            let path = scriptsDirectory.appendingPathComponent(name).path
            let result = try runProgram(source, fileName: path, scriptDirectory: scriptsDirectory.path)
            #expect(result.stdout == expected, "stderr: \(result.stderr)")
            if let expectedErr {
                let lastLine = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
                #expect(lastLine == expectedErr.trimmingCharacters(in: .newlines))
                #expect(result.outcome.exitCode == 1)
            } else {
                #expect(result.outcome.exitCode == 0, "stderr: \(result.stderr)")
                #expect(result.stderr.isEmpty)
            }
        } when: {
            Self.knownFailures[name] != nil
        }
    }
}
