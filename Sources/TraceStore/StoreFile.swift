#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSQLite

/// Opens trace files by the store's rules: the user's file is never modified unless it is ours.
/// Checks run on the raw connection before anything writes (even `journal_mode = WAL` rewrites the header),
/// so a foreign or non-SQLite file stays byte-for-byte unchanged.
enum StoreFile {
    /// What the first reads found in the file.
    private enum Contents {
        case empty              // no tables, user_version 0: a new (or zero-byte) file
        case ours(version: Int)
    }

    /// A writer connection on `path`, created and migrated to `Schema.version` when needed, in WAL mode.
    static func openForWriting(path: String) throws -> Database {
        let exists = access(path, F_OK) == 0
        if exists {
            if access(path, R_OK) != 0 { throw StoreError.cannotOpen(path: path, reason: systemReason()) }
            if access(path, W_OK) != 0 { throw StoreError.readOnly(path) }
            // WAL keeps PATH-wal and PATH-shm beside the file (https://sqlite.org/wal.html): SQLite must be able
            // to create them, or find them writable already.
            let directory = parentDirectory(of: path)
            if access(directory, W_OK) != 0 && (access(path + "-wal", W_OK) != 0 || access(path + "-shm", W_OK) != 0) {
                throw StoreError.cannotOpen(
                    path: path, reason: "directory \(directory) is not writable, and SQLite needs \(path)-wal and -shm beside it")
            }
        } else {
            let directory = parentDirectory(of: path)
            if access(directory, F_OK) != 0 {
                throw StoreError.cannotOpen(path: path, reason: "directory \(directory) does not exist")
            }
            if access(directory, W_OK) != 0 {
                throw StoreError.cannotOpen(path: path, reason: "directory \(directory) is not writable")
            }
        }
        let db: Database
        do {
            db = try Database(path: path, mode: exists ? .readWrite : .create)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: error.message)
        }
        do {
            if db.isReadOnly { throw StoreError.readOnly(path) }
            _ = try inspect(db, path: path)
            try db.execute(Schema.writerPragmas)
            try migrate(db)
            try db.execute(Schema.lookupTableRows)
            return db
        } catch {
            db.close()
            throw error
        }
    }

    /// A read-only connection on an existing store; never creates or changes a file.
    static func openForReading(path: String) throws -> Database {
        if access(path, F_OK) != 0 { throw StoreError.missingFile(path) }
        if access(path, R_OK) != 0 { throw StoreError.cannotOpen(path: path, reason: systemReason()) }
        let db: Database
        do {
            db = try Database(path: path, mode: .readOnly)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: error.message)
        }
        do {
            switch try inspect(db, path: path) {
            case .empty: throw StoreError.emptyDatabase(path)
            case .ours: return db  // version 1 is the first; an older store would be migrated by its next writer
            }
        } catch {
            db.close()
            throw error
        }
    }

    /// Reads the header: `SQLITE_NOTADB` → not SQLite; tables without a version → foreign; version too new.
    private static func inspect(_ db: Database, path: String) throws -> Contents {
        let version: Int
        let tables: Int64
        let hasRuns: Bool
        do {
            version = Int(try db.scalarInt(Schema.userVersion) ?? 0)
            tables = try db.scalarInt(Schema.tableCount) ?? 0
            hasRuns = (try db.scalarInt(Schema.hasRunsTable) ?? 0) > 0
        } catch {
            if error.primaryCode == SQLITE_NOTADB {
                throw StoreError.notSQLite(path)
            }
            throw StoreError.cannotOpen(path: path, reason: error.message)
        }
        if version > Schema.version {
            throw StoreError.newerSchema(path: path, found: version, supported: Schema.version)
        }
        if version == 0 {
            if tables == 0 { return .empty }
            throw StoreError.foreignDatabase(path)
        }
        if !hasRuns { throw StoreError.foreignDatabase(path) }
        return .ours(version: version)
    }

    /// Runs the missing migrations, each in its own IMMEDIATE transaction that re-reads the version first,
    /// so two recorders creating one file at the same time migrate it once.
    static func migrate(_ db: Database) throws {
        for (index, sql) in Schema.migrations.enumerated() {
            let target = index + 1
            try db.inTransaction {
                let current = Int(try db.scalarInt(Schema.userVersion) ?? 0)
                guard current < target else { return }
                try db.execute(sql)
                try db.execute(Schema.setUserVersion(target))
            }
        }
    }

    private static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    private static func systemReason() -> String {
        String(cString: strerror(errno))
    }
}
