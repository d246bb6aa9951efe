import GILTrace
import TraceStore

/// Analysis results as report sections. Keys are the column names of the matching `Queries/` file, so a
/// test can compare `gilstat … --format json` with the `sqlite3` shell field by field.
extension Record {
    /// A row of `Queries/gil_summary.sql`.
    package init(_ s: RunSummary) {
        self.init([
            ("run_id", .int(s.runID)), ("status", .text(s.status.rawValue)), ("wall_ns", .duration(s.wallNs)),
            ("cpu_ns", .duration(s.cpuNs)), ("threads", .int(s.threadCount)), ("events", .int(s.events)),
            ("gil_acquisitions", .int(s.gilAcquisitions)), ("owner_switches", .int(s.ownerSwitches)),
            ("switches_per_s", .real(s.switchesPerSecond)), ("gil_held_ns", .duration(s.gilHeldNs)),
            ("gil_held_fraction", .fraction(s.gilHeldFraction)), ("drop_requests", .int(s.dropRequests)),
            ("wait_count", .int(s.wait.count)), ("wait_total_ns", .duration(s.wait.totalNs)),
            ("wait_p50_ns", .duration(s.wait.p50)), ("wait_p99_ns", .duration(s.wait.p99)),
            ("wait_max_ns", .duration(s.wait.max)),
        ])
    }

    /// A row of `Queries/per_thread_gil.sql`.
    package init(_ t: ThreadSummary) {
        self.init([
            ("tid", .int(t.tid)), ("name", .text(t.name)), ("gil_acquisitions", .int(t.gilAcquisitions)),
            ("gil_hold_ns", .duration(t.gilHoldNs)), ("gil_wait_ns", .duration(t.gilWaitNs)),
            ("io_ns", .duration(t.ioNs)), ("lock_wait_ns", .duration(t.lockWaitNs)),
            ("native_ns", .duration(t.nativeNs)), ("cpu_ns", .duration(t.cpuNs)),
            ("vol_ctx", .int(t.voluntaryContextSwitches)), ("invol_ctx", .int(t.involuntaryContextSwitches)),
        ])
    }

    /// A row of `Queries/lock_contention.sql`.
    package init(_ c: ObjectContention) {
        self.init([
            ("obj_id", .int(c.objID)), ("kind", .text(c.kind)), ("name", .text(c.name)),
            ("acquisitions", .int(c.acquisitions)), ("contended", .int(c.contended)),
            ("wait_count", .int(c.wait.count)), ("wait_total_ns", .duration(c.wait.totalNs)),
            ("wait_p50_ns", .duration(c.wait.p50)), ("wait_p90_ns", .duration(c.wait.p90)),
            ("wait_p99_ns", .duration(c.wait.p99)), ("wait_max_ns", .duration(c.wait.max)),
            ("hold_total_ns", .duration(c.hold.totalNs)), ("hold_p50_ns", .duration(c.hold.p50)),
            ("hold_p90_ns", .duration(c.hold.p90)), ("hold_p99_ns", .duration(c.hold.p99)),
            ("hold_max_ns", .duration(c.hold.max)), ("owner_switches", .int(c.ownerSwitches)),
            ("handoffs", .int(c.handoff.count)), ("handoff_total_ns", .duration(c.handoff.totalNs)),
            ("handoff_p50_ns", .duration(c.handoff.p50)), ("handoff_p90_ns", .duration(c.handoff.p90)),
            ("handoff_p99_ns", .duration(c.handoff.p99)), ("handoff_max_ns", .duration(c.handoff.max)),
            ("queue_mean", .real(c.queueMean)), ("queue_max", .int(c.queueMax)),
            ("utilisation", .fraction(c.utilisation)), ("jain_fairness", .real(c.jainFairness)),
        ])
    }

    /// A row of `Queries/contention_threads.sql`.
    package init(objID: Int32, _ t: ThreadContention) {
        self.init([
            ("obj_id", .int(objID)), ("tid", .int(t.tid)), ("name", .text(t.name)),
            ("acquisitions", .int(t.acquisitions)), ("wait_count", .int(t.waitCount)),
            ("wait_total_ns", .duration(t.waitTotalNs)), ("wait_max_ns", .duration(t.waitMaxNs)),
            ("hold_total_ns", .duration(t.holdTotalNs)), ("hold_share", .fraction(t.holdShare)),
        ])
    }

    /// A row of `Queries/gil_wait_distribution.sql`.
    package init(_ b: WaitBucket) {
        self.init([
            ("bucket", .int(b.bucket)), ("lo_ns", .duration(b.loNs)), ("hi_ns", .duration(b.hiNs)),
            ("count", .int(b.count)), ("total_ns", .duration(b.totalNs)),
            ("cumulative_fraction", .fraction(b.cumulativeFraction)),
        ])
    }

    /// A row of `Queries/gil_switches_per_second.sql`.
    package init(_ b: SwitchRateBucket) {
        self.init([
            ("bucket", .int(b.bucket)), ("start_ns", .duration(b.startNs)), ("dur_ns", .duration(b.durNs)),
            ("acquisitions", .int(b.acquisitions)), ("owner_switches", .int(b.ownerSwitches)),
            ("switches_per_s", .real(b.switchesPerSecond)), ("gil_held_ns", .duration(b.gilHeldNs)),
            ("gil_held_fraction", .fraction(b.gilHeldFraction)),
        ])
    }

    /// The row of `Queries/convoy_episodes.sql`.
    package init(_ c: ConvoyReport) {
        self.init([
            ("run_id", .int(c.runID)), ("switch_interval_ns", .duration(c.switchIntervalNs)),
            ("io_count", .int(c.ioCount)), ("io_total_ns", .duration(c.ioTotalNs)),
            ("reacquires", .int(c.delay.count)), ("delay_total_ns", .duration(c.delay.totalNs)),
            ("delay_p50_ns", .duration(c.delay.p50)), ("delay_p99_ns", .duration(c.delay.p99)),
            ("delay_max_ns", .duration(c.delay.max)), ("episodes", .int(c.episodes.count)),
            ("episode_total_ns", .duration(c.episodes.totalNs)), ("episode_p50_ns", .duration(c.episodes.p50)),
            ("episode_p99_ns", .duration(c.episodes.p99)), ("episode_max_ns", .duration(c.episodes.max)),
            ("io_slowdown", .real(c.ioSlowdown)),
        ])
    }

    /// A row of `Queries/convoy_culprits.sql`.
    package init(_ c: ConvoyCulprit) {
        self.init([
            ("tid", .int(c.tid)), ("name", .text(c.name)), ("episodes", .int(c.episodes)),
            ("held_ns", .duration(c.heldNs)),
        ])
    }

    /// The row of `Queries/speedup.sql`.
    package init(_ s: Speedup) {
        self.init([
            ("serial_run", .int(s.serialRunID)), ("threaded_run", .int(s.threadedRunID)),
            ("serial_wall_ns", .duration(s.serialWallNs)), ("threaded_wall_ns", .duration(s.threadedWallNs)),
            ("speedup", .real(s.speedup)), ("workers", .int(s.workers)), ("efficiency", .fraction(s.efficiency)),
            ("gil_held_ns", .duration(s.gilHeldNs)), ("busy_ns", .duration(s.busyNs)),
            ("serialised_fraction", .fraction(s.serialisedFraction)), ("amdahl_bound", .real(s.amdahlBound)),
        ])
    }

    /// A row of `Queries/phases.sql`.
    package init(_ p: Phase) {
        self.init([
            ("name", .text(p.name)), ("segments", .int(p.segments)), ("start_ns", .duration(p.startNs)),
            ("dur_ns", .duration(p.durNs)), ("gil_hold_ns", .duration(p.gilHoldNs)),
            ("gil_wait_ns", .duration(p.gilWaitNs)), ("io_ns", .duration(p.ioNs)),
            ("concurrency", .real(p.concurrency)), ("gil_held_fraction", .fraction(p.gilHeldFraction)),
            ("speedup_vs_first", .real(p.speedupVsFirst)),
        ])
    }

    /// A row of `Queries/runs.sql` (status as the reader reports it: a dead recorder's run is incomplete).
    package init(_ r: RunRecord) {
        self.init([
            ("run_id", .int(r.runID)), ("label", .text(r.info.label)), ("program", .text(r.info.program)),
            ("engine", .text(r.info.engine)), ("policy", .text(r.info.policy)),
            ("switch_interval_ns", .duration(r.info.switchIntervalNs)),
            ("status", .text(r.status.rawValue)), ("started_at", .text(r.info.startedAt)),
            ("wall_ns", .duration(r.wallNs)), ("cpu_ns", .duration(r.cpuNs)), ("threads", .int(r.threadCount)),
            ("events", .int(r.eventCount)), ("dropped_events", .int(r.droppedEvents)),
            ("sweep_id", .int(r.info.sweepId)), ("parent_run_id", .int(r.info.parentRunId)),
        ])
    }
}

extension Comparison.Metric {
    package var record: Record {
        func v(_ x: Double?) -> Value {
            switch unit {
            case .count, .nanoseconds:
                guard let x, x.isFinite, abs(x) < 9e18 else { return .real(x) }
                return unit == .count ? .int(Int64(x)) : .duration(Int64(x))
            case .ratio, .perSecond: return .real(x)
            }
        }
        let verdict: String? = differs.map { $0 ? "differs" : "within noise" }
        return Record([
            ("metric", .text(name)), ("a", v(a)), ("b", v(b)), ("delta", v(delta)), ("ratio", .real(ratio)),
            ("a_min", v(aRange?.lowerBound)), ("a_max", v(aRange?.upperBound)), ("b_min", v(bRange?.lowerBound)),
            ("b_max", v(bRange?.upperBound)), ("noise", .text(verdict)),
        ])
    }
}
