import Foundation
import GILRuntime
import GILTrace
import Testing
import TraceStore

@testable import GILRecCLI
@testable import GILRecorder

/// `--db` files gilrec must refuse, through the built binary: one clear line, a non-zero exit, and the
/// user's file byte-for-byte unchanged (compared before and after). Read-only cases run gilrec as `nobody`
/// when the tests run as root (root may write anywhere).
@Suite(.serialized, .enabled(if: BuiltBinary.available, "needs .build/debug/gilrec"))
struct DatabaseReliabilityTests {
    static let program = "print('hello')\n"

    /// The file's whole contents (stronger than a hash, and Foundation on Linux has no CryptoKit).
    private func digest(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Runs `gilrec run --db path`, as `nobody` when asked and possible.
    private func record(into path: String, in directory: URL, asNobody: Bool = false) throws -> BuiltBinary.Result {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("db-reliability-\(UUID().uuidString).py")
        try Self.program.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        if asNobody && geteuid() == 0 {
            return try BuiltBinary.run(
                URL(fileURLWithPath: "/usr/bin/setpriv"),
                ["--reuid=65534", "--regid=65534", "--clear-groups", BuiltBinary.gilrec.path, "run", "--db", path, script.path])
        }
        return try BuiltBinary.run(BuiltBinary.gilrec, ["run", "--db", path, script.path])
    }

    private func expectRefused(_ path: String, in directory: URL, asNobody: Bool = false, message: String) throws {
        let before = digest(path)
        let listing = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        let result = try record(into: path, in: directory, asNobody: asNobody)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(!result.crashed)
        #expect(result.stdout.isEmpty, "the program must not run")
        #expect(result.stderr.hasPrefix("gilrec: ") && result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(digest(path) == before, "the file was modified")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == listing, "files were added")
    }

    @Test func notASQLiteFile() throws {
        let database = TemporaryDatabase()
        try Data("just some notes\n".utf8).write(to: URL(fileURLWithPath: database.path))
        try expectRefused(database.path, in: database.directory, message: "is not a SQLite database")
    }

    @Test func foreignSQLiteDatabase() throws {
        let database = TemporaryDatabase()
        let db = try Database(path: database.path, mode: .create)
        try db.execute("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('ada')")
        db.close()
        try expectRefused(database.path, in: database.directory, message: "gilrec did not create")
    }

    @Test func newerSchemaVersion() throws {
        let database = TemporaryDatabase()
        _ = try recordCaptured(Self.program, into: database)
        let db = try Database(path: database.path, mode: .readWrite)
        try db.execute("PRAGMA journal_mode = DELETE; PRAGMA user_version = 999")
        db.close()
        try expectRefused(database.path, in: database.directory, message: "schema version 999")
    }

    @Test func readOnlyFile() throws {
        let database = TemporaryDatabase()
        _ = try recordCaptured(Self.program, into: database)
        let db = try Database(path: database.path, mode: .readWrite)
        try db.execute("PRAGMA journal_mode = DELETE")  // no -wal/-shm left beside it
        db.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: database.directory.path)
        try expectRefused(database.path, in: database.directory, asNobody: true, message: "read-only")
    }

    /// The file is writable but its directory is not: WAL needs gil.db-wal and gil.db-shm beside it.
    @Test func readOnlyDirectory() throws {
        let database = TemporaryDatabase()
        _ = try recordCaptured(Self.program, into: database)
        let db = try Database(path: database.path, mode: .readWrite)
        try db.execute("PRAGMA journal_mode = DELETE")
        db.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: database.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: database.directory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: database.directory.path) }
        try expectRefused(database.path, in: database.directory, asNobody: true, message: database.path)
    }

    /// A new file in a directory we may not write to.
    @Test func newFileInReadOnlyDirectory() throws {
        let database = TemporaryDatabase()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: database.directory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: database.directory.path) }
        try expectRefused(database.path, in: database.directory, asNobody: true, message: "not writable")
    }

    /// The disk fills up while the program runs: it still finishes, what was committed stays readable, the run
    /// is marked `error`, and the recording fails with a message saying so (gilrec exits 1).
    @Test func diskFullMidRecording() throws {
        let database = TemporaryDatabase()
        _ = try recordCaptured(Self.program, label: "before", into: database)
        let capture = OutputCapture()
        var request = Recording.Request(
            programPath: "busy.py", source: ConcurrencyReliabilityTests.busy, databasePath: database.path,
            output: .capture(capture))
        request.storePageLimit = 60
        #expect {
            _ = try Recording.record(request)
        } throws: { error in
            guard case .recordingFailed(_, let committed, let reason) = error as? StoreError else { return false }
            return committed > 0 && reason.contains("full")
        }
        #expect(capture.standardOutput == "18000\n", "the program ran to its end")
        let reader = try TraceReader(path: database.path)
        #expect(try reader.query("PRAGMA integrity_check", parameters: [:]).rows.first?.first == .text("ok"))
        let run = try reader.resolveRun(nil)
        #expect(run.status == .error)
        #expect(run.eventCount > 0 && run.droppedEvents > 0)
        #expect(try reader.resolveRun("before").status == .ok)
    }
}
