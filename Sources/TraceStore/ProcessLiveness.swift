#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a recorder process still exists: `kill(pid, 0)` fails with ESRCH only when it does not
/// (EPERM means it exists under another user). Used to report killed recordings as `incomplete`.
enum ProcessLiveness {
    static func isGone(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
