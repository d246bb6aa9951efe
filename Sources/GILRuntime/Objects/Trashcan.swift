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
        guard !values.isEmpty else { return }
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
