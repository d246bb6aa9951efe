import Foundation
import GILCore
import Testing
@testable import GILBenchCLI
@testable import GILRecorder

/// `gilbench fidelity` on tiny loops: every scenario runs and reports under gilrec and, when installed,
/// unchanged under CPython 3 and 2.7; the table has a cell per engine and row. No timing is asserted —
/// only what holds whatever the machine does.
@Suite(.serialized)
struct SweepFidelityTests {
    static var tiny: Fidelity.Sizes {
        var sizes = Fidelity.Sizes()
        sizes.seedIterations = 20_000
        sizes.raceIterations = 5_000
        sizes.sleepSeconds = 0.001
        sizes.echoRounds = 3
        sizes.seedRepeats = 1
        sizes.echoRepeats = 1
        sizes.convoySleeps = 5
        sizes.lockIterations = 2_000
        return sizes
    }

    @Test func everyScenarioReportsUnderGilrec() throws {
        let fidelity = try Fidelity(sizes: Self.tiny, includeCPython: false)
        defer { fidelity.removeFiles() }
        #expect(fidelity.engines.map(\.name) == GILPolicy.allCases.flatMap { $0 == .cpython3 ? ["cpython3", "cpython3 every"] : [$0.name] })
        let engine = try #require(fidelity.engines.first { $0.name == "cpython3" })
        let m = fidelity.measure(engine)
        #expect(m.problems.isEmpty, "\(m.problems)")
        #expect((m.seedRatio ?? 0) > 0)
        // py310 check points never split `counter += 1`: nothing is lost, whatever the timing.
        #expect(m.lostPercent == 0)
        // Two CPU threads took turns: the stored run has GIL owner switches.
        #expect((m.switchesPerSecond ?? 0) > 0)
        #expect((m.sleepSpeedup ?? 0) > 0)
        for interval in Fidelity.intervalsNs {
            let echo = try #require(m.echo[interval])
            #expect(echo.alone > 0 && echo.contended > 0 && echo.p50 <= echo.p99)
        }

        let lines = FidelityTable.render(engines: [engine], measures: [m], sizes: Self.tiny)
        #expect(lines[0].hasPrefix("scenario"))
        #expect(lines[0].contains("cpython3") && lines[0].hasSuffix("target (issue #8)"))
        #expect(lines.count == 2 + FidelityTable.rows(Self.tiny).count + 1 + lines.filter { $0.hasPrefix("  missed:") }.count)
        #expect(lines.contains { $0.hasPrefix("targets met: ") })
    }

    @Test func freeThreadedHasNoGILSwitches() throws {
        var sizes = Self.tiny
        sizes.echoRounds = 1
        let fidelity = try Fidelity(sizes: sizes, includeCPython: false)
        defer { fidelity.removeFiles() }
        let engine = try #require(fidelity.engines.first { $0.name == "free-threaded" })
        let m = fidelity.measure(engine)
        #expect(m.problems.isEmpty, "\(m.problems)")
        #expect(m.switchesPerSecond == nil)
        let lines = FidelityTable.render(engines: [engine], measures: [m], sizes: sizes)
        let switches = try #require(lines.first { $0.hasPrefix("GIL switches/s") })
        #expect(switches.contains("—"))
    }

    /// The scenario programs run unchanged on the real interpreters (skipped when none is installed).
    @Test func scenariosRunOnCPython() throws {
        let fidelity = try Fidelity(sizes: Self.tiny, includeCPython: true)
        defer { fidelity.removeFiles() }
        let pythons = fidelity.engines.filter { if case .cpython = $0.kind { true } else { false } }
        for engine in pythons {
            let m = fidelity.measure(engine)
            #expect(m.problems.isEmpty, "\(m.problems)")
            #expect(m.seedRatio != nil && m.lostPercent != nil && m.sleepSpeedup != nil)
            #expect(m.switchesPerSecond == nil)
            #expect(m.echo.count == Fidelity.intervalsNs.count)
        }
        // The real CPython 3, recorded: the store's figures exist beside the printed ones. Request → acquire
        // counts waits behind another thread's hold: the two threads must run long enough to overlap.
        var overlapping = Self.tiny
        overlapping.seedIterations = 1_000_000
        let recorded = try Fidelity(sizes: overlapping, includeCPython: true)
        defer { recorded.removeFiles() }
        for engine in recorded.engines where engine.isRecordedCPython {
            let m = recorded.measure(engine)
            #expect(m.problems.isEmpty, "\(m.problems)")
            #expect(m.seedRatio != nil && m.switchesPerSecond != nil && m.holdP50 != nil && m.waitP50 != nil)
            #expect(m.reacquireP50 != nil && m.lockSwitchesPerSecond != nil && m.lockWaits != nil)
        }
    }

    @Test func resultLinesParse() {
        #expect(FidelityScenario.parse("hello\nRESULT a=1 b=2.5\n")?["b"] == 2.5)
        #expect(FidelityScenario.parse("RESULT a=x\n") == nil)
        #expect(FidelityScenario.parse("nothing\n") == nil)
    }
}
