/// Sorts durations in linear time: an LSD radix sort over 11-bit digits, skipping the digits in which all
/// values agree (durations in ns rarely use more than 35 bits: three passes).
///
/// Why: every percentile (`DurationStats`, docs/contracts.md nearest rank) needs its values sorted, and
/// `Array.sort` (a merge sort, n log n) made a 10 M-event run's analysis cost more per event than a 1 M one's
/// (`gilbench analysis linearity`). The result is the same ascending array, so every percentile is unchanged.
enum RadixSort {
    /// Below this many values the standard sort is as fast (the digit tables cost 16 KiB per pass).
    static let threshold = 1_024
    private static let digitBits: UInt64 = 11
    private static let digitMask: UInt64 = (1 << digitBits) - 1

    static func sort(_ values: inout [Int64]) {
        let n = values.count
        guard n >= threshold else {
            values.sort()
            return
        }
        var all: UInt64 = 0
        var common: UInt64 = ~0
        for v in values {
            let k = key(v)
            all |= k
            common &= k
        }
        let varying = all ^ common
        var scratch = [Int64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: Int(digitMask) + 1)
        var shift: UInt64 = 0
        while shift < 64 {
            defer { shift += digitBits }
            guard (varying >> shift) & digitMask != 0 else { continue }
            values.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { count in
                        for i in count.indices { count[i] = 0 }
                        for v in source { count[Int((key(v) >> shift) & digitMask)] += 1 }
                        var start = 0
                        for i in count.indices {
                            let c = count[i]
                            count[i] = start
                            start += c
                        }
                        for v in source {
                            let digit = Int((key(v) >> shift) & digitMask)
                            target[count[digit]] = v
                            count[digit] += 1
                        }
                    }
                }
            }
            swap(&values, &scratch)
        }
    }

    /// Orders signed values as unsigned ones (flips the sign bit).
    @inline(__always)
    private static func key(_ v: Int64) -> UInt64 { UInt64(bitPattern: v) ^ (1 << 63) }
}
