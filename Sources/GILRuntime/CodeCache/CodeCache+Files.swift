#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

extension CodeCache {
    /// How many build folders survive a new build's first write.
    static let keptBuilds = 8

    /// The program in cache file `name`, or nil when it is missing, foreign, stale or damaged.
    func load(_ name: String, key: [UInt8], fileName: String, checkMode: CheckMode, lines: SourceLines) -> CompiledProgram? {
        guard let directory, let bytes = Self.readWhole(directory + "/" + name) else { return nil }
        return bytes.withUnsafeBytes {
            CodeArchive.decode($0, key: key, fileName: fileName, checkMode: checkMode, sourceLines: lines)
        }
    }

    /// Writes `program` as cache file `name` (temporary file, then rename); any failure leaves the cache as
    /// it was.
    func store(_ program: CompiledProgram, name: String, key: [UInt8]) {
        guard let directory, let bytes = try? CodeArchive.encode(program, key: key) else { return }
        let temporary = directory + "/.\(name).\(getpid()).\(Self.nextTemporary()).tmp"
        var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT, makeDirectory(directory) {
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { return }
        let written = bytes.withUnsafeBytes { Self.writeAll(fd, $0) }
        close(fd)
        if !written || rename(temporary, directory + "/" + name) != 0 { unlink(temporary) }
    }

    private static let temporaryCounter = Mutex(0)

    private static func nextTemporary() -> Int {
        temporaryCounter.withLock { n in
            n += 1
            return n
        }
    }

    private static func readWhole(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                done += n
            }
            complete = done == size
            count = done  // only what was read is initialised
        }
        return complete ? bytes : nil
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    /// Creates this build's folder (and its parents); the process that creates it also removes old builds'.
    private func makeDirectory(_ directory: String) -> Bool {
        let parent = (directory as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        if mkdir(directory, 0o755) == 0 {
            Self.pruneBuilds(in: parent, keeping: (directory as NSString).lastPathComponent)
            return true
        }
        return errno == EEXIST
    }

    /// Removes the build folders beyond the `keptBuilds` most recently modified ones (`current` always stays).
    /// Another process may be using one of them: it then finds its files gone and compiles, as with a cold cache.
    static func pruneBuilds(in parent: String, keeping current: String) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: parent) else { return }
        let dated: [(String, Date)] = names.compactMap { name in
            guard name != current, !name.hasPrefix("."),
                  let attributes = try? fm.attributesOfItem(atPath: parent + "/" + name),
                  attributes[.type] as? FileAttributeType == .typeDirectory,
                  let date = attributes[.modificationDate] as? Date else { return nil }
            return (name, date)
        }
        for (name, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(keptBuilds - 1) {
            try? fm.removeItem(atPath: parent + "/" + name)
        }
    }
}
