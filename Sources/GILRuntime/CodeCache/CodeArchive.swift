import BigInt

/// A compiled program as bytes and back: the code cache's file format (our `.pyc`, PEP 3147/552 in spirit).
///
///     "GILRCODE"  format version (u32)  body length (u64)  checksum of the body (u64)
///     body: key (bytes the reader must find identical), global names, the module's code object
///
/// A code object is written field by field, its constants tagged (nested code objects recursively), so that
/// reading it back gives a code object the disassembler prints identically. Every read is bounds-checked and
/// the checksum catches a damaged body, so a bad file is rejected, never run.
enum CodeArchive {
    /// Bump when the layout below changes. (The build fingerprint in the key changes with every rebuild
    /// anyway; this number only tells a human reading a file which layout it has.)
    static let formatVersion: UInt32 = 1
    static let magic = Array("GILRCODE".utf8)
    static let headerSize = 8 + 4 + 8 + 8

    /// A truncated, damaged or foreign file.
    struct Damaged: Error {}
    /// A constant the format has no tag for (the program is then simply not cached).
    struct Unencodable: Error {}

    // MARK: - Writing

    static func encode(_ program: CompiledProgram, key: [UInt8]) throws(Unencodable) -> [UInt8] {
        var body = CodeArchiveWriter(capacity: 64 * 1024)
        body.raw(key)
        body.strings(program.globalNames)
        try encode(program.module, into: &body)
        var file = CodeArchiveWriter(capacity: headerSize + body.bytes.count)
        for b in magic { file.u8(b) }
        file.i32(Int32(bitPattern: formatVersion))
        file.u64(UInt64(body.bytes.count))
        file.u64(checksum(body.bytes))
        return file.bytes + body.bytes
    }

    private static func encode(_ code: CodeObject, into w: inout CodeArchiveWriter) throws(Unencodable) {
        switch code.kind {
        case .module: w.u8(0)
        case .function: w.u8(1)
        case .classBody: w.u8(2)
        }
        w.string(code.name)
        w.string(code.qualifiedName)
        w.string(code.fileName)
        w.i32(code.firstLine)
        w.count(code.instructions.count)
        for i in code.instructions {
            w.u8(i.op.rawValue)
            w.u16(i.d)
            w.i32(i.a)
            w.i32(i.b)
            w.i32(i.c)
        }
        w.int32s(code.lines)
        w.count(code.constants.count)
        for c in code.constants { try encode(c, into: &w) }
        w.strings(code.names)
        w.count(code.exceptionTable.count)
        for e in code.exceptionTable {
            w.i32(e.start)
            w.i32(e.end)
            w.i32(e.handler)
            w.i32(e.depth)
        }
        w.i32(code.localCount)
        w.i32(code.constantBase)
        w.i32(code.frameSize)
        w.strings(code.parameterNames)
        w.int(code.positionalCount)
        w.int(code.positionalOnlyCount)
        w.int(code.keywordOnlyCount)
        w.u16(flags(code))
        w.int32s(code.cellRegisters)
        w.int32s(code.freeRegisters)
        if let doc = code.docstring {
            w.u8(1)
            w.string(doc)
        } else {
            w.u8(0)
        }
        let assigned = code.assignmentNames.sorted { $0.key < $1.key }
        w.count(assigned.count)
        for (pc, name) in assigned {
            w.i32(pc)
            w.string(name)
        }
    }

    enum Tag: UInt8 {
        case none, `false`, `true`, int, float, str, bytes, bigInt, complex, ellipsis, tuple, code, asyncForEnd
    }

    private static func encode(_ v: Value, into w: inout CodeArchiveWriter) throws(Unencodable) {
        switch v {
        case .none: w.u8(Tag.none.rawValue)
        case .bool(let b): w.u8(b ? Tag.true.rawValue : Tag.false.rawValue)
        case .int(let i):
            w.u8(Tag.int.rawValue)
            w.int(i)
        case .float(let d):
            w.u8(Tag.float.rawValue)
            w.u64(d.bitPattern)
        case .object(let o):
            // Exact classes only: the compiler never makes subclass instances, and a subclass would not
            // come back as itself.
            if type(of: o) == PyStr.self, let s = o as? PyStr {
                w.u8(Tag.str.rawValue)
                w.string(s.value)
            } else if type(of: o) == PyBytes.self, let b = o as? PyBytes {
                w.u8(Tag.bytes.rawValue)
                w.raw(b.value)
            } else if type(of: o) == PyBigInt.self, let b = o as? PyBigInt {
                w.u8(Tag.bigInt.rawValue)
                w.string(String(b.value, radix: 16))
            } else if let c = o as? PyComplex {
                w.u8(Tag.complex.rawValue)
                w.u64(c.real.bitPattern)
                w.u64(c.imag.bitPattern)
            } else if o === BuiltinTypes.ellipsis {
                w.u8(Tag.ellipsis.rawValue)
            } else if o === Coroutines.asyncForEnd {
                w.u8(Tag.asyncForEnd.rawValue)
            } else if type(of: o) == PyTuple.self, let t = o as? PyTuple {
                w.u8(Tag.tuple.rawValue)
                w.count(t.items.count)
                for item in t.items { try encode(item, into: &w) }
            } else if let c = o as? CodeConstant {
                w.u8(Tag.code.rawValue)
                try encode(c.code, into: &w)
            } else {
                throw Unencodable()
            }
        }
    }

    private static func flags(_ c: CodeObject) -> UInt16 {
        let bits = [c.hasVarArgs, c.hasVarKeywords, c.usesSuper, c.resumeChecks, c.needsUnboundMarkers,
                    c.isGenerator, c.isCoroutine, c.isAsyncGenerator]
        var f: UInt16 = 0
        for (k, set) in bits.enumerated() where set { f |= 1 << k }
        return f
    }

    /// 64-bit multiply-xorshift over 8-byte words (then the tail): a damaged-file check, not a MAC.
    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var k = 0
        while k + 8 <= bytes.count {
            h = (h ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: k, as: UInt64.self))) &* 0x100_0000_01b3
            h ^= h >> 29
            k += 8
        }
        while k < bytes.count {
            h = (h ^ UInt64(bytes[k])) &* 0x100_0000_01b3
            k += 1
        }
        return h ^ (h >> 32)
    }
}
