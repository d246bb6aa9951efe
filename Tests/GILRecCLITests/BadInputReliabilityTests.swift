import Foundation
import Testing
import TraceStore

/// Source files no one should feed us, through the built `gilrec`: a clear message and a non-zero exit (or a
/// normal run when the file is valid Python), never a crash or a hang.
@Suite(.serialized, .enabled(if: BuiltBinary.available, "needs .build/debug/gilrec"))
struct BadInputReliabilityTests {
    private func runFile(_ bytes: [UInt8], name: String = "input.py") throws -> (BuiltBinary.Result, TemporaryDatabase) {
        let database = TemporaryDatabase()
        let file = database.directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let result = try BuiltBinary.run(BuiltBinary.gilrec, ["run", "--db", database.path, file.path])
        #expect(!result.crashed && result.status != -1, "crashed or hung: \(result.stderr.suffix(1500))")
        return (result, database)
    }

    private func runsStored(_ database: TemporaryDatabase) -> Int {
        guard FileManager.default.fileExists(atPath: database.path) else { return 0 }
        return (try? TraceReader(path: database.path).runs().count) ?? 0
    }

    @Test func nonUTF8SourceIsRefused() throws {
        let (result, database) = try runFile(Array("x = '".utf8) + [0xE9, 0xFF, 0xFE] + Array("'\n".utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("SyntaxError: Non-UTF-8 code starting with '\\xe9' in file"), "\(result.stderr)")
        #expect(runsStored(database) == 0)
    }

    @Test func latin1SourceWithACodingDeclarationRuns() throws {
        let (result, database) = try runFile(Array("# -*- coding: latin-1 -*-\nprint('caf".utf8) + [0xE9] + Array("')\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "café\n")
        #expect(runsStored(database) == 1)
    }

    @Test func binaryFileIsRefused() throws {
        var generator = SplitMixGenerator(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let (result, database) = try runFile([0x7F, 0x45, 0x4C, 0x46] + bytes)  // an ELF-looking header
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("gilrec: "), "\(result.stderr)")
        #expect(runsStored(database) == 0)
    }

    @Test func nulBytesInValidUTF8AreASyntaxError() throws {
        let (result, _) = try runFile(Array("x = 1\n\0\0y = 2\n".utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("SyntaxError"), "\(result.stderr)")
    }

    @Test func emptyFileIsAnEmptyProgram() throws {
        let (result, database) = try runFile([])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(runsStored(database) == 1)
    }

    @Test func missingFileAndDirectoryAreRefused() throws {
        let database = TemporaryDatabase()
        let missing = try BuiltBinary.run(BuiltBinary.gilrec, ["run", "--db", database.path, database.directory.path + "/nope.py"])
        #expect(missing.status == 1 && missing.stderr.contains("no such file"), "\(missing.stderr)")
        let directory = try BuiltBinary.run(BuiltBinary.gilrec, ["run", "--db", database.path, database.directory.path])
        #expect(directory.status == 1 && directory.stderr.contains("is a directory"), "\(directory.stderr)")
        #expect(runsStored(database) == 0)
    }

    /// As CPython 3.11: a decimal literal over 4300 digits is a SyntaxError (decimal conversion is quadratic),
    /// `10**20000` is computed but not printed in decimal, and a huge hex literal is refused, not a hang.
    @Test func hugeIntegerLiteralsHaveClearLimits() throws {
        let literal = try runFile(Array(("y = " + String(repeating: "7", count: 100_000) + "\n").utf8)).0
        #expect(literal.status == 1)
        #expect(literal.stderr.contains("SyntaxError: Exceeds the limit (4300 digits) for integer string conversion: value has 100000 digits"))
        let power = try runFile(Array("x = 10**20000\nprint(x % 7)\ntry:\n    str(x)\nexcept ValueError as e:\n    print(e)\nprint(int('7' * 4300) % 10)\nint('7' * 4301)\n".utf8)).0
        #expect(power.status == 1, "\(power.stderr.suffix(500))")
        #expect(power.stdout == "2\nExceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit\n7\n")
        #expect(power.stderr.contains("ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits"))
        let hex = try runFile(Array(("z = 0x" + String(repeating: "f", count: 100_000) + "\n").utf8)).0
        #expect(hex.status == 1 && hex.stderr.contains("integer literal too large"), "\(hex.stderr.prefix(300))")
    }

    @Test func oneMegabyteStringLiteralWorks() throws {
        let text = String(repeating: "abcdefgh", count: 131_072)
        let (result, _) = try runFile(Array("s = '\(text)'\nprint(len(s))\n".utf8))
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        #expect(result.stdout == "1048576\n")
    }

    @Test(arguments: [
        ("10k nested parens", "x = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)),
        ("100k-term sum", "x = " + Array(repeating: "1", count: 100_000).joined(separator: "+")),
        ("10k attribute chain", "x = a" + String(repeating: ".b", count: 10_000)),
        ("10k calls", "x = f" + String(repeating: "()", count: 10_000)),
        ("100k unary minus", "x = " + String(repeating: "-", count: 100_000) + "1"),
        ("10k nested lambdas", "x = " + String(repeating: "lambda: ", count: 10_000) + "1"),
        ("200 nested blocks", (0..<200).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + String(repeating: " ", count: 200) + "pass"),
    ])
    func hostileNestingIsASyntaxError(name: String, source: String) throws {
        let (result, database) = try runFile(Array((source + "\n").utf8))
        #expect(result.status == 1, "\(name): \(result.stderr.suffix(500))")
        #expect(result.stderr.contains("SyntaxError") || result.stderr.contains("IndentationError"), "\(name): \(result.stderr.prefix(300))")
        #expect(runsStored(database) == 0)
    }

    /// Deep but reasonable chains compile, as in CPython (which takes 1,000 terms).
    @Test func thousandTermSumCompilesAndRuns() throws {
        let (result, _) = try runFile(Array(("x = " + Array(repeating: "1", count: 1000).joined(separator: "+") + "\nprint(x)\n").utf8))
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        #expect(result.stdout == "1000\n")
    }
}

/// SplitMix64, deterministic so a failing input reproduces.
struct SplitMixGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `gilrec run prog.py | head -1`: the reader goes away; gilrec must still store the run (not die of SIGPIPE).
@Suite(.serialized, .enabled(if: BuiltBinary.available && FileManager.default.isExecutableFile(atPath: "/bin/sh")))
struct OutputReliabilityTests {
    @Test func closedStdoutPipeStillStoresTheRun() throws {
        let database = TemporaryDatabase()
        let script = database.directory.appendingPathComponent("chatty.py")
        try "for i in range(200000):\n    print(i)\n".write(to: script, atomically: true, encoding: .utf8)
        let command = "'\(BuiltBinary.gilrec.path)' run --db '\(database.path)' '\(script.path)' | head -1"
        let result = try BuiltBinary.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], limit: 120)
        #expect(result.stdout.hasPrefix("0\n"))
        let run = try TraceReader(path: database.path).resolveRun(nil)
        #expect(run.status == .ok, "stderr: \(result.stderr)")
    }
}
