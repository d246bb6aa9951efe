#if canImport(Glibc)
import Glibc
#endif
import GILTrace

/// `socket` (IPv4 TCP subset): every blocking call (connect, accept, recv, send) runs inside
/// `ThreadState.blockingIO`, releasing the GIL like CPython's socketmodule.c — the echo/convoy experiments.
final class SocketData {
    var fd: Int32

    init(fd: Int32) {
        self.fd = fd
    }

    deinit { if fd >= 0 { close(fd) } }
}

enum SocketModule {
    static func osError(_ what: String) -> PyException {
        let code = errno
        let kind: ExceptionKind = code == ECONNREFUSED ? .connectionRefusedError : (code == ETIMEDOUT ? .timeoutError : .osError)
        return PyException.make(kind, "[Errno \(code)] \(String(cString: strerror(code)))")
    }

    static func address(_ v: Value, _ ctx: ExecutionContext) throws -> sockaddr_in {
        let parts = try collect(v, ctx)
        guard parts.count == 2, case .object(let h as PyStr) = parts[0], let port = indexValue(parts[1]) else {
            throw PyException.make(.typeError, "AF_INET address must be a pair (host, port)")
        }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        let host = h.value.isEmpty ? "0.0.0.0" : (h.value == "localhost" ? "127.0.0.1" : h.value)
        guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else { throw PyException.make(.osError, "unsupported host \(quoteString(h.value))") }
        return addr
    }

    static func addressValue(_ addr: sockaddr_in) -> Value {
        var a = addr.sin_addr
        var buffer = [CChar](repeating: 0, count: 32)
        inet_ntop(AF_INET, &a, &buffer, 32)
        return .object(PyTuple([.str(String(cString: buffer)), .int(Int(UInt16(bigEndian: addr.sin_port)))]))
    }

    static func make(_ runtime: PythonRuntime) -> PyModule {
        let m = PyModule(name: "socket")
        m.dict["AF_INET"] = .int(Int(AF_INET))
        m.dict["SOCK_STREAM"] = .int(Int(SOCK_STREAM.rawValue))
        m.dict["SOL_SOCKET"] = .int(Int(SOL_SOCKET))
        m.dict["SO_REUSEADDR"] = .int(Int(SO_REUSEADDR))
        m.dict["IPPROTO_TCP"] = .int(6)
        m.dict["TCP_NODELAY"] = .int(1)
        m.dict["timeout"] = .object(ExceptionKind.timeoutError.type)
        m.dict["error"] = .object(ExceptionKind.osError.type)
        let socketType = PyType(name: "socket", base: BuiltinTypes.object, module: "socket")
        func wrap(_ fd: Int32) -> Value {
            let i = PyInstance(type: socketType)
            i.native = SocketData(fd: fd)
            return .object(i)
        }
        func data(_ v: Value) throws -> SocketData {
            let s = try SyncPrimitives.native(v, SocketData.self)
            if s.fd < 0 { throw PyException.make(.osError, "[Errno 9] Bad file descriptor") }
            return s
        }
        socketType.construct = { _, args, _, _ in
            if let family = args.first.flatMap(indexValue), family != Int(AF_INET) { throw PyException.make(.osError, "only AF_INET is supported") }
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            if fd < 0 { throw osError("socket") }
            return wrap(fd)
        }
        socketType.addMethod("setsockopt") { a, _, _ in
            let s = try data(a[0])
            var v = Int32(indexValue(a.count > 3 ? a[3] : .int(1)) ?? 1)
            setsockopt(s.fd, Int32(indexValue(a[1]) ?? 0), Int32(indexValue(a[2]) ?? 0), &v, socklen_t(MemoryLayout<Int32>.size))
            return .none
        }
        socketType.addMethod("bind") { a, _, ctx in
            let s = try data(a[0])
            var addr = try address(a[1], ctx)
            let r = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(s.fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            if r < 0 { throw osError("bind") }
            return .none
        }
        socketType.addMethod("listen") { a, _, _ in
            if listen(try data(a[0]).fd, Int32(indexValue(a.count > 1 ? a[1] : .int(128)) ?? 128)) < 0 { throw osError("listen") }
            return .none
        }
        socketType.addMethod("getsockname") { a, _, _ in
            var addr = sockaddr_in()
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            let s = try data(a[0])
            _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s.fd, $0, &len) } }
            return addressValue(addr)
        }
        socketType.addMethod("connect") { a, _, ctx in
            let s = try data(a[0])
            var addr = try address(a[1], ctx)
            let r = ctx.ts.blockingIO(.connect, request: 0, {
                withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(s.fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            }, result: { Int64($0) })
            if r < 0 { throw osError("connect") }
            return .none
        }
        socketType.addMethod("accept") { a, _, ctx in
            let s = try data(a[0])
            var addr = sockaddr_in()
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            let fd = ctx.ts.blockingIO(.accept, request: 0, {
                withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(s.fd, $0, &len) } }
            }, result: { Int64($0) })
            if fd < 0 { throw osError("accept") }
            return .object(PyTuple([wrap(fd), addressValue(addr)]))
        }
        socketType.addMethod("recv") { a, _, ctx in
            let s = try data(a[0])
            let n = max(0, indexValue(a.count > 1 ? a[1] : .int(4096)) ?? 4096)
            let bytes: [UInt8]? = ctx.ts.blockingIO(.recv, request: Int64(n), {
                var buffer = [UInt8](repeating: 0, count: max(n, 1))
                let r = buffer.withUnsafeMutableBytes { Glibc.recv(s.fd, $0.baseAddress, n, 0) }
                return r < 0 ? nil : Array(buffer[..<r])
            }, result: { Int64($0?.count ?? -1) })
            guard let bytes else { throw osError("recv") }
            return .object(PyBytes(bytes))
        }
        func send(_ a: [Value], _ ctx: ExecutionContext, all: Bool) throws -> Value {
            let s = try data(a[0])
            guard a.count > 1, case .object(let b as PyBytes) = a[1] else {
                throw PyException.make(.typeError, "a bytes-like object is required, not '\(a.count > 1 ? typeName(a[1]) : "nothing")'")
            }
            let sent = ctx.ts.blockingIO(.send, request: Int64(b.value.count), {
                b.value.withUnsafeBytes { raw -> Int in
                    var off = 0
                    repeat {
                        let r = Glibc.send(s.fd, raw.baseAddress! + off, raw.count - off, Int32(MSG_NOSIGNAL))
                        if r <= 0 { return off == 0 ? -1 : off }
                        off += r
                    } while all && off < raw.count
                    return off
                }
            }, result: { Int64($0) })
            if sent < 0 { throw osError("send") }
            return all ? .none : .int(sent)
        }
        socketType.addMethod("send") { a, _, ctx in try send(a, ctx, all: false) }
        socketType.addMethod("sendall") { a, _, ctx in try send(a, ctx, all: true) }
        socketType.addMethod("settimeout") { _, _, _ in .none }
        socketType.addMethod("setblocking") { _, _, _ in .none }
        socketType.addMethod("fileno") { a, _, _ in .int(Int(try data(a[0]).fd)) }
        socketType.addMethod("shutdown") { a, _, _ in
            _ = Glibc.shutdown(try data(a[0]).fd, Int32(indexValue(a.count > 1 ? a[1] : .int(2)) ?? 2))
            return .none
        }
        socketType.addMethod("close") { a, _, _ in
            if let s = try? SyncPrimitives.native(a[0], SocketData.self), s.fd >= 0 {
                close(s.fd)
                s.fd = -1
            }
            return .none
        }
        socketType.addMethod("__enter__") { a, _, _ in a[0] }
        socketType.addMethod("__exit__") { a, _, ctx in
            if let close = socketType.lookup("close") { _ = try ctx.call(close, [a[0]]) }
            return .bool(false)
        }
        m.dict["socket"] = .object(socketType)
        m.addFunction("create_connection") { a, _, ctx in
            let s = try Interpreter.construct(socketType, [], [], ctx)
            guard let connect = socketType.lookup("connect") else { return s }
            _ = try ctx.call(connect, [s, a[0]])
            return s
        }
        m.dict["SHUT_RDWR"] = .int(Int(SHUT_RDWR))
        m.dict["SHUT_WR"] = .int(Int(SHUT_WR))
        return m
    }
}
