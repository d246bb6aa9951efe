import ArgumentParser
import Foundation
import GILAnalysis
import GILCore
import GILRecorder
import GILRuntime
import PythonSyntax

/// `gilrec sweep PROGRAM --threads 1,2,4 --policy cpython3,fifo --switch-interval 0.005,0.001`.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Record a program once per (policy, switch interval, thread count) and tabulate the speedups.",
        discussion: """
        Every run is stored in --db with one shared sweep id. The thread count is appended to the program's \
        sys.argv (after any arguments given after --) and set as os.environ["GILREC_THREADS"]. The program's \
        output is captured unless --show-output. Progress goes to stderr; the table at the end is read back \
        from the database (see also `gilstat speedup --sweep ID`). PROGRAM may name an example, e.g. sweep_cpu.
        """
    )

    @Option(name: .long, help: "The SQLite file runs are stored in (created when missing).")
    var db: String = "gil.db"

    @Option(name: .long, parsing: .unconditional, help: "Comma-separated thread counts, e.g. 1,2,4.")
    var threads: String = "1,2,4"

    @Option(name: .long, parsing: .unconditional, help: "Comma-separated GIL policies (or all): \(GILPolicy.allCases.map(\.name).joined(separator: ", ")).")
    var policy: String = GILPolicy.cpython3.name

    @Option(name: .long, parsing: .unconditional, help: "Comma-separated switch intervals in seconds (or with ms/us), e.g. 0.005,0.001.")
    var switchInterval: String = "0.005"

    @Option(name: .long, parsing: .unconditional, help: "Record each combination this many times.")
    var `repeat`: Int = 1

    @Option(name: .long, help: "A label for every run (default: the program's file name).")
    var label: String?

    @Option(name: .long, help: "Stop a run after this many seconds (status timeout); the sweep goes on.")
    var timeout: Double?

    @Option(name: .long, help: "Where threads may be switched: py310 or every. Default: each policy's own (every under cpython2, py310 otherwise).")
    var checkPoints: CheckMode?

    @Option(name: .long, help: "Check points between releases under cpython2 (default 100).")
    var checkInterval: Int = 100

    @Flag(name: .long, help: "Let the program's output through instead of capturing it.")
    var showOutput = false

    @Option(name: .long, help: "Record the runs in this real CPython (a command such as python3, or a path) instead of gilrec's runtime; --policy, --check-points and --check-interval do not apply.")
    var python: String?

    @Argument(help: "The Python program to run, or the name of an example (gilrec's Examples/).")
    var program: String

    @Argument(parsing: .postTerminator, help: "Arguments for the program (after --); the thread count follows them.")
    var arguments: [String] = []

    func validate() throws {
        _ = try plan()
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)")
        }
        guard checkInterval >= 1 else { throw ValidationError("--check-interval must be at least 1, got \(checkInterval)") }
        if python != nil {
            // The real interpreter has one GIL of its own: a policy list is a mistake, not a wish to ignore.
            if policy != GILPolicy.cpython3.name {
                throw ValidationError("--policy applies to gilrec's own runtime; with --python the real CPython runs with its own GIL")
            }
            if checkPoints != nil { throw ValidationError("--check-points applies to gilrec's own runtime, not to --python") }
            if checkInterval != 100 { throw ValidationError("--check-interval applies to gilrec's own runtime, not to --python") }
        }
    }

    /// The lists as a plan; a bad list is a `ValidationError` (usage, exit 64) before anything is recorded.
    func plan() throws -> SweepPlan {
        do {
            guard (1...1000).contains(self.repeat) else {
                throw SweepPlan.ListError(description: "--repeat must be from 1 to 1000, got \(self.repeat)")
            }
            return SweepPlan(
                threads: try SweepPlan.parseThreads(threads), policies: try SweepPlan.parsePolicies(policy),
                switchIntervalsNs: try SweepPlan.parseIntervals(switchInterval), repeats: self.repeat)
        } catch let error as SweepPlan.ListError {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let status = try execute(signals: GilrecCommand.signals, progress: SweepProgressBar(interactive: isatty(2) == 1))
        if status != 0 { throw ExitCode(status) }
    }

    /// Records the sweep and prints its table on stdout; returns the exit status. User errors (missing
    /// program, syntax error, unusable database) are one message on stderr and status 1, nothing recorded.
    func execute(signals: SignalWatcher?, progress: SweepProgressBar, print emit: (String) -> Void = { print($0, terminator: "") }) throws -> Int32 {
        let plan = try plan()
        let source: (path: String, text: String)
        do {
            source = try SweepProgram.resolve(program, readText: python == nil)
        } catch {
            printError("gilrec: \(error)")
            return 1
        }
        var sweep = Sweep(programPath: source.path, source: source.text, databasePath: db, plan: plan)
        sweep.arguments = arguments
        sweep.label = label
        sweep.checkMode = checkPoints
        sweep.checkInterval = checkInterval
        sweep.timeoutSeconds = timeout
        sweep.showOutput = showOutput
        sweep.python = python
        let outcome: Sweep.Outcome
        do {
            outcome = try sweep.run(signals: signals) { progress.show($0) }
        } catch let error as SyntaxError {
            progress.clear()
            printError(error.description)
            return 1
        } catch {
            progress.clear()
            printError("gilrec: \(error)")
            return 1
        }
        progress.clear()
        guard let sweepID = outcome.sweepID else { return 1 }
        emit(try SweepTable.report(databasePath: db, sweepID: sweepID).render(.table))
        emit("\nsweep \(sweepID): \(outcome.steps.count) of \(plan.points.count) runs → \(db)   (gilstat speedup --sweep \(sweepID) --db \(db))\n")
        if let stopped = outcome.stoppedEarly, let last = outcome.steps.last {
            if !showOutput, !last.standardError.isEmpty { printError(last.standardError.trimmingCharacters(in: .newlines)) }
            printError("gilrec sweep: stopped early: \(stopped)")
            return last.exitCode != 0 ? last.exitCode : 1
        }
        return 0
    }
}

/// A program path, or the name of one of gilrec's examples (`sweep_cpu`, `sweep_cpu.py`, `Examples/sweep_cpu.py`)
/// when no such file exists.
enum SweepProgram {
    /// - Parameter readText: false for the real CPython, which reads the file itself.
    static func resolve(_ name: String, readText: Bool = true) throws -> (path: String, text: String) {
        if FileManager.default.fileExists(atPath: name) {
            return (name, readText ? try ProgramSource.read(name) : try ProgramSource.checkExists(name))
        }
        var stem = name
        if stem.hasPrefix("Examples/") { stem = String(stem.dropFirst("Examples/".count)) }
        if stem.hasSuffix(".py") { stem = String(stem.dropLast(3)) }
        if ExampleLibrary.names.contains(stem) {
            let example = try ExampleLibrary.load(stem)
            return (example.path, example.source)
        }
        return (name, try ProgramSource.read(name))
    }
}

/// `[7/12] cpython3 si=1ms t=4 …` on stderr: redrawn in place on a terminal, else one line per finished run.
final class SweepProgressBar: Sendable {
    let interactive: Bool
    /// Tests pass a sink; nil writes to stderr.
    let sink: (@Sendable (String) -> Void)?

    init(interactive: Bool, sink: (@Sendable (String) -> Void)? = nil) {
        self.interactive = interactive
        self.sink = sink
    }

    static func describe(_ p: SweepPlan.Point, repeats: Bool) -> String {
        "\(p.policy.name) si=\(SweepPlan.intervalText(p.switchIntervalNs)) t=\(p.threads)"
            + (repeats || p.repeatIndex > 1 ? " #\(p.repeatIndex)" : "")
    }

    func show(_ event: Sweep.Progress) {
        switch event {
        case .starting(let index, let total, let point):
            if interactive { write("\r\u{1B}[K[\(index)/\(total)] \(Self.describe(point, repeats: false)) …") }
        case .finished(let index, let total, let step, let seconds):
            let line = "[\(index)/\(total)] \(Self.describe(step.point, repeats: false)): run \(step.runID), "
                + "\(Humanize.format(seconds, decimals: 2)) s, \(step.status.rawValue)"
            write(interactive ? "\r\u{1B}[K" + line : line + "\n")
        }
    }

    func clear() {
        if interactive { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) {
        if let sink { sink(text) } else { FileHandle.standardError.write(Data(text.utf8)) }
    }
}
