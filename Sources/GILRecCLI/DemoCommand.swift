import ArgumentParser
import Foundation
import GILRecorder

/// `gilrec demo`: records the GIL lesson as labelled runs and prints what the store says about them.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Record the GIL lesson (race, CPU-bound, I/O-bound, primitives) and print what it shows.",
        discussion: "Every figure printed is read back from the database, so `gilstat` and `sqlite3` can check it."
    )

    @OptionGroup var options: RecordOptions

    @Option(name: .long, help: "Iterations per thread of the race (4 threads).")
    var raceIterations: Int = 1_000_000

    func run() throws {
        var demo = Demo(databasePath: options.db, switchIntervalNs: options.switchIntervalNs, raceIterations: raceIterations)
        demo.checkMode = options.checkMode
        try demo.run { print($0) }
    }
}
