import Foundation
import GILTrace
import Testing
@testable import TraceStore

/// The opening rules: a file that is not ours is refused and left byte-for-byte unchanged.
@Suite struct StoreOpeningTests {
    let dir = TemporaryDirectory()

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func newStoreHasSchemaVersionAndLookupTables() throws {
        let path = dir.path("gil.db")
        let db = try StoreFile.openForWriting(path: path)
        defer { db.close() }
        #expect(try db.scalarInt(Schema.userVersion) == Int64(Schema.version))
        #expect(try db.scalarInt("SELECT count(*) FROM event_kinds") == Int64(EventKind.allCases.count))
        #expect(try db.scalarInt("SELECT count(*) FROM io_kinds") == Int64(IOKind.allCases.count))
        #expect(try db.scalarInt("SELECT count(*) FROM gil_request_reasons") == Int64(GILRequestReason.allCases.count))
        #expect(try db.scalarInt("SELECT count(*) FROM gil_release_reasons") == Int64(GILReleaseReason.allCases.count))
        let name = try db.prepare("SELECT name FROM event_kinds WHERE code = ?1")
        name.bind(Int64(EventKind.gilDropRequest.rawValue), at: 1)
        #expect(try name.step())
        #expect(name.string(0) == "gil_drop_request")
        let mode = try db.prepare("PRAGMA journal_mode")
        #expect(try mode.step())
        #expect(mode.string(0) == "wal")
        // Reopening an existing store neither fails nor migrates again.
        let again = try StoreFile.openForWriting(path: path)
        again.close()
    }

    /// A store written by an older build lacks the lookup codes added since (io kind 9, `hash`): the next
    /// writer adds them and keeps the rest.
    @Test func writerAddsLookupCodesAnOlderBuildDidNotKnow() throws {
        let path = dir.path("old.db")
        let db = try StoreFile.openForWriting(path: path)
        try db.execute("DELETE FROM io_kinds WHERE code = \(IOKind.hash.rawValue)")
        db.close()
        let again = try StoreFile.openForWriting(path: path)
        defer { again.close() }
        #expect(try again.scalarInt("SELECT count(*) FROM io_kinds") == Int64(IOKind.allCases.count))
        let name = try again.prepare("SELECT name FROM io_kinds WHERE code = ?1")
        name.bind(Int64(IOKind.hash.rawValue), at: 1)
        #expect(try name.step())
        #expect(name.string(0) == "hash")
    }

    @Test func foreignSQLiteDatabaseIsRefusedAndUnchanged() throws {
        let path = dir.path("other.db")
        let other = try Database(path: path, mode: .create)
        try other.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES ('hi')")
        other.close()
        let before = try #require(bytes(path))
        #expect(throws: StoreError.foreignDatabase(path)) { try RunWriter.begin(path: path, info: RunInfo(label: "x", program: "p")) }
        #expect(throws: StoreError.foreignDatabase(path)) { try TraceReader(path: path) }
        #expect(bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func textFileIsRefusedAndUnchanged() throws {
        let path = dir.path("notes.txt")
        let text = Data(String(repeating: "not a database, just some text\n", count: 40).utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notSQLite(path)) { try RunWriter.begin(path: path, info: RunInfo(label: "x", program: "p")) }
        #expect(throws: StoreError.notSQLite(path)) { try TraceReader(path: path) }
        #expect(bytes(path) == text)
        #expect(StoreError.notSQLite(path).description.contains(path))
    }

    @Test func newerSchemaIsRefused() throws {
        let path = dir.path("future.db")
        let db = try StoreFile.openForWriting(path: path)
        try db.execute(Schema.setUserVersion(Schema.version + 1))
        db.close()
        let before = try #require(bytes(path))
        let expected = StoreError.newerSchema(path: path, found: Schema.version + 1, supported: Schema.version)
        #expect(throws: expected) { try TraceReader(path: path) }
        #expect(throws: expected) { try RunWriter.begin(path: path, info: RunInfo(label: "x", program: "p")) }
        #expect(bytes(path) == before)
    }

    @Test func readerNeverCreatesAFile() throws {
        let path = dir.path("missing.db")
        #expect(throws: StoreError.missingFile(path)) { try TraceReader(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func missingDirectoryIsAClearError() throws {
        let path = dir.path("no/such/dir/gil.db")
        let error = #expect(throws: StoreError.self) { try RunWriter.begin(path: path, info: RunInfo(label: "x", program: "p")) }
        #expect(error?.description.contains(path) == true)
        guard case .cannotOpen = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
    }

    @Test func emptyStoreAndUnknownRun() throws {
        let path = dir.path("gil.db")
        try StoreFile.openForWriting(path: path).close()
        let reader = try TraceReader(path: path)
        #expect(try reader.runs().isEmpty)
        #expect(throws: StoreError.emptyDatabase(path)) { try reader.resolveRun(nil) }
        #expect(throws: StoreError.emptyDatabase(path)) { try reader.resolveRun("7") }
    }
}

/// The schema's read paths stay index scans (Queries/ rely on `slices` by state in ts order).
@Suite struct SchemaPlanTests {
    let dir = TemporaryDirectory()

    func plan(_ db: Database, _ sql: String) throws -> String {
        let s = try db.prepare("EXPLAIN QUERY PLAN " + sql)
        var lines: [String] = []
        while try s.step() { lines.append(s.string(3)) }
        return lines.joined(separator: "\n")
    }

    @Test func slicesByStateInTimeOrderNeedNoSort() throws {
        let db = try StoreFile.openForWriting(path: dir.path("gil.db"))
        defer { db.close() }
        let byState = try plan(db, "SELECT tid, ts, dur FROM slices WHERE run_id = 1 AND state = 'gil_hold' ORDER BY ts")
        #expect(byState.contains("USING PRIMARY KEY (run_id=? AND state=?)"))
        #expect(!byState.contains("TEMP B-TREE"))
        #expect(!byState.contains("SCAN slice_rows"))
        // A run's events: its blocks in seq order, each a rowid range of event_rows, no sort.
        let events = try plan(db, Schema.selectEventsOfRun)
        #expect(events.contains("SEARCH b USING PRIMARY KEY (run_id=?)"))
        #expect(events.contains("SEARCH e USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"))
        #expect(!events.contains("TEMP B-TREE"))
        // The contract's `events` view: one run is its blocks' rowid ranges, not a scan of every run.
        let view = try plan(db, "SELECT count(*) FROM events WHERE run_id = 1 AND kind = 5")
        #expect(view.contains("SEARCH e USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"))
        #expect(!view.contains("SCAN e"))
        let reader = try plan(db, Schema.selectSlicesOfState(version: Schema.version))
        #expect(!reader.contains("TEMP B-TREE"))
    }

    @Test func zeroByteFileBecomesAStore() throws {
        let path = dir.path("empty.db")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let writer = try RunWriter.begin(path: path, info: RunInfo(label: "x", program: "p"))
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 0, cpuNs: 0), droppedEvents: 0)
        let reader = try TraceReader(path: path)
        #expect(try reader.runs().count == 1)
        #expect(try reader.query(Schema.userVersion, parameters: [:]).rows == [[.integer(Int64(Schema.version))]])
    }
}
