import Foundation
import GILAnalysis
import GILRecorder

/// The `gilbench fidelity` table: one row per phenomenon, one column per engine, and the target
/// (issue #8) last. A cell the target speaks about carries ✓ or ✗; "—" is a figure that cannot be measured
/// there (CPython's GIL switches are invisible from outside; free-threaded has no GIL).
package enum FidelityTable {
    /// A row: how to read the figure from one engine's measures, how to print it, and the targets by engine name.
    struct Row {
        var name: String
        var value: (Fidelity.Measures) -> Double?
        var format: (Double) -> String
        var target: String
        /// Engine name → does the value meet the target; engines not listed have no target here.
        var checks: [String: (Double, Fidelity.Measures) -> Bool] = [:]
        /// The model (cpython3) must be within this ratio of the recorded real CPython's figure (0.25: ±25 %).
        var withinOfCPython: Double?
    }

    static func times(_ x: Double) -> String { Humanize.format(x, decimals: 2) + "×" }
    static func percent(_ x: Double) -> String { Humanize.format(x, decimals: 1) + " %" }
    static func milliseconds(_ s: Double) -> String { Humanize.format(s * 1e3, decimals: s * 1e3 < 1 ? 3 : 2) + " ms" }

    static func rows(_ sizes: Fidelity.Sizes) -> [Row] {
        let five: Int64 = 5_000_000
        let one: Int64 = 1_000_000
        return [
            Row(
                name: "seed cpu_bound ×2 (\(sizes.seedIterations / 1_000_000)M): threaded / serial", value: { $0.seedRatio },
                format: { Humanize.format($0, decimals: 2) },
                target: "cpython3 0.9–1.15; cpython2 ≥ 1.3; free-threaded ≤ 0.6",
                checks: [
                    "cpython3": { v, _ in (0.9...1.15).contains(v) }, "cpython2": { v, _ in v >= 1.3 },
                    "free-threaded": { v, _ in v <= 0.6 },
                ]),
            Row(
                name: "  serial seconds", value: { $0.seedSerial }, format: { Humanize.format($0, decimals: 3) + " s" },
                target: ""),
            Row(
                name: "race 4 × \(sizes.raceIterations / 1_000_000)M counter += 1: lost", value: { $0.lostPercent },
                format: percent, target: "cpython3 0 %; cpython3 every, cpython2 > 10 %; free-threaded > 0",
                checks: [
                    "cpython3": { v, _ in v == 0 }, "cpython3 every": { v, _ in v > 10 }, "cpython2": { v, _ in v > 10 },
                    "free-threaded": { v, _ in v > 0 },
                ]),
            Row(
                name: "GIL switches/s between 2 CPU threads (store)", value: { $0.switchesPerSecond },
                format: { Humanize.format($0, decimals: 0) }, target: "cpython3 150–220; cpython2 > 5,000",
                checks: ["cpython3": { v, _ in (150...220).contains(v) }, "cpython2": { v, _ in v > 5_000 }]),
            Row(
                name: "8 threads × 5 × sleep(\(Humanize.format(sizes.sleepSeconds, decimals: 2))): speedup",
                value: { $0.sleepSpeedup }, format: times, target: "≈ 8× (CPython 7.98×)",
                checks: Dictionary(uniqueKeysWithValues: ["cpython3", "cpython2", "fifo", "io-priority", "free-threaded"].map {
                    ($0, { v, _ in v >= 7 })
                })),
            Row(
                name: "echo round-trip beside 1 CPU thread, 5 ms: slowdown", value: { $0.convoy(five) }, format: times,
                target: "cpython3 ≥ 30×; fifo, io-priority ≤ 3×",
                checks: ["cpython3": { v, _ in v >= 30 }, "fifo": { v, _ in v <= 3 }, "io-priority": { v, _ in v <= 3 }]),
            Row(
                name: "  same at 1 ms switch interval", value: { $0.convoy(one) }, format: times,
                target: "cpython3 below its 5 ms figure",
                checks: ["cpython3": { v, m in m.convoy(five).map { v < $0 } ?? false }]),
            Row(name: "  round-trip alone (mean)", value: { $0.echo[five]?.alone }, format: milliseconds, target: ""),
            Row(
                name: "request latency beside 1 CPU thread, 5 ms: p50", value: { $0.echo[five]?.p50 },
                format: milliseconds, target: "CPython 3: ~5.2 ms; 2.7: 0.05 ms"),
            Row(name: "  p99", value: { $0.echo[five]?.p99 }, format: milliseconds, target: ""),
            Row(
                name: "  p50 at 1 ms switch interval", value: { $0.echo[one]?.p50 }, format: milliseconds,
                target: "CPython 3: ~1.2 ms"),
            // Distributions from the store: the model's against the real interpreter's, recorded the same way.
            Row(
                name: "seed threaded: GIL hold p50 (store)", value: { $0.holdP50 }, format: milliseconds,
                target: "cpython3 within 15 % of CPython 3", withinOfCPython: 0.15),
            Row(name: "  hold p99", value: { $0.holdP99 }, format: milliseconds, target: ""),
            Row(
                name: "  request → acquire p50 (GIL held)", value: { $0.waitP50 }, format: milliseconds,
                target: "cpython3 within 15 % of CPython 3", withinOfCPython: 0.15),
            Row(name: "  request → acquire p99 (GIL held)", value: { $0.waitP99 }, format: milliseconds, target: ""),
            Row(
                name: "\(sizes.convoySleeps) sleeps beside a spinner: reacquire p50", value: { $0.reacquireP50 },
                format: milliseconds, target: "cpython3 within 15 % of CPython 3", withinOfCPython: 0.15),
            Row(name: "  reacquire p99", value: { $0.reacquireP99 }, format: milliseconds, target: ""),
            Row(
                name: "4 × \(sizes.lockIterations / 1000)k with lock: GIL switches/s", value: { $0.lockSwitchesPerSecond },
                format: { Humanize.format($0, decimals: 0) }, target: "cpython3 within 30 % of CPython 3",
                withinOfCPython: 0.3),
            Row(name: "  lock waits that blocked", value: { $0.lockWaits }, format: { Humanize.format($0, decimals: 0) }, target: ""),
            Row(
                name: "  lock wait p50", value: { $0.lockWaitP50 }, format: milliseconds,
                target: "cpython3 within 2× of CPython 3", withinOfCPython: 1.0),
            Row(name: "  lock wait p99", value: { $0.lockWaitP99 }, format: milliseconds, target: ""),
        ]
    }

    /// The table as lines. `measures[i]` belongs to `engines[i]`.
    package static func render(engines: [Fidelity.Engine], measures: [Fidelity.Measures], sizes: Fidelity.Sizes) -> [String] {
        var grid: [[String]] = [["scenario"] + engines.map(\.name) + ["target (issue #8)"]]
        var met = 0
        var missed: [String] = []
        let reference = zip(engines, measures).first { $0.0.isRecordedCPython }?.1
        for row in rows(sizes) {
            var cells = [row.name]
            var checks = row.checks
            if let tolerance = row.withinOfCPython, let reference, let real = row.value(reference), real > 0 {
                checks["cpython3"] = { v, _ in abs(v / real - 1) <= tolerance || (v / real >= 1 / (1 + tolerance) && v / real <= 1 + tolerance) }
            }
            for (engine, m) in zip(engines, measures) {
                guard let v = row.value(m), v.isFinite else {
                    cells.append("—")
                    continue
                }
                var cell = row.format(v)
                if let check = checks[engine.name] {
                    if check(v, m) {
                        cell += " ✓"
                        met += 1
                    } else {
                        cell += " ✗"
                        missed.append("\(engine.name): \(row.name.trimmingCharacters(in: .whitespaces)) = \(row.format(v))")
                    }
                }
                cells.append(cell)
            }
            cells.append(row.target)
            grid.append(cells)
        }
        let widths = grid[0].indices.map { i in grid.map { $0[i].count }.max() ?? 0 }
        var lines = grid.map { cells in
            cells.indices.map { i in
                let pad = String(repeating: " ", count: widths[i] - cells[i].count)
                // Text columns left, figures right.
                return i == 0 || i == cells.count - 1 ? cells[i] + pad : pad + cells[i]
            }.joined(separator: "  ").trailingSpacesTrimmed
        }
        lines.insert(String(repeating: "-", count: lines[0].count), at: 1)
        lines.append("targets met: \(met) of \(met + missed.count)")
        for m in missed { lines.append("  missed: \(m)") }
        return lines
    }
}

extension String {
    fileprivate var trailingSpacesTrimmed: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
