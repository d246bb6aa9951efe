import Foundation
import GILTrace
import Synchronization
import Testing
@testable import GILRuntime

/// The compiled-code cache (`CodeCache`, `CodeArchive`): archives round-trip every code object exactly, and a
/// cache file is used only when whole, undamaged and keyed by the same source, build and options. Each test
/// uses its own temporary folder, never the user's cache.
@Suite(.serialized)
struct CodeCacheTests {
    // MARK: - Round trip

    @Test func everyScriptRoundTrips() throws {
        for name in scriptNames() {
            let source = try String(contentsOf: scriptsDirectory.appendingPathComponent(name), encoding: .utf8)
            try expectRoundTrip(PythonCompiler.compile(source: source, fileName: name, checkMode: .py310), name)
        }
    }

    @Test func everyBuiltInLibraryModuleRoundTrips() throws {
        for (name, source) in SourceModules.sources.sorted(by: { $0.key < $1.key }) {
            try expectRoundTrip(PythonCompiler.compile(source: source, fileName: "<frozen \(name)>"), name)
        }
    }

    @Test func checkEveryModeRoundTrips() throws {
        let source = "def f(n):\n    t = 0\n    for i in range(n): t += i\n    return t\nprint(f(10))\n"
        try expectRoundTrip(PythonCompiler.compile(source: source, fileName: "e.py", checkMode: .every), "every")
    }

    private func expectRoundTrip(_ program: CompiledProgram, _ label: String) {
        let key = Array("key \(label)".utf8)
        guard let bytes = try? CodeArchive.encode(program, key: key) else {
            Issue.record("\(label): not encodable")
            return
        }
        let back = bytes.withUnsafeBytes {
            CodeArchive.decode($0, key: key, fileName: program.fileName, checkMode: program.checkMode, sourceLines: program.sourceLines)
        }
        guard let back else {
            Issue.record("\(label): archive not read back")
            return
        }
        #expect(PythonCompiler.disassemble(back) == PythonCompiler.disassemble(program), "\(label)")
        #expect(CodeDescription.of(back.module) == CodeDescription.of(program.module), "\(label)")
        #expect(back.globalNames == program.globalNames, "\(label)")
    }

    // MARK: - Through the runtime

    @Test func importedModulesRunTheSameFromAWarmCache() throws {
        let folder = try TemporaryFolder()
        try "import helper\nprint(helper.shout('hi'), helper.N, helper.__doc__)\nhelper.boom()\n".write(toFile: folder.path + "/main.py", atomically: true, encoding: .utf8)
        try "'''doc'''\nN = (1000000000000000000000000000000, 0.5j, -2.5, ..., ('a', True, None))\ndef shout(s, *, bang='!'):\n    return f'{s.upper()}{bang}' + str(b'x' + bytes([1]))\ndef boom():\n    raise ValueError('boom')\n"
            .write(toFile: folder.path + "/helper.py", atomically: true, encoding: .utf8)
        let cache = CodeCache(directory: folder.path + "/cache/build", fingerprint: "build")
        let cold = try run(folder, cache)
        #expect(cold.stdout == "HI!b'x\\x01' (1000000000000000000000000000000, 0.5j, -2.5, Ellipsis, ('a', True, None)) doc\n", "\(cold.stderr)")
        #expect(try cacheFiles(folder).count >= 1)
        #expect(cold.stderr.contains("line 6, in boom\n    raise ValueError('boom')\nValueError: boom"), "\(cold.stderr)")
        let warm = try run(folder, cache)
        #expect(warm.stdout == cold.stdout && warm.stderr == cold.stderr, "the traceback reads the source file's lines")
    }

    @Test func aChangedSourceIsRecompiled() throws {
        let folder = try TemporaryFolder()
        try "import helper\nprint(helper.X)\n".write(toFile: folder.path + "/main.py", atomically: true, encoding: .utf8)
        let cache = CodeCache(directory: folder.path + "/cache/build", fingerprint: "build")
        let helper = folder.path + "/helper.py"
        try "X = 1\n".write(toFile: helper, atomically: true, encoding: .utf8)
        #expect(try run(folder, cache).stdout == "1\n")
        // Same size, different text: the modification time alone must invalidate it.
        try "X = 2\n".write(toFile: helper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: helper)
        #expect(try run(folder, cache).stdout == "2\n")
        // Same modification time, different size.
        let date = try FileManager.default.attributesOfItem(atPath: helper)[.modificationDate] as? Date
        try "X = 333\n".write(toFile: helper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: date as Any], ofItemAtPath: helper)
        #expect(try run(folder, cache).stdout == "333\n")
        #expect(try cacheFiles(folder).count == 1, "a changed source replaces its entry")
    }

    @Test func anotherBuildsFileIsNeverRead() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/m.py"
        try "X = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let directory = folder.path + "/cache/shared"
        let a = CodeCache(directory: directory, fingerprint: "build-a"), b = CodeCache(directory: directory, fingerprint: "build-b")
        var compiles = 0
        func compile(_ text: String) throws -> CompiledProgram {
            compiles += 1
            return try PythonCompiler.compile(source: text, fileName: path, checkMode: .py310)
        }
        _ = try a.program(file: path, checkMode: .py310, seed: [], compile: compile)
        _ = try a.program(file: path, checkMode: .py310, seed: [], compile: compile)
        #expect(compiles == 1)
        _ = try b.program(file: path, checkMode: .py310, seed: [], compile: compile)
        #expect(compiles == 2, "build-b must not read build-a's file")
        _ = try b.program(file: path, checkMode: .every, seed: [], compile: compile)
        _ = try b.program(file: path, checkMode: .py310, seed: ["__name__"], compile: compile)
        #expect(compiles == 4, "check mode and seeded globals are part of the key")
    }

    @Test func damagedFilesAreIgnoredAndRewritten() throws {
        let folder = try TemporaryFolder()
        try "import helper\nprint(helper.f())\n".write(toFile: folder.path + "/main.py", atomically: true, encoding: .utf8)
        try "def f():\n    return [i * i for i in range(5)]\n".write(toFile: folder.path + "/helper.py", atomically: true, encoding: .utf8)
        let cache = CodeCache(directory: folder.path + "/cache/build", fingerprint: "build")
        #expect(try run(folder, cache).stdout == "[0, 1, 4, 9, 16]\n")
        let file = try #require(try cacheFiles(folder).first)
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        var damages: [Data] = [Data(), good.prefix(7), good.prefix(good.count / 2), good + Data([0])]
        for offset in [9, 30, good.count / 2, good.count - 1] {
            var flipped = good
            flipped[offset] ^= 0x40
            damages.append(flipped)
        }
        for damaged in damages {
            try damaged.write(to: URL(fileURLWithPath: file))
            #expect(try run(folder, cache).stdout == "[0, 1, 4, 9, 16]\n")
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == good, "the damaged file is rewritten")
        }
    }

    @Test func anUnwritableFolderMeansCompiling() throws {
        let folder = try TemporaryFolder()
        try "import helper\nprint(helper.X)\n".write(toFile: folder.path + "/main.py", atomically: true, encoding: .utf8)
        try "X = 'ok'\n".write(toFile: folder.path + "/helper.py", atomically: true, encoding: .utf8)
        try "not a folder".write(toFile: folder.path + "/blocker", atomically: true, encoding: .utf8)
        let cache = CodeCache(directory: folder.path + "/blocker/build", fingerprint: "build")
        #expect(try run(folder, cache).stdout == "ok\n")
        #expect(try run(folder, cache).stdout == "ok\n")
    }

    @Test func concurrentWritersLeaveAWholeFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/m.py"
        try (0..<300).map { "def f\($0)(x):\n    return x + \($0)\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        let program = try PythonCompiler.compile(source: String(contentsOfFile: path, encoding: .utf8), fileName: path, checkMode: .py310)
        let expected = PythonCompiler.disassemble(program)
        let directory = folder.path + "/cache/build"
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let cache = CodeCache(directory: directory, fingerprint: "build")
            let origin = CodeCache.origin(ofFile: path)!
            let key = cache.key(origin, checkMode: .py310, seed: []), name = CodeCache.fileName(origin, checkMode: .py310, seed: [])
            for _ in 0..<20 {
                cache.store(program, name: name, key: key)
                let back = cache.load(name, key: key, fileName: path, checkMode: .py310, lines: SourceLines(text: ""))
                if back.map(PythonCompiler.disassemble) != expected { failures.withLock { $0 += 1 } }
            }
        }
        #expect(failures.withLock { $0 } == 0, "a reader saw a missing or partial file")
        #expect(try cacheFiles(folder).count == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func whereTheCacheLives() {
        let id = BuildFingerprint.current ?? ""
        #expect(!id.isEmpty, "a Linux build has a GNU build ID")
        #expect(CodeCache.defaultDirectory(["HOME": "/h"]) == "/h/.cache/gilrec/code/\(id)")
        #expect(CodeCache.defaultDirectory(["HOME": "/h", "XDG_CACHE_HOME": "/x"]) == "/x/gilrec/code/\(id)")
        #expect(CodeCache.defaultDirectory(["HOME": "/h", "XDG_CACHE_HOME": "relative"]) == "/h/.cache/gilrec/code/\(id)")
        #expect(CodeCache.defaultDirectory(["HOME": "/h", "GILREC_CODE_CACHE_DIR": "/d"]) == "/d/\(id)")
        for off in ["off", "OFF", "0", "no", "false"] {
            #expect(CodeCache.defaultDirectory(["HOME": "/h", "GILREC_CODE_CACHE": off]) == nil)
        }
        #expect(CodeCache.defaultDirectory([:]) == nil)
    }

    @Test func aNewBuildPrunesOldBuildFolders() throws {
        let folder = try TemporaryFolder()
        for k in 0..<12 {
            let dir = folder.path + "/old\(k)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(-1000 * k))], ofItemAtPath: dir)
        }
        try FileManager.default.createDirectory(atPath: folder.path + "/new", withIntermediateDirectories: true)
        CodeCache.pruneBuilds(in: folder.path, keeping: "new")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == Set(["new"] + (0..<CodeCache.keptBuilds - 1).map { "old\($0)" }))
    }

    // MARK: - Helpers

    private func run(_ folder: TemporaryFolder, _ cache: CodeCache) throws -> RunResult {
        let main = folder.path + "/main.py"
        let program = try PythonCompiler.compile(source: String(contentsOfFile: main, encoding: .utf8), fileName: main, checkMode: .py310)
        let capture = OutputCapture()
        var options = RuntimeOptions(argv: [main])
        options.output = .capture(capture)
        options.modulePath = [folder.path, ModulePath.builtinEntry]
        options.codeCache = cache
        let sink = MemorySink()
        let outcome = PythonRuntime(program: program, options: options, sink: sink).run()
        return RunResult(stdout: capture.standardOutput, stderr: capture.standardError, outcome: outcome, sink: sink)
    }

    private func cacheFiles(_ folder: TemporaryFolder) throws -> [String] {
        let dir = folder.path + "/cache/build"
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".gilc") }.map { dir + "/" + $0 }
    }
}

/// Every field of a code object and its nested ones, constants with their types: what a round trip must keep.
enum CodeDescription {
    static func of(_ c: CodeObject) -> String {
        var out = "\(c.kind) \(c.name) \(c.qualifiedName) \(c.fileName) \(c.firstLine) \(c.lines) \(c.names)"
        out += " \(c.localCount) \(c.constantBase) \(c.frameSize) \(c.parameterNames) \(c.positionalCount) \(c.positionalOnlyCount)"
        out += " \(c.keywordOnlyCount) \(c.hasVarArgs) \(c.hasVarKeywords) \(c.cellRegisters) \(c.freeRegisters) \(c.usesSuper)"
        out += " \(c.resumeChecks) \(String(describing: c.docstring)) \(c.needsUnboundMarkers) \(c.isGenerator) \(c.isCoroutine)"
        out += " \(c.isAsyncGenerator) \(c.assignmentNames.sorted { $0.key < $1.key }) \(c.plainArgumentCount) \(c.releaseCount)\n"
        for i in c.instructions { out += "\(i.op) \(i.a) \(i.b) \(i.c) \(i.d)\n" }
        for e in c.exceptionTable { out += "handler \(e.start) \(e.end) \(e.handler) \(e.depth)\n" }
        for k in c.constants { out += constant(k) + "\n" }
        return out
    }

    static func constant(_ v: Value) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return "bool \(b)"
        case .int(let i): return "int \(i)"
        case .float(let d): return "float \(d.bitPattern)"
        case .object(let o):
            switch o {
            case let s as PyStr: return "str \(Array(s.value.utf8))"
            case let b as PyBytes: return "bytes \(b.value)"
            case let b as PyBigInt: return "bigint \(b.value)"
            case let c as PyComplex: return "complex \(c.real.bitPattern) \(c.imag.bitPattern)"
            case let t as PyTuple: return "tuple(" + t.items.map(constant).joined(separator: ", ") + ")"
            case let k as CodeConstant: return "code {\n" + of(k.code) + "}"
            default: return "\(type(of: o)) \(ObjectIdentifier(o))"  // singletons: the same object after a round trip
            }
        }
    }
}

/// A fresh folder under the system's temporary directory, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "gilrec-codecache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
