import Foundation
import Testing
@testable import GILRuntime

/// Multi-file programs written to a temporary directory and run twice — by our runtime and by the installed
/// CPython 3.11 — with the same stdout, exit status and traceback text required: packages, relative and
/// circular imports, `__main__`, a module whose body fails, one that does not compile, and two threads
/// importing the same slow module (its body must run once, and neither may see it half-initialised).
@Suite(.serialized)
struct ImportSystemTests {
    static let cpython: String? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys; print(sys.version_info[:2] == (3, 11))"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return out.hasPrefix("True") ? "python3" : nil
    }()

    /// A program tree: path relative to the root → source.
    static let application: [String: String] = [
        "main.py": """
            import sys
            import threading
            import helper
            from app import settings
            from app.core import engine
            from app.core.engine import run, LOG

            print(__name__, helper.NAME, helper.main_guard)
            print(run(3), LOG)
            print(settings.DEBUG, engine.__package__, engine.settings is settings)
            print(sorted(m for m in sys.modules if m.startswith("app")))

            # A module whose body raises is not cached; importing it again runs it again.
            for attempt in range(2):
                try:
                    import app.flaky
                except ZeroDivisionError as e:
                    print("flaky failed:", e, "app.flaky" in sys.modules)

            # Two threads import one slow module: its body runs once, both see it complete.
            seen = []
            def worker():
                import app.slow
                seen.append(app.slow.READY)
            threads = [threading.Thread(target=worker) for _ in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            import app.slow
            print(seen, app.slow.RUNS)
            """,
        "helper.py": """
            NAME = "helper"
            main_guard = "imported"
            if __name__ == "__main__":
                main_guard = "run as a script"
            """,
        "app/__init__.py": "from . import settings\n",
        "app/settings.py": "DEBUG = False\n",
        "app/core/__init__.py": "from .engine import run\n",
        "app/core/engine.py": """
            from .. import settings
            from ..core import helpers
            LOG = []
            def run(n):
                LOG.append(n)
                return helpers.double(n)
            """,
        "app/core/helpers.py": """
            from . import engine
            def double(n):
                return 2 * n + len(engine.LOG) - 1
            """,
        "app/flaky.py": "print('flaky body runs')\nx = 1 / 0\n",
        "app/slow.py": """
            import time
            import builtins
            builtins.slow_runs = getattr(builtins, "slow_runs", 0) + 1
            time.sleep(0.05)
            RUNS = builtins.slow_runs
            READY = True
            """,
    ]

    @Test(.enabled(if: cpython != nil, "needs CPython 3.11 as python3"))
    func packageProgramMatchesCPython() throws {
        try compare(Self.application)
    }

    @Test(.enabled(if: cpython != nil, "needs CPython 3.11 as python3"))
    func failureInsideAnImportedModuleHasCPythonsTraceback() throws {
        try compare([
            "main.py": "import lib\nprint('start')\nlib.check(3)\n",
            "lib.py": "def check(n):\n    inner(n)\n\ndef inner(n):\n    raise ValueError(f'bad value {n}')\n",
        ])
    }

    @Test(.enabled(if: cpython != nil, "needs CPython 3.11 as python3"))
    func importOfAModuleThatDoesNotCompileIsASyntaxError() throws {
        try compare([
            "main.py": "print('start')\nimport broken\n",
            "broken.py": "value = 1\ndef oops(:\n    pass\n",
        ])
    }

    @Test(.enabled(if: cpython != nil, "needs CPython 3.11 as python3"))
    func circularFromImportNamesTheCircularImport() throws {
        try compare([
            "main.py": "import first\n",
            "first.py": "from second import B\nA = 1\n",
            "second.py": "from first import A\nB = 2\n",
        ])
    }

    @Test(.enabled(if: cpython != nil, "needs CPython 3.11 as python3"))
    func relativeImportInTheMainScriptFails() throws {
        try compare(["main.py": "print('x')\nfrom . import sibling\n", "sibling.py": ""])
    }

    /// Writes `files` under a fresh directory, runs `main.py` with both interpreters, compares.
    func compare(_ files: [String: String]) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gilrec-imports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, source) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (source + (source.hasSuffix("\n") || source.isEmpty ? "" : "\n")).write(to: url, atomically: true, encoding: .utf8)
        }
        let main = root.appendingPathComponent("main.py").path
        let ours = try runProgram(files["main.py"]! + "\n", fileName: main, scriptDirectory: root.path)
        let theirs = try Self.runCPython(main, in: root.path)
        #expect(!theirs.stdout.isEmpty || !theirs.stderr.isEmpty, "CPython printed nothing")
        #expect(ours.stdout == theirs.stdout)
        #expect(ours.outcome.exitCode == theirs.status)
        #expect(ours.stderr == theirs.stderr)
    }

    static func runCPython(_ script: String, in directory: String) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [cpython!, script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self), process.terminationStatus)
    }
}
