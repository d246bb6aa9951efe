import Foundation
import GILCore

/// What one `gilrec sweep` records: every combination of policy × switch interval × thread count, each
/// `repeats` times, in that nesting order (so the runs of one (policy, interval) group are adjacent and the
/// repeats of one point follow each other).
package struct SweepPlan: Sendable, Equatable {
    package var threads: [Int]
    package var policies: [GILPolicy]
    package var switchIntervalsNs: [Int64]
    package var repeats: Int

    /// One recording of the sweep.
    package struct Point: Sendable, Equatable {
        package var policy: GILPolicy
        package var switchIntervalNs: Int64
        package var threads: Int
        /// 1-based.
        package var repeatIndex: Int
    }

    package init(threads: [Int], policies: [GILPolicy], switchIntervalsNs: [Int64], repeats: Int = 1) {
        self.threads = threads
        self.policies = policies
        self.switchIntervalsNs = switchIntervalsNs
        self.repeats = repeats
    }

    package var points: [Point] {
        var out: [Point] = []
        for policy in policies {
            for interval in switchIntervalsNs {
                for n in threads {
                    for r in 1...max(1, repeats) {
                        out.append(Point(policy: policy, switchIntervalNs: interval, threads: n, repeatIndex: r))
                    }
                }
            }
        }
        return out
    }

    /// Thread counts at most this; more is a typo, not an experiment on a 2-core machine.
    package static let maxThreads = 512

    /// A user error in one of the lists; the command turns it into a usage error (exit 64).
    package struct ListError: Error, CustomStringConvertible, Equatable {
        package var description: String
        package init(description: String) { self.description = description }
    }

    /// `1,2,4`: positive integers, each at most `maxThreads`, no repeats.
    package static func parseThreads(_ text: String) throws(ListError) -> [Int] {
        let items = try split(text, option: "--threads")
        var out: [Int] = []
        for item in items {
            guard let n = Int(item), n >= 1, n <= maxThreads else {
                throw ListError(description: "--threads: '\(item)' is not a thread count (a whole number from 1 to \(maxThreads))")
            }
            out.append(n)
        }
        return try unique(out, option: "--threads", items: items)
    }

    /// `cpython3,fifo`: names of `GILPolicy.allCases`, or `all`.
    package static func parsePolicies(_ text: String) throws(ListError) -> [GILPolicy] {
        let items = try split(text, option: "--policy")
        if items == ["all"] { return GILPolicy.allCases }
        var out: [GILPolicy] = []
        for item in items {
            guard let policy = GILPolicy(name: item) else {
                let known = GILPolicy.allCases.map(\.name).joined(separator: ", ")
                throw ListError(description: "--policy: unknown policy '\(item)'; choose from \(known) (or all)")
            }
            out.append(policy)
        }
        return try unique(out, option: "--policy", items: items)
    }

    /// `0.005,0.001` seconds (as `--switch-interval`), or with a unit: `5ms`, `500us`.
    package static func parseIntervals(_ text: String) throws(ListError) -> [Int64] {
        let items = try split(text, option: "--switch-interval")
        var out: [Int64] = []
        for item in items {
            guard let ns = intervalNs(item) else {
                throw ListError(description: "--switch-interval: '\(item)' is not a switch interval (seconds in (0, 10], e.g. 0.005 or 5ms)")
            }
            out.append(ns)
        }
        return try unique(out, option: "--switch-interval", items: items)
    }

    /// `5ms`, `500us`, `1.5ms`: the spelling `parseIntervals` accepts, for progress lines.
    package static func intervalText(_ ns: Int64) -> String {
        if ns % 1_000_000_000 == 0 { return "\(ns / 1_000_000_000)s" }
        if ns % 1_000_000 == 0 { return "\(ns / 1_000_000)ms" }
        if ns % 1_000 == 0 { return "\(ns / 1_000)us" }
        return "\(ns)ns"
    }

    static func intervalNs(_ item: String) -> Int64? {
        let units: [(suffix: String, scale: Double)] = [("ms", 1e-3), ("us", 1e-6), ("µs", 1e-6), ("ns", 1e-9), ("s", 1)]
        var number = item
        var scale = 1.0
        for unit in units where item.hasSuffix(unit.suffix) {
            number = String(item.dropLast(unit.suffix.count))
            scale = unit.scale
            break
        }
        guard let value = Double(number), value.isFinite else { return nil }
        let seconds = value * scale
        guard seconds > 0, seconds <= 10 else { return nil }
        let ns = Int64((seconds * 1e9).rounded())
        return ns >= 1 ? ns : nil
    }

    private static func split(_ text: String, option: String) throws(ListError) -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.isEmpty, !items.contains(where: \.isEmpty) else {
            throw ListError(description: "\(option): expected a comma-separated list, got '\(text)'")
        }
        return items
    }

    private static func unique<T: Equatable>(_ values: [T], option: String, items: [String]) throws(ListError) -> [T] {
        for (i, v) in values.enumerated() where values[..<i].contains(v) {
            throw ListError(description: "\(option): '\(items[i])' is listed twice")
        }
        return values
    }
}
