import Foundation

/// The example programs shipped with gilrec (`Examples/` in the repository, embedded as resources so
/// `gilrec demo` works from any directory).
package enum ExampleLibrary {
    package struct Example: Sendable {
        package var name: String
        package var path: String
        package var source: String
    }

    package static func load(_ name: String) throws -> Example {
        guard let url = Bundle.module.url(forResource: name, withExtension: "py", subdirectory: "Examples") else {
            throw ProgramSource.ReadError(description: "example \(name).py is missing from gilrec's resources")
        }
        let source = try ProgramSource.read(url.path)
        return Example(name: name, path: "Examples/\(name).py", source: source)
    }

    package static var names: [String] {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Examples"),
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return files.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }
}
