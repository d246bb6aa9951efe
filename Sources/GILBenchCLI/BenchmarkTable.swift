import Foundation
import GILRecorder

/// One line of `gilbench`'s table: what was measured, how, our figure, the reference figure measured in the
/// same run (CPython 3, a bare C-API loop, the untraced run…), their ratio, the issue #6 goal and whether
/// it is met. `met` is nil for figures that have no goal (context lines).
package struct BenchmarkRow: Sendable, Equatable {
    package var measure: String
    package var how: String
    package var ours: String
    package var reference: String
    package var ratio: String
    package var goal: String
    package var met: Bool?

    package init(
        measure: String, how: String, ours: String, reference: String = "—", ratio: String = "—", goal: String = "—",
        met: Bool? = nil
    ) {
        self.measure = measure
        self.how = how
        self.ours = ours
        self.reference = reference
        self.ratio = ratio
        self.goal = goal
        self.met = met
    }

    static let header = BenchmarkRow(
        measure: "measure", how: "how", ours: "ours", reference: "reference", ratio: "ratio", goal: "goal")

    var cells: [String] {
        [measure, how, ours, reference, ratio, goal, met.map { $0 ? "yes" : "NO" } ?? (self == Self.header ? "met?" : "—")]
    }

    /// The rows as one aligned text table (header, rule, rows).
    package static func render(_ rows: [BenchmarkRow]) -> [String] {
        let all = [header] + rows
        let widths = (0..<7).map { column in all.map { $0.cells[column].count }.max() ?? 0 }
        func line(_ row: BenchmarkRow) -> String {
            zip(row.cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return [line(header), rule] + rows.map(line)
    }
}

/// Number formatting shared by the benchmark rows.
enum BenchFormat {
    static func seconds(_ x: Double) -> String { String(format: "%.3f s", x) }
    static func ratio(_ x: Double) -> String { String(format: "%.2f×", x) }
    static func millions(_ x: Double) -> String { String(format: "%.2f M ev/s", x / 1e6) }
    static func bytes(_ x: Double) -> String { String(format: "%.1f B/ev", x) }
    static func mebibytes(_ x: Double) -> String { String(format: "%.1f MiB", x / 1_048_576) }
}

/// A benchmark that could not be measured (a program failed, python3 printed something unexpected).
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
}
