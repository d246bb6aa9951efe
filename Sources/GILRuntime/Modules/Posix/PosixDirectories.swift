#if canImport(Glibc)
import Glibc
#endif

/// What a `DirEntry` knows from readdir(3), and its stat results once asked (cached, as CPython's).
final class DirEntryData: @unchecked Sendable {  // used with the GIL held
    let name: [UInt8]
    let path: PosixPath
    let directory: PosixPath
    let kind: UInt8
    let inode: UInt
    var stat: Glibc.stat?
    var lstat: Glibc.stat?

    init(name: [UInt8], path: PosixPath, directory: PosixPath, kind: UInt8, inode: UInt) {
        self.name = name
        self.path = path
        self.directory = directory
        self.kind = kind
        self.inode = inode
    }

    /// DirEntry.stat(): lstat's result unless following a symbolic link (each cached).
    func status(follow: Bool) throws -> Glibc.stat {
        if follow, try isSymlink() {
            if stat == nil { stat = try PosixStat.stat(path, followSymlinks: true) }
            return stat!
        }
        if lstat == nil { lstat = try PosixStat.stat(path, followSymlinks: false) }
        return lstat!
    }

    func isSymlink() throws -> Bool {
        if kind != UInt8(DT_UNKNOWN) { return kind == UInt8(DT_LNK) }
        return try status(follow: false).st_mode & S_IFMT == S_IFLNK
    }

    /// is_dir()/is_file()/is_symlink(): from d_type when it says, else stat; a vanished file is none of them.
    func test(_ format: mode_t, dType: Int32, follow: Bool) throws -> Bool {
        do {
            if kind != UInt8(DT_UNKNOWN), !(follow && kind == UInt8(DT_LNK)) { return kind == UInt8(dType) }
            return try status(follow: follow).st_mode & S_IFMT == format
        } catch let e as PyException where e.matches(.fileNotFoundError) {
            return false
        }
    }
}

/// listdir, scandir (os.DirEntry), mkdir, rmdir, chdir, getcwd.
enum PosixDirectories {
    static let entryType: PyType = {
        let t = PyType(name: "DirEntry", base: BuiltinTypes.object, module: "posix")
        func data(_ v: Value) throws -> DirEntryData { try SyncPrimitives.native(v, DirEntryData.self) }
        func follow(_ kw: [(String, Value)], _ ctx: ExecutionContext, _ name: String) throws -> Bool {
            let args = try Arguments([], kw, names: [], keywordOnly: ["follow_symlinks"], function: name)
            return try PosixArguments.bool(args["follow_symlinks"], ctx, default: true)
        }
        t.addMethod("is_dir") { a, kw, ctx in .bool(try data(a[0]).test(S_IFDIR, dType: Int32(DT_DIR), follow: try follow(kw, ctx, "is_dir"))) }
        t.addMethod("is_file") { a, kw, ctx in .bool(try data(a[0]).test(S_IFREG, dType: Int32(DT_REG), follow: try follow(kw, ctx, "is_file"))) }
        t.addMethod("is_symlink") { a, _, _ in .bool(try data(a[0]).test(S_IFLNK, dType: Int32(DT_LNK), follow: false)) }
        t.addMethod("is_junction") { _, _, _ in .bool(false) }
        t.addMethod("stat") { a, kw, ctx in PosixStat.result(try data(a[0]).status(follow: try follow(kw, ctx, "stat"))) }
        t.addMethod("inode") { a, _, _ in .int(Int(try data(a[0]).inode)) }
        t.addMethod("__fspath__") { a, _, _ in
            let d = try data(a[0])
            return d.path.output(d.path.bytes)
        }
        t.addMethod("__repr__") { a, _, ctx in
            let d = try data(a[0])
            return .str("<DirEntry \(try repr(d.directory.output(d.name), ctx))>")
        }
        return t
    }()

    static let iteratorType: PyType = {
        let t = PyType(name: "ScandirIterator", base: BuiltinTypes.object, module: "posix")
        t.addMethod("__iter__") { a, _, _ in a[0] }
        t.addMethod("__next__") { a, _, _ in
            let items = try SyncPrimitives.native(a[0], PyList.self)
            // Kept in reverse order (see scandir): taking the last is O(1) where removeFirst moved every entry.
            guard let first = items.withItems({ $0.popLast() }) else { throw PyException.make(.stopIteration) }
            return first
        }
        t.addMethod("close") { a, _, _ in
            try SyncPrimitives.native(a[0], PyList.self).withItems { $0.removeAll() }
            return .none
        }
        t.addMethod("__enter__") { a, _, _ in a[0] }
        t.addMethod("__exit__") { a, _, _ in
            try SyncPrimitives.native(a[0], PyList.self).withItems { $0.removeAll() }
            return .bool(false)
        }
        return t
    }()

    /// The entries of a directory (without `.` and `..`): name, d_type, inode.
    static func read(_ path: PosixPath) throws -> [(name: [UInt8], kind: UInt8, inode: UInt)] {
        let dir: OpaquePointer?
        if let fd = path.fd {
            let copy = dup(fd)
            if copy < 0 { throw path.error() }
            dir = fdopendir(copy)
            if let dir { rewinddir(dir) } else { close(copy) }
        } else {
            dir = path.withCString { opendir($0) }
        }
        guard let dir else { throw path.error() }
        defer { closedir(dir) }
        var out: [(name: [UInt8], kind: UInt8, inode: UInt)] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw path.error() }
                break
            }
            let name: [UInt8] = withUnsafeBytes(of: &entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [46] || name == [46, 46] { continue }
            out.append((name, entry.pointee.d_type, UInt(entry.pointee.d_ino)))
        }
        return out
    }

    static func install(_ m: PyModule) {
        m.dict["DirEntry"] = .object(entryType)
        m.addFunction("listdir") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path"], function: "listdir")
            let path = try PosixPath.make(args.value(0).flatMap { $0.isNone ? nil : $0 } ?? .str("."), "listdir", allowFD: true, ctx)
            return .object(PyList(try read(path).map { path.output($0.name) }))
        }
        m.addFunction("scandir") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path"], function: "scandir")
            let directory = try PosixPath.make(args.value(0).flatMap { $0.isNone ? nil : $0 } ?? .str("."), "scandir", allowFD: true, ctx)
            var entries: [Value] = []
            for e in try read(directory) {
                var full = directory.fd == nil ? directory.bytes : []
                if directory.fd == nil, !full.isEmpty, full.last != 47 { full.append(47) }
                full += e.name
                let entryPath = PosixPath(cString: full.map { CChar(bitPattern: $0) } + [0], isBytes: directory.isBytes, original: directory.output(full), fd: nil)
                let i = PyInstance(type: entryType)
                i.native = DirEntryData(name: e.name, path: entryPath, directory: directory, kind: e.kind, inode: e.inode)
                i.setAttribute("name", directory.output(e.name))
                i.setAttribute("path", directory.output(full))
                entries.append(.object(i))
            }
            let it = PyInstance(type: iteratorType)
            it.native = PyList(entries.reversed())
            return .object(it)
        }
        m.addFunction("mkdir") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path", "mode"], keywordOnly: ["dir_fd"], required: 1, function: "mkdir")
            try PosixArguments.refuseDirFD(args, "mkdir")
            let path = try PosixPath.make(args.value(0)!, "mkdir", ctx)
            let mode = mode_t(try args.value(1).map { try Index.cInt($0, ctx) } ?? 0o777)
            try PosixArguments.check(path.withCString { Glibc.mkdir($0, mode) }, path)
            return .none
        }
        m.addFunction("rmdir") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path"], keywordOnly: ["dir_fd"], required: 1, function: "rmdir")
            try PosixArguments.refuseDirFD(args, "rmdir")
            let path = try PosixPath.make(args.value(0)!, "rmdir", ctx)
            try PosixArguments.check(path.withCString { Glibc.rmdir($0) }, path)
            return .none
        }
        m.addFunction("chdir") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path"], required: 1, function: "chdir")
            let path = try PosixPath.make(args.value(0)!, "chdir", allowFD: true, ctx)
            try PosixArguments.check(path.fd.map { fchdir($0) } ?? path.withCString { Glibc.chdir($0) }, path)
            return .none
        }
        m.addFunction("fchdir") { a, _, ctx in
            try PosixArguments.check(fchdir(try PosixFiles.descriptor(a.first ?? .none, ctx)))
            return .none
        }
        for (name, asBytes) in [("getcwd", false), ("getcwdb", true)] {
            m.addFunction(name) { _, _, _ in
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                guard Glibc.getcwd(&buffer, buffer.count) != nil else { throw OSErrors.make(errno: errno) }
                let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                return asBytes ? .object(PyBytes(bytes)) : .str(String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
