import GILTrace

/// Reads stored runs over its own read-only connection (WAL: works while a recording is being written).
/// Not Sendable: one thread at a time, like the `Database` it owns.
public final class TraceReader {
    let db: Database
    public let path: String
    /// The file's schema version: a version 1 store stays readable until its next writer migrates it.
    let version: Int

    /// Opens an existing store. Throws `StoreError` for a missing, foreign, newer or non-SQLite file;
    /// never creates or modifies a file.
    public init(path: String) throws {
        self.path = path
        db = try StoreFile.openForReading(path: path)
        let stored = (try? db.scalarInt(Schema.userVersion)).flatMap { $0 }
        version = stored.map { Int($0) } ?? Schema.version
    }

    deinit {
        db.close()
    }

    /// Every run, ordered by run id.
    public func runs() throws -> [RunRecord] {
        try records(Schema.selectAllRuns(version: version)) { _ in }
    }

    /// nil → the latest run; digits → that run id (or, failing that, the latest run with that label);
    /// anything else → the latest run with that label.
    public func resolveRun(_ selector: String?) throws -> RunRecord {
        guard let selector else {
            if let latest = try records(Schema.selectLatestRun(version: version), { _ in }).first { return latest }
            throw StoreError.emptyDatabase(path)
        }
        if let id = Int64(selector), selector.allSatisfy(\.isASCII),
           let run = try records(Schema.selectRunByID(version: version), { $0.bind(id, at: 1) }).first {
            return run
        }
        if let run = try records(Schema.selectLatestRunByLabel(version: version), { $0.bind(selector, at: 1) }).first {
            return run
        }
        if try records(Schema.selectLatestRun(version: version), { _ in }).isEmpty { throw StoreError.emptyDatabase(path) }
        throw StoreError.unknownRun(path: path, selector: selector)
    }

    public func threads(runID: Int64) throws -> [ThreadInfo] {
        let statement = try db.cachedStatement(Schema.selectThreads)
        defer { statement.reset() }
        statement.bind(runID, at: 1)
        var threads: [ThreadInfo] = []
        while try statement.step() {
            threads.append(ThreadInfo(
                tid: Int32(truncatingIfNeeded: statement.int64(0)), name: statement.string(1),
                parentTid: Int32(truncatingIfNeeded: statement.int64(2)), startNs: statement.int64(3),
                endNs: statement.optionalInt64(4), daemon: statement.int64(5) != 0, cpuNs: statement.int64(6),
                voluntaryContextSwitches: statement.int64(7), involuntaryContextSwitches: statement.int64(8)))
        }
        return threads
    }

    public func objects(runID: Int64) throws -> [ObjectInfo] {
        let statement = try db.cachedStatement(Schema.selectObjects)
        defer { statement.reset() }
        statement.bind(runID, at: 1)
        var objects: [ObjectInfo] = []
        while try statement.step() {
            objects.append(ObjectInfo(
                id: Int32(truncatingIfNeeded: statement.int64(0)),
                kind: ObjectKind(rawValue: statement.string(1)) ?? .lock, name: statement.string(2),
                sourceLine: Int32(truncatingIfNeeded: statement.int64(3))))
        }
        return objects
    }

    public func labels(runID: Int64) throws -> [Int32: String] {
        let statement = try db.cachedStatement(Schema.selectLabels)
        defer { statement.reset() }
        statement.bind(runID, at: 1)
        var labels: [Int32: String] = [:]
        while try statement.step() {
            labels[Int32(truncatingIfNeeded: statement.int64(0))] = statement.string(1)
        }
        return labels
    }

    /// Streams the run's events in `seq` order without loading them all.
    public func forEachEvent(runID: Int64, _ body: (Event) throws -> Void) throws {
        guard version == 1 else {
            try SliceDeriver.forEachEvent(db, runID: runID, version: version, body)
            return
        }
        let statement = try db.prepare(Schema.selectEventsVersion1)
        statement.bind(runID, at: 1)
        while try statement.step() {
            var event = Event(
                seq: statement.int64(0), ts: statement.int64(1), tid: UInt16(truncatingIfNeeded: statement.int64(2)),
                kind: .mark, obj: Int32(truncatingIfNeeded: statement.int64(4)), arg: statement.int64(5))
            event.kindCode = UInt8(truncatingIfNeeded: statement.int64(3))
            try body(event)
        }
    }

    /// Streams the run's slices in `Slice.startOrder`, all states or one.
    public func forEachSlice(runID: Int64, state: SliceState?, _ body: (Slice) throws -> Void) throws {
        let statement = try db.prepare(
            state == nil ? Schema.selectAllSlices(version: version) : Schema.selectSlicesOfState(version: version))
        statement.bind(runID, at: 1)
        if let state {
            statement.bind(state.code, at: 2)
            while try statement.step() {
                try body(Slice(
                    tid: Int32(truncatingIfNeeded: statement.int64(0)), obj: Int32(truncatingIfNeeded: statement.int64(1)),
                    state: state, ts: statement.int64(2), dur: statement.int64(3),
                    stack: Int32(truncatingIfNeeded: statement.int64(4))))
            }
            return
        }
        while try statement.step() {
            guard let decoded = SliceState(code: statement.int64(2)) else { continue }
            try body(Slice(
                tid: Int32(truncatingIfNeeded: statement.int64(0)), obj: Int32(truncatingIfNeeded: statement.int64(1)),
                state: decoded, ts: statement.int64(3), dur: statement.int64(4),
                stack: Int32(truncatingIfNeeded: statement.int64(5))))
        }
    }

    /// The run's code locations by id (empty for a run without stacks, or a store older than version 4).
    public func locations(runID: Int64) throws -> [Int32: CodeLocation] {
        guard version >= 4 else { return [:] }
        let statement = try db.cachedStatement(Schema.selectLocations)
        defer { statement.reset() }
        statement.bind(runID, at: 1)
        var locations: [Int32: CodeLocation] = [:]
        while try statement.step() {
            let id = Int32(truncatingIfNeeded: statement.int64(0))
            locations[id] = CodeLocation(
                id: id, file: statement.string(1), line: Int32(truncatingIfNeeded: statement.int64(2)),
                function: statement.string(3), firstLine: Int32(truncatingIfNeeded: statement.int64(4)))
        }
        return locations
    }

    /// The run's stacks by id (empty for a run without stacks, or a store older than version 4).
    public func stacks(runID: Int64) throws -> [Int32: StackEntry] {
        guard version >= 4 else { return [:] }
        let statement = try db.cachedStatement(Schema.selectStacks)
        defer { statement.reset() }
        statement.bind(runID, at: 1)
        var stacks: [Int32: StackEntry] = [:]
        while try statement.step() {
            let id = Int32(truncatingIfNeeded: statement.int64(0))
            stacks[id] = StackEntry(
                id: id, parent: Int32(truncatingIfNeeded: statement.int64(1)),
                location: Int32(truncatingIfNeeded: statement.int64(2)), depth: Int32(truncatingIfNeeded: statement.int64(3)))
        }
        return stacks
    }

    /// Runs arbitrary read-only SQL (`gilstat query`, Queries/*.sql). Named parameters (`:run`) the SQL uses
    /// are bound from `parameters` (keys with or without the prefix); the others stay NULL. With several
    /// statements, all run and the rows of the last one that has columns are returned.
    public func query(_ sql: String, parameters: [String: SQLValue] = [:]) throws -> QueryResult {
        var result = QueryResult(columns: [], rows: [])
        try db.forEachStatement(sql) { statement in
            for index in stride(from: Int32(1), through: statement.parameterCount, by: 1) {
                guard let name = statement.parameterName(at: index) else { continue }
                let bare = String(name.dropFirst())
                if let value = parameters[name] ?? parameters[bare] { statement.bind(value, at: index) }
            }
            let count = statement.columnCount
            var rows: [[SQLValue]] = []
            while try statement.step() {
                rows.append((0..<count).map { statement.value($0) })
            }
            if count > 0 {
                result = QueryResult(columns: (0..<count).map { statement.columnName($0) }, rows: rows)
            }
        }
        return result
    }

    // MARK: - Runs

    private func records(_ sql: String, _ bind: (Statement) -> Void) throws -> [RunRecord] {
        let statement = try db.cachedStatement(sql)
        defer { statement.reset() }
        bind(statement)
        var records: [RunRecord] = []
        while try statement.step() {
            records.append(Self.record(statement))
        }
        return records
    }

    private static func record(_ s: Statement) -> RunRecord {
        let argvText = s.string(3)
        let info = RunInfo(
            label: s.string(1), program: s.string(2), argv: ArgvJSON.decode(argvText) ?? [argvText],
            policy: s.string(4), switchIntervalNs: s.int64(5), checkMode: s.string(6), startedAt: s.string(7),
            host: s.string(8), cpuCount: s.int(9), gilrecVersion: s.string(10), sweepId: s.optionalInt64(11),
            pid: Int32(truncatingIfNeeded: s.int64(12)), engine: s.string(20), python: s.optionalString(21),
            parentRunId: s.optionalInt64(22))
        var status = RunStatus(rawValue: s.string(13)) ?? .incomplete
        if status == .running, ProcessLiveness.isGone(info.pid) { status = .incomplete }
        return RunRecord(
            runID: s.int64(0), info: info, status: status,
            exitCode: s.optionalInt64(14).map { Int32(truncatingIfNeeded: $0) },
            wallNs: s.optionalInt64(15), cpuNs: s.optionalInt64(16), eventCount: s.int64(17),
            droppedEvents: s.int64(18), threadCount: s.int(19), notes: s.optionalString(23))
    }
}
