import GILTrace
import TraceStore

/// Chrome/Perfetto trace-event JSON of one run (https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU),
/// which ui.perfetto.dev and chrome://tracing open: one track per Python thread (running, GIL wait, lock wait,
/// I/O as complete events), a "GIL" track whose slices are named after the holder, a counter of GIL waiters,
/// and flow arrows from each release to the next acquisition by another thread (the handoffs). Slices of a run
/// with stacks carry them in `args` (`where`: the innermost frame; `stack`: every frame, outermost first), so
/// selecting a wait in the UI shows the line it waited at.
///
/// Written through `emit` in chunks, never as one string, so a 10 M-event run needs no giant buffer.
package struct PerfettoTrace {
    package var run: RunFacts
    package var threads: [ThreadInfo]
    package var objects: [ObjectInfo]
    package var slices: RunSlices
    package var names: StackNames

    /// The GIL's own track; Python tids start at 1.
    static let gilTrack: Int32 = 0

    package init(run: RunFacts, threads: [ThreadInfo], objects: [ObjectInfo], slices: RunSlices, names: StackNames = StackNames()) {
        self.run = run
        self.threads = threads
        self.objects = objects
        self.slices = slices
        self.names = names
    }

    package init(_ loaded: LoadedRun, names: StackNames = StackNames()) {
        self.init(run: loaded.facts, threads: loaded.threads, objects: loaded.objects, slices: loaded.slices, names: names)
    }

    /// Writes the whole trace; `emit` receives consecutive pieces of the JSON text.
    package func write(to emit: (String) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            var out = ChunkedWriter(emit: emit)
            writeEvents(&out)
        }
    }

    private func writeEvents(_ out: inout ChunkedWriter) {
        out.append("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n")
        out.event(#"{"ph":"M","pid":1,"name":"process_name","args":{"name":"# + JSONText.quoted("gilrec run \(run.runID): \(run.label)") + "}}")
        out.event(#"{"ph":"M","pid":1,"tid":0,"name":"thread_name","args":{"name":"GIL"}}"#)
        for thread in threads {
            out.event(#"{"ph":"M","pid":1,"tid":"# + "\(thread.tid)" + #","name":"thread_name","args":{"name":"# + JSONText.quoted(thread.name) + "}}")
        }
        let names = Dictionary(threads.map { ($0.tid, $0.name) }, uniquingKeysWith: { a, _ in a })
        let objectNames = Dictionary(objects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var stackArgs = StackArgs(names: self.names)

        for s in slices.gilHolds {
            out.complete(tid: s.tid, ts: s.ts, dur: s.dur, name: "running", category: "gil_hold", args: stackArgs[s.stack])
            out.complete(tid: Self.gilTrack, ts: s.ts, dur: s.dur, name: "held by " + (names[s.tid] ?? "tid \(s.tid)"), category: "gil",
                         args: stackArgs[s.stack])
        }
        for s in slices.gilWaits {
            out.complete(tid: s.tid, ts: s.ts, dur: s.dur, name: "GIL wait", category: "gil_wait", args: stackArgs[s.stack])
        }
        for s in slices.lockWaits {
            out.complete(tid: s.tid, ts: s.ts, dur: s.dur, name: "lock wait: " + (objectNames[s.obj] ?? "object \(s.obj)"), category: "lock_wait",
                         args: stackArgs[s.stack])
        }
        for s in slices.io {
            let kind = IOKind(rawValue: s.obj)?.name ?? "io \(s.obj)"
            out.complete(tid: s.tid, ts: s.ts, dur: s.dur, name: "I/O: " + kind, category: "io", args: stackArgs[s.stack])
        }
        for s in slices.native {
            out.complete(tid: s.tid, ts: s.ts, dur: s.dur, name: "C, GIL released", category: "native", args: stackArgs[s.stack])
        }
        writeWaiterCounter(&out)
        writeHandoffs(&out)
        out.append("\n]}\n")
        out.flush()
    }

    /// Number of threads waiting for the GIL, as a step function over time.
    private func writeWaiterCounter(_ out: inout ChunkedWriter) {
        var changes: [(ts: Int64, delta: Int)] = []
        changes.reserveCapacity(slices.gilWaits.count * 2)
        for s in slices.gilWaits {
            changes.append((s.ts, 1))
            changes.append((s.ts + s.dur, -1))
        }
        // Ends before starts at equal times, so the count never goes negative.
        changes.sort { $0.ts != $1.ts ? $0.ts < $1.ts : $0.delta < $1.delta }
        var waiters = 0
        var index = 0
        while index < changes.count {
            let ts = changes[index].ts
            while index < changes.count, changes[index].ts == ts {
                waiters += changes[index].delta
                index += 1
            }
            out.event(#"{"ph":"C","pid":1,"name":"GIL waiters","ts":"# + Self.micros(ts) + #","args":{"waiters":"# + "\(waiters)}}")
        }
    }

    /// A flow arrow from each GIL release to the next acquisition when the holder changes.
    private func writeHandoffs(_ out: inout ChunkedWriter) {
        var id = 0
        for (previous, next) in zip(slices.gilHolds, slices.gilHolds.dropFirst()) where previous.tid != next.tid {
            id += 1
            // The start binds to the slice enclosing it, so it sits 1 ns inside the releasing hold.
            let releaseTs = max(previous.ts, previous.ts + previous.dur - 1)
            out.event(#"{"ph":"s","id":"# + "\(id)" + #","pid":1,"tid":"# + "\(previous.tid)" + #","ts":"# + Self.micros(releaseTs)
                + #","name":"handoff","cat":"gil"}"#)
            out.event(#"{"ph":"f","bp":"e","id":"# + "\(id)" + #","pid":1,"tid":"# + "\(next.tid)" + #","ts":"# + Self.micros(next.ts)
                + #","name":"handoff","cat":"gil"}"#)
        }
    }

    /// Nanoseconds as a JSON number of microseconds with three decimals (exact, no floating point).
    static func micros(_ ns: Int64) -> String {
        let sign = ns < 0 ? "-" : ""
        let a = abs(ns)
        let fraction = String(a % 1000)
        return sign + String(a / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

/// Accumulates JSON text and hands it on in ~64 KiB pieces; puts commas between events.
private struct ChunkedWriter {
    let emit: (String) -> Void
    private var buffer = ""
    private var first = true

    init(emit: @escaping (String) -> Void) {
        self.emit = emit
        buffer.reserveCapacity(1 << 16)
    }

    mutating func append(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    mutating func event(_ json: String) {
        append(first ? json : ",\n" + json)
        first = false
    }

    /// - Parameter args: a JSON object for the event's `args`, or nil.
    mutating func complete(tid: Int32, ts: Int64, dur: Int64, name: String, category: String, args: String? = nil) {
        event(#"{"ph":"X","pid":1,"tid":"# + "\(tid)" + #","ts":"# + PerfettoTrace.micros(ts) + #","dur":"#
            + PerfettoTrace.micros(dur) + #","name":"# + JSONText.quoted(name) + #","cat":""# + category + "\""
            + (args.map { #","args":"# + $0 } ?? "") + "}")
    }

    mutating func flush() {
        if !buffer.isEmpty { emit(buffer) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The `args` object of a slice's stack, built once per stack id.
private struct StackArgs {
    let names: StackNames
    private var cache: [Int32: String?] = [:]

    init(names: StackNames) {
        self.names = names
    }

    subscript(stack: Int32) -> String? {
        mutating get {
            guard stack != 0, !names.isEmpty else { return nil }
            if let known = cache[stack] { return known }
            let frames = names.frames(stack)
            let args: String? = frames.last.map { site in
                #"{"where":"# + JSONText.quoted(site.label) + #","stack":"#
                    + JSONText.quoted(frames.map(\.label).joined(separator: " › ")) + "}"
            }
            cache[stack] = args
            return args
        }
    }
}
