#if canImport(Glibc)
import Glibc
#endif

/// CPython's trashcan (`Py_TRASHCAN_BEGIN`, Include/cpython/object.h): freeing a deeply nested structure —
/// a list in a list … three million deep, a linked list of instances — recurses once per level through the
/// containers' deinits and overflows the native stack. Containers hand their elements to `release` from
/// `deinit`; past `maxDepth` nested deinits on one thread the elements are parked instead, and the outermost
/// deinit releases the parked ones in a loop, so the stack never holds more than `maxDepth` levels.
enum Trashcan {
    /// Nested deinits allowed before parking: a few kilobytes of stack on any thread.
    static let maxDepth = 50

    /// One per thread (a pthread key: deinits run on whichever thread drops the last reference).
    final class State {
        var depth = 0
        var parked: [Value] = []
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in if let raw { Unmanaged<State>.fromOpaque(raw).release() } }
        return key
    }()

    private static var state: State {
        if let raw = pthread_getspecific(key) { return Unmanaged<State>.fromOpaque(raw).takeUnretainedValue() }
        let created = State()
        pthread_setspecific(key, Unmanaged.passRetained(created).toOpaque())
        return created
    }

    /// Empties `values` (a dying container's elements), releasing them now or, too deep, later.
    static func release(_ values: inout [Value]) {
        guard !values.isEmpty, holdsNestable(values) else { return }
        let s = state
        if s.depth >= maxDepth {
            s.parked.append(contentsOf: values)
            values.removeAll()
            return
        }
        s.depth += 1
        values.removeAll()  // elements whose last reference this was die here, one level deeper
        if s.depth == 1 {
            // One parked value at a time, dropped at the end of each iteration, when no access to `parked`
            // is under way (its deinit may park more).
            while let value = s.parked.popLast() { _ = value }
        }
        s.depth -= 1
    }

    /// Whether any element could start a chain of deinits. A list of ints, floats, strs or big ints dies
    /// without recursion, so it skips the per-thread state (a `pthread_getspecific` per dying list was a
    /// sixteenth of fannkuch). Any other object may reach further (a function holds cells, a cell a function:
    /// `a = (lambda: a)` a hundred thousand deep), so it keeps the trashcan. Elements are inspected in place.
    @inline(__always)
    static func holdsNestable(_ values: [Value]) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            for k in buffer.indices {
                guard case .object = buffer[k] else { continue }
                let o = Unmanaged<PyObject>.fromOpaque(UnsafeRawPointer(buffer.baseAddress! + k).load(as: UnsafeRawPointer.self))
                if o._withUnsafeGuaranteedRef({ !isLeaf($0) }) { return true }
            }
            return false
        }
    }

    /// Objects that hold no other Python objects.
    @inline(__always)
    static func isLeaf(_ o: PyObject) -> Bool {
        switch o.tag {
        case .str, .bigint, .bytes, .range, .complex: true
        default: false
        }
    }

    /// Whether `o` holds other objects a chain could run through (strs, ints and functions end a chain).
    @inline(__always)
    static func canNest(_ o: PyObject) -> Bool {
        switch o.tag {
        case .list, .tuple, .dict, .set, .instance, .cell, .boundMethod, .generator: true
        default: false
        }
    }

    /// One element (a cell's value).
    static func release(_ value: inout Value?) {
        guard case .object = value else { return }
        var values = [value!]
        value = nil
        release(&values)
    }
}
