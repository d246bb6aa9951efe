import Foundation
import Synchronization

/// Runs Python files as modules (`importlib.util.spec_from_file_location` + `exec_module`, so their
/// `if __name__ == "__main__":` blocks stay quiet) in child `gilrec` processes, a chunk of files per child,
/// each child limited to 3 GB of address space and a time budget. A child ended by a signal is a crash of the
/// file it was running; a child out of time is a hang unless python3 hangs on that file too. Either way the
/// run resumes after the file.
final class CorpusRunner {
    static let gilrec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/gilrec")

    static let driver = """
        import sys, importlib.util
        paths = open(sys.argv[1], encoding="utf-8").read().split("\\n")
        for i, p in enumerate(paths):
            if not p:
                continue
            print("@@", i, flush=True)
            try:
                spec = importlib.util.spec_from_file_location("corpus_module_%d" % i, p)
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
            except BaseException:
                pass
        print("@@ done", flush=True)
        """

    let directory: URL
    private(set) var children = 0

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gilrec-corpus-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.driver.write(to: directory.appendingPathComponent("driver.py"), atomically: true, encoding: .utf8)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    func write(_ text: String, name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    struct Outcome {
        var lastStarted: Int?
        var finished: Bool
        var signal: Int32?
        var timedOut: Bool
    }

    /// Runs `paths` in chunks. - Returns: one line per crash or hang.
    func run(_ paths: [String], chunk: Int, secondsPerChunk: Double = 300) throws -> [String] {
        var findings: [String] = []
        var start = 0
        while start < paths.count {
            let part = Array(paths[start..<min(start + chunk, paths.count)])
            let outcome = try runChunk(part, interpreter: Self.gilrec.path, arguments: ["run", "--no-trace", "--db", directory.appendingPathComponent("corpus.db").path],
                                       seconds: secondsPerChunk)
            children += 1
            if outcome.finished {
                start += part.count
                continue
            }
            guard let k = outcome.lastStarted else {
                findings.append("the driver did not start (signal \(outcome.signal.map(String.init) ?? "none"))")
                break
            }
            let file = part[k]
            if let signal = outcome.signal {
                findings.append("signal \(signal) while running \(file)")
            } else if outcome.timedOut {
                // Only a hang if CPython finishes the same file.
                let python = try runChunk([file], interpreter: "/usr/bin/env", arguments: ["python3"], seconds: 30)
                if python.finished { findings.append("hang (CPython finishes it) in \(file)") }
            }
            start += k + 1
        }
        return findings
    }

    private func runChunk(_ part: [String], interpreter: String, arguments: [String], seconds: Double) throws -> Outcome {
        let list = directory.appendingPathComponent("list.txt")
        try part.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        let command = ([interpreter] + arguments + [directory.appendingPathComponent("driver.py").path] + (interpreter == Self.gilrec.path ? ["--"] : [])
            + [list.path]).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v 3000000; exec " + command]
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let timedOut = Atomic<Bool>(false)
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem {
            timedOut.store(true, ordering: .relaxed)
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        var last: Int?
        var finished = false
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("@@ ") {
            let mark = line.dropFirst(3)
            if mark == "done" { finished = true } else if let k = Int(mark) { last = k }
        }
        let killedByUs = timedOut.load(ordering: .relaxed)
        let signal: Int32? = process.terminationReason == .uncaughtSignal && !killedByUs ? process.terminationStatus : nil
        return Outcome(lastStarted: last, finished: finished && signal == nil, signal: signal, timedOut: killedByUs)
    }
}
