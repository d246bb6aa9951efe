import Foundation
import GILRuntime
import TraceStore
@testable import GILRecorder

/// The real interpreters the CPython engine's tests record, found where pyenv or the system keeps them;
/// tests of a version that is not installed are skipped.
enum InstalledPython {
    /// `python3` as the user would name it (pyenv's shim included), when it runs.
    static let python3: String? = {
        guard let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .map({ "\($0)/python3" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return nil }
        return (try? PythonInterpreter.probe(path)) != nil ? "python3" : nil
    }()

    /// The executable of CPython `minor` (3.x) when installed: pyenv's versions, then /usr/bin.
    static func version(_ minor: Int) -> String? {
        let root = ProcessInfo.processInfo.environment["PYENV_ROOT"] ?? (NSHomeDirectory() + "/.pyenv")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root + "/versions")) ?? []
        let candidates = versions.filter { $0.hasPrefix("3.\(minor).") && !$0.hasSuffix("t") }.sorted()
            .map { "\(root)/versions/\($0)/bin/python3.\(minor)" } + ["/usr/bin/python3.\(minor)"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Records `source` under the real interpreter `python`, output captured.
func recordCPython(
    _ source: String, python: String, arguments: [String] = [], environment: [String: String] = [:],
    timeout: Double? = nil, into database: TemporaryDatabase, name: String = "program.py"
) throws -> (result: RecordingResult, stdout: String, stderr: String) {
    let script = database.directory.appendingPathComponent(name)
    try source.write(to: script, atomically: true, encoding: .utf8)
    let capture = OutputCapture()
    var request = Recording.Request(
        programPath: script.path, source: "", arguments: arguments, databasePath: database.path, timeoutSeconds: timeout,
        output: .capture(capture))
    request.python = python
    request.environment = environment
    let result = try Recording.record(request)
    return (result, capture.standardOutput, capture.standardError)
}

/// One integer from a query over `database` with the run bound as :run.
func scalar(_ sql: String, run: Int64, in database: TemporaryDatabase) throws -> Int64 {
    let result = try TraceReader(path: database.path).query(sql, parameters: ["run": .integer(run)])
    guard case .integer(let value)? = result.rows.first?.first else { return -1 }
    return value
}
