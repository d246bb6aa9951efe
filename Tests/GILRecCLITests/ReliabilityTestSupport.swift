import Foundation
import Synchronization
import Testing

/// Runs the built `gilrec` (or `gilstat`) as a process: what only a whole process can show — its exit status,
/// that it ends by itself, that it does not crash.
struct BuiltBinary {
    static let gilrec = DeadlockEndToEndTests.binary
    static let gilstat = DeadlockEndToEndTests.binary.deletingLastPathComponent().appendingPathComponent("gilstat")
    static var available: Bool { FileManager.default.isExecutableFile(atPath: gilrec.path) }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Ended by a signal (a crash: SIGSEGV, SIGABRT, SIGILL, SIGTRAP) rather than exiting.
        var crashed: Bool
    }

    /// Runs `binary` with `arguments`, killing it after `limit` seconds (SIGKILL; a hang is then reported as status -1).
    static func run(_ binary: URL = gilrec, _ arguments: [String], limit: Double = 60) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let killed = KillFlag()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem {
            killed.value.store(true, ordering: .relaxed)
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        watchdog.cancel()
        let hung = killed.value.load(ordering: .relaxed)
        return Result(
            status: hung ? -1 : process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            crashed: process.terminationReason == .uncaughtSignal && !hung)
    }

    /// Writes `source` as `name` into `directory` and records it with `gilrec run --db database`.
    static func record(
        _ source: String, name: String = "program.py", in database: TemporaryDatabase, extra: [String] = [],
        limit: Double = 60
    ) throws -> Result {
        let script = database.directory.appendingPathComponent(name)
        try source.write(to: script, atomically: true, encoding: .utf8)
        return try run(gilrec, ["run", "--db", database.path] + extra + [script.path], limit: limit)
    }
}

/// Set by the watchdog when it had to kill a hung process.
final class KillFlag: Sendable {
    let value = Atomic<Bool>(false)
}
