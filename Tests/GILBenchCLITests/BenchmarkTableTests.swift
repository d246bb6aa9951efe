import Testing
@testable import GILBenchCLI
@testable import GILRecorder

/// gilbench's one table: aligned columns, a verdict per row with a goal (no timings asserted here).
@Suite struct BenchmarkTableTests {
    @Test func rowsAlignUnderTheHeaderWithVerdicts() {
        let rows = [
            BenchmarkRow(measure: "storage", how: "bytes", ours: "31.8 B/ev", goal: "≤ 32 B/ev", met: true),
            BenchmarkRow(measure: "ingest rate", how: "1M events", ours: "0.7 M ev/s", reference: "0.4 M ev/s",
                         ratio: "1.70×", goal: "≥ 2 M/s", met: false),
            BenchmarkRow(measure: "finish", how: "per 1M", ours: "1.000 s"),
        ]
        let lines = BenchmarkRow.render(rows)
        #expect(lines.count == 2 + rows.count)
        #expect(lines[0].hasPrefix("measure"))
        #expect(lines[0].hasSuffix("met?"))
        #expect(lines[2].hasSuffix("yes"))
        #expect(lines[3].hasSuffix("NO"))
        #expect(lines[4].hasSuffix("—"))
        // Every column starts at the same offset on every line.
        let oursColumn = lines[0].range(of: "ours")!.lowerBound.utf16Offset(in: lines[0])
        #expect(lines[2].range(of: "31.8")!.lowerBound.utf16Offset(in: lines[2]) == oursColumn)
        #expect(lines[3].range(of: "0.7 M")!.lowerBound.utf16Offset(in: lines[3]) == oursColumn)
    }

    @Test func everyNamedSubsetIsKnown() {
        #expect(Benchmarks.names == ["seed", "interpreter", "overhead", "cpython", "ingest", "storage", "memory", "analysis"])
        #expect(throws: (any Error).self) { try Benchmarks.run("nonsense") { _ in } }
    }
}
