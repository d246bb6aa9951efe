/// A compact byte encoding of one state's slices in the order they are to be inserted, for `SliceStaging`:
/// per slice the start as a difference from the previous slice's start, then thread, object, duration and stack,
/// each zigzag-encoded and written as a LEB128 varint (https://protobuf.dev/programming-guides/encoding/).
/// GIL slices take ~6–9 bytes instead of 32, and writing one costs a few dozen instructions where a
/// SQLite row cost ~2,000 (measured at finish, docs/recording-cost.md).
struct SlicePacker {
    private(set) var bytes: [UInt8] = []
    private var previousTs: Int64 = 0

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ slice: Slice) {
        put(slice.ts &- previousTs)
        previousTs = slice.ts
        put(Int64(slice.tid))
        put(Int64(slice.obj))
        put(slice.dur)
        put(Int64(slice.stack))
    }

    /// Empties the bytes; the next start is still encoded against the last one appended.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func put(_ value: Int64) {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while zigzag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }
}

/// Reads back what `SlicePacker` wrote, across consecutive byte chunks (carry it from one to the next).
struct SliceUnpacker {
    private var previousTs: Int64 = 0
    let state: SliceState

    init(state: SliceState) {
        self.state = state
    }

    /// Calls `body` with each slice packed in `bytes`. Throws `StoreError.corruptStaging` on truncated input.
    mutating func forEach(in bytes: UnsafeRawBufferPointer, _ body: (Slice) throws -> Void) throws {
        var offset = 0
        func get() throws -> Int64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard offset < bytes.count, shift < 64 else { throw StoreError.corruptStaging }
                let byte = bytes[offset]
                offset += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1)
        }
        while offset < bytes.count {
            let ts = previousTs &+ (try get())
            previousTs = ts
            let tid = Int32(truncatingIfNeeded: try get())
            let obj = Int32(truncatingIfNeeded: try get())
            let dur = try get()
            let stack = Int32(truncatingIfNeeded: try get())
            try body(Slice(tid: tid, obj: obj, state: state, ts: ts, dur: dur, stack: stack))
        }
    }
}
