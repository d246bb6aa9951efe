import GILTrace

/// How one `Event` is stored in `event_rows` (schema version 2): a rowid table of four integers.
///
/// Why a rowid table: appending rows with increasing rowids is SQLite's fastest insert path, and it packs
/// leaf pages full (`balance_quick`, https://sqlite.org/fileformat2.html#b_tree_pages), where the version 1
/// `WITHOUT ROWID` table left ~12 % of every page empty after splits. The key and the small columns are
/// packed so that a GIL event is ~22 bytes on disk:
/// - `id = run_id << 32 | seq`: one rowid orders events by run, then `seq`, and a run is the rowid range
///   `[run_id << 32, (run_id + 1) << 32)`, which the `events` view joins on (a range search, no index).
/// - `tk = obj << 21 | tid << 5 | kind`: GIL events (obj 0) of threads 1–3 fit one byte, where the three
///   columns took three header bytes plus their values (https://sqlite.org/fileformat2.html#record_format).
/// The `events` view of docs/contracts.md decodes both, so Queries/ and readers see the same columns.
enum EventRow {
    /// Events per run that fit the key: `seq` must lie in `0 ..< seqLimit`.
    static let seqLimit: Int64 = 1 << 32
    /// `kind` takes the low 5 bits: every `EventKind` raw value must be below 32 (a test checks).
    static let kindBits: Int64 = 5
    static let kindMask: Int64 = (1 << kindBits) - 1
    /// `tid` (a `UInt16`) takes the next 16 bits; `obj` the rest, sign included.
    static let objShift: Int64 = kindBits + 16

    @inline(__always)
    static func firstID(run runID: Int64) -> Int64 { runID << 32 }

    @inline(__always)
    static func id(run runID: Int64, seq: Int64) -> Int64 { (runID << 32) | seq }

    @inline(__always)
    static func tk(_ event: Event) -> Int64 {
        (Int64(event.obj) << objShift) | (Int64(event.tid) << kindBits) | Int64(event.kindCode)
    }

    /// The event stored as (`id`, `ts`, `tk`, `arg`).
    @inline(__always)
    static func decode(id: Int64, ts: Int64, tk: Int64, arg: Int64) -> Event {
        var event = Event(
            seq: id & (seqLimit - 1), ts: ts, tid: UInt16(truncatingIfNeeded: tk >> kindBits), kind: .mark,
            obj: Int32(truncatingIfNeeded: tk >> objShift), arg: arg)
        event.kindCode = UInt8(truncatingIfNeeded: tk & kindMask)
        return event
    }
}
