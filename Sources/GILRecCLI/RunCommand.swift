import ArgumentParser
import Foundation
import GILRecorder
import PythonSyntax

/// `gilrec run PROGRAM.py [-- ARGS]`: record one program.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Python program and record it as one run.",
        discussion: """
        The program's stdout and stderr pass through unchanged; one line "recorded run N: E events → FILE" goes \
        to stderr at the end. The exit status is the program's.
        """
    )

    @OptionGroup var options: RecordOptions

    @Option(name: .long, help: "Stop the program after this many seconds; the trace is kept and the run stored as `timeout` (exit 124).")
    var timeout: Double?

    @Option(name: .long, help: "A label for the run (default: the program's file name).")
    var label: String?

    @Option(name: .long, help: "With --python: which holds of named locks become events — contended (default: those another thread waited through; the rest are counted in the run's notes) or all (every acquisition; costs ~40 ns per `with lock:`).")
    var lockHolds: LockHolds = .contended

    enum LockHolds: String, ExpressibleByArgument, CaseIterable {
        case contended, all
    }

    @Option(name: .long, help: "Run the program in this real CPython (3.8–3.13: a command such as python3, or a path) instead of gilrec's runtime, and record its GIL, locks and I/O from inside the process.")
    var python: String?

    @Option(name: [.customShort("m"), .long], help: "With --python: run this library module as a script (python -m MODULE), e.g. pytest or http.server.")
    var module: String?

    @Argument(help: "The Python program to run (omitted with --module).")
    var program: String?

    @Argument(parsing: .postTerminator, help: "Arguments for the program (after --), its sys.argv[1:].")
    var arguments: [String] = []

    func validate() throws {
        if module != nil && python == nil {
            throw ValidationError("--module needs --python: gilrec's own runtime runs program files")
        }
        if module != nil && program != nil {
            throw ValidationError("give a program or --module, not both (arguments for the module go after --)")
        }
        if module == nil && program == nil { throw ValidationError("missing the program to run") }
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)")
        }
        if python == nil && lockHolds == .all {
            throw ValidationError("--lock-holds applies to --python: gilrec's own runtime records every hold")
        }
        if python != nil, let option = options.runtimeOnlyOptionsGiven.first {
            throw ValidationError("\(option) applies to gilrec's own runtime; with --python the real CPython runs with its own GIL")
        }
    }

    func run() throws {
        // `gilrec run prog.py | head`: a closed pipe must not kill gilrec before the run is stored (SIGPIPE's
        // default action); the program's further output is discarded and the run ends normally.
        signal(SIGPIPE, SIG_IGN)
        let status = try Self.execute(
            program: program ?? "", module: module, arguments: arguments, label: label, options: options,
            timeout: timeout, python: python, recordAllLockHolds: lockHolds == .all, signals: GilrecCommand.signals
        )
        if status != 0 { throw ExitCode(status) }
    }

    /// Reads, records and reports one program; returns the process exit status. Errors that are the
    /// user's (missing file, syntax error, unusable database) are printed as one clear message, status 1.
    static func execute(
        program: String, module: String? = nil, arguments: [String], label: String?, options: RecordOptions,
        timeout: Double? = nil, python: String? = nil, recordAllLockHolds: Bool = false, signals: SignalWatcher?
    ) throws -> Int32 {
        let source: String
        do {
            // The real CPython reads the file itself (any encoding it accepts) or finds the module on its
            // own path; ours needs the text.
            if python == nil {
                source = try ProgramSource.read(program)
            } else {
                source = module == nil ? try ProgramSource.checkExists(program) : ""
            }
        } catch {
            printError("gilrec: \(error)")
            return 1
        }
        var request = Recording.Request(
            programPath: module.map { "-m \($0)" } ?? program, source: source, arguments: arguments,
            label: label ?? module, databasePath: options.db,
            switchIntervalNs: options.switchIntervalNs, traceEnabled: !options.noTrace, checkMode: options.checkMode,
            timeoutSeconds: timeout
        )
        request.policy = options.policy
        request.checkInterval = options.checkInterval
        request.python = python
        request.module = module
        request.recordAllLockHolds = recordAllLockHolds
        request.recordStacks = !options.noStacks
        do {
            let result = try Recording.record(request, signals: signals)
            if result.droppedEvents > 0 {
                printError("gilrec: \(result.droppedEvents) events dropped (not stored; counted in runs.dropped_events)")
            }
            for warning in result.warnings { printError("gilrec: \(warning)") }
            let children = result.childRunIDs.isEmpty ? "" : " (+ \(result.childRunIDs.count) child process run\(result.childRunIDs.count == 1 ? "" : "s"): \(result.childRunIDs.map(String.init).joined(separator: ", ")))"
            printError("recorded run \(result.runID): \(result.eventCount) events\(children) → \(result.databasePath)")
            return result.outcome.exitCode
        } catch let error as SyntaxError {
            printError(error.description)
            return 1
        } catch {
            printError("gilrec: \(error)")
            return 1
        }
    }
}
