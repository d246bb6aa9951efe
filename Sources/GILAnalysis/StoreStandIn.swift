// TEMPORARY stand-ins for TraceStore's Slice, SliceState, RunRecord, SQLValue, QueryResult, StoreError and
// TraceReader (same shapes and signatures), so gilstat works before TraceStore lands. Distinct names
// (Store…) so nothing clashes once it does; then this file becomes typealiases / is removed.
import GILTrace

package struct StoreSlice: Equatable, Sendable {
    package var tid: Int32
    package var obj: Int32
    package var state: StoreSliceState
    package var ts: Int64
    package var dur: Int64
    package init(tid: Int32, obj: Int32, state: StoreSliceState, ts: Int64, dur: Int64) {
        self.tid = tid; self.obj = obj; self.state = state; self.ts = ts; self.dur = dur
    }
}

package enum StoreSliceState: String, CaseIterable, Sendable {
    case gilWait = "gil_wait", gilHold = "gil_hold", lockWait = "lock_wait", lockHold = "lock_hold", io
}

package struct StoreRunRecord: Sendable {
    package var runID: Int64
    package var info: RunInfo
    package var status: RunStatus
    package var exitCode: Int32?
    package var wallNs: Int64?
    package var cpuNs: Int64?
    package var eventCount: Int64
    package var droppedEvents: Int64
    package var threadCount: Int
}

// MARK: - TEMPORARY reader over the C API, same signatures as TraceStore's StoreReader (brief-store §5).
import CSQLite

package enum StoreValue: Equatable, Sendable {
    case null, integer(Int64), real(Double), text(String), blob([UInt8])
}

package struct StoreQueryResult: Sendable {
    package var columns: [String]
    package var rows: [[StoreValue]]
}

package struct StoreReadError: Error, CustomStringConvertible {
    package var description: String
}

package final class StoreReader {
    private var db: OpaquePointer?

    package init(path: String) throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw StoreReadError(description: "cannot open \(path)")
        }
        do {
            _ = try query("SELECT count(*) FROM runs", parameters: [:])
        } catch {
            throw StoreReadError(description: "\(path) is not a gilrec database")
        }
    }

    deinit { sqlite3_close_v2(db) }

    private func each(_ sql: String, _ parameters: [String: StoreValue], _ body: (OpaquePointer) throws -> Void) throws {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw StoreReadError(description: String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(stmt) }
        for i in 0..<sqlite3_bind_parameter_count(stmt) {
            guard let cname = sqlite3_bind_parameter_name(stmt, i + 1) else { continue }
            let name = String(String(cString: cname).dropFirst())
            switch parameters[name] ?? .null {
            case .null: sqlite3_bind_null(stmt, i + 1)
            case .integer(let v): sqlite3_bind_int64(stmt, i + 1, v)
            case .real(let v): sqlite3_bind_double(stmt, i + 1, v)
            case .text(let v): sqlite3_bind_text(stmt, i + 1, v, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            case .blob: sqlite3_bind_null(stmt, i + 1)
            }
        }
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else { throw StoreReadError(description: String(cString: sqlite3_errmsg(db))) }
            try body(stmt)
        }
    }

    package func query(_ sql: String, parameters: [String: StoreValue]) throws -> StoreQueryResult {
        var result = StoreQueryResult(columns: [], rows: [])
        try each(sql, parameters) { s in
            let n = sqlite3_column_count(s)
            if result.columns.isEmpty { result.columns = (0..<n).map { String(cString: sqlite3_column_name(s, $0)) } }
            result.rows.append((0..<n).map { i in
                switch sqlite3_column_type(s, i) {
                case SQLITE_INTEGER: .integer(sqlite3_column_int64(s, i))
                case SQLITE_FLOAT: .real(sqlite3_column_double(s, i))
                case SQLITE_TEXT: .text(String(cString: sqlite3_column_text(s, i)))
                case SQLITE_NULL: .null
                default: .blob([])
                }
            })
        }
        return result
    }

    package func runs() throws -> [StoreRunRecord] {
        var out: [StoreRunRecord] = []
        try each(
            "SELECT run_id, label, program, policy, switch_interval_ns, wall_ns, cpu_ns, status, coalesce(event_count,0), coalesce(dropped_events,0), (SELECT count(*) FROM threads t WHERE t.run_id = r.run_id), started_at FROM runs r ORDER BY run_id", [:]
        ) { s in
            func text(_ i: Int32) -> String { sqlite3_column_text(s, i).map { String(cString: $0) } ?? "" }
            func opt(_ i: Int32) -> Int64? { sqlite3_column_type(s, i) == SQLITE_NULL ? nil : sqlite3_column_int64(s, i) }
            out.append(StoreRunRecord(
                runID: sqlite3_column_int64(s, 0),
                info: RunInfo(label: text(1), program: text(2), policy: text(3), switchIntervalNs: sqlite3_column_int64(s, 4), startedAt: text(11)),
                status: RunStatus(rawValue: text(7)) ?? .incomplete, exitCode: nil, wallNs: opt(5), cpuNs: opt(6),
                eventCount: sqlite3_column_int64(s, 8), droppedEvents: sqlite3_column_int64(s, 9),
                threadCount: Int(sqlite3_column_int64(s, 10))))
        }
        return out
    }

    package func resolveRun(_ selector: String?) throws -> StoreRunRecord {
        let all = try runs()
        guard let last = all.last else { throw StoreReadError(description: "the database holds no runs") }
        guard let selector else { return last }
        if let id = Int64(selector) {
            guard let r = all.first(where: { $0.runID == id }) else { throw StoreReadError(description: "no run \(selector)") }
            return r
        }
        guard let r = all.last(where: { $0.info.label == selector }) else { throw StoreReadError(description: "no run labelled \(selector)") }
        return r
    }

    package func threads(runID: Int64) throws -> [ThreadInfo] {
        var out: [ThreadInfo] = []
        try each("SELECT tid, name, parent_tid, start_ns, end_ns, coalesce(cpu_ns,0), coalesce(vol_ctx,0), coalesce(invol_ctx,0) FROM threads WHERE run_id = :run ORDER BY tid", ["run": .integer(runID)]) { s in
            out.append(ThreadInfo(
                tid: Int32(sqlite3_column_int64(s, 0)), name: String(cString: sqlite3_column_text(s, 1)),
                parentTid: Int32(sqlite3_column_int64(s, 2)), startNs: sqlite3_column_int64(s, 3),
                endNs: sqlite3_column_type(s, 4) == SQLITE_NULL ? nil : sqlite3_column_int64(s, 4),
                cpuNs: sqlite3_column_int64(s, 5), voluntaryContextSwitches: sqlite3_column_int64(s, 6),
                involuntaryContextSwitches: sqlite3_column_int64(s, 7)))
        }
        return out
    }

    package func objects(runID: Int64) throws -> [ObjectInfo] {
        var out: [ObjectInfo] = []
        try each("SELECT obj_id, kind, name, source_line FROM objects WHERE run_id = :run ORDER BY obj_id", ["run": .integer(runID)]) { s in
            out.append(ObjectInfo(
                id: Int32(sqlite3_column_int64(s, 0)),
                kind: ObjectKind(rawValue: String(cString: sqlite3_column_text(s, 1))) ?? .lock,
                name: String(cString: sqlite3_column_text(s, 2)), sourceLine: Int32(sqlite3_column_int64(s, 3))))
        }
        return out
    }

    package func labels(runID: Int64) throws -> [Int32: String] {
        var out: [Int32: String] = [:]
        try each("SELECT label_id, text FROM labels WHERE run_id = :run", ["run": .integer(runID)]) { s in
            out[Int32(sqlite3_column_int64(s, 0))] = String(cString: sqlite3_column_text(s, 1))
        }
        return out
    }

    package func forEachEvent(runID: Int64, _ body: (Event) throws -> Void) throws {
        try each("SELECT seq, ts, tid, kind, obj, arg FROM events WHERE run_id = :run ORDER BY seq", ["run": .integer(runID)]) { s in
            var e = Event(seq: sqlite3_column_int64(s, 0), ts: sqlite3_column_int64(s, 1), tid: UInt16(sqlite3_column_int64(s, 2)), kind: .mark, obj: Int32(sqlite3_column_int64(s, 4)), arg: sqlite3_column_int64(s, 5))
            e.kindCode = UInt8(sqlite3_column_int64(s, 3))
            try body(e)
        }
    }

    package func forEachSlice(runID: Int64, state: StoreSliceState?, _ body: (StoreSlice) throws -> Void) throws {
        for st in state.map({ [$0] }) ?? StoreSliceState.allCases {
            try each("SELECT tid, obj, ts, dur FROM slices WHERE run_id = :run AND state = :state ORDER BY ts", ["run": .integer(runID), "state": .text(st.rawValue)]) { s in
                try body(StoreSlice(tid: Int32(sqlite3_column_int64(s, 0)), obj: Int32(sqlite3_column_int64(s, 1)), state: st, ts: sqlite3_column_int64(s, 2), dur: sqlite3_column_int64(s, 3)))
            }
        }
    }
}
