/// A cap on the size of one object, checked before allocating it. Swift traps when an allocation fails
/// (`Fatal error: failed to allocate … bytes`), so `[0] * 10**10`, `'a' * 10**12` or a list that doubles
/// forever would crash gilrec and lose the run; with the cap they raise MemoryError like CPython does when
/// `malloc` fails (Objects/listobject.c `list_repeat`: `PyErr_NoMemory`), and the run is stored as `error`.
enum AllocationLimit {
    /// The default cap for one object: 2 GiB (`RuntimeOptions.maxObjectBytes`).
    static let defaultBytes = 1 << 31

    /// Throws MemoryError when `count` items of `itemBytes` bytes would exceed `limit`.
    @inline(__always)
    static func check(count: Int, itemBytes: Int, limit: Int) throws {
        let (bytes, overflow) = max(count, 0).multipliedReportingOverflow(by: max(itemBytes, 1))
        if overflow || bytes > limit { try refuse(bytes: overflow ? nil : bytes, limit: limit) }
    }

    /// `count` values in a list or tuple.
    @inline(__always)
    static func checkValues(_ count: Int, _ ctx: ExecutionContext) throws {
        try check(count: count, itemBytes: MemoryLayout<Value>.stride, limit: ctx.maxObjectBytes)
    }

    /// Bytes of a str or bytes object.
    @inline(__always)
    static func checkBytes(_ count: Int, _ ctx: ExecutionContext) throws {
        try check(count: count, itemBytes: 1, limit: ctx.maxObjectBytes)
    }

    /// An int of `bits` bits (`x ** e`, `x << s`); checked against the default cap (int arithmetic has no context).
    @inline(__always)
    static func checkBits(_ bits: Int) throws {
        if bits / 8 > defaultBytes { try refuse(bytes: bits / 8, limit: defaultBytes) }
    }

    @inline(never)
    private static func refuse(bytes: Int?, limit: Int) throws -> Never {
        let size = bytes.map { "\($0) bytes" } ?? "more bytes than fit in 64 bits"
        throw PyException.make(.memoryError, "cannot allocate \(size): one object may take at most \(limit) bytes under gilrec")
    }
}
