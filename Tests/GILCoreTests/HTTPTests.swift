import GILTrace
import Testing

@testable import GILCore

@Suite(.serialized)
struct HTTPTests {
    let base = LoopbackHTTPServer.shared.baseURL

    @Test func echoRoute() throws {
        let response = try HTTPClient.get(base + "/echo/hello%20world", timeoutNs: 5_000_000_000)
        #expect(response.status == 200)
        #expect(response.reason == "OK")
        #expect(response.text == "hello world")
        #expect(response.header("content-length") == "11")
        #expect(response.header("Connection") == "close")
    }

    @Test func bytesRoute() throws {
        for n in [0, 1, 100_000] {
            let response = try HTTPClient.get(base + "/bytes/\(n)", timeoutNs: 5_000_000_000)
            #expect(response.status == 200)
            #expect(response.body.count == n)
            #expect(response.body.allSatisfy { $0 == UInt8(ascii: "x") })
        }
    }

    @Test func delayRoute() throws {
        let start = MonotonicClock.now()
        let response = try HTTPClient.get(base + "/delay/30", timeoutNs: 5_000_000_000)
        #expect(response.status == 200)
        #expect(response.text == "delayed 30 ms\n")
        #expect(MonotonicClock.now() - start >= 30_000_000)
    }

    @Test func unknownRoutesAre404() throws {
        for path in ["/", "/nope", "/delay/abc", "/bytes/-1"] {
            let response = try HTTPClient.get(base + path, timeoutNs: 5_000_000_000)
            #expect(response.status == 404)
        }
    }

    @Test func timeoutIsReported() {
        #expect(throws: HTTPError.timeout) { try HTTPClient.get(base + "/delay/2000", timeoutNs: 50_000_000) }
    }

    @Test func errors() {
        #expect(throws: HTTPError.malformedURL("ftp://x/")) { try HTTPClient.get("ftp://x/", timeoutNs: nil) }
        #expect(throws: HTTPError.malformedURL("http://127.0.0.1:99999/")) {
            try HTTPClient.get("http://127.0.0.1:99999/", timeoutNs: nil)
        }
        // Port 1 on loopback: nothing listens there.
        #expect(throws: HTTPError.connectionFailed("Connection refused")) {
            try HTTPClient.get("http://127.0.0.1:1/", timeoutNs: 1_000_000_000)
        }
        #expect(throws: (any Error).self) { try HTTPURL("http:///path") }
        #expect(HTTPError.timeout.description == "timed out")
    }

    @Test func parsesHeadsAndURLs() throws {
        let raw = Array("HTTP/1.1 301 Moved Permanently\r\nLocation: /x\r\nX-A:  b \r\n\r\nbody".utf8)
        let (response, start) = try #require(try HTTPClient.parseHead(raw))
        #expect(response.status == 301 && response.reason == "Moved Permanently")
        #expect(response.headers.map(\.0) == ["Location", "X-A"])
        #expect(response.header("x-a") == "b")
        #expect(start == raw.count - 4)
        #expect(try HTTPClient.parseHead(Array("HTTP/1.0 200 OK\r\n".utf8)) == nil)
        #expect(throws: (any Error).self) { try HTTPClient.parseHead(Array("garbage\r\n\r\n".utf8)) }
        #expect(try HTTPURL("http://localhost/a/b") == HTTPURL(host: "localhost", port: 80, path: "/a/b"))
        #expect(try HTTPURL("http://127.0.0.1:8080") == HTTPURL(host: "127.0.0.1", port: 8080, path: "/"))
    }

    @Test func urlopenInsideBlockingIOReleasesTheGIL() throws {
        let h = Harness()
        let body = try h.main.blockingIO(.urlopen, request: 0, {
            try HTTPClient.get(base + "/bytes/10", timeoutNs: 5_000_000_000).body
        }, result: { Int64($0.count) })
        #expect(body.count == 10)
        let events = h.finish()
        #expect(events.of(.ioEnd).map(\.arg) == [10])
        #expect(gilViolations(events) == [])
    }
}
