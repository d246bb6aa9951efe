#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the kernel knows about the calling OS thread: CPU time (`CLOCK_THREAD_CPUTIME_ID`) and context
/// switches (`getrusage(RUSAGE_THREAD)`, Linux-only; zero elsewhere). See getrusage(2).
struct ThreadUsage: Equatable {
    var cpuNs: Int64
    var voluntary: Int64
    var involuntary: Int64

    /// Samples the calling thread.
    static func current() -> ThreadUsage {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        let cpu = Int64(t.tv_sec) &* 1_000_000_000 &+ Int64(t.tv_nsec)
        let (vol, invol) = contextSwitches()
        return ThreadUsage(cpuNs: cpu, voluntary: vol, involuntary: invol)
    }

    /// Voluntary and involuntary context switches of the calling thread so far.
    static func contextSwitches() -> (Int64, Int64) {
        #if os(Linux)
        var usage = rusage()
        // RUSAGE_THREAD (= 1) is behind _GNU_SOURCE and not imported by name.
        guard getrusage(__rusage_who_t(1), &usage) == 0 else { return (0, 0) }
        return (Int64(usage.ru_nvcsw), Int64(usage.ru_nivcsw))
        #else
        return (0, 0)
        #endif
    }
}
