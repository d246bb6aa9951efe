import Foundation
import GILRuntime
import TraceStore
@testable import GILRecCLI
@testable import GILRecorder

/// A fresh database path per test, removed with its WAL files when the value goes away.
final class TemporaryDatabase {
    let directory: URL
    var path: String { directory.appendingPathComponent("gil.db").path }

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gilrec-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// Records `source` into `database` with captured output; returns the result and what the program printed.
func recordCaptured(
    _ source: String, name: String = "program.py", arguments: [String] = [], label: String? = nil,
    into database: TemporaryDatabase
) throws -> (result: RecordingResult, stdout: String, stderr: String) {
    let capture = OutputCapture()
    let request = Recording.Request(
        programPath: name, source: source, arguments: arguments, label: label, databasePath: database.path,
        output: .capture(capture)
    )
    let result = try Recording.record(request)
    return (result, capture.standardOutput, capture.standardError)
}

/// The example's source with its loop bounds shrunk so a debug build runs it quickly.
func shrunkExample(_ name: String) throws -> String {
    var source = try ExampleLibrary.load(name).source
    source = source.replacingOccurrences(of: "range(10**7)", with: "range(10**5)")
    return source
}

let cpythonCandidates = ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"]
let cpythonIsInstalled = cpythonCandidates.contains { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs a Python file with the real CPython when it is installed; nil when it is not.
func runCPython(_ source: String, arguments: [String] = []) -> String? {
    guard let python = cpythonCandidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("oracle-\(UUID().uuidString).py")
    defer { try? FileManager.default.removeItem(at: file) }
    guard (try? source.write(to: file, atomically: true, encoding: .utf8)) != nil else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [file.path] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(data: data, encoding: .utf8)
}
