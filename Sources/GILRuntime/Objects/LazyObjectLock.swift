import Synchronization

/// An object whose `ObjectLock` is created at its first use under the free-threaded policy.
protocol LazilyLocked: AnyObject {
    /// The object's own lock, created (and published atomically) on first use.
    var objectLock: ObjectLock { get }
}

/// What `PyList.lock`, `PyDict.lock` and `PySet.lock` return: the same `withLock`/`enter`/`exit` as
/// `ObjectLock`, but under a GIL policy (object locking off) they never reach for a lock, so a list, dict
/// or set allocates none. Before, every container allocated an `ObjectLock` object at birth and freed it
/// at death (one of a list's three allocations; slices and small temporaries paid it on every creation).
/// Under `free-threaded` the owner's lock is created at first use and then used exactly as before.
struct LazyObjectLock<Owner: LazilyLocked> {
    /// The container this view belongs to; the view never outlives the access that made it.
    unowned(unsafe) let owner: Owner

    @inline(__always)
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        guard ObjectLocking.enabled else { return try body() }
        return try owner.objectLock.withLock(body)
    }

    @inline(__always)
    func enter() -> ObjectLockHold {
        guard ObjectLocking.enabled else { return .skipped }
        return owner.objectLock.enter()
    }

    @inline(__always)
    func exit(_ hold: ObjectLockHold) {
        if case .skipped = hold { return }
        owner.objectLock.exit(hold)
    }
}
