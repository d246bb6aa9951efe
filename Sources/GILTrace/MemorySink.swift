import Synchronization

/// Keeps everything in memory, for tests and for in-process analysis of small runs.
public final class MemorySink: EventSink {
    private struct Contents {
        var events: [Event] = []
        var threads: [Int32: ThreadInfo] = [:]
        var objects: [Int32: ObjectInfo] = [:]
        var labels: [Int32: String] = [:]
        var locations: [Int32: CodeLocation] = [:]
        var stacks: [Int32: StackEntry] = [:]
    }

    private let contents = Mutex(Contents())

    public init() {}

    public func submit(_ events: UnsafeBufferPointer<Event>) {
        contents.withLock { $0.events.append(contentsOf: events) }
    }

    public func describeThread(_ info: ThreadInfo) {
        contents.withLock { $0.threads[info.tid] = info }
    }

    public func describeObject(_ info: ObjectInfo) {
        contents.withLock { $0.objects[info.id] = info }
    }

    public func describeLabel(id: Int32, text: String) {
        contents.withLock { $0.labels[id] = text }
    }

    public func describeLocation(_ location: CodeLocation) {
        contents.withLock { $0.locations[location.id] = location }
    }

    public func describeStack(_ stack: StackEntry) {
        contents.withLock { $0.stacks[stack.id] = stack }
    }

    /// All events received so far, in global (`seq`) order.
    public var events: [Event] { contents.withLock { $0.events }.sorted { $0.seq < $1.seq } }
    public var threads: [ThreadInfo] { contents.withLock { Array($0.threads.values) }.sorted { $0.tid < $1.tid } }
    public var objects: [ObjectInfo] { contents.withLock { Array($0.objects.values) }.sorted { $0.id < $1.id } }
    public var labels: [Int32: String] { contents.withLock { $0.labels } }
    public var locations: [Int32: CodeLocation] { contents.withLock { $0.locations } }
    public var stacks: [Int32: StackEntry] { contents.withLock { $0.stacks } }

    /// The frames of stack `id`, outermost first (empty for 0 or an unknown id).
    public func frames(ofStack id: Int32) -> [CodeLocation] {
        contents.withLock { contents in
            var frames: [CodeLocation] = []
            var current = id
            let limit = contents.stacks[id].map { Int($0.depth) + 1 } ?? 0
            while current != 0, let entry = contents.stacks[current], frames.count < limit {
                if let location = contents.locations[entry.location] { frames.append(location) }
                current = entry.parent
            }
            return frames.reversed()
        }
    }
}
