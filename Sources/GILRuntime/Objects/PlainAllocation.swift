#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeMutablePointer {
    /// Uninitialized room for `capacity` values from plain `malloc` (at least one value's worth).
    ///
    /// `allocate(capacity:)` asks the Swift runtime for its aligned path even for 8-byte alignment, which on
    /// Linux is `posix_memalign`: it bypasses glibc's per-thread cache (tcache), so every coroutine's
    /// registers, dict and set table went through `_int_malloc`/`_int_free` and `malloc_consolidate`
    /// (~800 instructions per coroutine in bm_coroutines, a third of its run). `malloc` returns 16-byte
    /// aligned memory from the cache. Release it with `deallocate()` as usual: the runtime frees both kinds
    /// with `free` on Linux.
    @inline(__always)
    static func mallocated(capacity: Int) -> UnsafeMutablePointer<Pointee> {
        assert(MemoryLayout<Pointee>.alignment <= 16, "malloc aligns to 16 bytes")
        let bytes = MemoryLayout<Pointee>.stride * Swift.max(capacity, 1)
        guard let raw = malloc(bytes) else { fatalError("out of memory allocating \(bytes) bytes") }
        return raw.bindMemory(to: Pointee.self, capacity: Swift.max(capacity, 1))
    }
}
