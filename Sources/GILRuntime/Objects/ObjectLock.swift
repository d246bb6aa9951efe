#if canImport(Glibc)
import Glibc
#endif
import GILCore
import GILTrace
import Synchronization

/// The per-object lock of mutable containers, module globals, closure cells and instance attributes
/// (DESIGN.md §7; PEP 703's per-object critical sections, Include/internal/pycore_critical_section.h).
///
/// Under a GIL policy only the GIL holder touches objects, so `withLock` is one flag read and the body.
/// Under `free-threaded` (`ObjectLocking.enabled`) it is a re-entrant spin lock owned by an OS thread:
/// re-entrant because a locked operation may call back into Python (`__eq__` while searching a list) and
/// reach the same object again. A contended acquisition is recorded as lock_request/lock_acquire/
/// lock_release on an `object_lock` object registered at its first contention, so gilstat shows where
/// free-threaded threads collided.
final class ObjectLock: @unchecked Sendable {  // `depth` is touched only by the owning thread
    /// `pthread_self()` of the owner; 0 when free.
    private let owner = Atomic<UInt>(0)
    private var depth = 0
    /// The owner, when its acquisition was recorded as a wait (so `exit` records the release); owner-only.
    private var recordedWaiter: ThreadState?
    /// Trace object id, registered at the first contended acquisition (0 = not yet).
    private let traceID = Atomic<Int32>(0)
    /// What the lock guards, for the trace: "list", "dict", "globals", "cell", "instance", …
    let label: StaticString

    init(_ label: StaticString = "object") {
        self.label = label
    }

    @inline(__always)
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        guard ObjectLocking.enabled else { return try body() }
        let held = enter()
        defer { exit(held) }
        return try body()
    }

    /// Takes the lock (for `_modify` accessors, which cannot use a closure); pair with `exit`.
    @inline(__always)
    func enter() -> ObjectLockHold {
        guard ObjectLocking.enabled else { return .skipped }
        let me = UInt(pthread_self())
        if owner.load(ordering: .relaxed) == me {
            depth += 1
            return .reentered
        }
        if !owner.compareExchange(expected: 0, desired: me, ordering: .acquiring).exchanged { acquireContended(me) }
        return .acquired
    }

    @inline(__always)
    func exit(_ hold: ObjectLockHold) {
        switch hold {
        case .skipped: return
        case .reentered: depth -= 1
        case .acquired:
            if let waiter = recordedWaiter {
                recordedWaiter = nil
                waiter.emit(.lockRelease, obj: traceID.load(ordering: .relaxed))
            }
            owner.store(0, ordering: .releasing)
        }
    }

    /// Spins (yielding the CPU after a short burst, since the owner may be descheduled on a busy core)
    /// until the lock is ours, recording the wait when the thread is traced.
    @inline(never)
    private func acquireContended(_ me: UInt) {
        let traced = CurrentContext.get().map { ($0.ts, id(in: $0.ts.recorder)) }
        if let (ts, id) = traced { ts.emit(.lockRequest, obj: id, arg: -1) }  // -1: no timeout
        var spins = 0
        while !owner.compareExchange(expected: 0, desired: me, ordering: .acquiring).exchanged {
            spins += 1
            if spins >= 64 { sched_yield() }
        }
        guard let (ts, id) = traced else { return }
        ts.emit(.lockAcquire, obj: id, arg: 1)
        recordedWaiter = ts
    }

    private func id(in recorder: TraceRecorder) -> Int32 {
        let known = traceID.load(ordering: .acquiring)
        if known != 0 { return known }
        let fresh = recorder.registerObject(kind: .objectLock, name: "\(label) lock", sourceLine: 0)
        // Two threads may race to register: the first id wins, the other registration stays unused.
        let (exchanged, original) = traceID.compareExchange(expected: 0, desired: fresh, ordering: .acquiringAndReleasing)
        return exchanged ? fresh : original
    }
}

/// How `ObjectLock.enter` got the lock, so `exit` undoes exactly that.
enum ObjectLockHold {
    /// No locking (a GIL policy).
    case skipped
    /// This thread already owned it.
    case reentered
    case acquired
}

/// Whether object locks are taken: set once per run by `PythonRuntime` (true only under `free-threaded`).
enum ObjectLocking {
    nonisolated(unsafe) static var enabled = false
}
