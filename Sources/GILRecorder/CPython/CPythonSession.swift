import CGILRecShared
import Foundation
import GILCore

/// The directory one `gilrec run --python` shares with the recorded processes: the preload library and the
/// start-up code (written from the copies embedded in gilrec), and each armed process's ring and meta files
/// (gilrec_shared.h). In /dev/shm when it has room (the rings are shared memory there), else in $TMPDIR.
/// Removed when the recording is finished.
package final class CPythonSession: @unchecked Sendable {  // immutable after init
    package let directory: String
    package let libraryPath: String
    package let startupDirectory: String

    /// The program sees gilrec's start-up code through this, and its children inherit it.
    static let preloadVariable = "GILREC_PRELOAD"

    package init(ringCapacity: Int? = nil) throws {
        let base = Self.baseDirectory()
        var template = Array("\(base)/gilrec-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw PythonInterpreter.ProbeError(description: "cannot create a session directory in \(base): \(String(cString: strerror(errno)))")
        }
        directory = String(cString: made)
        libraryPath = directory + "/libgilrec.so"
        startupDirectory = directory + "/startup"
        self.ringCapacity = ringCapacity
        do {
            try FileManager.default.createDirectory(atPath: startupDirectory, withIntermediateDirectories: false)
            try Self.write(EmbeddedFiles.preloadLibrary, to: libraryPath, mode: 0o755)
            try Self.write(EmbeddedFiles.sitecustomize, to: startupDirectory + "/sitecustomize.py", mode: 0o644)
        } catch {
            remove()
            throw error
        }
    }

    private let ringCapacity: Int?

    /// /dev/shm (memory) when it has 1 GiB free, else $TMPDIR or /tmp: the ring files are sparse, only the
    /// slots threads write take room.
    private static func baseDirectory() -> String {
        var stats = statvfs()
        if statvfs("/dev/shm", &stats) == 0, access("/dev/shm", W_OK) == 0,
           UInt64(stats.f_bavail) * UInt64(stats.f_frsize) >= 1 << 30 {
            return "/dev/shm"
        }
        return ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    private static func write(_ base64: String, to path: String, mode: Int) throws {
        guard let data = Data(base64Encoded: base64) else {
            throw PythonInterpreter.ProbeError(description: "gilrec's embedded \(path) is damaged (rebuild gilrec)")
        }
        try data.write(to: URL(fileURLWithPath: path))
        chmod(path, mode_t(mode))
    }

    /// The program's environment: gilrec's library preloaded, its start-up directory first on PYTHONPATH
    /// (the start-up code takes it off sys.path again), and where to record.
    package func environment(base: [String: String], consumer: Int32) -> [String: String] {
        var environment = base
        environment["LD_PRELOAD"] = [libraryPath, base["LD_PRELOAD"]].compactMap { $0?.isEmpty == false ? $0 : nil }
            .joined(separator: ":")
        environment["PYTHONPATH"] = [startupDirectory, base["PYTHONPATH"]].compactMap { $0?.isEmpty == false ? $0 : nil }
            .joined(separator: ":")
        environment[GILREC_ENV_SESSION] = directory
        environment[Self.preloadVariable] = libraryPath
        environment[GILREC_ENV_CONSUMER] = String(consumer)
        if let ringCapacity { environment[GILREC_ENV_RING_CAPACITY] = String(ringCapacity) }
        // The CPU's counter where gilrec's own recorder trusts it: ~20 ns per event instead of ~50.
        if TickClock.counterIsTrusted { environment[GILREC_ENV_CLOCK] = "ticks" }
        return environment
    }

    /// The ring files of processes that armed, by pid.
    package func processFiles() -> [(pid: Int32, path: String)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.compactMap { name in
            guard name.hasPrefix("proc-"), name.hasSuffix(".rings"),
                  let pid = Int32(name.dropFirst(5).dropLast(6)) else { return nil }
            return (pid, directory + "/" + name)
        }
    }

    package func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
