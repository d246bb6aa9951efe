#if canImport(Glibc)
import Glibc
#endif

/// `open()`'s arguments as _io.open checks them (mode letters, encoding only in text mode, a descriptor or a
/// path-like object), and the positioning half of a file object: fileno, seek/tell (giving back what readline
/// read ahead), truncate, readable/writable/seekable/isatty, encoding/errors.
extension FileObjects {
    static func open(_ args: [Value], _ kwargs: [(String, Value)], _ fileType: PyType, _ ctx: ExecutionContext) throws -> Value {
        let a = try Arguments(args, kwargs, names: ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
                              required: 1, function: "open")
        let file = a.value(0)!
        var mode = "r"
        if let m = a.value(1) {
            guard case .object(let s as PyStr) = m else { throw PyException.make(.typeError, "open() argument 'mode' must be str, not \(typeName(m))") }
            mode = s.value
        }
        let letters = Set(mode)
        if mode.count != letters.count || !letters.isSubset(of: Set("rwaxbt+U")) { throw PyException.make(.valueError, "invalid mode: '\(mode)'") }
        let creates = ["r", "w", "a", "x"].filter { letters.contains(Character($0)) }.count
        if letters.contains("b") && letters.contains("t") { throw PyException.make(.valueError, "can't have text and binary mode at once") }
        if creates != 1 { throw PyException.make(.valueError, "must have exactly one of create/read/write/append mode") }
        let binary = letters.contains("b")
        func text(_ k: Int, _ name: String) throws -> String? {
            guard let v = a.value(k), !v.isNone else { return nil }
            guard case .object(let s as PyStr) = v else { throw PyException.make(.typeError, "open() argument '\(name)' must be str or None, not \(typeName(v))") }
            if binary { throw PyException.make(.valueError, "binary mode doesn't take an\(name == "errors" ? "" : "") \(name) argument") }
            return s.value
        }
        let encoding = try text(3, "encoding"), errors = try text(4, "errors")
        _ = try text(5, "newline")
        let opener = a.value(7).flatMap { $0.isNone ? nil : $0 }
        let closefd = try a.value(6).map { try truthy($0, ctx) } ?? true

        var flags: Int32
        if letters.contains("w") { flags = O_WRONLY | O_CREAT | O_TRUNC } else if letters.contains("a") {
            flags = O_WRONLY | O_CREAT | O_APPEND
        } else if letters.contains("x") { flags = O_WRONLY | O_CREAT | O_EXCL } else { flags = O_RDONLY }
        if letters.contains("+") { flags = (flags & ~(O_WRONLY | O_RDONLY)) | O_RDWR }

        let fd: Int32
        let name: String
        if case .int(let n) = file {
            guard let small = Int32(exactly: n), small >= 0 else { throw PyException.make(.valueError, "negative file descriptor") }
            fd = small
            name = String(n)
        } else {
            if !closefd { throw PyException.make(.valueError, "Cannot use closefd=False with file name") }
            let path = try PosixPath.make(file, "open", argument: "file", ctx)
            var opened: Int32 = -1
            if let opener {
                // opener(path, flags) returns the descriptor (tempfile.NamedTemporaryFile's way).
                let r = try ctx.call(opener, [file, .int(Int(flags | O_CLOEXEC))])
                let n = try Index.cInt(r, ctx)
                if n < 0 { throw PyException.make(.valueError, "opener returned \(n)") }
                opened = Int32(n)
            }
            while opened < 0 {
                opened = path.withCString { Glibc.open($0, flags | O_CLOEXEC, 0o666) }
                if opened >= 0 || errno != EINTR { break }
                try ctx.runtime.pendingCalls.run(ctx)
            }
            if opened < 0 { throw path.error() }
            fd = opened
            name = String(decoding: path.bytes, as: UTF8.self)
        }
        // open(2) succeeds on a directory for reading; Python's FileIO refuses it (_io/fileio.c).
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            if closefd { Glibc.close(fd) }
            throw OSErrors.make(errno: EISDIR, filename: file)
        } else if info.st_mode == 0, fcntl(fd, F_GETFD) < 0 {
            throw OSErrors.make(errno: EBADF)
        }
        let data = FileData(fd: fd, binary: binary, path: name)
        data.closesFD = closefd
        data.readable = letters.contains("r") || letters.contains("+")
        data.writable = !letters.contains("r") || letters.contains("+")
        if case .int(0)? = a.value(2) { data.unbuffered = true }
        if let encoding {
            let normal = encoding.lowercased().replacingOccurrences(of: "_", with: "-")
            _ = try Codecs.lookup(normal == "locale" ? "utf-8" : normal)
            data.encoding = ["utf-8", "utf8", "locale"].contains(normal) ? "utf-8" : normal
            data.encodingName = normal == "locale" ? "UTF-8" : encoding
        }
        if let errors { data.errors = errors }
        if letters.contains("a") { _ = lseek(fd, 0, SEEK_END) }
        let i = PyInstance(type: fileType)
        i.native = data
        i.attributes["name"] = file
        i.attributes["mode"] = .str(binary ? mode.replacingOccurrences(of: "t", with: "") : mode.replacingOccurrences(of: "t", with: ""))
        return .object(i)
    }

    static func installPositioning(_ t: PyType, _ data: @escaping (Value) throws -> FileData) {
        func position(_ f: FileData) throws -> Int {
            let r = lseek(f.fd, 0, SEEK_CUR)
            if r < 0 { throw OSErrors.make(errno: errno) }
            return Int(r) - f.unreadCount
        }
        t.addMethod("fileno") { a, _, _ in .int(Int(try data(a[0]).fd)) }
        t.addMethod("seek") { a, _, ctx in
            let f = try data(a[0])
            guard a.count >= 2 else { throw PyException.make(.typeError, "seek expected at least 1 argument, got 0") }
            let offset = try Index.value(a[1], ctx)
            let whence = a.count > 2 ? try Index.cInt(a[2], ctx) : 0
            if !f.binary && whence != 0 && offset != 0 {
                throw PyException.make(.valueError, whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks")
            }
            // What readline read ahead is given back first (a relative seek counts from the caller's position).
            let target: off_t
            if whence == 1 {
                target = lseek(f.fd, off_t(offset - f.unreadCount), SEEK_CUR)
            } else {
                target = lseek(f.fd, off_t(offset), Int32(whence))
            }
            if target < 0 { throw OSErrors.make(errno: errno) }
            f.dropPending()
            f.atEOF = false
            return .int(Int(target))
        }
        t.addMethod("tell") { a, _, _ in .int(try position(try data(a[0]))) }
        t.addMethod("truncate") { a, _, ctx in
            let f = try data(a[0])
            let size = a.count > 1 && !a[1].isNone ? try Index.value(a[1], ctx) : try position(f)
            if ftruncate(f.fd, off_t(size)) != 0 { throw OSErrors.make(errno: errno) }
            return .int(size)
        }
        t.addMethod("readable") { a, _, _ in .bool(try data(a[0]).readable) }
        t.addMethod("writable") { a, _, _ in .bool(try data(a[0]).writable) }
        t.addMethod("seekable") { a, _, _ in .bool(lseek(try data(a[0]).fd, 0, SEEK_CUR) >= 0) }
        t.addMethod("isatty") { a, _, _ in .bool(Glibc.isatty(try data(a[0]).fd) == 1) }
        for (name, body) in [("encoding", { (f: FileData) -> Value in f.binary ? .none : .str(f.encodingName) }),
                             ("errors", { (f: FileData) -> Value in f.binary ? .none : .str(f.errors) })] {
            t.dict[name] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { a, _, _ in
                body(try SyncPrimitives.native(a[0], FileData.self))
            })))
        }
    }
}
