import Foundation
import GILCore
import GILRuntime
import Testing
import TraceStore
@testable import GILRecCLI
@testable import GILRecorder

/// `--policy` reaches the GIL and the stored run; unknown names are usage errors.
@Suite(.serialized)
struct PolicyOptionTests {
    @Test(arguments: GILPolicy.allCases)
    func runIsRecordedUnderItsPolicy(policy: GILPolicy) throws {
        let database = TemporaryDatabase()
        var request = Recording.Request(
            programPath: "p.py", source: "import threading\nt = threading.Thread(target=print, args=(1,))\nt.start(); t.join()\n",
            databasePath: database.path, output: .capture(OutputCapture()))
        request.policy = policy
        let result = try Recording.record(request)
        #expect(result.outcome.exitCode == 0)
        #expect(try TraceReader(path: database.path).resolveRun(nil).info.policy == policy.name)
    }

    /// The store's invariants (GIL holds never overlap, acquires match releases, slices match events…) hold
    /// for every policy on examples that contend for the GIL, a lock and I/O.
    @Test(arguments: GILPolicy.allCases)
    func examplesSatisfyTheStoreInvariants(policy: GILPolicy) throws {
        for (example, arguments) in [("race", ["20000"]), ("convoy", []), ("primitives", [])] {
            let database = TemporaryDatabase()
            var request = Recording.Request(
                programPath: "\(example).py",
                source: try shrunkExample(example).replacingOccurrences(of: "args=(20_000,)", with: "args=(2_000,)"), arguments: arguments,
                databasePath: database.path, output: .capture(OutputCapture()))
            request.policy = policy
            let result = try Recording.record(request)
            #expect(result.outcome.exitCode == 0, "\(example) under \(policy.name)")
            #expect(try TraceInvariantTests.violations(in: database, run: result.runID) == [], "\(example) under \(policy.name)")
        }
    }

    /// cpython2 counts ticks at every instruction unless told otherwise, like CPython 2.x's bytecode ticks.
    @Test func cpython2DefaultsToEveryCheckPoint() throws {
        #expect(try RecordOptions.parse(["--policy", "cpython2"]).checkMode == .every)
        #expect(try RecordOptions.parse(["--policy", "cpython2", "--check-points", "py310"]).checkMode == .py310)
        #expect(try RecordOptions.parse([]).checkMode == .py310)
    }

    @Test func unknownPolicyIsAUsageError() {
        #expect(throws: (any Error).self) { try RecordOptions.parse(["--policy", "nope"]) }
        #expect(throws: (any Error).self) { try RecordOptions.parse(["--check-interval", "0"]) }
        #expect((try? RecordOptions.parse(["--policy", "io-priority"]))?.policy == .ioPriority)
    }
}
