import Foundation
import PythonSyntax
import Synchronization
import Testing

@testable import GILRuntime

/// Lexer → parser → compiler on mutated real programs (`Scripts/*.py` and `Examples/*.py`) and on random
/// token soup: every input must compile or throw a `SyntaxError` with a location — never crash, never hang.
/// 3,000 inputs by default; `GILREC_SLOW_TESTS=1` runs 100,000. Deterministic seeds, so a failure reproduces;
/// a watchdog prints the input that hung and aborts instead of letting the suite wait forever.
@Suite(.serialized)
struct FuzzCompilerTests {
    static var slow: Bool { ProcessInfo.processInfo.environment["GILREC_SLOW_TESTS"] == "1" }

    static let corpus: [[Unicode.Scalar]] = {
        let examples = scriptsDirectory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples")
        var files: [URL] = []
        for directory in [scriptsDirectory, examples] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            files += names.filter { $0.hasSuffix(".py") }.sorted().map { directory.appendingPathComponent($0) }
        }
        return files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }.map { Array($0.unicodeScalars) }
    }()

    static let fragments: [String] = [
        "(", ")", "[", "]", "{", "}", ":", ",", "=", "\n", "    ", "\t", "'", "\"", "'''", "f'{", "}", "\\", "#",
        "lambda ", "yield ", "await ", "*", "**", ":=", "if ", "else ", "elif ", "for ", " in ", "while ", "def ",
        "class ", "return ", "try:\n", "except ", "finally:\n", "with ", "as ", "global ", "nonlocal ", "del ",
        "import ", "from ", "@", ".", "...", "0x", "1_", "1e", "j", "é", "\u{0}", "\r", "not ", "and ", "or ",
        "is ", "None", "pass", "break", "continue", "raise ", "assert ", "async ", "match ", "case ", ";", "->",
        "+=", "//=", "<<", "~", "%", "!=", "b'", "r'", "rb'", "f\"{x!r:>{w}}\"", "__class__", "super()", "*args",
        "**kw", "/", "x", "y", "0", "10**100", "9" + String(repeating: "9", count: 40),
    ]

    /// The outcome of fuzzing: how many inputs compiled, were refused, and each problem found.
    final class Tally: Sendable {
        private let counts = Mutex<(compiled: Int, refused: Int, problems: [String])>((0, 0, []))
        func compiled() { counts.withLock { $0.compiled += 1 } }
        func refused() { counts.withLock { $0.refused += 1 } }
        func problem(_ text: String) { counts.withLock { $0.problems.append(text) } }
        var snapshot: (compiled: Int, refused: Int, problems: [String]) { counts.withLock { $0 } }
    }

    /// Kills the test process (with the input) if one input takes longer than `limitSeconds`: a hang must be
    /// reported, not waited for.
    final class Watchdog: @unchecked Sendable {  // `current` behind `lock`
        private let lock = Mutex<(index: Int, startedNs: UInt64, text: String)?>(nil)
        private let stop = Atomic<Bool>(false)
        let limitSeconds: Double

        init(limitSeconds: Double) {
            self.limitSeconds = limitSeconds
            Thread.detachNewThread { [self] in watch() }
        }

        func begin(_ index: Int, _ text: String) {
            lock.withLock { $0 = (index, DispatchTime.now().uptimeNanoseconds, text) }
        }

        func end() { stop.store(true, ordering: .relaxed) }

        private func watch() {
            while !stop.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: 0.25)
                let overdue = lock.withLock { current -> (Int, String)? in
                    guard let current else { return nil }
                    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - current.startedNs) / 1e9
                    return elapsed > limitSeconds ? (current.index, current.text) : nil
                }
                if let (index, text) = overdue {
                    FileHandle.standardError.write(Data("fuzz input #\(index) hung (> \(limitSeconds) s): \(text.debugDescription)\n".utf8))
                    abort()
                }
            }
        }
    }

    /// Compiles one input; records whether it compiled, was refused, or broke a rule.
    static func check(_ text: String, _ tally: Tally) {
        do {
            _ = try PythonCompiler.compile(source: text, fileName: "fuzz.py")
            tally.compiled()
        } catch {
            tally.refused()
            // Python ends lines at \n, \r\n and a lone \r.
            let lines = text.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count + 1
            if error.location.line < 1 || error.location.column < 1 || error.location.line > lines + 1 {
                tally.problem("bad location \(error.location) for \(text.debugDescription): \(error.message)")
            }
            if error.message.isEmpty { tally.problem("empty message for \(text.debugDescription)") }
        }
    }

    /// One mutation of a corpus program: 1–4 edits of bytes, fragments, ranges and whole lines.
    static func mutate(_ random: inout SplitMixRandom, _ corpus: [[Unicode.Scalar]]) -> String {
        var scalars = corpus[random.below(corpus.count)]
        for _ in 0..<(1 + random.below(4)) {
            let at = random.below(scalars.count + 1)
            switch random.below(8) {
            case 0 where !scalars.isEmpty:  // delete a short range
                let length = min(1 + random.below(8), scalars.count - min(at, scalars.count - 1))
                let from = min(at, scalars.count - 1)
                scalars.removeSubrange(from..<from + length)
            case 1, 2:  // insert a fragment
                scalars.insert(contentsOf: fragments[random.below(fragments.count)].unicodeScalars, at: at)
            case 3 where !scalars.isEmpty:  // duplicate a range somewhere else
                let from = random.below(scalars.count)
                let length = min(random.below(40), scalars.count - from)
                scalars.insert(contentsOf: scalars[from..<from + length], at: at)
            case 4:  // splice in a line of another program
                let other = corpus[random.below(corpus.count)]
                let lines = other.split(separator: "\n", omittingEmptySubsequences: false)
                let line = lines[random.below(lines.count)]
                scalars.insert(contentsOf: Array(line) + ["\n"], at: at)
            case 5 where !scalars.isEmpty:  // truncate
                scalars.removeSubrange(random.below(scalars.count)...)
            case 6 where !scalars.isEmpty:  // replace one character by a printable one or a control character
                let i = random.below(scalars.count)
                scalars[i] = Unicode.Scalar(UInt8(random.below(4) == 0 ? random.below(32) : 32 + random.below(95)))
            default:  // indent or dedent a line
                let lineStart = scalars[..<at].lastIndex(of: "\n").map { $0 + 1 } ?? 0
                if random.below(2) == 0 {
                    scalars.insert(contentsOf: Array(repeating: " ", count: 1 + random.below(8)), at: lineStart)
                } else if lineStart < scalars.count, scalars[lineStart] == " " {
                    scalars.remove(at: lineStart)
                }
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    /// Random token soup: fragments and names strung together, with newlines and indentation.
    static func soup(_ random: inout SplitMixRandom) -> String {
        var text = ""
        for _ in 0..<random.below(40) { text += fragments[random.below(fragments.count)] }
        return text
    }

    static func run(inputs: Int, seed: UInt64) -> Tally {
        let corpus = Self.corpus
        let tally = Tally()
        let watchdog = Watchdog(limitSeconds: 20)
        defer { watchdog.end() }
        var random = SplitMixRandom(state: seed)
        for index in 0..<inputs {
            let text = index % 4 == 3 || corpus.isEmpty ? soup(&random) : mutate(&random, corpus)
            watchdog.begin(index, text)
            check(text, tally)
        }
        return tally
    }

    @Test func mutatedAndRandomProgramsCompileOrThrow() {
        #expect(Self.corpus.count >= 50, "corpus not found")
        let inputs = Self.slow ? 100_000 : 3_000
        let tally = Self.run(inputs: inputs, seed: 0x5EED_F00D)
        let (compiled, refused, problems) = tally.snapshot
        print("fuzz: \(inputs) inputs through lexer, parser and compiler: \(compiled) compiled, \(refused) refused")
        #expect(compiled + refused == inputs)
        #expect(compiled > inputs / 20 && refused > inputs / 20)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    /// Every corpus program compiles unmutated (so mutations start from valid code).
    @Test func corpusCompiles() throws {
        for program in Self.corpus {
            var text = ""
            text.unicodeScalars.append(contentsOf: program)
            _ = try PythonCompiler.compile(source: text, fileName: "corpus.py")
        }
    }
}

/// SplitMix64: tiny and deterministic.
struct SplitMixRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
