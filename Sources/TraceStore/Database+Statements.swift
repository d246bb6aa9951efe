import CSQLite

extension Database {
    /// Prepares and hands over each statement of a multi-statement string in turn (the `pzTail` loop of
    /// https://sqlite.org/c3ref/prepare.html). Trailing comments and whitespace prepare to nothing and end it.
    package func forEachStatement(_ sql: String, _ body: (Statement) throws -> Void) throws {
        let bytes = Array(sql.utf8CString)
        try bytes.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            let end = start + (buffer.count - 1)
            var cursor = start
            while cursor < end {
                var stmt: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v3(handle, cursor, Int32(end - cursor), 0, &stmt, &tail)
                guard code == SQLITE_OK else {
                    throw SQLiteError.from(handle, code: code, sql: String(cString: cursor))
                }
                guard let stmt else { break }
                try body(Statement(database: self, handle: stmt))
                guard let tail, tail > cursor else { break }
                cursor = tail
            }
        }
    }
}
