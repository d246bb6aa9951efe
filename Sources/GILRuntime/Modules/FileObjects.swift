#if canImport(Glibc)
import Glibc
#endif
import GILTrace

/// `open()`: POSIX file descriptors; every read and write runs inside `ThreadState.blockingIO` (file_read /
/// file_write), so the GIL is released around the system call as in CPython's _io module.
final class FileData {
    var fd: Int32
    let binary: Bool
    let path: String
    /// Read ahead of the caller (readline's 64 KiB reads, small binary reads' 8 KiB): given back by seek/tell.
    /// The caller has not seen `pending[pendingStart...]`; `pendingStart` moves on small reads (`readSmall`)
    /// so a byte-at-a-time reader does not shift the buffer per byte.
    var pending: [UInt8] = []
    var pendingStart = 0
    var atEOF = false
    /// `closefd=False` (open of a descriptor the caller keeps): close() leaves it open.
    var closesFD = true
    var readable = true
    var writable = true
    /// `buffering=0` (a raw FileIO): small reads take only what they ask for from the descriptor.
    var unbuffered = false
    /// Text mode: the codec and error handler (UTF-8 decoded natively, others through `Codecs`).
    var encoding = "utf-8"
    var errors = "strict"
    /// What `f.encoding` says: the name as given, "UTF-8" for the default.
    var encodingName = "UTF-8"

    init(fd: Int32, binary: Bool, path: String) {
        self.fd = fd
        self.binary = binary
        self.path = path
    }

    deinit { if fd >= 0 && closesFD { Glibc.close(fd) } }

    /// Read-ahead bytes the caller has not seen.
    var unreadCount: Int { pending.count - pendingStart }

    /// `pending` holds exactly the unread bytes again (before the paths that read it whole).
    func compactPending() {
        if pendingStart > 0 {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
    }

    /// Drops the read-ahead (a seek).
    func dropPending() {
        pending = []
        pendingStart = 0
    }

    /// Closes the descriptor (unless closefd=False) and marks the file closed.
    func close() {
        if fd >= 0 && closesFD { Glibc.close(fd) }
        fd = -1
    }
}

enum FileObjects {
    /// Reads up to this many bytes of a read-only binary file go through the read-ahead (`readSmall`).
    static let smallRead = 4096

    static func make(_ runtime: PythonRuntime) -> PyBuiltinFunction {
        let fileType = PyType(name: "TextIOWrapper", base: BuiltinTypes.object, module: "_io")
        func data(_ v: Value) throws -> FileData {
            let f = try SyncPrimitives.native(v, FileData.self)
            if f.fd < 0 { throw PyException.make(.valueError, "I/O operation on closed file.") }
            return f
        }
        func value(_ bytes: [UInt8], _ f: FileData) -> Value {
            if f.binary { return .object(PyBytes(bytes)) }
            if f.encoding != "utf-8", let text = try? Codecs.decode(bytes, encoding: f.encoding, errors: f.errors) { return .str(text) }
            return .str(String(decoding: bytes, as: UTF8.self))
        }
        /// A small read of a read-only binary file served from an 8 KiB read-ahead, as CPython's BufferedReader
        /// serves it (`f.read(1)` per byte in pyflate's bit reader was a system call, a GIL release with its two
        /// events and a zeroed 64 KiB chunk each: 27x CPython's time). The GIL is released around the system
        /// call that fills the buffer, as there.
        func readSmall(_ f: FileData, _ n: Int, _ ctx: ExecutionContext) -> [UInt8] {
            while f.unreadCount < n {
                f.compactPending()
                let want = max(n - f.unreadCount, 8192)
                let got: [UInt8] = ctx.ts.blockingIO(.fileRead, request: Int64(want), {
                    var chunk = [UInt8](repeating: 0, count: want)
                    let r = chunk.withUnsafeMutableBytes { Glibc.read(f.fd, $0.baseAddress, want) }
                    if r <= 0 { return [] }
                    chunk.removeLast(want - r)
                    return chunk
                }, result: { Int64($0.count) })
                if got.isEmpty { break }  // the end of the file (a pipe's writer closed)
                f.pending.append(contentsOf: got)
            }
            let k = min(n, f.unreadCount)
            let out = Array(f.pending[f.pendingStart..<(f.pendingStart + k)])
            f.pendingStart += k
            if f.pendingStart == f.pending.count {
                f.pending.removeAll(keepingCapacity: true)
                f.pendingStart = 0
            }
            return out
        }
        /// Reads up to `n` bytes (all when n < 0) with the GIL released.
        func readBytes(_ f: FileData, _ n: Int, _ ctx: ExecutionContext) -> [UInt8] {
            if n >= 0 && n <= smallRead && f.binary && !f.writable && !f.unbuffered { return readSmall(f, n, ctx) }
            f.compactPending()
            var out = f.pending
            f.pending = []
            let want = n < 0 ? Int.max : n
            if out.count >= want {
                f.pending = Array(out[want...])
                return Array(out[..<want])
            }
            let got: [UInt8] = ctx.ts.blockingIO(.fileRead, request: Int64(n < 0 ? -1 : n - out.count), {
                var chunk = [UInt8](repeating: 0, count: 65536)
                var read: [UInt8] = []
                while out.count + read.count < want {
                    let r = chunk.withUnsafeMutableBytes { Glibc.read(f.fd, $0.baseAddress, min(65536, want - out.count - read.count)) }
                    if r <= 0 { break }
                    read.append(contentsOf: chunk[..<r])
                }
                return read
            }, result: { Int64($0.count) })
            out.append(contentsOf: got)
            return out
        }
        fileType.addMethod("read") { a, _, ctx in
            let f = try data(a[0])
            return value(readBytes(f, indexValue(a.count > 1 ? a[1] : .int(-1)) ?? -1, ctx), f)
        }
        /// One line, buffering 64 KiB per read system call.
        func readLine(_ f: FileData, _ ctx: ExecutionContext) -> [UInt8] {
            f.compactPending()
            while true {
                if let nl = f.pending.firstIndex(of: 10) {
                    let line = Array(f.pending[...nl])
                    f.pending.removeFirst(nl + 1)
                    return line
                }
                if f.atEOF {
                    defer { f.pending = [] }
                    return f.pending
                }
                let chunk: [UInt8] = ctx.ts.blockingIO(.fileRead, request: 65536, {
                    var buffer = [UInt8](repeating: 0, count: 65536)
                    let r = buffer.withUnsafeMutableBytes { Glibc.read(f.fd, $0.baseAddress, 65536) }
                    return r > 0 ? Array(buffer[..<r]) : []
                }, result: { Int64($0.count) })
                if chunk.isEmpty { f.atEOF = true } else { f.pending.append(contentsOf: chunk) }
            }
        }
        fileType.addMethod("readline") { a, _, ctx in
            let f = try data(a[0])
            return value(readLine(f, ctx), f)
        }
        fileType.addMethod("readlines") { a, _, ctx in
            let f = try data(a[0])
            let all = readBytes(f, -1, ctx)
            var lines: [Value] = []
            var cur: [UInt8] = []
            for c in all {
                cur.append(c)
                if c == 10 { lines.append(value(cur, f)); cur = [] }
            }
            if !cur.isEmpty { lines.append(value(cur, f)) }
            return .object(PyList(lines))
        }
        fileType.addMethod("__iter__") { a, _, ctx in
            let f = try data(a[0])
            return .object(PyNativeIterator("file") { ctx in
                let line = readLine(f, ctx)
                return line.isEmpty ? nil : value(line, f)
            })
        }
        fileType.addMethod("write") { a, _, ctx in
            let f = try data(a[0])
            var bytes: [UInt8]
            var count: Int
            switch a.count > 1 ? a[1] : .none {
            case .object(let s as PyStr) where !f.binary:
                bytes = f.encoding == "utf-8" ? Array(s.value.utf8) : try Codecs.encode(s.value, encoding: f.encoding, errors: f.errors)
                count = s.scalars.count
            case .object(let o) where f.binary && (o.tag == .bytes || o.tag == .byteArray):
                bytes = BytesLike.bytes(a[1])!
                count = bytes.count
            default:
                throw PyException.make(.typeError, "write() argument must be \(f.binary ? "bytes" : "str"), not \(a.count > 1 ? typeName(a[1]) : "nothing")")
            }
            let written = ctx.ts.blockingIO(.fileWrite, request: Int64(bytes.count), {
                bytes.withUnsafeBytes { raw -> Int in
                    var off = 0
                    while off < raw.count {
                        let n = Glibc.write(f.fd, raw.baseAddress! + off, raw.count - off)
                        if n <= 0 { break }
                        off += n
                    }
                    return off
                }
            }, result: { Int64($0) })
            if written < bytes.count { throw PyException.make(.osError, "write failed") }
            return .int(count)
        }
        fileType.addMethod("flush") { _, _, _ in .none }
        fileType.addMethod("close") { a, _, _ in
            if let f = try? SyncPrimitives.native(a[0], FileData.self) { f.close() }
            return .none
        }
        FileObjects.installPositioning(fileType, data)
        fileType.dict["closed"] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction("closed") { a, _, _ in
            .bool(((try? SyncPrimitives.native(a[0], FileData.self))?.fd ?? -1) < 0)
        })))
        fileType.addMethod("__enter__") { a, _, _ in a[0] }
        fileType.addMethod("__exit__") { a, _, ctx in
            if let close = fileType.lookup("close") { _ = try ctx.call(close, [a[0]]) }
            return .bool(false)
        }
        return PyBuiltinFunction("open") { args, kwargs, ctx in
            try FileObjects.open(args, kwargs, fileType, ctx)
        }
    }
}
