import CSQLite

/// A prepared statement (Modules/_sqlite/statement.c): SQLite's handle, finalized when the last cursor and the
/// connection's cache let go of it, and what `execute` needs to know about its SQL, found once at preparation.
final class SQLiteStatement: @unchecked Sendable {  // used with the GIL held
    let handle: OpaquePointer
    /// INSERT, UPDATE, DELETE or REPLACE: 3.11 opens an implicit transaction before it, and counts its changes.
    let isDML: Bool
    /// A cursor is stepping it: another `execute` of the same SQL prepares a statement of its own.
    var inUse = false
    /// When the cache last handed it out (least recently used statements are evicted first).
    fileprivate var lastUse = 0

    init(handle: OpaquePointer, isDML: Bool) {
        self.handle = handle
        self.isDML = isDML
    }

    deinit { sqlite3_finalize(handle) }

    /// Ready for the next `execute`, or for another cursor.
    func release() {
        sqlite3_reset(handle)
        inUse = false
    }

    /// 3.11's test for an implicit BEGIN (statement.c): after whitespace and comments, the SQL starts with
    /// INSERT, UPDATE, DELETE or REPLACE in any case. Read from the UTF-8 bytes (a `Character` walk and an
    /// upper-cased copy cost a tenth of sqlite_synth).
    static func isDML(_ sql: String) -> Bool {
        var text = sql
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == 0x20 || (0x09...0x0D).contains(b) {
                    i += 1
                } else if b == 0x2D, i + 1 < n, bytes[i + 1] == 0x2D {
                    while i < n && bytes[i] != 0x0A { i += 1 }
                } else if b == 0x2F, i + 1 < n, bytes[i + 1] == 0x2A {
                    i += 2
                    while i + 1 < n && !(bytes[i] == 0x2A && bytes[i + 1] == 0x2F) { i += 1 }
                    if i + 1 >= n { return false }
                    i += 2
                } else {
                    break
                }
            }
            var word: [UInt8] = []
            while i < n, word.count < 8 {
                let b = bytes[i] | 0x20  // ASCII lower case; other bytes end the word below
                guard (0x61...0x7A).contains(b) else { break }
                word.append(b)
                i += 1
            }
            // The whole word must be the keyword (`INSERTS` is not DML; a non-ASCII letter continues a word).
            if i < n, (0x61...0x7A).contains(bytes[i] | 0x20) || bytes[i] >= 0x80 { return false }
            return [Array("insert".utf8), Array("update".utf8), Array("delete".utf8), Array("replace".utf8)].contains(word)
        }
    }
}

/// The connection's statement cache (CPython's LRU of `cached_statements` entries, 128 by default): SQL text
/// to prepared statement, so a loop of `execute` with one SQL string prepares it once.
struct SQLiteStatementCache {
    private var entries: [String: SQLiteStatement] = [:]
    private var clock = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = max(0, capacity) }

    /// The cached statement for `sql` when no cursor is using it.
    mutating func available(_ sql: String) -> SQLiteStatement? {
        guard let s = entries[sql], !s.inUse else { return nil }
        clock += 1
        s.lastUse = clock
        return s
    }

    mutating func insert(_ sql: String, _ s: SQLiteStatement) {
        guard capacity > 0, entries[sql] == nil else { return }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            entries[oldest.key] = nil
        }
        clock += 1
        s.lastUse = clock
        entries[sql] = s
    }

    mutating func removeAll() { entries.removeAll() }
}
