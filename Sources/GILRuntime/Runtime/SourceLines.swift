import Foundation
import PythonSyntax

/// A program's source lines, split on first use (traceback lines, compile errors). Splitting every compiled
/// module's text eagerly, by `Character`, was 40 % of an import-heavy start-up; most modules never show a line.
/// A program loaded from the code cache has no text in memory: its file is read when a line is first asked
/// for, as CPython's linecache does.
final class SourceLines: @unchecked Sendable {  // `text`, `file` and `lines` behind `lock`
    private let lock = NSLock()
    private var text: String?
    private var file: String?
    private var lines: [String]?

    init(text: String) { self.text = text }

    init(file: String) { self.file = file }

    /// Line `line` (1-based) without its newline, or nil past the end.
    func line(_ line: Int32) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if lines == nil {
            if text == nil, let file {
                text = FileManager.default.contents(atPath: file).flatMap { try? SourceDecoding.decode([UInt8]($0), fileName: file) }
            }
            lines = Self.split(text ?? "")
            text = nil
        }
        guard let lines, line >= 1, Int(line) <= lines.count else { return nil }
        return lines[Int(line) - 1]
    }

    /// `text` split at every "\n" byte (UTF-8 never has 0x0A inside a multi-byte character).
    static func split(_ text: String) -> [String] {
        var result: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count where bytes[i] == 0x0A {
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
            result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
        return result
    }
}
