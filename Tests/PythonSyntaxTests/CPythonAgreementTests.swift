import Foundation
import Testing
@testable import PythonSyntax

/// Accept/reject agreement with CPython's own compiler front end (`compile`, which adds the
/// "'return' outside function" family to the parser's errors) over our snippets and the runtime's
/// script corpus. Skipped when no `python3` is on PATH.
@Suite struct CPythonAgreementTests {
    static func findPython() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let snippets = [
        "x = 1", "a, b = b, a", "f(x for x in y)", "x = [1 2]", "def f(a=1, b): pass", "lambda: (yield)",
        "with (a as b, c as d): pass", "f'{x=}'", "f'{x!r:>{w}}'", "x = 0777", "print 'x'", "a[1:2, ::3]",
        "del f()", "for x in 1, 2: pass", "if x:\npass", "  x", "try:\n  a\nexcept (A, B) as e:\n  b",
        "class A(B, metaclass=M): pass", "x = *a, *b", "x = (*a)", "{**a, 'b': 1}", "f(**k, a)",
        "from . import (a, b,)", "from . import a,", "import a.b as c", "x: int = 1", "a, b: int",
        "1if x else 2", "0x_1", "1__0", "r'\\'", "'\\'", "x = 'a' b'b'", "not a == b", "a not in b",
        "@d\nclass A: pass", "def f(*, a): pass", "def f(*): pass", "def f(a, /, b): pass", "def f(/): pass",
        "x = yield", "(x := 1)", "x := 1", "f(a=1, *b)", "f(a=1, b)", "global x; x = 1", "return *a, b",
        "x = {1: }", "a = b = c", "def f(a, a): pass", "a, *b, *c = d", "nonlocal x", "def f():\n  return (yield)",
        "for x in y:\n  pass\nelse:\n  continue", "class A:\n  return", "lambda: (yield)", "while 1:\n  def g(): break", "x += y += 1", "x = 1 if y", "[x for x in y if z if w for v in x]",
        "match x:\n case [1, *r] | (2, *r): pass", "match x:\n case {**_}: pass", "match x:\n case {a: 1}: pass",
        "match x:\n case P(a=1, 2): pass", "match x:\n case -1 | 'a' 'b' | None | a.b: pass", "match x:\n case 1 +: pass",
        "match = {}\nmatch['case'] = 1", "match x:\n pass",
    ]

    @Test func acceptRejectMatchesCPython() throws {
        guard let python = Self.findPython() else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pysyntax-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [(path: String, text: String)] = []
        for (i, snippet) in Self.snippets.enumerated() {
            let path = directory.appendingPathComponent("s\(i).py").path
            try snippet.write(toFile: path, atomically: true, encoding: .utf8)
            files.append((path, snippet))
        }
        let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../GILRuntimeTests/Scripts").standardized
        for name in (try? FileManager.default.contentsOfDirectory(atPath: scripts.path)) ?? [] where name.hasSuffix(".py") {
            let path = scripts.appendingPathComponent(name).path
            files.append((path, try String(contentsOfFile: path, encoding: .utf8)))
        }
        let verdicts = try runPython(python, files.map(\.path))
        try #require(verdicts.count == files.count)
        for (file, verdict) in zip(files, verdicts) {
            var ours = "OK"
            do {
                _ = try PythonParser.parse(source: file.text, fileName: file.path)
            } catch {
                ours = error.isUnsupported ? "OK" : "ERR"
            }
            #expect(ours == verdict, "\(file.text.debugDescription)")
        }
    }

    /// One `python3` run for all files: prints OK or ERR per file.
    private func runPython(_ python: String, _ paths: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let script = """
            import sys
            for p in sys.argv[1:]:
                try:
                    compile(open(p, encoding='utf-8').read(), p, 'exec', dont_inherit=True)
                    print('OK')
                except SyntaxError:
                    print('ERR')
            """
        process.arguments = ["-c", script] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
