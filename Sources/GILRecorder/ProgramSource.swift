import Foundation

/// Reads a program file as UTF-8, with messages a user can act on.
package enum ProgramSource {
    package struct ReadError: Error, CustomStringConvertible {
        package var description: String
    }

    package static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw ReadError(description: isDirectory.boolValue ? "\(path) is a directory, not a Python file" : "cannot read \(path)")
            }
            throw ReadError(description: "\(path): no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(description: "\(path): not UTF-8 text (is it a Python source file?)")
        }
        return text
    }
}

package func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
