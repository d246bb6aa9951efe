#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Compiled module code kept between runs, as CPython's `__pycache__/*.pyc`, so that a program importing half
/// the standard library does not recompile it every time.
///
/// - Where: `$GILREC_CODE_CACHE_DIR`, else `$XDG_CACHE_HOME/gilrec/code`, else `~/.cache/gilrec/code` — never
///   next to the user's files — in one folder per build fingerprint (`BuildFingerprint`), so binaries built
///   from different sources (two checkouts, a test binary) never read each other's files. When a new build
///   makes its folder, the least recently written folders beyond the eight newest are removed.
/// - What: module files found on `sys.path` and the library modules compiled from sources built into the
///   binary. Not the main script (CPython does not cache `__main__` either: it is the file being edited),
///   nor `exec`/`eval`/`compile()`.
/// - Validity: a file is used only when its key matches — the source's absolute path, modification time
///   (nanoseconds) and size, the check-point mode and the seeded global names — and it is whole and undamaged
///   (`CodeArchive`). Anything else is recompiled and the file rewritten.
/// - Safety: files are written to a temporary name and renamed into place, so a reader sees a whole old or a
///   whole new file, with any number of gilrec processes at once. An unwritable folder silently means
///   compiling every time.
/// - Off: `GILREC_CODE_CACHE=off` (or `0`, `no`, `false`).
package final class CodeCache: @unchecked Sendable {  // immutable after init
    /// nil: caching is off.
    let directory: String?
    /// The build that writes and reads here (`BuildFingerprint`), part of every key too, so that a file
    /// copied or left from another build is never read.
    let fingerprint: String

    package init(directory: String?, fingerprint: String) {
        self.directory = directory
        self.fingerprint = fingerprint
    }

    /// The process's cache, from the environment.
    package static let shared = CodeCache(
        directory: defaultDirectory(ProcessInfo.processInfo.environment), fingerprint: BuildFingerprint.current ?? "")

    static func defaultDirectory(_ env: [String: String]) -> String? {
        if let flag = env["GILREC_CODE_CACHE"]?.lowercased(), ["off", "0", "no", "false"].contains(flag) { return nil }
        guard let fingerprint = BuildFingerprint.current else { return nil }
        let root: String
        if let dir = env["GILREC_CODE_CACHE_DIR"], !dir.isEmpty {
            root = dir
        } else if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            root = xdg + "/gilrec/code"
        } else if let home = env["HOME"], !home.isEmpty {
            root = home + "/.cache/gilrec/code"
        } else {
            return nil
        }
        return root + "/" + fingerprint
    }

    /// What a cached program was compiled from.
    enum Origin {
        /// A source file, by absolute path, as it was when read.
        case file(path: String, modified: timespec, size: Int)
        /// Source text built into the binary (the fingerprint covers its content), by module name.
        case builtIn(name: String)
    }

    // MARK: - Source files

    /// The program compiled from source file `path`: from the cache when valid, else compiled by `compile`
    /// (given the file's text) and stored.
    func program(file path: String, checkMode: CheckMode, seed: [String],
                 compile: (String) throws -> CompiledProgram) throws -> CompiledProgram {
        guard directory != nil, let origin = Self.origin(ofFile: path) else { return try compile(try ModuleFiles.readSource(path)) }
        let cacheKey = key(origin, checkMode: checkMode, seed: seed)
        let name = Self.fileName(origin, checkMode: checkMode, seed: seed)
        if let cached = load(name, key: cacheKey, fileName: path, checkMode: checkMode, lines: SourceLines(file: path)) { return cached }
        let program = try compile(try ModuleFiles.readSource(path))
        store(program, name: name, key: cacheKey)
        return program
    }

    /// A library module compiled from source text built into the binary.
    func program(builtIn module: String, source: String, compile: () throws -> CompiledProgram) rethrows -> CompiledProgram {
        guard directory != nil else { return try compile() }
        let origin = Origin.builtIn(name: module)
        let cacheKey = key(origin, checkMode: .py310, seed: [])
        let name = Self.fileName(origin, checkMode: .py310, seed: [])
        if let cached = load(name, key: cacheKey, fileName: "<frozen \(module)>", checkMode: .py310, lines: SourceLines(text: source)) {
            return cached
        }
        let program = try compile()
        store(program, name: name, key: cacheKey)
        return program
    }

    // MARK: - Keys

    static func origin(ofFile path: String) -> Origin? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return .file(path: absolute, modified: st.st_mtim, size: Int(st.st_size))
    }

    /// Everything a cached file must match, as bytes.
    func key(_ origin: Origin, checkMode: CheckMode, seed: [String]) -> [UInt8] {
        var w = CodeArchiveWriter(capacity: 256)
        w.string(fingerprint)
        switch origin {
        case .file(let path, let modified, let size):
            w.u8(1)
            w.string(path)
            w.int(modified.tv_sec)
            w.int(modified.tv_nsec)
            w.int(size)
        case .builtIn(let name):
            w.u8(2)
            w.string(name)
        }
        w.string(checkMode.rawValue)
        w.strings(seed)
        return w.bytes
    }

    /// The cache file's name: a hash of what identifies the source but not its version, so that a changed
    /// source overwrites its old entry instead of adding one.
    static func fileName(_ origin: Origin, checkMode: CheckMode, seed: [String]) -> String {
        var w = CodeArchiveWriter(capacity: 256)
        switch origin {
        case .file(let path, _, _): w.string("file:" + path)
        case .builtIn(let name): w.string("builtin:" + name)
        }
        w.string(checkMode.rawValue)
        w.strings(seed)
        let h = CodeArchive.checksum(w.bytes)
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ".gilc"
    }
}
