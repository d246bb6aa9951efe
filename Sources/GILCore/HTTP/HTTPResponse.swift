/// A parsed HTTP/1.x response.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var reason: String
    /// In received order, names as sent.
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, reason: String, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    /// The first header named `name`, case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }

    /// The body decoded as UTF-8 (invalid sequences repaired).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why `HTTPClient.get` failed; the runtime maps these to `urllib.error.URLError` and friends.
public enum HTTPError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Not `http://host[:port][/path]`.
    case malformedURL(String)
    /// Name resolution failed.
    case unknownHost(String)
    /// `connect` failed (e.g. "Connection refused").
    case connectionFailed(String)
    /// No complete response before the deadline.
    case timeout
    /// send/recv failed.
    case io(String)
    /// The bytes received are not an HTTP response.
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .malformedURL(let url): "malformed URL: \(url)"
        case .unknownHost(let host): "unknown host: \(host)"
        case .connectionFailed(let why): "connection failed: \(why)"
        case .timeout: "timed out"
        case .io(let why): "I/O error: \(why)"
        case .malformedResponse(let why): "malformed HTTP response: \(why)"
        }
    }
}
