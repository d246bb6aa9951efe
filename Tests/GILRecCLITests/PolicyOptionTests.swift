import Foundation
import GILCore
import GILRuntime
import Testing
import TraceStore
@testable import GILRecCLI

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

    @Test func unknownPolicyIsAUsageError() {
        #expect(throws: (any Error).self) { try RecordOptions.parse(["--policy", "nope"]) }
        #expect(throws: (any Error).self) { try RecordOptions.parse(["--check-interval", "0"]) }
        #expect((try? RecordOptions.parse(["--policy", "io-priority"]))?.policy == .ioPriority)
    }
}
