#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PythonSyntax

/// Finding a module in one directory and reading its source (Lib/importlib/_bootstrap_external.py
/// `FileFinder`, `SourceLoader`): a package directory with `__init__.py` wins over `name.py` in the same
/// directory; a directory without `__init__.py` is a namespace-package portion, used only when no directory
/// on the path has the module itself.
enum ModuleFiles {
    enum Candidate {
        case package(directory: String, initFile: String)
        case module(file: String)
        case namespacePortion(directory: String)
    }

    static func find(_ name: String, in directory: String) -> Candidate? {
        let base = directory.isEmpty ? FileManager.default.currentDirectoryPath : directory
        let dir = base + "/" + name
        if isDirectory(dir) {
            let initFile = dir + "/__init__.py"
            if isFile(initFile) { return .package(directory: dir, initFile: initFile) }
        }
        let file = base + "/" + name + ".py"
        if isFile(file) { return .module(file: file) }
        if isDirectory(dir) { return .namespacePortion(directory: dir) }
        return nil
    }

    static func isFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The file's text, decoded as PEP 263 says; a Python `SyntaxError` for bad encodings, `OSError` when
    /// the file cannot be read.
    static func readSource(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PyException.make(.osError, "[Errno 2] No such file or directory: \(quoteString(path))")
        }
        do {
            return try SourceDecoding.decode([UInt8](data), fileName: path)
        } catch {
            throw SyntaxErrorValue.make(error)
        }
    }
}
