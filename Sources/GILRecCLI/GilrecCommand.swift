import ArgumentParser
import GILRecorder

/// `gilrec`: run Python programs on an instrumented GIL and record what happens into SQLite.
public struct GilrecCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gilrec",
        abstract: "Run Python programs on an instrumented GIL and record every GIL, lock and I/O event into SQLite.",
        discussion: "Analyse the recorded runs with `gilstat`, or open the database with `sqlite3 gil.db`.",
        version: "0.1.0",
        subcommands: [RunCommand.self, DemoCommand.self, SweepCommand.self]
    )

    public init() {}

    /// Entry point of the executable: installs the signal watcher before any thread starts.
    public static func main(arguments: [String]? = nil) {
        Self.signals = SignalWatcher.install()
        main(arguments)
    }

    nonisolated(unsafe) static var signals: SignalWatcher?
}
