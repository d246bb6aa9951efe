import ArgumentParser
import GILRuntime
import GILTrace

/// Options shared by `gilrec run` and `gilrec demo`.
package struct RecordOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite file runs are stored in (created when missing).")
    package var db: String = "gil.db"

    @Option(name: .long, help: "GIL switch interval in seconds (CPython's sys.setswitchinterval; default 0.005).")
    package var switchInterval: Double = 0.005

    @Option(name: .long, help: "Where threads may be switched: py310 (backward jumps, calls, function entry — CPython 3.10+) or every (between almost any two instructions, like CPython ≤ 3.9).")
    package var checkPoints: CheckMode = .py310

    @Flag(name: .long, help: "Run without recording events (to measure the recorder's own overhead).")
    package var noTrace: Bool = false

    package init() {}

    package func validate() throws {
        guard switchInterval > 0, switchInterval <= 10, switchInterval.isFinite else {
            throw ValidationError("--switch-interval must be a number of seconds in (0, 10], got \(switchInterval)")
        }
    }

    package var switchIntervalNs: Int64 { Int64((switchInterval * 1e9).rounded()) }
}

extension CheckMode: ExpressibleByArgument {}
