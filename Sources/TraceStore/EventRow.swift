import GILTrace

/// How one `Event` is stored in `event_rows`: a rowid table of four integers (id, ts, tk, arg).
///
/// Why a rowid table: appending rows with increasing rowids is SQLite's fastest insert path, and it packs
/// leaf pages full (`balance_quick`, https://sqlite.org/fileformat2.html#b_tree_pages), where the version 1
/// `WITHOUT ROWID` table left ~12 % of every page empty after splits. The small columns are packed so that a
/// GIL event is ~17 bytes on disk:
/// - `tk = obj << 21 | tid << 5 | kind`: GIL events (obj 0) of threads 1–3 fit one byte, where the three
///   columns took three header bytes plus their values (https://sqlite.org/fileformat2.html#record_format).
/// - `id` and `ts` are relative to the row's `EventBlock` (schema version 6; before, `id` was
///   `run_id << 32 | seq` and `ts` absolute).
/// The `events` view of docs/contracts.md decodes them, so Queries/ and readers see the same columns.
enum EventRow {
    /// `kind` takes the low 5 bits: every `EventKind` raw value must be below 32 (a test checks).
    static let kindBits: Int64 = 5
    static let kindMask: Int64 = (1 << kindBits) - 1
    /// `tid` (a `UInt16`) takes the next 16 bits; `obj` the rest, sign included.
    static let objShift: Int64 = kindBits + 16

    @inline(__always)
    static func tk(_ event: Event) -> Int64 {
        (Int64(event.obj) << objShift) | (Int64(event.tid) << kindBits) | Int64(event.kindCode)
    }

    /// The event whose columns were read back as (`seq`, `ts`, `tk`, `arg`), block offsets already added.
    @inline(__always)
    static func decode(seq: Int64, ts: Int64, tk: Int64, arg: Int64) -> Event {
        var event = Event(
            seq: seq, ts: ts, tid: UInt16(truncatingIfNeeded: tk >> kindBits), kind: .mark,
            obj: Int32(truncatingIfNeeded: tk >> objShift), arg: arg)
        event.kindCode = UInt8(truncatingIfNeeded: tk & kindMask)
        return event
    }
}
