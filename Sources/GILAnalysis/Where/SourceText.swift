#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Source lines of the recorded program's files, for showing a site's code beside its figures: read from disk
/// if the file is still where the recording named it (relative paths from the current directory), else none.
/// Each file is read once.
package final class SourceText {
    private var files: [String: [Substring]?] = [:]

    package init() {}

    /// Line `line` (1-based) of `file` without its indentation, nil when unreadable.
    package func line(_ file: String, _ line: Int32) -> String? {
        if files[file] == nil { files[file] = Self.read(file).map { $0.split(separator: "\n", omittingEmptySubsequences: false) } }
        guard let lines = files[file] ?? nil, line >= 1, Int(line) <= lines.count else { return nil }
        let text = lines[Int(line) - 1].drop { $0 == " " || $0 == "\t" }
        var trimmed = Substring(text)
        while let last = trimmed.last, last == " " || last == "\r" || last == "\t" { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    private static func read(_ path: String) -> String? {
        guard !path.hasPrefix("<"), let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
            if n < buffer.count || bytes.count > 16 << 20 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
