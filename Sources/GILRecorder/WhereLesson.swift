import GILAnalysis
import GILTrace
import TraceStore

/// The demo's "which line waited, behind which line" sentences (issue 14 item 7), from `WhereAnalysis` — the
/// figures `gilstat where` prints for the same run.
enum WhereLesson {
    /// Two lines: the top waiting site (by `order`) with its source text, and the holder site it waited behind
    /// most. Empty when the run has no stacks or nobody waited.
    static func lines(_ run: LoadedRun, names: StackNames, order: WhereAnalysis.Order, source: SourceText) -> [String] {
        guard !names.isEmpty else { return ["   (no stacks recorded: `gilstat where` has nothing to name)"] }
        let result = WhereAnalysis.analyse(slices: run.slices, names: names, order: order)
        // Lock lessons are about sync objects: joins (waits on a thread object) are left out, as in the lesson's
        // table; the site shown is the one that waited longest behind a holder, else the longest waiter (an Event).
        let threads = Set(run.objects.filter { $0.kind == .thread }.map(\.id))
        func lockWaits(_ site: WhereAnalysis.Site) -> [(obj: Int32, totals: WhereAnalysis.Totals)] {
            site.lockWaits.filter { !threads.contains($0.key) }.map { ($0.key, $0.value) }
        }
        func waited(_ site: WhereAnalysis.Site) -> Int64 {
            order == .lockWait ? lockWaits(site).reduce(0) { $0 + $1.totals.ns } : site.gilWait.ns
        }
        func behindHolders(_ site: WhereAnalysis.Site) -> Int64 {
            site.behind.filter { order == .lockWait ? $0.objID != 0 && !threads.contains($0.objID) : $0.objID == 0 }
                .reduce(0) { $0 + $1.ns }
        }
        let candidates = result.sites.filter { $0.location != nil && waited($0) > 0 }
        let chosen = order == .lockWait
            ? candidates.max { (behindHolders($0), waited($0)) < (behindHolders($1), waited($1)) }
            : candidates.first
        guard let site = chosen, let location = site.location else { return [] }
        var what = "for the GIL"
        if order == .lockWait, let most = lockWaits(site).max(by: { $0.totals.ns < $1.totals.ns }),
           let object = run.objects.first(where: { $0.id == most.obj }) {
            what = "for \(object.kind.rawValue.replacingOccurrences(of: "_", with: " ")) \(object.name)"
        } else if order == .lockWait {
            what = "for a lock"
        }
        let count = order == .lockWait ? lockWaits(site).reduce(0) { $0 + $1.totals.count } : site.gilWait.count
        var lines = ["   Where: \(describe(location, source)) waited \(Humanize.duration(waited(site))) \(what)"
            + " (\(count) waits),"]
        let entries = site.behind.filter { order == .lockWait ? $0.objID != 0 && !threads.contains($0.objID) : $0.objID == 0 }
        if let top = entries.first, let holder = result.site(top.holder), (site.share(top) ?? 0) >= 0.05 {
            let holderText = holder.location.map { describe($0, source) } ?? "code outside Python frames"
            let on = top.objID == 0 ? "" : " (holding \(run.objects.first { $0.id == top.objID }?.name ?? "object \(top.objID)"))"
            let see = "See all lines: `gilstat where \(run.record.runID)`."
            if let share = site.share(top), share > 1 {
                // A Semaphore has several holders at once: their holds add up to more than the wait.
                lines.append("   behind \(holderText)\(on), held by several threads at once: \(Humanize.format(share, decimals: 1))×"
                    + " the wait in holder time.  \(see)")
            } else {
                let share = site.share(top).map(Humanize.percent) ?? "-"
                lines.append("   \(share) of it behind \(holderText)\(on).  \(see)")
            }
        } else if order == .lockWait {
            lines[0] += " mostly with nobody holding it: waiting to be notified or set (an Event, a Condition),"
            lines.append("   not for a holder.  See all lines: `gilstat where \(run.record.runID)`.")
        } else {
            lines[0] += " with nobody recorded holding it: the wait was the waker's latency."
        }
        return lines
    }

    /// "`time.sleep(0.0002)` (convoy.py:21, in io_loop)", or without the source when the file is not readable.
    static func describe(_ location: CodeLocation, _ source: SourceText) -> String {
        let place = "\(location.fileName):\(location.line), in \(location.function)"
        guard let text = source.line(location.file, location.line) else { return place }
        return "`\(text)` (\(place))"
    }
}
