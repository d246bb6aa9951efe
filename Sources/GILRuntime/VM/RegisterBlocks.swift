#if canImport(Glibc)
import Glibc
#endif

/// The register blocks of dead generators, kept per thread by size for the next generator (CPython keeps its
/// frames inside the generator object, one allocation). A coroutine per call (`await f()`) took a malloc and a
/// free for its registers: ~165 instructions each in bm_coroutines, where the recursion frees more blocks of a
/// size than glibc's per-thread cache keeps (7), so most frees took `_int_free`'s slow path.
///
/// Per thread, so no lock under any policy: a block made on one thread and freed on another goes to the
/// second one's cache. A thread's cache is freed when the thread ends (the key's destructor).
enum RegisterBlocks {
    /// Blocks of 1…`largestSize` registers are kept; larger ones go back to malloc.
    static let largestSize = 48
    /// At most this many blocks of one size per thread (a deep recursion frees many at once).
    static let keptPerSize = 32

    /// One size's list, linked through the blocks' first word, and its length.
    struct Slot {
        var head: UnsafeMutableRawPointer?
        var count: Int
    }

    /// This thread's slots, one per size: plain memory, no class (a retain and release of a cache object per
    /// take and give cost more than the malloc saved).
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            guard let raw else { return }
            let slots = raw.assumingMemoryBound(to: Slot.self)
            for size in 0...largestSize {
                var block = slots[size].head
                while let b = block {
                    block = b.load(as: UnsafeMutableRawPointer?.self)
                    free(b)
                }
            }
            free(raw)
        }
        return key
    }()

    @inline(__always)
    private static var slots: UnsafeMutablePointer<Slot> {
        if let raw = pthread_getspecific(key) { return raw.assumingMemoryBound(to: Slot.self) }
        return makeSlots()
    }

    @inline(never)
    private static func makeSlots() -> UnsafeMutablePointer<Slot> {
        let slots = UnsafeMutablePointer<Slot>.mallocated(capacity: largestSize + 1)
        slots.initialize(repeating: Slot(head: nil, count: 0), count: largestSize + 1)
        pthread_setspecific(key, slots)
        return slots
    }

    /// Uninitialized room for `size` registers.
    @inline(__always)
    static func take(_ size: Int) -> UnsafeMutablePointer<Value> {
        if size <= largestSize {
            let slot = slots + size
            if let block = slot.pointee.head {
                slot.pointee.head = block.load(as: UnsafeMutableRawPointer?.self)
                slot.pointee.count -= 1
                return block.bindMemory(to: Value.self, capacity: Swift.max(size, 1))
            }
        }
        return .mallocated(capacity: size)
    }

    /// Gives back a block from `take` whose registers are deinitialized.
    @inline(__always)
    static func give(_ registers: UnsafeMutablePointer<Value>, _ size: Int) {
        if size <= largestSize {
            let slot = slots + size
            if slot.pointee.count < keptPerSize {
                let raw = UnsafeMutableRawPointer(registers)
                raw.storeBytes(of: slot.pointee.head, as: UnsafeMutableRawPointer?.self)
                slot.pointee.head = raw
                slot.pointee.count += 1
                return
            }
        }
        registers.deallocate()
    }
}
