/// Two runs side by side (DESIGN.md §5 "Compare"): each headline figure of `RunSummary` and `ConvoyReport`
/// with b − a and b / a.
package struct Comparison: Sendable {
    package var runA: Int64
    package var runB: Int64
    package var metrics: [Metric]

    package struct Metric: Equatable, Sendable {
        package enum Unit: Sendable { case count, nanoseconds, ratio, perSecond }
        package var name: String
        package var unit: Unit
        package var a: Double?
        package var b: Double?
        package var delta: Double? { a.flatMap { a in b.map { $0 - a } } }
        package var ratio: Double? { a.flatMap { a in a == 0 ? nil : b.map { $0 / a } } }
    }

    package static func compare(
        _ a: (summary: RunSummary, convoy: ConvoyReport), _ b: (summary: RunSummary, convoy: ConvoyReport)
    ) -> Comparison {
        func d(_ v: Int64?) -> Double? { v.map(Double.init) }
        func d(_ v: Int) -> Double? { Double(v) }
        let rows: [(String, Metric.Unit, (RunSummary, ConvoyReport) -> Double?)] = [
            ("wall_ns", .nanoseconds, { s, _ in d(s.wallNs) }),
            ("cpu_ns", .nanoseconds, { s, _ in d(s.cpuNs) }),
            ("threads", .count, { s, _ in d(s.threadCount) }),
            ("events", .count, { s, _ in d(s.events) }),
            ("gil_acquisitions", .count, { s, _ in d(s.gilAcquisitions) }),
            ("owner_switches", .count, { s, _ in d(s.ownerSwitches) }),
            ("switches_per_s", .perSecond, { s, _ in s.switchesPerSecond }),
            ("gil_held_fraction", .ratio, { s, _ in s.gilHeldFraction }),
            ("drop_requests", .count, { s, _ in d(s.dropRequests) }),
            ("wait_p50_ns", .nanoseconds, { s, _ in d(s.wait.p50) }),
            ("wait_p99_ns", .nanoseconds, { s, _ in d(s.wait.p99) }),
            ("wait_max_ns", .nanoseconds, { s, _ in d(s.wait.max) }),
            ("io_total_ns", .nanoseconds, { _, c in d(c.ioTotalNs) }),
            ("convoy_episodes", .count, { _, c in d(c.episodes.count) }),
            ("reacquire_p50_ns", .nanoseconds, { _, c in d(c.delay.p50) }),
            ("io_slowdown", .ratio, { _, c in c.ioSlowdown }),
        ]
        return Comparison(
            runA: a.summary.runID, runB: b.summary.runID,
            metrics: rows.map { name, unit, f in
                Metric(name: name, unit: unit, a: f(a.summary, a.convoy), b: f(b.summary, b.convoy))
            })
    }
}
