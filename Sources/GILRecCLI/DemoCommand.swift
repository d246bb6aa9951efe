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

    /// The lesson is what is recorded, and which lines waited: turning either off would leave it empty.
    func validate() throws {
        if options.noTrace || options.noStacks {
            throw ValidationError("the demo records every run with its stacks: --no-trace and --no-stacks are `gilrec run` options")
        }
    }

    func run() throws {
        var demo = Demo(databasePath: options.db, switchIntervalNs: options.switchIntervalNs, raceIterations: raceIterations)
        demo.checkMode = options.checkMode
        try demo.run { print($0) }
    }
}
