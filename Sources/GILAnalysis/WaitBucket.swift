import TraceStore
/// One bucket of the GIL wait histogram; the fixed edges are those of `Queries/gil_wait_distribution.sql`
/// (1 µs … 1 s, plus 5 ms, CPython's default switch interval) so that runs compare bucket by bucket.
package struct WaitBucket: Equatable, Sendable {
    package var bucket: Int
    package var loNs: Int64
    /// Exclusive; nil for the last, open bucket.
    package var hiNs: Int64?
    package var count: Int
    package var totalNs: Int64
    package var cumulativeFraction: Double?

    package static let edges: [Int64] = [
        0, 1_000, 10_000, 100_000, 1_000_000, 5_000_000, 10_000_000, 100_000_000, 1_000_000_000,
    ]

    package static func distribution(of waits: [Slice]) -> [WaitBucket] {
        var buckets = edges.indices.map { i in
            WaitBucket(
                bucket: i, loNs: edges[i], hiNs: i + 1 < edges.count ? edges[i + 1] : nil, count: 0, totalNs: 0,
                cumulativeFraction: nil)
        }
        for w in waits {
            var i = edges.count - 1
            while edges[i] > w.dur, i > 0 { i -= 1 }
            buckets[i].count += 1
            buckets[i].totalNs += w.dur
        }
        if !waits.isEmpty {
            var running = 0
            for i in buckets.indices {
                running += buckets[i].count
                buckets[i].cumulativeFraction = Double(running) / Double(waits.count)
            }
        }
        return buckets
    }
}
