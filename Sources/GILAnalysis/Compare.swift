/// Two runs — or two groups of repeated runs — side by side (DESIGN.md §5 "Compare"): each headline figure of
/// `RunSummary` and `ConvoyReport` with b − a and b / a. With repeats on both sides (e.g. the model's runs of a
/// program and the real CPython's runs of the same program), each side's figure is its median, and a figure
/// **differs** when the two sides' ranges over their repeats do not overlap: the gap is larger than the noise
/// the repeats showed.
package struct Comparison: Sendable {
    package var runA: Int64
    package var runB: Int64
    package var metrics: [Metric]

    package struct Metric: Equatable, Sendable {
        package enum Unit: Sendable { case count, nanoseconds, ratio, perSecond }
        package var name: String
        package var unit: Unit
        /// The median over the side's runs (the figure itself for one run).
        package var a: Double?
        package var b: Double?
        /// Each side's range over its repeats; equal to the figure for one run.
        package var aRange: ClosedRange<Double>?
        package var bRange: ClosedRange<Double>?
        package var delta: Double? { a.flatMap { a in b.map { $0 - a } } }
        package var ratio: Double? { a.flatMap { a in a == 0 ? nil : b.map { $0 / a } } }

        package init(name: String, unit: Unit, a: [Double], b: [Double]) {
            self.name = name
            self.unit = unit
            self.a = Self.median(a)
            self.b = Self.median(b)
            aRange = a.min().flatMap { low in a.max().map { low...$0 } }
            bRange = b.min().flatMap { low in b.max().map { low...$0 } }
            repeated = a.count >= 2 && b.count >= 2
        }

        /// Both sides have at least two runs, so there is a noise estimate.
        package var repeated: Bool

        /// With repeats on both sides: whether the ranges are disjoint (nil without repeats or a figure).
        package var differs: Bool? {
            guard repeated, let aRange, let bRange else { return nil }
            return !aRange.overlaps(bRange)
        }

        static func median(_ values: [Double]) -> Double? {
            let sorted = values.sorted()
            return sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
        }
    }

    /// What one run contributes: its summary, its convoy figures and its GIL holds' distribution.
    package struct Figures: Sendable {
        package var summary: RunSummary
        package var convoy: ConvoyReport
        package var holds: DurationStats

        package init(summary: RunSummary, convoy: ConvoyReport, holds: DurationStats) {
            self.summary = summary
            self.convoy = convoy
            self.holds = holds
        }
    }

    /// Groups of repeats: `a` and `b` are the runs of each side (at least one each).
    package static func compare(_ a: [Figures], _ b: [Figures]) -> Comparison {
        func d(_ v: Int64?) -> Double? { v.map(Double.init) }
        func d(_ v: Int) -> Double? { Double(v) }
        let rows: [(String, Metric.Unit, (RunSummary, ConvoyReport, DurationStats) -> Double?)] = [
            ("wall_ns", .nanoseconds, { s, _, _ in d(s.wallNs) }),
            ("cpu_ns", .nanoseconds, { s, _, _ in d(s.cpuNs) }),
            ("threads", .count, { s, _, _ in d(s.threadCount) }),
            ("events", .count, { s, _, _ in d(s.events) }),
            ("gil_acquisitions", .count, { s, _, _ in d(s.gilAcquisitions) }),
            ("owner_switches", .count, { s, _, _ in d(s.ownerSwitches) }),
            ("switches_per_s", .perSecond, { s, _, _ in s.switchesPerSecond }),
            ("gil_held_fraction", .ratio, { s, _, _ in s.gilHeldFraction }),
            ("drop_requests", .count, { s, _, _ in d(s.dropRequests) }),
            ("wait_p50_ns", .nanoseconds, { s, _, _ in d(s.wait.p50) }),
            ("wait_p99_ns", .nanoseconds, { s, _, _ in d(s.wait.p99) }),
            ("wait_max_ns", .nanoseconds, { s, _, _ in d(s.wait.max) }),
            ("hold_p50_ns", .nanoseconds, { _, _, h in d(h.p50) }),
            ("hold_p99_ns", .nanoseconds, { _, _, h in d(h.p99) }),
            ("io_total_ns", .nanoseconds, { _, c, _ in d(c.ioTotalNs) }),
            ("convoy_episodes", .count, { _, c, _ in d(c.episodes.count) }),
            ("reacquire_p50_ns", .nanoseconds, { _, c, _ in d(c.delay.p50) }),
            ("reacquire_p99_ns", .nanoseconds, { _, c, _ in d(c.delay.p99) }),
            ("io_slowdown", .ratio, { _, c, _ in c.ioSlowdown }),
        ]
        return Comparison(
            runA: a[0].summary.runID, runB: b[0].summary.runID,
            metrics: rows.map { name, unit, f in
                Metric(
                    name: name, unit: unit, a: a.compactMap { f($0.summary, $0.convoy, $0.holds) },
                    b: b.compactMap { f($0.summary, $0.convoy, $0.holds) })
            })
    }
}
