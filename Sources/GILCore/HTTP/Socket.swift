#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GILTrace

/// A connected or listening TCP socket (file descriptor), closed in `deinit`. Thin POSIX wrappers shared by
/// the loopback server and the client; `send` uses MSG_NOSIGNAL so a vanished peer is an error, not SIGPIPE.
final class Socket {
    let fd: Int32

    init(fd: Int32) { self.fd = fd }
    deinit { close(fd) }

    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    #if canImport(Glibc)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    static let noSignal = Int32(MSG_NOSIGNAL)
    #else
    static let streamType = SOCK_STREAM
    static let noSignal: Int32 = 0
    #endif

    /// Sends everything. - Returns: false when the peer is gone or a send timed out.
    func sendAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + offset, raw.count - offset, Self.noSignal)
            }
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    /// One `recv` into `buffer`. - Returns: bytes read, 0 at end of stream, -1 on error (errno set).
    func receive(into buffer: inout [UInt8]) -> Int {
        buffer.withUnsafeMutableBytes { raw in
            while true {
                let n = recv(fd, raw.baseAddress!, raw.count, 0)
                if n < 0 && errno == EINTR { continue }
                return n
            }
        }
    }

    /// Sets SO_RCVTIMEO and SO_SNDTIMEO (Linux also applies SO_SNDTIMEO to `connect`).
    func setTimeouts(ns: Int64) {
        var tv = timeval(tv_sec: Int(ns / 1_000_000_000), tv_usec: .init((ns % 1_000_000_000) / 1_000))
        if tv.tv_sec == 0 && tv.tv_usec == 0 { tv.tv_usec = 1 }
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// An IPv4 loopback address.
    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
