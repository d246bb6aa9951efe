#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GILTrace

/// A minimal blocking HTTP/1.0 GET over POSIX sockets, for `urllib.request.urlopen` in the runtime (which
/// wraps the call in `ThreadState.blockingIO(.urlopen, …)` so the GIL is released meanwhile).
public enum HTTPClient {
    /// GETs `url` (`http://host[:port][/path]`), reading the body by Content-Length or until close.
    /// - Parameter timeoutNs: for the whole exchange; nil = no limit.
    public static func get(_ url: String, timeoutNs: Int64?) throws(HTTPError) -> HTTPResponse {
        let target = try HTTPURL(url)
        let deadline = Deadline.after(timeoutNs)
        let socket = try connect(host: target.host, port: target.port, deadline: deadline)
        let request = "GET \(target.path) HTTP/1.0\r\nHost: \(target.host):\(target.port)\r\n"
            + "User-Agent: gilrec\r\nConnection: close\r\n\r\n"
        try applyTimeout(socket, deadline)
        guard socket.sendAll(Array(request.utf8)) else {
            throw errno == EAGAIN || errno == EWOULDBLOCK ? .timeout : .io("send: \(Socket.errorText())")
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var head: (response: HTTPResponse, bodyStart: Int)?
        while true {
            if let (response, start) = head, let length = response.header("Content-Length").flatMap({ Int($0) }),
                received.count - start >= length
            {
                return finish(response, received, start, length)
            }
            try applyTimeout(socket, deadline)
            let n = socket.receive(into: &buffer)
            if n < 0 {
                throw errno == EAGAIN || errno == EWOULDBLOCK ? .timeout : .io("recv: \(Socket.errorText())")
            }
            if n == 0 { break }
            received += buffer[0..<n]
            if head == nil { head = try parseHead(received) }
        }
        guard let (response, start) = head else {
            throw .malformedResponse(received.isEmpty ? "empty reply" : "incomplete header")
        }
        if let length = response.header("Content-Length").flatMap({ Int($0) }), received.count - start < length {
            throw .malformedResponse("body shorter than Content-Length")
        }
        return finish(response, received, start, nil)
    }

    private static func finish(_ response: HTTPResponse, _ bytes: [UInt8], _ start: Int, _ length: Int?) -> HTTPResponse {
        var result = response
        let end = length.map { start + $0 } ?? bytes.count
        result.body = Array(bytes[start..<end])
        return result
    }

    private static func applyTimeout(_ socket: Socket, _ deadline: Int64) throws(HTTPError) {
        guard deadline != .max else { return }
        let remaining = deadline - MonotonicClock.now()
        guard remaining > 0 else { throw .timeout }
        socket.setTimeouts(ns: remaining)
    }

    /// Resolves `host` (IPv4) and connects before `deadline`.
    static func connect(host: String, port: UInt16, deadline: Int64) throws(HTTPError) -> Socket {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Socket.streamType
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw .unknownHost(host)
        }
        defer { freeaddrinfo(list) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { throw .io("socket: \(Socket.errorText())") }
        let socket = Socket(fd: fd)
        try applyTimeout(socket, deadline)
        while Glibc.connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EINPROGRESS || code == EAGAIN || code == ETIMEDOUT { throw .timeout }
            throw .connectionFailed(Socket.errorText(code))
        }
        return socket
    }

    /// Parses the status line and headers once the blank line has arrived; nil until then.
    static func parseHead(_ bytes: [UInt8]) throws(HTTPError) -> (HTTPResponse, Int)? {
        guard let end = headEnd(bytes) else {
            if bytes.count > 1 << 20 { throw .malformedResponse("header too long") }
            return nil
        }
        let text = String(decoding: bytes[0..<end], as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw .malformedResponse("bad status line: \(statusLine)")
        }
        var headers: [(String, String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw .malformedResponse("bad header: \(line)") }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingSpaces
            headers.append((name, value))
        }
        return (HTTPResponse(status: status, reason: parts.count > 2 ? parts[2] : "", headers: headers, body: []), end + 4)
    }

    /// Index of "\r\n\r\n".
    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4)
        where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
            return i
        }
        return nil
    }
}

/// `http://host[:port][/path]`.
struct HTTPURL: Equatable {
    var host: String
    var port: UInt16
    var path: String

    init(host: String, port: UInt16, path: String) {
        self.host = host
        self.port = port
        self.path = path
    }

    init(_ url: String) throws(HTTPError) {
        guard url.hasPrefix("http://") else { throw .malformedURL(url) }
        let rest = url.dropFirst("http://".count)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        path = slash == rest.endIndex ? "/" : String(rest[slash...])
        if let colon = authority.lastIndex(of: ":") {
            guard let port = UInt16(authority[authority.index(after: colon)...]), port > 0 else {
                throw .malformedURL(url)
            }
            host = String(authority[..<colon])
            self.port = port
        } else {
            host = String(authority)
            port = 80
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "@" }) else { throw .malformedURL(url) }
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
