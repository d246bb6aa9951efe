/// Why a trace file cannot be used. Every message is one line, names the file, and says what to do.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The file exists but is not a SQLite database (SQLITE_NOTADB); it is left untouched.
    case notSQLite(String)
    /// A SQLite database that gilrec did not create (tables, user_version 0, no `runs`); left untouched.
    case foreignDatabase(String)
    /// Written by a newer gilrec: schema version `found` > `supported`.
    case newerSchema(path: String, found: Int, supported: Int)
    /// No such file (readers never create one).
    case missingFile(String)
    /// The file or its directory cannot be opened (permissions, missing directory, …).
    case cannotOpen(path: String, reason: String)
    /// Writing was asked for, but the file (or its directory) is read-only.
    case readOnly(String)
    /// A gilrec store with no runs in it.
    case emptyDatabase(String)
    /// No run matches the selector (a run id or a label).
    case unknownRun(path: String, selector: String)
    /// Storing failed mid-run (disk full, I/O error): the first `committedEvents` events are kept, the rest
    /// counted as dropped, and the run marked `error`.
    case recordingFailed(path: String, committedEvents: Int64, reason: String)
    /// The slices staged while deriving a run's slices could not be read back (truncated bytes in the
    /// connection's temporary tables: a bug, never the user's file).
    case corruptStaging

    public var description: String {
        switch self {
        case .notSQLite(let path):
            "\(path) is not a SQLite database; choose another file with --db"
        case .foreignDatabase(let path):
            "\(path) is a SQLite database that gilrec did not create; refusing to touch it (use another --db)"
        case .newerSchema(let path, let found, let supported):
            "\(path) uses trace schema version \(found), but this gilrec supports up to \(supported); upgrade gilrec"
        case .missingFile(let path):
            "\(path) does not exist; record a run first with `gilrec run`"
        case .cannotOpen(let path, let reason):
            "cannot open \(path): \(reason)"
        case .readOnly(let path):
            "\(path) is read-only; cannot record into it"
        case .emptyDatabase(let path):
            "\(path) contains no runs yet; record one with `gilrec run`"
        case .unknownRun(let path, let selector):
            "\(path) has no run with id or label '\(selector)'; `gilstat runs` lists them"
        case .recordingFailed(let path, let committed, let reason):
            "recording into \(path) failed (\(reason)); the \(committed) events committed before it are kept, "
                + "the rest are counted as dropped, and the run is marked error"
        case .corruptStaging:
            "the slices staged in SQLite's temporary tables could not be read back; run `gilrec` again (a bug: please report it)"
        }
    }
}
