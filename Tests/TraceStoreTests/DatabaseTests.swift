import Testing
@testable import TraceStore

@Suite struct DatabaseTests {
    let dir = TemporaryDirectory()

    @Test func roundTripsEveryStorageClass() throws {
        let db = try Database(path: dir.path("a.db"), mode: .create)
        defer { db.close() }
        try db.execute("CREATE TABLE t(a, b, c, d, e)")
        let insert = try db.cachedStatement("INSERT INTO t VALUES (?, ?, ?, ?, :e)")
        insert.bind(Int64(-7), at: 1)
        insert.bind(2.5, at: 2)
        insert.bind("héllo", at: 3)
        insert.bind([0, 1, 255] as [UInt8], at: 4)
        insert.bind(.null, named: "e")
        try insert.run()
        let select = try db.prepare("SELECT a, b, c, d, e FROM t")
        #expect(try select.step())
        #expect((0..<5).map { select.value($0) } == [.integer(-7), .real(2.5), .text("héllo"), .blob([0, 1, 255]), .null])
        #expect(try select.step() == false)
        let named = try db.prepare("SELECT :a, @b, $c")
        #expect(named.parameterIndex("a") == 1 && named.parameterIndex("@b") == 2 && named.parameterIndex("c") == 3)
        #expect(named.parameterIndex("zzz") == nil)
    }

    @Test func statementCacheReturnsTheSameStatement() throws {
        let db = try Database(path: dir.path("a.db"), mode: .create)
        defer { db.close() }
        let a = try db.cachedStatement("SELECT 1")
        let b = try db.cachedStatement("SELECT 1")
        #expect(a === b)
        #expect(try db.scalarInt("SELECT 41 + 1") == 42)
    }

    @Test func errorsCarryCodeMessageAndSQL() throws {
        let db = try Database(path: dir.path("a.db"), mode: .create)
        defer { db.close() }
        try db.execute("CREATE TABLE t(x PRIMARY KEY)")
        try db.execute("INSERT INTO t VALUES (1)")
        let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (1)") }
        #expect(error?.primaryCode == 19)
        #expect(error?.description.hasPrefix("SQLite error 1555: UNIQUE constraint failed: t.x - while executing") == true)
        #expect(throws: SQLiteError.self) { try db.prepare("SELEC 1") }
    }

    @Test func transactionRollsBackAndRethrowsFirstError() throws {
        struct Boom: Error {}
        let db = try Database(path: dir.path("a.db"), mode: .create)
        defer { db.close() }
        try db.execute("CREATE TABLE t(x)")
        #expect(throws: Boom.self) {
            try db.inTransaction {
                try db.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(db.isInTransaction == false)
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
        try db.inTransaction { try db.execute("INSERT INTO t VALUES (2)") }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 1)
    }

    @Test func readOnlyNeverCreates() throws {
        let path = dir.path("missing.db")
        #expect(throws: SQLiteError.self) { try Database(path: path, mode: .readOnly) }
        #expect(throws: SQLiteError.self) { try Database(path: path, mode: .readWrite) }
    }
}
