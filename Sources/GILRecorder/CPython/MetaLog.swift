import Foundation
import GILTrace

/// One line of a process's meta file (`proc-<pid>.meta`): what the preloaded library and the start-up code
/// know about the process, its threads and objects, as tab-separated text records appended with one write each.
enum MetaRecord: Equatable {
    /// P pid ppid executable argv… (the process's command line)
    case process(pid: Int32, parentPid: Int32, executable: String, commandLine: [String])
    /// S tid os_tid start_ns — the thread's first event
    case threadStarted(tid: Int32, osTid: Int32, startNs: Int64)
    /// T tid name parent_tid daemon — from threading (or "MainThread" at arming)
    case threadNamed(tid: Int32, name: String, parentTid: Int32, daemon: Bool)
    /// E tid end_ns cpu_ns voluntary involuntary
    case threadEnded(tid: Int32, endNs: Int64, cpuNs: Int64, voluntary: Int64, involuntary: Int64)
    /// O id kind name line
    case object(id: Int32, kind: String, name: String, line: Int32)
    /// N text
    case note(String)
    /// X exit_code
    case exited(code: Int32)
    /// C obj count — uncontended acquisitions of a named lock that were counted, not recorded
    case uncontended(obj: Int32, count: Int64)
    /// L id file line function first_line — a code location (before any stack that uses it)
    case location(CodeLocation)
    /// K id parent location depth — an interned stack (before any `stack` event that names it)
    case stack(StackEntry)

    /// Parses one line (without its newline); nil for a record this build does not know or a damaged line.
    init?(line: Substring) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(Self.unescape)
        guard let type = fields.first else { return nil }
        func int(_ i: Int) -> Int64? { i < fields.count ? Int64(fields[i]) : nil }
        func int32(_ i: Int) -> Int32? { int(i).flatMap { Int32(exactly: $0) } }
        switch type {
        case "P":
            guard let pid = int32(1), let ppid = int32(2), fields.count >= 4 else { return nil }
            self = .process(pid: pid, parentPid: ppid, executable: fields[3], commandLine: Array(fields.dropFirst(4)))
        case "S":
            guard let tid = int32(1), let os = int32(2), let start = int(3) else { return nil }
            self = .threadStarted(tid: tid, osTid: os, startNs: start)
        case "T":
            guard let tid = int32(1), fields.count >= 5, let parent = int32(3), let daemon = int(4) else { return nil }
            self = .threadNamed(tid: tid, name: fields[2], parentTid: parent, daemon: daemon != 0)
        case "E":
            guard let tid = int32(1), let end = int(2), let cpu = int(3), let vol = int(4), let invol = int(5) else { return nil }
            self = .threadEnded(tid: tid, endNs: end, cpuNs: cpu, voluntary: vol, involuntary: invol)
        case "O":
            guard let id = int32(1), fields.count >= 5, let line = int32(4) else { return nil }
            self = .object(id: id, kind: fields[2], name: fields[3], line: line)
        case "N":
            guard fields.count >= 2 else { return nil }
            self = .note(fields[1])
        case "X":
            guard let code = int32(1) else { return nil }
            self = .exited(code: code)
        case "C":
            guard let obj = int32(1), let count = int(2) else { return nil }
            self = .uncontended(obj: obj, count: count)
        case "L":
            guard let id = int32(1), fields.count >= 6, let line = int32(3), let first = int32(5) else { return nil }
            self = .location(CodeLocation(id: id, file: fields[2], line: line, function: fields[4], firstLine: first))
        case "K":
            guard let id = int32(1), let parent = int32(2), let location = int32(3), let depth = int32(4) else { return nil }
            self = .stack(StackEntry(id: id, parent: parent, location: location, depth: depth))
        default:
            return nil
        }
    }

    /// `\t`, `\n` and `\\` inside a field, as preload_core.c's `gilrec_meta` escapes them.
    private static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var out = ""
        var escaped = false
        for c in field {
            if escaped {
                out.append(c == "t" ? "\t" : c == "n" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// Follows one meta file as the process appends to it: each `read()` returns the complete lines added since.
final class MetaLog: @unchecked Sendable {  // the drain thread only
    let path: String
    private var offset: UInt64 = 0
    private var partial = Data()

    init(path: String) {
        self.path = path
    }

    func read() -> [MetaRecord] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        try? handle.seek(toOffset: offset)
        guard let data = try? handle.readToEnd(), !data.isEmpty else { return [] }
        offset += UInt64(data.count)
        partial.append(data)
        guard let lastNewline = partial.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        let complete = partial[partial.startIndex...lastNewline]
        let text = String(decoding: complete, as: UTF8.self)
        partial = Data(partial[partial.index(after: lastNewline)...])
        return text.split(separator: "\n").compactMap { MetaRecord(line: $0) }
    }
}
