import Foundation
import Testing
import TraceStore
@testable import GILRecCLI
@testable import GILRecorder

/// `gilrec demo` end to end on shrunk loops: every step recorded under its label and policy, and the
/// lesson prints each section with figures read back from the store.
@Suite(.serialized)
struct DemoTests {
    @Test func demoRecordsEveryStepAndPrintsTheLesson() throws {
        let database = TemporaryDatabase()
        var demo = Demo(databasePath: database.path, raceIterations: 20_000)
        demo.adaptSource = { $0.replacingOccurrences(of: "range(10**7)", with: "range(10**5)") }
        var lines: [String] = []
        try demo.run { lines.append($0) }
        let text = lines.joined(separator: "\n")

        let runs = try TraceReader(path: database.path).runs()
        let hasPython = InstalledPython.python3 != nil
        let steps = Demo.steps.filter { hasPython || !$0.realCPython }
        #expect(runs.count == steps.count)
        for step in steps {
            let run = runs.first { $0.info.label == step.label }
            #expect(run?.info.policy == step.policy.name, "\(step.label)")
            #expect(run?.info.isCPython == step.realCPython, "\(step.label)")
            #expect(run?.status == .ok, "\(step.label)")
        }
        for section in ["1. counter += 1", "2. cpu_bound() ×2", "3. 8 fetches", "4. Synchronisation primitives",
                        "5. Convoy", "6. Free-threaded (PEP 703",
                        hasPython ? "7. The same programs in the real cpython" : "7. The real CPython: skipped"] {
            #expect(text.contains(section), "missing \(section) in:\n\(text)")
        }
        #expect(text.contains("lost 0 updates"), "the GIL race must lose nothing under py310 check points:\n\(text)")
        #expect(!text.contains("n/a"), "a figure was missing:\n\(text)")
    }
}
