import TraceStore
/// GIL owner switches over time in fixed buckets: a row of `Queries/gil_switches_per_second.sql`, where the
/// bucketing rules are written out. A steady ~190/s is CPython 3's 5 ms interval at work (DESIGN.md §6).
package struct SwitchRateBucket: Equatable, Sendable {
    package var bucket: Int
    package var startNs: Int64
    package var durNs: Int64
    package var acquisitions: Int
    package var ownerSwitches: Int
    package var switchesPerSecond: Double?
    package var gilHeldNs: Int64
    package var gilHeldFraction: Double?

    package static let defaultWidthNs: Int64 = 1_000_000_000

    /// `holds`: the run's gil_hold slices sorted by (ts, tid).
    package static func buckets(holds: [Slice], wallNs: Int64, widthNs: Int64 = defaultWidthNs) -> [SwitchRateBucket] {
        precondition(widthNs > 0, "bucket width must be positive")
        let count = max(1, Int((wallNs + widthNs - 1) / widthNs))
        var out = (0..<count).map { i in
            let start = Int64(i) * widthNs
            return SwitchRateBucket(
                bucket: i, startNs: start, durNs: min(widthNs, wallNs - start), acquisitions: 0, ownerSwitches: 0,
                switchesPerSecond: nil, gilHeldNs: 0, gilHeldFraction: nil)
        }
        for (i, h) in holds.enumerated() {
            let b = h.ts >= 0 ? Int(h.ts / widthNs) : -1
            if b >= 0, b < count {
                out[b].acquisitions += 1
                if i > 0, holds[i - 1].tid != h.tid { out[b].ownerSwitches += 1 }
            }
            // Clip the hold to every bucket it overlaps.
            var k = max(0, Int(max(h.ts, 0) / widthNs))
            while k < count, out[k].startNs < h.end {
                let end = out[k].startNs + widthNs
                if h.end > out[k].startNs, h.ts < end {
                    out[k].gilHeldNs += min(h.end, end) - max(h.ts, out[k].startNs)
                }
                k += 1
            }
        }
        for i in out.indices where out[i].durNs > 0 {
            out[i].switchesPerSecond = Double(out[i].ownerSwitches) * 1e9 / Double(out[i].durNs)
            out[i].gilHeldFraction = Double(out[i].gilHeldNs) / Double(out[i].durNs)
        }
        return out
    }
}
