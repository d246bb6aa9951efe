/// Percentiles by nearest rank, the one definition shared with `Queries/*.sql` (docs/contracts.md):
/// for ascending values v[1...n], pP = v[k] with k = max(1, (P·n + 99) / 100) in integer arithmetic.
/// Integer arithmetic on both sides is what lets `gilstat` and the `sqlite3` shell agree exactly.
package enum NearestRank {
    /// The 1-based rank of percentile `p` (0...100) among `n` values.
    @inline(__always)
    package static func rank(_ p: Int, of n: Int) -> Int { max(1, (p * n + 99) / 100) }

    /// pP of `sorted` (ascending), nil when empty.
    package static func value(_ p: Int, in sorted: [Int64]) -> Int64? {
        sorted.isEmpty ? nil : sorted[rank(p, of: sorted.count) - 1]
    }
}

/// Count, total and the nearest-rank percentiles of a set of durations (ns).
package struct DurationStats: Equatable, Sendable {
    package var count: Int
    package var totalNs: Int64
    package var p50: Int64?
    package var p90: Int64?
    package var p99: Int64?
    package var max: Int64?

    package static let empty = DurationStats(count: 0, totalNs: 0, p50: nil, p90: nil, p99: nil, max: nil)

    package init(count: Int, totalNs: Int64, p50: Int64?, p90: Int64?, p99: Int64?, max: Int64?) {
        self.count = count
        self.totalNs = totalNs
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.max = max
    }

    /// Sorts `values` in place (callers pass a scratch array they own; linear time, `RadixSort`) and
    /// summarises them.
    package init(sorting values: inout [Int64]) {
        RadixSort.sort(&values)
        self.init(sorted: values)
    }

    package init(sorted values: [Int64]) {
        count = values.count
        totalNs = values.reduce(0, &+)
        p50 = NearestRank.value(50, in: values)
        p90 = NearestRank.value(90, in: values)
        p99 = NearestRank.value(99, in: values)
        max = values.last
    }
}
