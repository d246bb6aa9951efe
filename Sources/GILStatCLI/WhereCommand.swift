import ArgumentParser
import GILAnalysis
import TraceStore

/// `gilstat where [RUN]`: GIL wait, lock wait, I/O and GIL hold time by source line (or whole stack), and the
/// holder lines each waiting line waited behind.
struct WhereCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "where",
        abstract: "Where in the code threads waited for the GIL or a lock, did I/O and held the GIL — and behind whom.",
        discussion: """
            Sites are source lines (the innermost Python frame of each recorded stack); with --stacks, whole \
            stacks. "behind" lists, for each waiting site, the sites that held the GIL (or the lock) while it \
            waited, with the time and its share of the site's wait. Queries/where.sql and \
            Queries/blocked_behind.sql return the same figures. A run recorded without stacks says so.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Run id or label (default: the latest run).")
    var run: String?

    @Flag(name: .long, help: "Group by whole stacks instead of the innermost line.")
    var stacks = false

    @Option(name: .long, help: "Rank sites by: wait (GIL + lock wait), gil_wait, lock_wait, io, gil_hold or native (real CPython: C code with the GIL released).")
    var sort: WhereAnalysis.Order = .wait

    @Option(name: .long, help: "Sites shown in the table format (JSON and CSV show all).")
    var limit: Int = 20

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    func output() throws -> String {
        let reader = try store.reader()
        let loaded = try LoadedRun.load(reader, try reader.resolveRun(run))
        let names = try StackNames.load(reader, runID: loaded.record.runID)
        return store.render(Reports.where(loaded, names: names, byStack: stacks, order: sort, limit: limit))
    }
}

extension WhereAnalysis.Order: ExpressibleByArgument {}
