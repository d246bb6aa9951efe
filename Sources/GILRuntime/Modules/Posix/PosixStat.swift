import BigInt
#if canImport(Glibc)
import Glibc
#endif

private func statPath(_ p: UnsafePointer<CChar>, _ s: inout stat) -> Int32 { stat(p, &s) }
private func lstatPath(_ p: UnsafePointer<CChar>, _ s: inout stat) -> Int32 { lstat(p, &s) }
/// <sys/stat.h>'s UTIME_NOW (not imported into Swift).
private let utimeNow = (1 << 30) - 1

/// `stat`/`lstat`/`fstat` and `os.stat_result`, and the path calls that change one file: unlink, rename,
/// link/symlink/readlink, chmod, utime, access, truncate, mkfifo.
enum PosixStat {
    /// `os.stat_result`: ten items (the three times as ints), the float and nanosecond times by name only.
    static let resultType = StructSequence.makeType(
        "os.stat_result",
        fields: ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"],
        extraFields: ["st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"])

    static func result(_ s: stat) -> Value {
        func seconds(_ t: timespec) -> Value { .float(Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9) }
        // On machine words until 2262; three BigInts per timestamp cost more than the rest of the stat.
        func nanoseconds(_ t: timespec) -> Value {
            let (scaled, overflowed) = t.tv_sec.multipliedReportingOverflow(by: 1_000_000_000)
            let (total, carried) = scaled.addingReportingOverflow(t.tv_nsec)
            if !overflowed && !carried { return .int(total) }
            return .integer(BigInt(t.tv_sec) * 1_000_000_000 + BigInt(t.tv_nsec))
        }
        let items: [Value] = [
            .int(Int(s.st_mode)), .int(Int(s.st_ino)), .int(Int(s.st_dev)), .int(Int(s.st_nlink)), .int(Int(s.st_uid)),
            .int(Int(s.st_gid)), .int(Int(s.st_size)), .int(s.st_atim.tv_sec), .int(s.st_mtim.tv_sec), .int(s.st_ctim.tv_sec),
        ]
        let extras: [Value] = [
            seconds(s.st_atim), seconds(s.st_mtim), seconds(s.st_ctim), nanoseconds(s.st_atim), nanoseconds(s.st_mtim),
            nanoseconds(s.st_ctim), .int(Int(s.st_blksize)), .int(Int(s.st_blocks)), .int(Int(s.st_rdev)),
        ]
        return .object(StructSequence.instance(resultType, items, extras: extras))
    }

    /// stat(2), lstat(2) or fstat(2) of a path argument.
    static func stat(_ path: PosixPath, followSymlinks: Bool) throws -> Glibc.stat {
        var s = Glibc.stat()
        let r: Int32
        if let fd = path.fd {
            r = fstat(fd, &s)
        } else {
            r = path.withCString { followSymlinks ? statPath($0, &s) : lstatPath($0, &s) }
        }
        if r != 0 { throw path.error() }
        return s
    }

    static func install(_ m: PyModule) {
        m.dict["stat_result"] = .object(resultType)
        for (name, follows) in [("stat", true), ("lstat", false)] {
            m.addFunction(name) { a, kw, ctx in
                let args = try Arguments(a, kw, names: ["path"], keywordOnly: ["dir_fd", "follow_symlinks"], required: 1, function: name)
                try PosixArguments.refuseDirFD(args, name)
                let path = try PosixPath.make(args.value(0)!, name, allowFD: name == "stat", ctx)
                let follow = follows ? try PosixArguments.bool(args["follow_symlinks"], ctx, default: true) : false
                return result(try stat(path, followSymlinks: follow))
            }
        }
        m.addFunction("fstat") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["fd"], required: 1, function: "fstat")
            var s = Glibc.stat()
            try PosixArguments.check(fstat(try PosixArguments.fd(args.value(0), ctx), &s))
            return result(s)
        }
        installChanges(m)
    }

    /// One path argument, `dir_fd=None`, a call returning 0 on success.
    private static func simple(_ m: PyModule, _ name: String, _ body: @escaping (UnsafePointer<CChar>) -> Int32) {
        m.addFunction(name) { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path"], keywordOnly: ["dir_fd"], required: 1, function: name)
            try PosixArguments.refuseDirFD(args, name)
            let path = try PosixPath.make(args.value(0)!, name, ctx)
            try PosixArguments.check(path.withCString(body), path)
            return .none
        }
    }

    /// Two path arguments (`src`, `dst`), no *at() variants.
    private static func twoPaths(_ m: PyModule, _ name: String, _ body: @escaping (UnsafePointer<CChar>, UnsafePointer<CChar>) -> Int32) {
        m.addFunction(name) { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["src", "dst"], keywordOnly: ["src_dir_fd", "dst_dir_fd", "dir_fd", "follow_symlinks", "target_is_directory"],
                                     required: 2, function: name)
            for key in ["src_dir_fd", "dst_dir_fd", "dir_fd"] {
                if let d = args[key], !d.isNone { throw PyException.make(.notImplementedError, "\(name): \(key) unavailable on this platform") }
            }
            let src = try PosixPath.make(args.value(0)!, name, argument: "src", ctx), dst = try PosixPath.make(args.value(1)!, name, argument: "dst", ctx)
            let r = src.withCString { s in dst.withCString { d in body(s, d) } }
            if r != 0 { throw OSErrors.make(errno: errno, filename: src.original, filename2: dst.original) }
            return .none
        }
    }

    static func installChanges(_ m: PyModule) {
        simple(m, "unlink") { Glibc.unlink($0) }
        simple(m, "remove") { Glibc.unlink($0) }
        twoPaths(m, "rename") { Glibc.rename($0, $1) }
        twoPaths(m, "replace") { Glibc.rename($0, $1) }
        twoPaths(m, "link") { Glibc.link($0, $1) }
        twoPaths(m, "symlink") { Glibc.symlink($0, $1) }
        m.addFunction("readlink") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path"], keywordOnly: ["dir_fd"], required: 1, function: "readlink")
            try PosixArguments.refuseDirFD(args, "readlink")
            let path = try PosixPath.make(args.value(0)!, "readlink", ctx)
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = path.withCString { Glibc.readlink($0, &buffer, buffer.count) }
            if n < 0 { throw path.error() }
            return path.output(buffer[..<n].map { UInt8(bitPattern: $0) })
        }
        m.addFunction("chmod") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path", "mode"], keywordOnly: ["dir_fd", "follow_symlinks"], required: 2, function: "chmod")
            try PosixArguments.refuseDirFD(args, "chmod")
            let path = try PosixPath.make(args.value(0)!, "chmod", allowFD: true, ctx)
            let mode = mode_t(try Index.cInt(args.value(1)!, ctx))
            if !(try PosixArguments.bool(args["follow_symlinks"], ctx, default: true)) {
                throw PyException.make(.notImplementedError, "chmod: follow_symlinks unavailable on this platform")
            }
            let r = path.fd.map { fchmod($0, mode) } ?? path.withCString { Glibc.chmod($0, mode) }
            try PosixArguments.check(r, path)
            return .none
        }
        m.addFunction("fchmod") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["fd", "mode"], required: 2, function: "fchmod")
            try PosixArguments.check(fchmod(try PosixArguments.fd(args.value(0), ctx), mode_t(try Index.cInt(args.value(1)!, ctx))))
            return .none
        }
        m.addFunction("access") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path", "mode"], keywordOnly: ["dir_fd", "effective_ids", "follow_symlinks"], required: 2, function: "access")
            try PosixArguments.refuseDirFD(args, "access")
            let path = try PosixPath.make(args.value(0)!, "access", ctx)
            let mode = Int32(try Index.cInt(args.value(1)!, ctx))
            return .bool(path.withCString { Glibc.access($0, mode) } == 0)
        }
        m.addFunction("truncate") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path", "length"], required: 2, function: "truncate")
            let path = try PosixPath.make(args.value(0)!, "truncate", allowFD: true, ctx)
            let length = off_t(try Index.value(args.value(1)!, ctx))
            try PosixArguments.check(path.fd.map { ftruncate($0, length) } ?? path.withCString { Glibc.truncate($0, length) }, path)
            return .none
        }
        m.addFunction("mkfifo") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path", "mode"], keywordOnly: ["dir_fd"], required: 1, function: "mkfifo")
            try PosixArguments.refuseDirFD(args, "mkfifo")
            let path = try PosixPath.make(args.value(0)!, "mkfifo", ctx)
            let mode = mode_t(try args.value(1).map { try Index.cInt($0, ctx) } ?? 0o666)
            try PosixArguments.check(path.withCString { Glibc.mkfifo($0, mode) }, path)
            return .none
        }
        m.addFunction("utime") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path", "times"], keywordOnly: ["ns", "dir_fd", "follow_symlinks"], required: 1, function: "utime")
            try PosixArguments.refuseDirFD(args, "utime")
            let path = try PosixPath.make(args.value(0)!, "utime", allowFD: true, ctx)
            var times = [timespec(tv_sec: 0, tv_nsec: utimeNow), timespec(tv_sec: 0, tv_nsec: utimeNow)]
            let given = args.value(1).flatMap { $0.isNone ? nil : $0 }
            if let given, args["ns"] != nil { throw PyException.make(.valueError, "utime: you may specify either 'times' or 'ns' but not both") }
            if let given {
                guard case .object(let t as PyTuple) = given, t.items.count == 2 else {
                    throw PyException.make(.typeError, "utime: 'times' must be either a tuple of two ints or None")
                }
                for k in 0..<2 {
                    let seconds = try MathModule.double(t.items[k])
                    let whole = seconds.rounded(.down)
                    times[k] = timespec(tv_sec: Int(whole), tv_nsec: Int(((seconds - whole) * 1e9).rounded()))
                }
            } else if let ns = args["ns"] {
                guard case .object(let t as PyTuple) = ns, t.items.count == 2 else {
                    throw PyException.make(.typeError, "utime: 'ns' must be a tuple of two ints")
                }
                for k in 0..<2 {
                    let total = try Index.big(t.items[k], ctx)
                    let (q, r) = total.quotientAndRemainder(dividingBy: 1_000_000_000)
                    let (sec, nsec) = r < 0 ? (q - 1, r + 1_000_000_000) : (q, r)
                    guard let s = Int(exactly: sec), let n = Int(exactly: nsec) else { throw PyException.make(.overflowError, "timestamp out of range for platform time_t") }
                    times[k] = timespec(tv_sec: s, tv_nsec: n)
                }
            }
            let follow = try PosixArguments.bool(args["follow_symlinks"], ctx, default: true)
            let r: Int32 = times.withUnsafeBufferPointer { tp in
                if let fd = path.fd { return futimens(fd, tp.baseAddress) }
                return path.withCString { utimensat(AT_FDCWD, $0, tp.baseAddress, follow ? 0 : AT_SYMLINK_NOFOLLOW) }
            }
            try PosixArguments.check(r, path)
            return .none
        }
    }
}
