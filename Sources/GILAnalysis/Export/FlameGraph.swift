import GILTrace
import TraceStore

/// Flame graphs of where time went, by stack: the collapsed-stack text of flamegraph.pl
/// (https://github.com/brendangregg/FlameGraph#2-fold-stacks), which speedscope and Perfetto also read, and
/// speedscope's own JSON (https://www.speedscope.app/file-format-schema.json) with one profile per thread.
///
/// Each slice of the chosen states is one weighted sample: its stack (docs/contracts.md "Stacks") with a leaf
/// frame naming the state (and the lock or I/O kind), weighted by its duration in nanoseconds. So the collapsed
/// lines of a metric sum exactly to the total duration of that metric's slices.
package struct FlameGraph {
    /// Which slices a flame graph weighs.
    package enum Metric: String, CaseIterable, Sendable {
        case gilWait = "gil_wait"
        case lockWait = "lock_wait"
        case gilHold = "gil_hold"
        case io
        /// Real CPython: C code running with the GIL released (hashlib, zlib, numpy…).
        case native
        /// speedscope only: every state of each thread in time order (GIL wait, GIL held, lock wait, I/O, native).
        case all

        var states: [SliceState] {
            switch self {
            case .gilWait: [.gilWait]
            case .lockWait: [.lockWait]
            case .gilHold: [.gilHold]
            case .io: [.io]
            case .native: [.native]
            case .all: [.gilWait, .gilHold, .lockWait, .io, .native]
            }
        }
    }

    package let slices: RunSlices
    package let names: StackNames
    package let threads: [ThreadInfo]
    package let objects: [ObjectInfo]

    package init(_ run: LoadedRun, names: StackNames) {
        slices = run.slices
        self.names = names
        threads = run.threads
        objects = run.objects
    }

    /// The frames of a sample, root first: the thread (with `threadRoots`), the stack, then the state leaf.
    private func sample(_ slice: Slice, threadRoots: Bool, threadNames: [Int32: String], objectNames: [Int32: String]) -> [String] {
        var frames: [String] = []
        if threadRoots { frames.append(threadNames[slice.tid] ?? "thread \(slice.tid)") }
        let stack = names.frames(slice.stack)
        if stack.isEmpty { frames.append("(no Python frame)") }
        frames.append(contentsOf: stack.map(\.frameName))
        frames.append(Self.leaf(slice, objectNames: objectNames))
        return frames
    }

    /// The state leaf: `[GIL wait]`, `[GIL held]`, `[lock wait: name]`, `[I/O: sleep]`, `[C, GIL released]`.
    static func leaf(_ slice: Slice, objectNames: [Int32: String]) -> String {
        let text = switch slice.state {
        case .gilWait: "GIL wait"
        case .gilHold: "GIL held"
        case .lockWait: "lock wait: " + (objectNames[slice.obj] ?? "object \(slice.obj)")
        case .lockHold: "lock held: " + (objectNames[slice.obj] ?? "object \(slice.obj)")
        case .io: "I/O: " + (IOKind(rawValue: slice.obj)?.name ?? "kind \(slice.obj)")
        case .native: "C, GIL released"
        }
        return "[" + text.replacingSemicolons + "]"
    }

    private var threadNames: [Int32: String] {
        Dictionary(threads.map { ($0.tid, $0.name.replacingSemicolons) }, uniquingKeysWith: { a, _ in a })
    }

    private var objectNames: [Int32: String] {
        Dictionary(objects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    private func slices(of metric: Metric) -> [Slice] {
        metric.states.flatMap { state -> [Slice] in
            switch state {
            case .gilWait: slices.gilWaits
            case .gilHold: slices.gilHolds
            case .lockWait: slices.lockWaits
            case .lockHold: slices.lockHolds
            case .io: slices.io
            case .native: slices.native
            }
        }
    }

    /// `frame;frame;…;leaf N` lines, N in nanoseconds, identical stacks merged, sorted by stack text.
    /// - Parameter threadRoots: put each thread's name below its stacks (one tower per thread).
    package func collapsed(_ metric: Metric, threadRoots: Bool = false) -> String {
        let threadNames = threadNames, objectNames = objectNames
        var totals: [String: Int64] = [:]
        for slice in slices(of: metric) where slice.dur > 0 {
            let line = sample(slice, threadRoots: threadRoots, threadNames: threadNames, objectNames: objectNames).joined(separator: ";")
            totals[line, default: 0] += slice.dur
        }
        return totals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)\n" }.joined()
    }

    /// speedscope's file format: shared frames (name, file, line) and one "sampled" profile per thread whose
    /// samples are its slices of `metric` in time order, weighted by duration (ns).
    package func speedscope(_ metric: Metric, title: String) -> String {
        let objectNames = objectNames
        var frameIndex: [String: Int] = [:]
        var frames: [String] = []
        func index(_ name: String, file: String?, line: Int32?) -> Int {
            let key = name + "\u{1}" + (file ?? "") + "\u{1}" + String(line ?? 0)
            if let known = frameIndex[key] { return known }
            var json = #"{"name":"# + JSONText.quoted(name)
            if let file { json += #","file":"# + JSONText.quoted(file) }
            if let line { json += #","line":"# + String(line) }
            frames.append(json + "}")
            frameIndex[key] = frames.count - 1
            return frames.count - 1
        }
        var profiles: [String] = []
        let byThread = Dictionary(grouping: slices(of: metric).filter { $0.dur > 0 }, by: \.tid)
        for thread in threads.sorted(by: { $0.tid < $1.tid }) {
            guard let mine = byThread[thread.tid]?.sorted(by: Slice.startsBefore), let first = mine.first else { continue }
            var samples: [String] = []
            var weights: [String] = []
            for slice in mine {
                var stack = names.frames(slice.stack).map { index($0.label, file: $0.file, line: $0.line) }
                if stack.isEmpty { stack.append(index("(no Python frame)", file: nil, line: nil)) }
                stack.append(index(Self.leaf(slice, objectNames: objectNames), file: nil, line: nil))
                samples.append("[" + stack.map(String.init).joined(separator: ",") + "]")
                weights.append(String(slice.dur))
            }
            let end = mine.map(\.end).max() ?? first.ts
            profiles.append(
                #"{"type":"sampled","name":"# + JSONText.quoted("\(thread.name) (tid \(thread.tid))")
                    + #","unit":"nanoseconds","startValue":"# + String(first.ts) + #","endValue":"# + String(end)
                    + #","samples":["# + samples.joined(separator: ",") + #"],"weights":["# + weights.joined(separator: ",") + "]}")
        }
        return #"{"$schema":"https://www.speedscope.app/file-format-schema.json","name":"# + JSONText.quoted(title)
            + #","exporter":"gilstat","activeProfileIndex":0,"shared":{"frames":["# + frames.joined(separator: ",")
            + #"]},"profiles":["# + profiles.joined(separator: ",\n") + "]}\n"
    }
}
