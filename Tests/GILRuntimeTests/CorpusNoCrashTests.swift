import Foundation
import Testing

@testable import GILRuntime

/// The installed CPython's standard library (found at run time through python3's `sysconfig`; nothing copied)
/// and mutants of it, through the lexer, parser and compiler in-process and through the VM in child
/// `gilrec` processes: no input may end in a signal (trap, abort, segfault) or hang. The default suite runs
/// a small deterministic sample; `GILREC_SLOW_TESTS=1` runs every file of Lib and, within the CI budget of
/// ~10 minutes on 2 cores, 100,000 mutants through the compiler and 5,000 (1 in 20 of them) through the VM.
@Suite(.serialized, .enabled(if: CorpusLibrary.path != nil, "needs an installed CPython's standard library"))
struct CorpusNoCrashTests {
    static var slow: Bool { ProcessInfo.processInfo.environment["GILREC_SLOW_TESTS"] == "1" }
    static var library: String? { CorpusLibrary.path }

    /// Files left out, with the reason.
    static let excluded: [(String, String)] = [
        ("/antigravity.py", "opens a web browser"),
        ("/test/crashers/", "written to crash or exhaust CPython; mutation_inside_cyclegc.py needs the cycle collector we lack and allocates without bound"),
        ("/site-packages/", "third-party code, not the standard library"),
    ]

    /// Every `.py` of Lib, sorted (deterministic samples).
    static let files: [String] = {
        guard let library, let walker = FileManager.default.enumerator(atPath: library) else { return [] }
        var out: [String] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".py") else { continue }
            let path = library + "/" + relative
            if excluded.contains(where: { path.contains($0.0) }) { continue }
            out.append(path)
        }
        return out.sorted()
    }()

    /// A file's text, cut at a line boundary after `limit` characters (mutants of the big files cost as much
    /// to compile as the small ones).
    static func text(_ path: String, limit: Int = .max) -> [Unicode.Scalar]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let scalars = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
        guard scalars.count > limit else { return scalars }
        let cut = scalars[..<limit].lastIndex(of: "\n").map { $0 + 1 } ?? limit
        return Array(scalars[..<cut])
    }

    static func every(_ step: Int) -> [String] { stride(from: 0, to: files.count, by: step).map { files[$0] } }

    // MARK: - Lexer, parser and compiler, in this process

    @Test func libraryAndMutantsCompileOrRaiseSyntaxError() {
        let sample = Self.slow ? Self.files : Self.every(80)
        let mutants = Self.slow ? 100_000 : 200
        #expect(!sample.isEmpty)
        let tally = FuzzCompilerTests.Tally()
        let watchdog = FuzzCompilerTests.Watchdog(limitSeconds: 60)
        defer { watchdog.end() }
        for (k, path) in sample.enumerated() {
            guard let scalars = Self.text(path) else { continue }
            var source = ""
            source.unicodeScalars.append(contentsOf: scalars)
            watchdog.begin(k, path)
            FuzzCompilerTests.check(source, tally)
        }
        let (compiledFiles, refusedFiles, fileProblems) = tally.snapshot
        let corpus = Self.every(Self.slow ? 1 : 8).compactMap { Self.text($0, limit: 6_000) }
        var random = SplitMixRandom(state: 0x11B_C0DE)
        for index in 0..<mutants {
            let mutant = FuzzCompilerTests.mutate(&random, corpus)
            watchdog.begin(sample.count + index, mutant)
            FuzzCompilerTests.check(mutant, tally)
        }
        let (compiled, refused, problems) = tally.snapshot
        print("corpus: \(sample.count) Lib files (\(compiledFiles) compiled, \(refusedFiles) refused), \(mutants) mutants: \(compiled - compiledFiles) compiled, \(refused - refusedFiles) refused")
        #expect(compiledFiles > sample.count * 9 / 10, "most of CPython's Lib must compile")
        #expect(fileProblems.isEmpty && problems.isEmpty, "\(problems.prefix(5))")
    }

    // MARK: - The VM, in child processes

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CorpusRunner.gilrec.path), "needs .build/debug/gilrec"))
    func libraryAndMutantsRunWithoutSignalsOrHangs() throws {
        let sample = Self.slow ? Self.files : Self.every(120)
        let mutantCount = Self.slow ? 5_000 : 30
        let runner = try CorpusRunner()
        defer { runner.cleanUp() }
        var paths = sample
        let corpus = Self.every(Self.slow ? 1 : 8).compactMap { Self.text($0, limit: 6_000) }
        var random = SplitMixRandom(state: 0xC0_4215)
        for index in 0..<mutantCount {
            paths.append(try runner.write(FuzzCompilerTests.mutate(&random, corpus), name: "mutant_\(index).py"))
        }
        let findings = try runner.run(paths, chunk: Self.slow ? 150 : 100)
        print("corpus VM: \(sample.count) Lib files and \(mutantCount) mutants run as modules in \(runner.children) child processes")
        #expect(findings.isEmpty, "\(findings.prefix(5))")
    }
}

/// Where the installed CPython's Lib is (nil without python3).
enum CorpusLibrary {
    static let path: String? = ModulePath.cpythonLibrary()
}
