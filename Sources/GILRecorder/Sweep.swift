import Foundation
import GILCore
import GILRuntime
import GILTrace
import TraceStore

/// `gilrec sweep`: one program recorded at every point of a `SweepPlan`, in this process, one run per
/// point, all runs sharing one `runs.sweep_id`. Each run gets its thread count twice: appended to
/// `sys.argv` and as `os.environ["GILREC_THREADS"]`. Nothing here prints; `progress` is told before and
/// after each run, and the command turns that into a progress bar.
package struct Sweep: Sendable {
    package var programPath: String
    package var source: String
    /// The program's own arguments; the thread count is appended after them.
    package var arguments: [String] = []
    package var label: String?
    package var databasePath: String
    package var plan: SweepPlan
    /// nil: each point's policy decides (`GILPolicy.defaultCheckMode`).
    package var checkMode: CheckMode?
    package var checkInterval: Int = 100
    package var timeoutSeconds: Double?
    /// Let the program's stdout/stderr through instead of capturing them.
    package var showOutput = false
    /// Record the real interpreter this names instead of gilrec's runtime (policies do not apply).
    package var python: String?

    package init(programPath: String, source: String, databasePath: String, plan: SweepPlan) {
        self.programPath = programPath
        self.source = source
        self.databasePath = databasePath
        self.plan = plan
    }

    /// The environment variable that carries the thread count.
    package static let threadsVariable = "GILREC_THREADS"

    /// One recorded point.
    package struct Step: Sendable {
        package var point: SweepPlan.Point
        package var runID: Int64
        package var eventCount: Int64
        package var status: RunStatus
        package var exitCode: Int32
        /// What the program printed (empty with `showOutput`).
        package var standardOutput: String
        package var standardError: String
    }

    /// What `progress` hears: `index` is 1-based, `total` the plan's size.
    package enum Progress: Sendable {
        case starting(index: Int, total: Int, point: SweepPlan.Point)
        case finished(index: Int, total: Int, step: Step, seconds: Double)
    }

    package struct Outcome: Sendable {
        /// nil only when no run was stored.
        package var sweepID: Int64?
        package var steps: [Step]
        /// Why the sweep ended before its last point (a run failed or was interrupted), else nil.
        package var stoppedEarly: String?
    }

    /// Records every point. A run that fails (`error`, `deadlock`) or is interrupted ends the sweep there,
    /// keeping what was stored; a `timeout` run is kept and the sweep goes on. Throws what `Recording.record`
    /// throws (a syntax error before anything is stored, an unusable database).
    package func run(signals: SignalWatcher? = nil, progress: (Progress) -> Void = { _ in }) throws -> Outcome {
        let points = plan.points
        var outcome = Outcome(sweepID: nil, steps: [], stoppedEarly: nil)
        for (i, point) in points.enumerated() {
            progress(.starting(index: i + 1, total: points.count, point: point))
            let capture = OutputCapture()
            var request = Recording.Request(
                programPath: programPath, source: source, arguments: arguments + [String(point.threads)], label: label,
                databasePath: databasePath, switchIntervalNs: point.switchIntervalNs, checkMode: checkMode ?? point.policy.defaultCheckMode,
                timeoutSeconds: timeoutSeconds, output: showOutput ? .standardStreams : .capture(capture))
            request.policy = point.policy
            request.checkInterval = checkInterval
            request.sweepId = outcome.sweepID
            request.environment = [Self.threadsVariable: String(point.threads)]
            request.python = python
            let start = MonotonicClock.now()
            let result = try Recording.record(request, signals: signals)
            if outcome.sweepID == nil {
                outcome.sweepID = try SweepID.claim(databasePath: databasePath, firstRunID: result.runID)
            }
            let step = Step(
                point: point, runID: result.runID, eventCount: result.eventCount, status: result.outcome.status,
                exitCode: result.outcome.exitCode, standardOutput: capture.standardOutput,
                standardError: capture.standardError)
            outcome.steps.append(step)
            progress(.finished(index: i + 1, total: points.count, step: step, seconds: Double(MonotonicClock.now() - start) / 1e9))
            switch step.status {
            case .ok, .timeout:
                continue
            case .error, .deadlock, .interrupted, .incomplete, .running:
                outcome.stoppedEarly = "run \(step.runID) ended with status \(step.status.rawValue) (exit \(step.exitCode))"
            }
            break
        }
        return outcome
    }
}

/// Allocates `runs.sweep_id`: max + 1 over the file, taken by the sweep's first run in one UPDATE under
/// SQLite's write lock (BEGIN IMMEDIATE), so two sweeps recording into one file at once never share an id
/// (https://sqlite.org/lang_transaction.html). The first run is stored before its id is known; the later
/// runs carry it from their INSERT.
enum SweepID {
    /// `RETURNING` needs SQLite ≥ 3.35 (https://sqlite.org/lang_returning.html).
    static let claimSQL = """
        UPDATE runs SET sweep_id = (SELECT coalesce(max(sweep_id), 0) + 1 FROM runs)
        WHERE run_id = ?1 RETURNING sweep_id
        """

    static func claim(databasePath: String, firstRunID: Int64) throws -> Int64 {
        let db = try Database(path: databasePath, mode: .readWrite)
        defer { db.close() }
        return try db.inTransaction {
            let statement = try db.prepare(claimSQL)
            statement.bind(firstRunID, at: 1)
            guard try statement.step() else {
                throw DemoError(description: "run \(firstRunID) vanished from \(databasePath) before it got its sweep id")
            }
            let id = statement.int64(0)
            statement.reset()
            return id
        }
    }
}
