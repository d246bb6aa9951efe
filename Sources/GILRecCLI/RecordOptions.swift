import ArgumentParser
import GILCore
import GILRecorder
import GILRuntime
import GILTrace

/// Options shared by `gilrec run` and `gilrec demo`.
package struct RecordOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite file runs are stored in (created when missing).")
    package var db: String = "gil.db"

    @Option(name: .long, help: "GIL switch interval in seconds (CPython's sys.setswitchinterval; default 0.005).")
    package var switchInterval: Double = 0.005

    @Option(name: .customLong("policy"), help: "GIL policy: cpython3 (default; Python/ceval_gil.c), cpython2 (tick-based, no handoff), fifo (fair turns, hand-off to the longest waiter), io-priority (threads back from I/O first), free-threaded (PEP 703: no GIL).")
    var policyOption: GILPolicy?

    @Option(name: .customLong("check-interval"), help: "Check points between releases under --policy cpython2 (sys.setcheckinterval; default 100).")
    var checkIntervalOption: Int?

    package var policy: GILPolicy { policyOption ?? .cpython3 }
    package var checkInterval: Int { checkIntervalOption ?? 100 }

    /// The options that only our runtime has, as given (for `--python`, which refuses them).
    package var runtimeOnlyOptionsGiven: [String] {
        [policyOption.map { _ in "--policy" }, checkIntervalOption.map { _ in "--check-interval" },
         checkPoints.map { _ in "--check-points" }, noTrace ? "--no-trace" : nil].compactMap { $0 }
    }

    @Option(name: .long, help: "Where threads may be switched: py310 (backward jumps, calls, function entry — CPython 3.10+) or every (between almost any two instructions, like CPython ≤ 3.9). Default: py310, or every under --policy cpython2 (2.x ticked every bytecode).")
    package var checkPoints: CheckMode?

    /// The check points in force: as given, else the policy's own (CPython 2 counted ticks at every bytecode).
    package var checkMode: CheckMode { checkPoints ?? policy.defaultCheckMode }

    @Flag(name: .long, help: "Run without recording events (to measure the recorder's own overhead).")
    package var noTrace: Bool = false

    @Flag(name: .long, help: "Record events without the Python stack at each (less overhead on programs that take locks millions of times; `gilstat where` then names no lines).")
    package var noStacks: Bool = false

    package init() {}

    package func validate() throws {
        guard switchInterval > 0, switchInterval <= 10, switchInterval.isFinite else {
            throw ValidationError("--switch-interval must be a number of seconds in (0, 10], got \(switchInterval)")
        }
        guard checkInterval >= 1 else { throw ValidationError("--check-interval must be at least 1, got \(checkInterval)") }
    }

    package var switchIntervalNs: Int64 { Int64((switchInterval * 1e9).rounded()) }
}

extension CheckMode: ExpressibleByArgument {}

extension GILPolicy: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.name) }
}
