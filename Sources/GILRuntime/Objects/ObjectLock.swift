import Synchronization

/// The per-object lock of mutable containers, module globals and instance attributes (DESIGN.md §7,
/// free-threaded readiness). Under a GIL policy only the GIL holder touches objects, so the lock is skipped
/// after one flag read; the `free-threaded` policy turns `ObjectLocking.enabled` on before the run starts.
final class ObjectLock: @unchecked Sendable {
    private let state = Atomic<Bool>(false)

    init() {}

    @inline(__always)
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        guard ObjectLocking.enabled else { return try body() }
        while !state.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {}
        defer { state.store(false, ordering: .releasing) }
        return try body()
    }
}

/// Whether object locks are taken: false under every GIL policy (the only ones implemented so far).
enum ObjectLocking {
    nonisolated(unsafe) static var enabled = false
}
