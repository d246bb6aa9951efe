import Foundation
import GILAnalysis
import Testing
import TraceStore

@testable import GILStatCLI

/// Issue 14 item 5: the report page renders in a real browser (headless Chromium, Debian's `chromium`) with no
/// console message or uncaught error, its script runs to the end, and the key sections are there. Skips
/// cleanly where no Chromium is installed (`.ci/run` installs it).
@Suite(.serialized) struct ReportBrowserTests {
    /// The first Chromium-like browser on PATH.
    static let browser: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// What the browser printed: the DOM after the scripts ran, and its log.
    static func render(_ file: String) throws -> (dom: String, log: String) {
        let profile = NSTemporaryDirectory() + "gilstat-chromium-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser!)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000",
            "--dump-dom", URL(fileURLWithPath: file).absoluteString,
        ]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while it runs (a full pipe would block the browser).
        nonisolated(unsafe) var log = Data()
        let reader = Thread { log = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let dom = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(10_000) }
        return (String(decoding: dom, as: UTF8.self), String(decoding: log, as: UTF8.self))
    }

    @Test(.enabled(if: browser != nil, "no chromium on PATH"), .timeLimit(.minutes(2)))
    func reportRendersWithoutConsoleErrors() throws {
        let store = try WhereTests.Recorded.get()
        let reader = try TraceReader(path: store.path)
        for run in [store.convoy, store.locks] {
            let loaded = try LoadedRun.load(reader, try reader.resolveRun(String(run)))
            let file = NSTemporaryDirectory() + "gilstat-report-\(getpid())-\(run).html"
            defer { try? FileManager.default.removeItem(atPath: file) }
            let html = try ReportCommand.html(loaded, reader: reader)
            try html.write(toFile: file, atomically: true, encoding: .utf8)
            // Self-contained: nothing to fetch.
            #expect(!html.contains("http://") || !html.contains("src=\"http"))
            #expect(!html.contains("src=\"https") && !html.contains("href=\"https") && !html.contains("@import"))

            let (dom, log) = try Self.render(file)
            let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
            #expect(console.isEmpty, "browser console: \(console.joined(separator: "\n"))")
            #expect(dom.contains("data-ready=\"yes\""), "the page's script did not run to its end")
            for id in ["summary", "where", "timeline", "threads", "histogram", "contention", "convoy"] {
                #expect(dom.contains("<section id=\"\(id)\""), "section \(id)")
            }
            #expect(dom.contains("class=\"s\"") && dom.contains("data-stack="))
            if run == store.convoy {
                #expect(dom.contains("time.sleep(0.0002)"))
                #expect(dom.contains(">spin (convoy.py:") && dom.contains("behind <span"))
            } else {
                #expect(dom.contains("behind <span") && dom.contains(">worker (locks.py:12)</span>"))
            }
        }
    }
}
