import GILTrace
import TraceStore

/// What a timeline draws, reduced to pixel columns: for each thread lane the state that took most of each
/// column's time, and for the GIL lane the thread that held it longest. A run of millions of slices becomes
/// at most `columns` rectangles per lane, so the picture stays small and readable (aggregation below pixel
/// resolution); adjacent columns with the same state are merged.
package struct TimelineModel: Sendable {
    package enum State: String, CaseIterable, Sendable {
        case running, gilWait = "GIL wait", lockWait = "lock wait", io = "I/O"
        /// Real CPython: C code running with the GIL released (`SliceState.native`).
        case native = "C, no GIL"
    }

    /// A run of columns `[first, last]` in one state.
    package struct Segment: Equatable, Sendable {
        package var first: Int
        package var last: Int
        package var state: State
    }

    package struct GILSegment: Equatable, Sendable {
        package var first: Int
        package var last: Int
        package var holder: Int32
    }

    package struct Lane: Sendable {
        package var tid: Int32
        package var name: String
        package var segments: [Segment]
    }

    package var startNs: Int64
    package var endNs: Int64
    package var columns: Int
    package var lanes: [Lane]
    package var gil: [GILSegment]
    /// Columns where a waiter asked the holder to drop the GIL.
    package var dropRequestColumns: [Int]
    /// Convoy episodes as (thread, first column, last column): an I/O thread waiting for the GIL too long.
    package var convoyMarks: [(tid: Int32, first: Int, last: Int)] = []
    /// A free-threaded run: there is no GIL lane to draw.
    package var withoutGIL = false

    package var nsPerColumn: Double { Double(max(1, endNs - startNs)) / Double(columns) }

    /// - Parameter withoutGIL: a free-threaded run: no GIL holds exist, so a thread counts as running
    ///   whenever it is alive and not waiting (its lifetime minus lock waits and I/O).
    package init(
        threads: [ThreadInfo], slices: RunSlices, startNs: Int64 = 0, endNs: Int64, columns: Int,
        dropRequests: [Int64] = [], withoutGIL: Bool = false
    ) {
        let columns = max(1, columns)
        let span = max(1, endNs - startNs)
        self.startNs = startNs
        self.endNs = startNs + span
        self.columns = columns
        self.withoutGIL = withoutGIL
        let tids = threads.map(\.tid)
        let laneIndex = Dictionary(tids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        // time[lane][state][column], accumulated in ns.
        var time = [[[Int64]]](
            repeating: [[Int64]](repeating: [Int64](repeating: 0, count: columns), count: State.allCases.count),
            count: tids.count)
        var holderTime: [[Int32: Int64]] = Array(repeating: [:], count: columns)

        func spread(_ s: Slice, _ body: (Int, Int64) -> Void) {
            let from = max(s.ts, startNs), to = min(s.ts + s.dur, startNs + span)
            guard to > from else { return }
            let width = Double(span) / Double(columns)
            var column = min(columns - 1, Int(Double(from - startNs) / width))
            var cursor = from
            while cursor < to, column < columns {
                let columnEnd = startNs + Int64((Double(column + 1) * width).rounded(.up))
                let end = min(to, columnEnd)
                if end > cursor { body(column, end - cursor) }
                cursor = end
                column += 1
            }
        }
        func add(_ list: [Slice], _ state: State) {
            for s in list {
                guard let lane = laneIndex[s.tid] else { continue }
                let index = State.allCases.firstIndex(of: state)!
                spread(s) { column, ns in time[lane][index][column] += ns }
            }
        }
        add(slices.gilHolds, .running)
        add(slices.gilWaits, .gilWait)
        add(slices.lockWaits, .lockWait)
        add(slices.io, .io)
        add(slices.native, .native)
        if withoutGIL {
            let running = State.allCases.firstIndex(of: .running)!
            for (lane, thread) in threads.enumerated() {
                let end = thread.endNs ?? startNs + span
                let life = Slice(tid: thread.tid, obj: 0, state: .gilHold, ts: thread.startNs, dur: max(0, end - thread.startNs))
                spread(life) { column, ns in
                    let waiting = (0..<State.allCases.count).reduce(Int64(0)) { $0 + ($1 == running ? 0 : time[lane][$1][column]) }
                    time[lane][running][column] += max(0, ns - waiting)
                }
            }
        }
        for s in slices.gilHolds { spread(s) { column, ns in holderTime[column][s.tid, default: 0] += ns } }

        lanes = threads.enumerated().map { lane, thread in
            var segments: [Segment] = []
            for column in 0..<columns {
                var best: (state: State, ns: Int64)?
                for (index, state) in State.allCases.enumerated() where time[lane][index][column] > (best?.ns ?? 0) {
                    best = (state, time[lane][index][column])
                }
                guard let best else { continue }
                if let last = segments.last, last.state == best.state, last.last == column - 1 {
                    segments[segments.count - 1].last = column
                } else {
                    segments.append(Segment(first: column, last: column, state: best.state))
                }
            }
            return Lane(tid: thread.tid, name: thread.name, segments: segments)
        }
        var gil: [GILSegment] = []
        for column in 0..<columns {
            guard let holder = holderTime[column].max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else { continue }
            if let last = gil.last, last.holder == holder, last.last == column - 1 {
                gil[gil.count - 1].last = column
            } else {
                gil.append(GILSegment(first: column, last: column, holder: holder))
            }
        }
        self.gil = gil
        let width = Double(span) / Double(columns)
        dropRequestColumns = Array(Set(dropRequests.compactMap { ts -> Int? in
            guard ts >= startNs, ts < startNs + span else { return nil }
            return min(columns - 1, Int(Double(ts - startNs) / width))
        })).sorted()
    }

    /// Marks convoy episodes under the lanes of the threads that suffered them.
    package mutating func markConvoys(_ episodes: [ConvoyEpisode]) {
        let width = Double(endNs - startNs) / Double(columns)
        func column(_ ts: Int64) -> Int { max(0, min(columns - 1, Int(Double(ts - startNs) / width))) }
        convoyMarks = episodes.map { (tid: $0.tid, first: column($0.startNs), last: column($0.endNs)) }
    }
}
