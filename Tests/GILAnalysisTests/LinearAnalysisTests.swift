import Testing

@testable import GILAnalysis
import TraceStore

/// The linear-time paths of the analyses give what the straightforward ones gave.
@Suite struct LinearAnalysisTests {
    @Test(arguments: [0, 1, 1_023, 1_024, 5_000, 70_000])
    func radixSortAgreesWithSort(count: Int) {
        var state: UInt64 = 0x1234_5678
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        var values = (0..<count).map { i -> Int64 in
            switch i % 4 {
            case 0: Int64(next() % 10_000_000)                     // typical durations
            case 1: Int64(bitPattern: next())                      // any value, negatives included
            case 2: 42                                             // duplicates
            default: Int64(next() % 3) - 1                         // around zero
            }
        }
        let expected = values.sorted()
        RadixSort.sort(&values)
        #expect(values == expected)
    }

    /// Per-thread sums use an array indexed by tid when tids are small, a dictionary otherwise: same rows.
    @Test func perThreadSumsDoNotDependOnTidRange() {
        func slices(_ tids: [Int32], state: SliceState, dur: Int64) -> [Slice] {
            (0..<300).map { i in
                Slice(tid: tids[i % tids.count], obj: 0, state: state, ts: Int64(i) * 100, dur: dur + Int64(i % 7))
            }
        }
        func rows(_ tids: [Int32]) -> ObjectContention {
            ContentionAnalysis.analyse(
                objID: 0, info: nil, waits: slices(tids, state: .gilWait, dur: 30), holds: slices(tids, state: .gilHold, dur: 60),
                wallNs: 40_000, threadNames: Dictionary(uniqueKeysWithValues: tids.map { ($0, "T\($0)") }))
        }
        let small = rows([1, 2, 3])
        let large = rows([70_001, 70_002, 70_003])
        #expect(small.threads.map(\.acquisitions) == large.threads.map(\.acquisitions))
        #expect(small.threads.map(\.waitTotalNs) == large.threads.map(\.waitTotalNs))
        #expect(small.threads.map(\.waitMaxNs) == large.threads.map(\.waitMaxNs))
        #expect(small.threads.map(\.holdTotalNs) == large.threads.map(\.holdTotalNs))
        #expect(small.threads.map { $0.tid + 70_000 } == large.threads.map(\.tid))
        #expect(small.jainFairness == large.jainFairness)
        #expect(small.threads.count == 3)
    }
}
