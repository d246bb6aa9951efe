import GILCore

/// One active Python frame of a thread, as the recorder sees it: which code, and where it was the last time
/// it could have left the dispatch loop (`ip`, the instruction after the current one).
struct FrameRecord {
    unowned(unsafe) var code: CodeObject
    /// Saved by the dispatch loop before calls, check points and the other instructions that may run Python
    /// code or block (`Interpreter.execute`): the stack's lines are exact there, where events happen.
    var ip: UnsafeMutablePointer<Instruction>
    /// The `ip`s `cachedStack`/`otherStack` were computed at; `cachedIP` nil: nothing computed since the record
    /// was pushed. Two, because loops alternate between two places that emit (`with lock:` acquires at its
    /// enter and releases at its exit): both stay answered by a compare (callgrind, 2 x 200k `with lock:`: the
    /// table lookup behind a one-entry cache cost ~70 instructions per lock event).
    var cachedIP: UnsafeMutablePointer<Instruction>?
    /// Left stale by `push` (one store less per call): ignored while `cachedIP` is nil, and overwritten by the
    /// first `remember` after a push (which moves the nil `cachedIP` here).
    var otherIP: UnsafeMutablePointer<Instruction>?
    /// Meaningful only while the matching `…IP` is.
    var cachedStack: Int32
    var otherStack: Int32

    /// The stack computed at the current `ip`, if either entry holds it.
    @inline(__always)
    var cached: Int32? {
        if cachedIP == ip { return cachedStack }
        if otherIP == ip && cachedIP != nil { return otherStack }
        return nil
    }

    /// Remembers `stack` for the current `ip`, keeping the previous entry as the other one.
    @inline(__always)
    mutating func remember(_ stack: Int32) {
        otherIP = cachedIP
        otherStack = cachedStack
        cachedIP = ip
        cachedStack = stack
    }
}

/// The Python frames of one thread, innermost last, for the recorder's stacks (docs/contracts.md, "Stacks"):
/// `Interpreter.execute` pushes a record on entry, stores its position in it before instructions that may call
/// out, and pops it on exit (a generator's frame is pushed each time it resumes, above the frame that resumed it);
/// the `ThreadState` asks `currentStack()` before each event that carries a stack.
///
/// Why this shape: the dispatch loop keeps `ip` in a register (DESIGN.md §7), so a frame's position is
/// stored only where it can matter — before instructions that may call out — one store each, and nothing is
/// done per event unless the stack changed. `currentStack()` answers from the innermost record's cache when
/// its position has not moved; else from a small table keyed by the instruction address, else by interning
/// through `TraceRecorder` (a mutex, once per new stack a thread meets).
final class FrameStack: StackSource {
    private let base: UnsafeMutablePointer<FrameRecord>
    private let capacity: Int
    /// Active frames. Past `capacity` (deeper than the native stack lets recursion go) every frame shares one
    /// scratch record, `base[capacity]`, and the stacks stop at the capacity's depth.
    private(set) var top = 0
    private unowned let recorder: TraceRecorder
    /// Direct-mapped cache: (ip, parent stack) → stack, so a loop that alternates between a few call sites
    /// (`with lock:` enter and exit) costs no hashing.
    private let recent: UnsafeMutablePointer<RecentEntry>
    private static let recentSlots = 256
    private var stacks: [StackKey: Int32] = [:]
    private var locations: [LocationKey: Int32] = [:]
    /// Code objects whose identity keys the tables: kept alive so no other code object can take their address.
    private var retained: [ObjectIdentifier: CodeObject] = [:]

    private struct RecentEntry {
        var ip: UnsafeMutablePointer<Instruction>?
        var parent: Int32
        var stack: Int32
    }

    private struct StackKey: Hashable {
        var parent: Int32
        var code: ObjectIdentifier
        var line: Int32
    }

    private struct LocationKey: Hashable {
        var code: ObjectIdentifier
        var line: Int32
    }

    init(recorder: TraceRecorder, capacity: Int = 1 << 16) {
        self.recorder = recorder
        self.capacity = capacity
        base = .allocate(capacity: capacity + 1)  // + the scratch record of frames past the capacity
        // Records are plain data (no references counted): `push` writes the fields a frame needs, so the memory
        // stays untouched (no page faults, no work at thread start) until frames use it.
        recent = .allocate(capacity: Self.recentSlots)
        recent.initialize(repeating: RecentEntry(ip: nil, parent: 0, stack: 0), count: Self.recentSlots)
    }

    deinit {
        base.deallocate()
        recent.deinitialize(count: Self.recentSlots)
        recent.deallocate()
    }

    /// A record for a frame of `code` about to run from `ip`; its position is updated through the pointer.
    /// Three stores and an increment: this runs on every Python call.
    @inline(__always)
    func push(_ code: CodeObject, _ ip: UnsafeMutablePointer<Instruction>) -> UnsafeMutablePointer<FrameRecord> {
        let record = base + min(top, capacity)
        record.pointee.code = code
        record.pointee.ip = ip
        record.pointee.cachedIP = nil
        top += 1
        return record
    }

    @inline(__always)
    func pop() {
        top -= 1
    }

    /// The active frames, innermost first, as (code, current line) — `sys._getframe` (cold: reads only).
    func activeFrames() -> [(code: CodeObject, line: Int32)] {
        let count = min(top, capacity)
        guard count > 0 else { return [] }
        return (0..<count).reversed().map { index in (base[index].code, Self.line(base[index].code, base[index].ip)) }
    }

    // MARK: - StackSource

    /// `_withUnsafeGuaranteedRef`: no retain (a `takeUnretainedValue()` call retained and released per event).
    static let currentStackFunction: @convention(c) (UnsafeRawPointer) -> Int32 = { context in
        Unmanaged<FrameStack>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.currentStack() }
    }

    /// A compare and a load in the common case: the innermost frame has not moved since its last event.
    @inline(__always)
    func currentStack() -> Int32 {
        let innermost = min(top, capacity) - 1
        guard innermost >= 0 else { return 0 }
        if let cached = base[innermost].cached { return cached }
        return recompute(innermost)
    }

    /// The innermost frame moved (or is new): its stack from the deepest record whose cache still holds
    /// (callers do not move while a callee runs), then upwards. Records are reached through pointers and the
    /// code object only read on a table miss: no reference counting on the way.
    @inline(never)
    private func recompute(_ innermost: Int) -> Int32 {
        // The common case: only the innermost frame moved (a loop alternating between a few events' sites).
        let parent: Int32? = innermost == 0 ? 0 : base[innermost - 1].cached
        if let parent {
            let stack = stackID(parent: parent, base + innermost)
            base[innermost].remember(stack)
            return stack
        }
        var valid = innermost - 1
        var stack: Int32 = 0
        while valid >= 0 {
            if let cached = base[valid].cached {
                stack = cached
                break
            }
            valid -= 1
        }
        for index in (valid + 1)...innermost {
            stack = stackID(parent: stack, base + index)
            base[index].remember(stack)
        }
        return stack
    }

    @inline(__always)
    private func stackID(parent: Int32, _ record: UnsafeMutablePointer<FrameRecord>) -> Int32 {
        let ip = record.pointee.ip
        let slot = recent + (Int(bitPattern: UInt(bitPattern: ip) >> 3) & (Self.recentSlots - 1))
        if slot.pointee.ip == ip && slot.pointee.parent == parent { return slot.pointee.stack }
        let stack = internedStack(parent: parent, record.pointee.code, ip)
        slot.pointee = RecentEntry(ip: ip, parent: parent, stack: stack)
        return stack
    }

    @inline(never)
    private func internedStack(parent: Int32, _ code: CodeObject, _ ip: UnsafeMutablePointer<Instruction>) -> Int32 {
        let line = Self.line(code, ip)
        let key = StackKey(parent: parent, code: ObjectIdentifier(code), line: line)
        if let known = stacks[key] { return known }
        let stack = recorder.internStack(parent: parent, location: locationID(code, line))
        stacks[key] = stack
        return stack
    }

    private func locationID(_ code: CodeObject, _ line: Int32) -> Int32 {
        let key = LocationKey(code: ObjectIdentifier(code), line: line)
        if let known = locations[key] { return known }
        retained[ObjectIdentifier(code)] = code
        let id = recorder.internLocation(file: code.fileName, line: line, function: code.qualifiedName, firstLine: code.firstLine)
        locations[key] = id
        return id
    }

    /// The source line of the instruction before `ip` (the one executing), or of the first one at entry.
    static func line(_ code: CodeObject, _ ip: UnsafeMutablePointer<Instruction>) -> Int32 {
        guard let start = code.sealed, !code.lines.isEmpty else { return code.firstLine }
        let pc = min(max(ip - start - 1, 0), code.lines.count - 1)
        return code.lines[pc]
    }
}
