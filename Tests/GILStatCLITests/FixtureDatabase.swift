import Synchronization
import TraceStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fixture runs of `Tests/GILAnalysisTests/Fixtures` (1–2 cpu, 3 convoy, 4 locks, 5 interrupted) in
/// one database file, built once per test process.
enum FixtureDatabase {
    static let fixturesDirectory: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/GILAnalysisTests/Fixtures"
    }()

    static let fixtureFiles = ["cpu.sql", "convoy.sql", "locks.sql", "interrupted.sql"]

    /// The fixtures are SQL scripts fed to the `sqlite3` shell; without it the suites skip.
    static let canBuild: Bool = system("command -v sqlite3 >/dev/null 2>&1") == 0

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
        let dir = String(cString: getenv("TMPDIR") ?? strdup("/tmp"))
        let path = "\(dir)/gilstat-\(name)-\(getpid()).db"
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        return path
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    /// A gilrec database at `path` holding the runs of `files`.
    static func build(at path: String, files: [String] = fixtureFiles) throws -> String {
        let paths = (["schema.sql"] + files).map { "'\(fixturesDirectory)/\($0)'" }.joined(separator: " ")
        let status = system("cat \(paths) | sqlite3 '\(path)'")
        guard status == 0 else { throw SetupError(description: "sqlite3 could not build \(path) (status \(status))") }
        return path
    }

    static func sqlite3(_ path: String, sql: String) throws {
        let status = system("echo '\(sql)' | sqlite3 '\(path)'")
        guard status == 0 else { throw SetupError(description: "sqlite3 failed on \(path) (status \(status))") }
    }
}
