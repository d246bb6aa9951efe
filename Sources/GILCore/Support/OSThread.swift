#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CClock
import GILTrace

/// Starts detached or joinable OS threads with `pthread_create`, so we choose the stack size (the interpreter
/// recurses deeply; Foundation's `Thread` defaults to 512 KiB on Linux) and nothing runs on a thread pool.
enum OSThread {
    private final class Start {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// - Returns: the new thread, or nil when `pthread_create` failed (resources exhausted).
    static func start(stackSize: Int, detached: Bool, _ body: @escaping @Sendable () -> Void) -> pthread_t? {
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        pthread_attr_setstacksize(&attr, stackSize)
        pthread_attr_setdetachstate(&attr, Int32(detached ? PTHREAD_CREATE_DETACHED : PTHREAD_CREATE_JOINABLE))
        let context = Unmanaged.passRetained(Start(body)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let rc = pthread_create(&thread, &attr, { raw in
            #if canImport(Darwin)
            let start = Unmanaged<Start>.fromOpaque(raw).takeRetainedValue()
            #else
            let start = Unmanaged<Start>.fromOpaque(raw!).takeRetainedValue()
            #endif
            start.body()
            return nil
        }, context)
        guard rc == 0 else {
            Unmanaged<Start>.fromOpaque(context).release()
            return nil
        }
        return thread
    }

    static func join(_ thread: pthread_t) {
        pthread_join(thread, nil)
    }

    /// Runs `body` with the calling thread's timer slack at 1 ns, so its timed waits end when asked: Linux may
    /// end a normal thread's timed wait up to its timer slack (50 µs by default) late, to batch wake-ups, which
    /// is more than the fifo GIL's shortest turns (20 µs). Two `prctl` calls around the wait, so nothing else
    /// the thread does (a program's `time.sleep`) changes. Where `PR_SET_TIMERSLACK` does not exist, just `body`.
    static func withPreciseTimers<R>(_ body: () -> R) -> R {
        let saved = gil_timer_slack_ns()
        guard saved > 1, gil_set_timer_slack_ns(1) == 0 else { return body() }
        defer { _ = gil_set_timer_slack_ns(UInt(saved)) }
        return body()
    }

    /// Sleeps on `CLOCK_MONOTONIC` until `deadlineNs` (absolute), resuming after signals.
    static func sleep(untilNs deadlineNs: Int64) {
        #if canImport(Darwin)
        let remaining = deadlineNs - MonotonicClock.now()
        guard remaining > 0 else { return }
        var rel = timespec(tv_sec: Int(remaining / 1_000_000_000), tv_nsec: Int(remaining % 1_000_000_000))
        while nanosleep(&rel, &rel) == -1 && errno == EINTR {}
        #else
        var t = timespec(tv_sec: Int(deadlineNs / 1_000_000_000), tv_nsec: Int(deadlineNs % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, nil) == EINTR {}
        #endif
    }
}
