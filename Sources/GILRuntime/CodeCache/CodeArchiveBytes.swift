/// Little-endian byte building for the code cache's files (`CodeArchive`).
struct CodeArchiveWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func i32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }

    /// A count or length: 32 bits (nothing in a code object comes near).
    mutating func count(_ n: Int) { i32(Int32(truncatingIfNeeded: n)) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ list: [String]) {
        count(list.count)
        for s in list { string(s) }
    }

    mutating func int32s(_ list: [Int32]) {
        count(list.count)
        for v in list { i32(v) }
    }

    mutating func raw(_ data: [UInt8]) {
        count(data.count)
        bytes.append(contentsOf: data)
    }
}

/// Reading what `CodeArchiveWriter` wrote, every read bounds-checked: a truncated or damaged file is an
/// error (`CodeArchive.Damaged`), never a trap.
struct CodeArchiveReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset == bytes.count }

    private mutating func advance(_ n: Int) throws(CodeArchive.Damaged) -> Int {
        guard n >= 0, n <= bytes.count - offset else { throw CodeArchive.Damaged() }
        let at = offset
        offset += n
        return at
    }

    mutating func u8() throws(CodeArchive.Damaged) -> UInt8 { bytes[try advance(1)] }

    mutating func u16() throws(CodeArchive.Damaged) -> UInt16 {
        UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: try advance(2), as: UInt16.self))
    }

    mutating func i32() throws(CodeArchive.Damaged) -> Int32 {
        Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: try advance(4), as: Int32.self))
    }

    mutating func u64() throws(CodeArchive.Damaged) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: try advance(8), as: UInt64.self))
    }

    mutating func int() throws(CodeArchive.Damaged) -> Int { Int(Int64(bitPattern: try u64())) }

    mutating func count() throws(CodeArchive.Damaged) -> Int {
        let n = Int(try i32())
        guard n >= 0, n <= bytes.count - offset else { throw CodeArchive.Damaged() }  // each item is ≥ 1 byte
        return n
    }

    mutating func bool() throws(CodeArchive.Damaged) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        default: throw CodeArchive.Damaged()
        }
    }

    mutating func string() throws(CodeArchive.Damaged) -> String {
        let n = try count()
        let at = try advance(n)
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<at + n]), as: UTF8.self)
    }

    mutating func strings() throws(CodeArchive.Damaged) -> [String] { try list { (r: inout Self) throws(CodeArchive.Damaged) in try r.string() } }

    mutating func int32s() throws(CodeArchive.Damaged) -> [Int32] { try list { (r: inout Self) throws(CodeArchive.Damaged) in try r.i32() } }

    /// A count, then that many items read by `item`.
    mutating func list<T>(_ item: (inout Self) throws(CodeArchive.Damaged) -> T) throws(CodeArchive.Damaged) -> [T] {
        let n = try count()
        var list: [T] = []
        list.reserveCapacity(n)
        for _ in 0..<n { list.append(try item(&self)) }
        return list
    }

    mutating func raw() throws(CodeArchive.Damaged) -> [UInt8] {
        let n = try count()
        let at = try advance(n)
        return Array(bytes[at..<at + n])
    }
}
