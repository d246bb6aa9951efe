import GILTrace
import Synchronization

/// The run's interned code locations and stacks (docs/contracts.md, "Stacks"). Every thread shares one table
/// behind a mutex; the runtime keeps per-thread caches in front of it (`StackSource`), so the mutex is taken
/// once per new (parent, location) pair a thread meets, never per event.
struct StackTable: ~Copyable {
    struct LocationKey: Hashable {
        var file: String
        var line: Int32
        var function: String
        var firstLine: Int32
    }

    struct StackKey: Hashable {
        var parent: Int32
        var location: Int32
    }

    var locations: [LocationKey: Int32] = [:]
    var stacks: [StackKey: Int32] = [:]
    /// `depths[id - 1]`: frames below stack `id`'s innermost one.
    var depths: [Int32] = []
}

extension TraceRecorder {
    /// The id of a code location, described to the sink the first time it is seen. Ids count from 1.
    public func internLocation(file: String, line: Int32, function: String, firstLine: Int32) -> Int32 {
        stackTable.withLock { table in
            let key = StackTable.LocationKey(file: file, line: line, function: function, firstLine: firstLine)
            if let id = table.locations[key] { return id }
            let id = Int32(table.locations.count + 1)
            table.locations[key] = id
            // Described under the lock: a thread that finds this id in the table is told only after the sink was.
            if !isFinished {
                sink.describeLocation(CodeLocation(id: id, file: file, line: line, function: function, firstLine: firstLine))
            }
            return id
        }
    }

    /// The id of the stack whose innermost frame is `location` and whose callers are stack `parent` (0: none),
    /// described to the sink the first time it is seen. Ids count from 1.
    public func internStack(parent: Int32, location: Int32) -> Int32 {
        stackTable.withLock { table in
            let key = StackTable.StackKey(parent: parent, location: location)
            if let id = table.stacks[key] { return id }
            let id = Int32(table.stacks.count + 1)
            table.stacks[key] = id
            let depth = parent > 0 && Int(parent) <= table.depths.count ? table.depths[Int(parent) - 1] + 1 : 0
            table.depths.append(depth)
            if !isFinished { sink.describeStack(StackEntry(id: id, parent: parent, location: location, depth: depth)) }
            return id
        }
    }
}

/// What a thread's Python stack is right now, asked by `ThreadState` before each event that carries a stack
/// (`EventKind.carriesStack`). The runtime implements it over its own frames (GILCore knows no Python); it is
/// called only on the thread it belongs to, and must be cheap when the stack has not changed.
public protocol StackSource: AnyObject {
    /// The current stack's id from `TraceRecorder.internStack` (0: no Python code on the stack).
    func currentStack() -> Int32

    /// `currentStack()` as a C function of the object's address (`Unmanaged.toOpaque`): how `ThreadState`
    /// calls it on the hot path. Through the existential, each call retained and released the source
    /// (~40 instructions of a lock event's ~100 in `with lock:` loops, callgrind).
    static var currentStackFunction: @convention(c) (UnsafeRawPointer) -> Int32 { get }
}

/// A thread's link to its `StackSource` and the stack it last announced. Lives in memory the `ThreadState`
/// allocates (a pointer, so reading it costs no exclusivity check on the hot path).
public struct StackCursor {
    /// Asked on the hot path: a plain function and address, no reference counting (`keeper` holds the object
    /// while it is attached).
    @usableFromInline var read: (@convention(c) (UnsafeRawPointer) -> Int32)?
    @usableFromInline var context: UnsafeRawPointer?
    var keeper: AnyObject?
    /// The stack of the thread's latest `stack` event (0 before any).
    @usableFromInline var announced: Int32 = 0

    init() {}

    mutating func attach(_ source: (any StackSource)?) {
        keeper = source
        read = source.map { type(of: $0).currentStackFunction }
        context = source.map { UnsafeRawPointer(Unmanaged.passUnretained($0 as AnyObject).toOpaque()) }
    }

    /// The attached source's current stack (0 without one).
    @inlinable @inline(__always)
    func currentStack() -> Int32 {
        guard let read, let context else { return 0 }
        return read(context)
    }
}
