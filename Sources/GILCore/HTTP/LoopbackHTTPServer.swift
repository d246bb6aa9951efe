#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GILTrace

/// An HTTP/1.0 server on 127.0.0.1 (ephemeral port) for I/O-bound example programs: real sockets, an accept
/// loop on its own OS thread and one OS thread per connection (not Python threads, no GIL), responses with
/// `Connection: close`. Routes:
/// - `GET /delay/MS` → sleeps MS ms, then 200 "delayed MS ms\n"
/// - `GET /bytes/N` → N bytes of "x"
/// - `GET /echo/TEXT` → TEXT, percent-decoded
/// - anything else → 404
public final class LoopbackHTTPServer: @unchecked Sendable {  // immutable after init; threads own their sockets
    /// Started on first use, lives until the process exits.
    public static let shared: LoopbackHTTPServer = {
        do {
            return try LoopbackHTTPServer()
        } catch {
            fatalError("loopback HTTP server: \(error)")
        }
    }()

    public let port: UInt16
    private let listener: Socket

    /// Binds 127.0.0.1:0, listens, and starts the accept thread.
    package init() throws(HTTPError) {
        let fd = socket(AF_INET, Socket.streamType, 0)
        guard fd >= 0 else { throw .io("socket: \(Socket.errorText())") }
        let listener = Socket(fd: fd)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Socket.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw .io("bind: \(Socket.errorText())") }
        guard listen(fd, 128) == 0 else { throw .io("listen: \(Socket.errorText())") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        self.listener = listener
        guard OSThread.start(stackSize: 256 << 10, detached: true, { [self] in acceptLoop() }) != nil else {
            throw .io("cannot start the accept thread")
        }
    }

    /// "http://127.0.0.1:PORT"
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private func acceptLoop() {
        while true {
            let fd = accept(listener.fd, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE { continue }
                return
            }
            let connection = SocketBox(Socket(fd: fd))
            // If no thread can be started, the box is released here and the connection closed.
            _ = OSThread.start(stackSize: 256 << 10, detached: true) { Self.serve(connection.socket) }
        }
    }

    /// Moves a socket into a connection thread.
    private final class SocketBox: @unchecked Sendable {  // handed over to exactly one thread
        let socket: Socket
        init(_ socket: Socket) { self.socket = socket }
    }

    /// Reads the request head, answers, closes.
    static func serve(_ socket: Socket) {
        socket.setTimeouts(ns: 10_000_000_000)
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while HTTPClient.headEnd(request) == nil && request.count < 65_536 {
            let n = socket.receive(into: &buffer)
            if n <= 0 { break }
            request += buffer[0..<n]
        }
        let (status, body) = route(requestLine(request))
        let reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request"
        let head = "HTTP/1.0 \(status) \(reason)\r\nContent-Type: text/plain\r\nContent-Length: \(body.count)\r\n"
            + "Connection: close\r\nServer: gilrec-loopback\r\n\r\n"
        _ = socket.sendAll(Array(head.utf8) + body)
    }

    /// "GET /path HTTP/1.1" → (method, path); nil when malformed.
    static func requestLine(_ bytes: [UInt8]) -> (method: String, path: String)? {
        let line = String(decoding: bytes.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self)
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// The response for a request line: status and body.
    package static func route(_ request: (method: String, path: String)?) -> (Int, [UInt8]) {
        guard let request else { return (400, Array("bad request\n".utf8)) }
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let notFound = (404, Array("not found: \(path)\n".utf8))
        guard request.method == "GET" || request.method == "HEAD" else { return notFound }
        let parts = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { return notFound }
        let argument = String(parts[1])
        switch parts[0] {
        case "delay":
            guard let ms = Int64(argument), ms >= 0, ms <= 600_000 else { return notFound }
            OSThread.sleep(untilNs: MonotonicClock.now() + ms * 1_000_000)
            return (200, Array("delayed \(ms) ms\n".utf8))
        case "bytes":
            guard let n = Int(argument), n >= 0, n <= 64 << 20 else { return notFound }
            return (200, [UInt8](repeating: UInt8(ascii: "x"), count: n))
        case "echo":
            return (200, percentDecoded(argument))
        default:
            return notFound
        }
    }

    static func percentDecoded(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
            {
                out.append(value)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }
}
