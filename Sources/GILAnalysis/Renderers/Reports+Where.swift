import GILTrace
import TraceStore

extension Reports {
    /// `gilstat where`: sites ranked (`order`), their lock waits per lock, and the holder sites behind each.
    /// JSON: `{"sites": [{file, line, function, gil_wait_ns, lock_wait_ns, io_ns, gil_hold_ns, …, "locks": […],
    /// "behind": [{file, line, function, ns, …}]}]}` (the issue's shape, more fields after); tables and CSV show
    /// `locks` and `behind` as flat sections.
    package static func `where`(
        _ run: LoadedRun, names: StackNames, byStack: Bool = false, order: WhereAnalysis.Order = .wait, limit: Int = 20,
        source: SourceText = SourceText()
    ) -> Report {
        let result = WhereAnalysis.analyse(slices: run.slices, names: names, byStack: byStack, order: order)
        var notes = run.statusNote.map { [$0] } ?? []
        guard result.hasStacks else {
            notes.append("no stacks for this run")
            notes.append(contentsOf: run.recorderNotes)
            return Report(title: "run \(run.record.runID) · where", notes: notes, sections: [
                .init(key: "sites", title: "Sites", body: .table([])),
            ])
        }
        let objectNames = Dictionary(run.objects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func objectName(_ id: Int32) -> String { id == 0 ? "GIL" : objectNames[id] ?? "object \(id)" }
        let holderName: (WhereAnalysis.SiteKey) -> WhereAnalysis.Site? = { result.site($0) }
        let sites = result.sites.map { site in
            Record(site: site, source: source, objectName: objectName, holder: holderName, byStack: byStack)
        }
        var flatLocks: [Record] = []
        var flatBehind: [Record] = []
        for site in result.sites.prefix(limit) {
            for (obj, totals) in site.lockWaits.sorted(by: { ($0.value.ns, $1.key) > ($1.value.ns, $0.key) }) {
                flatLocks.append(Record([
                    ("site", .text(site.displayName)), ("obj_id", .int(obj)), ("lock", .text(objectName(obj))),
                    ("waits", .int(totals.count)), ("wait_ns", .duration(totals.ns)),
                ]))
            }
            for entry in site.behind.prefix(5) {
                let holder = result.site(entry.holder)
                flatBehind.append(Record([
                    ("waiting_site", .text(site.displayName)), ("on", .text(objectName(entry.objID))),
                    ("holder_site", .text(holder?.displayName ?? "?")),
                    ("holder_source", .text(holder?.location.flatMap { source.line($0.file, $0.line) })),
                    ("ns", .duration(entry.ns)), ("share", .fraction(site.share(entry))),
                ]))
            }
        }
        return Report(
            title: "run \(run.record.runID) · where · \(byStack ? "stacks" : "lines") by \(order.rawValue)",
            notes: notes,
            sections: [
                .init(key: "sites", title: "Sites (by \(order.rawValue))", body: .table(sites), tableLimit: limit),
                .init(key: "locks", title: "Lock waits per lock", body: .table(flatLocks), flatOnly: true),
                .init(key: "behind", title: "Behind: who held it while they waited (top 5 per site)", body: .table(flatBehind), flatOnly: true),
            ])
    }
}

extension WhereAnalysis.Site {
    /// `function (file:line)`, or the whole stack `outer (f:1) › … › inner (f:9)` with `--stacks`.
    package var displayName: String {
        guard let location else { return "(no Python frame)" }
        if key.byStack, frames.count > 1 { return frames.map(\.label).joined(separator: " › ") }
        return location.label
    }
}

extension Record {
    /// A row of `Queries/where.sql`, with `locks` and `behind` nested (JSON).
    init(
        site: WhereAnalysis.Site, source: SourceText, objectName: (Int32) -> String,
        holder: (WhereAnalysis.SiteKey) -> WhereAnalysis.Site?, byStack: Bool
    ) {
        var fields: [(String, Value)] = [
            ("file", .text(site.location?.file)), ("line", .int(site.location.map { Int64($0.line) })),
            ("function", .text(site.location?.function ?? "(no Python frame)")),
            ("gil_wait_ns", .duration(site.gilWait.ns)), ("lock_wait_ns", .duration(site.lockWait.ns)),
            ("io_ns", .duration(site.io.ns)), ("gil_hold_ns", .duration(site.gilHold.ns)),
            ("gil_waits", .int(site.gilWait.count)), ("lock_waits", .int(site.lockWait.count)),
            ("ios", .int(site.io.count)), ("gil_holds", .int(site.gilHold.count)),
            ("unheld_ns", .duration(site.unheldNs)), ("native_ns", .duration(site.native.ns)),
            ("source", .text(site.location.flatMap { source.line($0.file, $0.line) })),
        ]
        if byStack {
            fields.append(("stack_id", .int(site.key.id)))
            fields.append(("stack", .records(site.frames.map(Record.init(frame:)))))
        }
        fields.append(("locks", .records(site.lockWaits.sorted { ($0.value.ns, $1.key) > ($1.value.ns, $0.key) }.map { obj, totals in
            Record([("obj_id", .int(obj)), ("lock", .text(objectName(obj))), ("waits", .int(totals.count)), ("wait_ns", .duration(totals.ns))])
        })))
        fields.append(("behind", .records(site.behind.map { entry in
            let h = holder(entry.holder)
            var behind: [(String, Value)] = [
                ("file", .text(h?.location?.file)), ("line", .int(h?.location.map { Int64($0.line) })),
                ("function", .text(h?.location?.function ?? "(no Python frame)")), ("ns", .duration(entry.ns)),
                ("on", .text(objectName(entry.objID))), ("obj_id", .int(entry.objID)),
                ("share", .fraction(site.share(entry))),
            ]
            if byStack, let h { behind.append(("stack", .records(h.frames.map(Record.init(frame:))))) }
            return Record(behind)
        })))
        self.init(fields)
    }

    init(frame: CodeLocation) {
        self.init([("file", .text(frame.file)), ("line", .int(Int64(frame.line))), ("function", .text(frame.function))])
    }
}
