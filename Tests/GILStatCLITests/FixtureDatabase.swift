import GILTrace
import Synchronization
import TraceStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fixture runs of `Tests/GILAnalysisTests/Fixtures` (1–2 cpu, 3 convoy, 4 locks, 5 interrupted) in one
/// store file built once per test process: TraceStore creates the file and its schema (through a throwaway
/// recording, the public way to create a store), then the fixture scripts insert their rows.
enum FixtureDatabase {
    static let fixturesDirectory: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/GILAnalysisTests/Fixtures"
    }()

    static let fixtureFiles = ["cpu.sql", "convoy.sql", "locks.sql", "interrupted.sql"]

    private static let built = Mutex<String?>(nil)

    static func path() throws -> String {
        try built.withLock { path in
            if let path { return path }
            let made = try build(at: temporaryPath("fixtures"))
            path = made
            return made
        }
    }

    static func temporaryPath(_ name: String) -> String {
        let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        let path = "\(dir)/gilstat-\(name)-\(getpid()).db"
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        return path
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    /// A store at `path` holding exactly the runs of `files` (none: an empty store).
    static func build(at path: String, files: [String] = fixtureFiles) throws -> String {
        let writer = try RunWriter.begin(path: path, info: RunInfo(label: "setup", program: "setup"))
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 0, cpuNs: 0), droppedEvents: 0)
        let db = try Database(path: path, mode: .readWrite)
        defer { db.close() }
        try db.execute(
            "DELETE FROM runs; DELETE FROM threads; DELETE FROM objects; DELETE FROM labels; DELETE FROM events; "
                + "DELETE FROM slice_rows;")
        for file in files {
            guard let sql = read("\(fixturesDirectory)/\(file)") else {
                throw SetupError(description: "cannot read fixture \(file)")
            }
            try db.execute(sql)
        }
        return path
    }

    /// A SQLite file gilrec did not create.
    static func foreign(at path: String) throws -> String {
        let db = try Database(path: path, mode: .create)
        defer { db.close() }
        try db.execute("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('hello');")
        return path
    }

    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            bytes.append(contentsOf: buffer[0..<n])
            if n < buffer.count { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
