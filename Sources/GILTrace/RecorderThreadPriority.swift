#if canImport(Glibc)
import Glibc
#endif

/// How the recorder's own threads (the drains that empty the rings, the SQLite writer) yield the CPUs to the
/// recorded program: they must never delay a GIL waiter's wake-up, which is the very scheduling the trace
/// observes (issue #13 7a: at nice +10 the writer and drain made a thread forced to drop the GIL ask again
/// 2.8 ms later, CPython 0.10 ms).
///
/// `SCHED_IDLE` (sched(7)): the thread runs only on a core no ordinary thread wants, and any waking thread
/// preempts it at once. It needs no privileges to enter. Back-pressure keeps it from starving the recording
/// on a machine busy with other work: a full ring or writer queue makes the program's threads wait, which
/// frees their cores for it.
public enum RecorderThreadPriority {
    /// `GILREC_RECORDER_PRIORITY`: `idle` (SCHED_IDLE, the default), `nice` (nice +19) or `normal` — for
    /// measuring the effect (`gilbench fidelity`'s lock-heavy rows).
    public static let mode: String = {
        guard let value = getenv("GILREC_RECORDER_PRIORITY") else { return "idle" }
        return String(cString: value)
    }()

    /// Applies the mode to the calling thread. Failures leave the thread as it was.
    public static func lowerCallingThread() {
        #if os(Linux)
        switch mode {
        case "normal":
            return
        case "nice":
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        default:
            var parameters = sched_param(sched_priority: 0)
            // SCHED_IDLE = 5 (linux/sched.h); pid 0 = the calling thread.
            if sched_setscheduler(0, 5, &parameters) != 0 {
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            }
        }
        #endif
    }
}
