#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GILTrace

/// A heap-allocated `pthread_mutex_t` plus a `pthread_cond_t` on `CLOCK_MONOTONIC`: the building block of the
/// GIL (Python/ceval_gil.c uses exactly this pair) and of every sync primitive's wait.
///
/// Heap allocation matters: pthread objects must never move, and Swift may move stored structs.
/// The condition uses the monotonic clock so a wall-clock step never shortens or stretches a timed wait.
final class PThreadMonitor: @unchecked Sendable {  // only touched through pthread calls, which are thread-safe
    let mutex: UnsafeMutablePointer<pthread_mutex_t>
    let cond: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        cond = .allocate(capacity: 1)
        precondition(pthread_mutex_init(mutex, nil) == 0, "pthread_mutex_init failed")
        var attr = pthread_condattr_t()
        pthread_condattr_init(&attr)
        #if !canImport(Darwin)
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC)
        #endif
        precondition(pthread_cond_init(cond, &attr) == 0, "pthread_cond_init failed")
        pthread_condattr_destroy(&attr)
    }

    deinit {
        pthread_cond_destroy(cond)
        pthread_mutex_destroy(mutex)
        cond.deallocate()
        mutex.deallocate()
    }

    @inline(__always) func lock() { pthread_mutex_lock(mutex) }
    @inline(__always) func unlock() { pthread_mutex_unlock(mutex) }
    @inline(__always) func signal() { pthread_cond_signal(cond) }
    @inline(__always) func broadcast() { pthread_cond_broadcast(cond) }

    /// Waits without a deadline; the caller holds the mutex. Spurious wake-ups are possible: re-check.
    @inline(__always) func wait() { pthread_cond_wait(cond, mutex) }

    /// Waits until the absolute monotonic time `deadlineNs`; the caller holds the mutex.
    /// - Returns: false when the wait timed out, true when signalled (or woken spuriously).
    func wait(untilNs deadlineNs: Int64) -> Bool {
        var t = timespec(tv_sec: Int(deadlineNs / 1_000_000_000), tv_nsec: Int(deadlineNs % 1_000_000_000))
        return pthread_cond_timedwait(cond, mutex, &t) != ETIMEDOUT
    }

    @inline(__always) func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}

/// Deadlines for waits that take an optional timeout (nil = forever) and must notice interrupts.
enum Deadline {
    /// Blocked waits of the main thread wake at least this often to notice a pending interrupt (SIGINT).
    static let interruptSliceNs: Int64 = 50_000_000

    /// Absolute monotonic deadline for a relative timeout; nil (or negative) = no deadline.
    static func after(_ timeoutNs: Int64?) -> Int64 {
        guard let timeoutNs, timeoutNs >= 0 else { return .max }
        let (sum, overflow) = MonotonicClock.now().addingReportingOverflow(timeoutNs)
        return overflow ? .max : sum
    }

    /// The next wake-up of a sliced wait: never later than `deadline`, never more than one slice away.
    static func nextWake(_ deadline: Int64) -> Int64 {
        min(deadline, MonotonicClock.now() &+ interruptSliceNs)
    }
}
