import Foundation
import GILAnalysis

/// The machine's load average, to warn when other processes compete for the CPUs: every wall-clock
/// ratio gilrec prints (speedups, slowdowns) is then distorted, while what the trace counts is not.
package enum SystemLoad {
    /// The 1-minute load average; nil where the system does not tell.
    package static func oneMinute() -> Double? {
        var load = [Double](repeating: 0, count: 3)
        return getloadavg(&load, 3) >= 1 ? load[0] : nil
    }

    /// A warning line when the load average exceeds the CPU count, else nil.
    package static func warning(cpuCount: Int = ProcessInfo.processInfo.activeProcessorCount) -> String? {
        guard let load = oneMinute(), load > Double(cpuCount) else { return nil }
        return "Note: load average \(Humanize.format(load, decimals: 1)) on \(cpuCount) CPUs: other processes took CPU time from"
            + " these runs, so wall-clock speedups are distorted (GIL hold fractions and switch counts are not)."
    }
}
