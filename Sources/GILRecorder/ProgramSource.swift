import Foundation
import PythonSyntax

/// Reads a program file (UTF-8, or what its PEP 263 coding declaration names), with messages a user can act on.
package enum ProgramSource {
    package struct ReadError: Error, CustomStringConvertible {
        package var description: String
    }

    /// For the real CPython, which reads the file itself: the same errors as `read`, and an empty source.
    package static func checkExists(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(description: "\(path): no such file")
        }
        if isDirectory.boolValue { throw ReadError(description: "\(path) is a directory, not a Python file") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw ReadError(description: "cannot read \(path)") }
        return ""
    }

    package static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw ReadError(description: isDirectory.boolValue ? "\(path) is a directory, not a Python file" : "cannot read \(path)")
            }
            throw ReadError(description: "\(path): no such file")
        }
        // PEP 263: UTF-8 unless a coding comment says otherwise (SourceDecoding).
        let text: String
        do {
            text = try SourceDecoding.decode([UInt8](data), fileName: path)
        } catch {
            throw ReadError(description: "\(path): SyntaxError: \(error.message)")
        }
        return text
    }
}

package func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
