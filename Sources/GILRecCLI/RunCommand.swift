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

    @Argument(help: "The Python program to run.")
    var program: String

    @Argument(parsing: .postTerminator, help: "Arguments for the program (after --), its sys.argv[1:].")
    var arguments: [String] = []

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)")
        }
    }

    func run() throws {
        // `gilrec run prog.py | head`: a closed pipe must not kill gilrec before the run is stored (SIGPIPE's
        // default action); the program's further output is discarded and the run ends normally.
        signal(SIGPIPE, SIG_IGN)
        let status = try Self.execute(
            program: program, arguments: arguments, label: label, options: options, timeout: timeout,
            signals: GilrecCommand.signals
        )
        if status != 0 { throw ExitCode(status) }
    }

    /// Reads, records and reports one program; returns the process exit status. Errors that are the
    /// user's (missing file, syntax error, unusable database) are printed as one clear message, status 1.
    static func execute(
        program: String, arguments: [String], label: String?, options: RecordOptions, timeout: Double? = nil,
        signals: SignalWatcher?
    ) throws -> Int32 {
        let source: String
        do {
            source = try ProgramSource.read(program)
        } catch {
            printError("gilrec: \(error)")
            return 1
        }
        var request = Recording.Request(
            programPath: program, source: source, arguments: arguments, label: label, databasePath: options.db,
            switchIntervalNs: options.switchIntervalNs, traceEnabled: !options.noTrace, checkMode: options.checkMode,
            timeoutSeconds: timeout
        )
        request.policy = options.policy
        request.checkInterval = options.checkInterval
        do {
            let result = try Recording.record(request, signals: signals)
            if result.droppedEvents > 0 {
                printError("gilrec: \(result.droppedEvents) events dropped (not stored; counted in runs.dropped_events)")
            }
            printError("recorded run \(result.runID): \(result.eventCount) events → \(result.databasePath)")
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
