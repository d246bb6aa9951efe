import GILTrace
import TraceStore

/// `gilstat where`: GIL wait, lock wait, I/O and GIL hold time by source site, and for each waiting site the
/// holder sites it waited **behind** (the code that held the GIL, or the lock, while it waited).
///
/// Definitions (docs/contracts.md "Stacks"; `Queries/where.sql` and `Queries/blocked_behind.sql` compute the
/// same figures):
/// - A slice's **site** is its stack's innermost location (with `byStack`, the whole stack). Stack 0 (no Python
///   frame: a thread starting or ending) is a site of its own, "(no Python frame)".
/// - gil_wait, lock_wait, io, gil_hold, native: sums of those slices' durations per site (lock waits also per
///   lock; native, real CPython only: C code that ran with the GIL released, from where it let go).
/// - **behind**: for each wait slice with a positive duration, every hold slice of the same object (gil_hold
///   for GIL waits, lock_hold of that lock for lock waits) of another thread that overlaps it; the overlap is
///   credited to the hold's site. Time of a wait that no such hold covers is `unheld` (the GIL or lock was
///   free: the waiter was waking up, or another waiter took it first and had not yet been recorded holding it).
package enum WhereAnalysis {
    /// What a site is keyed by: a canonical location id (innermost frame) or, with `--stacks`, a canonical stack
    /// id (`StackNames`: one id per distinct line or frame sequence, the recorder's own frames left out).
    package struct SiteKey: Hashable, Sendable {
        package var id: Int32
        package var byStack: Bool
    }

    package struct Totals: Sendable {
        package var count: Int64 = 0
        package var ns: Int64 = 0

        mutating func add(_ dur: Int64) {
            count += 1
            ns += dur
        }
    }

    /// Time waiting at one site behind one holder site, on one object.
    package struct Behind: Sendable {
        package var holder: SiteKey
        package var objID: Int32
        package var ns: Int64 = 0
    }

    package struct Site: Sendable {
        package var key: SiteKey
        /// Innermost frame (nil: no Python frame).
        package var location: CodeLocation?
        /// With `byStack`: every frame, outermost first; else just the innermost.
        package var frames: [CodeLocation]
        package var gilWait = Totals()
        package var lockWait = Totals()
        package var io = Totals()
        package var gilHold = Totals()
        /// Real CPython: C code running with the GIL released, by where the thread let go of it.
        package var native = Totals()
        /// Lock waits per lock object id.
        package var lockWaits: [Int32: Totals] = [:]
        /// Largest first.
        package var behind: [Behind] = []
        package var unheldNs: Int64 = 0

        package var waitNs: Int64 { gilWait.ns + lockWait.ns }

        /// This site's wait for one object: the GIL (0) or a lock.
        package func waitNs(on objID: Int32) -> Int64 { objID == 0 ? gilWait.ns : lockWaits[objID]?.ns ?? 0 }

        /// A holder's share of this site's wait for the same object.
        package func share(_ entry: Behind) -> Double? {
            let total = waitNs(on: entry.objID)
            return total > 0 ? Double(entry.ns) / Double(total) : nil
        }
    }

    package struct Result: Sendable {
        /// Sorted by `order`.
        package var sites: [Site]
        package var byStack: Bool
        package var hasStacks: Bool
        /// Names of sites that only appear as holders.
        package var holders: [SiteKey: Site]

        package func site(_ key: SiteKey) -> Site? { holders[key] }
    }

    /// How sites are ranked.
    package enum Order: String, CaseIterable, Sendable {
        /// GIL wait + lock wait, then I/O, then GIL hold.
        case wait
        case gilWait = "gil_wait"
        case lockWait = "lock_wait"
        case io
        case gilHold = "gil_hold"
        /// Real CPython: where C code ran with the GIL released.
        case native
    }

    package static func analyse(slices: RunSlices, names: StackNames, byStack: Bool = false, order: Order = .wait) -> Result {
        var sites: [SiteKey: Site] = [:]
        func key(_ stack: Int32) -> SiteKey {
            byStack ? SiteKey(id: names.canonical(stack), byStack: true) : SiteKey(id: names.siteID(stack), byStack: false)
        }
        func site(_ stack: Int32) -> SiteKey {
            let k = key(stack)
            if sites[k] == nil {
                let location = names.site(stack)
                sites[k] = Site(key: k, location: location, frames: byStack ? names.frames(stack) : location.map { [$0] } ?? [])
            }
            return k
        }
        for s in slices.gilWaits { sites[site(s.stack)]!.gilWait.add(s.dur) }
        for s in slices.lockWaits {
            let k = site(s.stack)
            sites[k]!.lockWait.add(s.dur)
            sites[k]!.lockWaits[s.obj, default: Totals()].add(s.dur)
        }
        for s in slices.io { sites[site(s.stack)]!.io.add(s.dur) }
        for s in slices.gilHolds { sites[site(s.stack)]!.gilHold.add(s.dur) }
        for s in slices.native { sites[site(s.stack)]!.native.add(s.dur) }
        for s in slices.lockHolds { _ = site(s.stack) }

        // Behind: overlaps of waits with other threads' holds of the same object.
        var behind: [SiteKey: [BehindKey: Int64]] = [:]
        var unheld: [SiteKey: Int64] = [:]
        let gilHolds = IntervalIndex(slices.gilHolds)
        var lockHolds: [Int32: IntervalIndex] = [:]
        for (obj, holds) in Dictionary(grouping: slices.lockHolds, by: \.obj) { lockHolds[obj] = IntervalIndex(holds) }
        func credit(_ wait: Slice, _ holds: IntervalIndex?) {
            guard wait.dur > 0 else { return }
            let waiter = key(wait.stack)
            var covered: Int64 = 0
            holds?.forEach(startBefore: wait.end, endAfter: wait.ts) { hold in
                guard hold.tid != wait.tid else { return true }
                let overlap = min(hold.end, wait.end) - max(hold.ts, wait.ts)
                if overlap > 0 {
                    behind[waiter, default: [:]][BehindKey(holder: key(hold.stack), objID: wait.obj), default: 0] += overlap
                    covered += overlap
                }
                return true
            }
            unheld[waiter, default: 0] += max(0, wait.dur - covered)
        }
        for wait in slices.gilWaits { credit(wait, gilHolds) }
        for wait in slices.lockWaits { credit(wait, lockHolds[wait.obj]) }
        for (waiter, holders) in behind {
            sites[waiter]!.behind = holders.map { Behind(holder: $0.key.holder, objID: $0.key.objID, ns: $0.value) }
                .sorted { ($0.ns, $1.holder.id, $1.objID) > ($1.ns, $0.holder.id, $0.objID) }
        }
        for (waiter, ns) in unheld { sites[waiter]!.unheldNs = ns }

        let ranked = sites.values
            .filter { $0.waitNs + $0.io.ns + $0.gilHold.ns + $0.native.ns > 0 || $0.gilWait.count + $0.lockWait.count > 0 }
            .sorted { a, b in
                let (x, y) = (rank(a, order), rank(b, order))
                if x != y { return x.lexicographicallyPrecedes(y, by: >) }
                return (a.location?.file ?? "", a.location?.line ?? 0, a.key.id) < (b.location?.file ?? "", b.location?.line ?? 0, b.key.id)
            }
        return Result(sites: ranked, byStack: byStack, hasStacks: !names.isEmpty, holders: sites)
    }

    private struct BehindKey: Hashable {
        var holder: SiteKey
        var objID: Int32
    }

    private static func rank(_ s: Site, _ order: Order) -> [Int64] {
        switch order {
        case .wait: [s.waitNs, s.io.ns, s.gilHold.ns, s.native.ns]
        case .gilWait: [s.gilWait.ns, s.lockWait.ns, s.io.ns, s.gilHold.ns, s.native.ns]
        case .lockWait: [s.lockWait.ns, s.gilWait.ns, s.io.ns, s.gilHold.ns, s.native.ns]
        case .io: [s.io.ns, s.waitNs, s.gilHold.ns, s.native.ns]
        case .gilHold: [s.gilHold.ns, s.waitNs, s.io.ns, s.native.ns]
        case .native: [s.native.ns, s.gilHold.ns, s.waitNs, s.io.ns]
        }
    }
}
