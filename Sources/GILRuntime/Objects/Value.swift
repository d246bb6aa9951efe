import Synchronization
import BigInt

/// A Python value as the VM's registers hold it. The common scalars are inline (no allocation, no ARC);
/// everything else is a reference to a `PyObject`. DESIGN.md §7: this is what keeps the seed loop fast.
enum Value: @unchecked Sendable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case object(PyObject)

    @inline(__always) static func str(_ s: String) -> Value { .object(PyStr(s)) }

    /// An int value, small when it fits, else a `PyBigInt`.
    static func integer(_ b: BigInt) -> Value {
        if let small = Int(exactly: b) { return .int(small) }
        return .object(PyBigInt(b))
    }

    @inline(__always) var asObject: PyObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    @inline(__always) var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// `x is y`: identity for references, equality of the payload for inline scalars (CPython caches
    /// small ints, True/False/None are singletons; floats compare by bit pattern here).
    func isIdentical(_ other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}

/// What kind of object a reference is, stored in the object so hot paths test one byte instead of a
/// dynamic cast.
enum ObjectTag: UInt8 {
    case str, bigint, bytes, tuple, list, dict, set, range, slice
    case function, builtin, boundMethod, type, instance, module, superProxy
    case rangeIterator, sequenceIterator, dictIterator, nativeIterator, cell, dictView, generator
    case setIterator
    case byteArray, array
    /// An instance of a class defined in Python that derives from int, str, list, dict, … : the builtin's
    /// Swift object (so `as? PyList` sees a list), never taken by the fast paths that test the builtin's tag
    /// (so the class's own special methods are honoured). See `BuiltinSubclasses`.
    case subclassed
    /// `complex` (`PyComplex`).
    case complex
}

/// Base of every heap object. Objects are only touched by the thread holding the GIL (or, under the
/// free-threaded policy, under their own `ObjectLock`), which is why sharing them across threads is safe.
class PyObject: @unchecked Sendable {
    final let tag: ObjectTag
    /// Some weak reference to this object has a callback or is counted (`WeakReferences`): its deinit must
    /// tell them. A byte in the header's padding: no object grows.
    final var weaklyReferenced = false
    /// This is a `weakref.ref` in `WeakReferences`' registry: its deinit takes its entry out. Padding too.
    final var isWeakReference = false

    init(tag: ObjectTag) {
        self.tag = tag
    }

    /// Every object that can be weakly referenced reports its death here, whatever its kind (instances,
    /// functions, classes, sets, generators, bound methods, modules, builtins): its references are
    /// unretained pointers that must be cleared before the memory goes (`WeakReferences`).
    deinit {
        if weaklyReferenced { WeakReferences.died(ObjectIdentifier(self)) }
    }
}

/// An int that does not fit in 64 bits (attaswift/BigInt). Results that fit go back to `.int`.
/// (Not final: an instance of an int subclass is a `SubclassedInt`, whose value may be small.)
class PyBigInt: PyObject, @unchecked Sendable {
    let value: BigInt
    /// The magnitude's words (least significant first, no zero on top) when the value was computed as them
    /// (`BigIntWords`): the next operation reads them instead of copying them out of `value` word by word.
    final let words: [UInt]?

    init(_ value: BigInt, tag: ObjectTag = .bigint) {
        self.value = value
        self.words = nil
        super.init(tag: tag)
    }

    init(_ value: BigInt, words: [UInt]) {
        self.value = value
        self.words = words
        super.init(tag: .bigint)
    }
}

/// Minimal `bytes` for `urlopen(...).read()`: len, decode, repr `b'…'`.
class PyBytes: PyObject, @unchecked Sendable {
    let value: [UInt8]
    /// `HashKey.bytesHash` of `value` once computed (0 = not yet: CPython caches `ob_shash` likewise), so
    /// a bytes object used as a dict key again and again (tuples of bytes in a Counter) hashes once.
    private let hashCache = Atomic<Int>(0)

    init(_ value: [UInt8], tag: ObjectTag = .bytes) {
        self.value = value
        super.init(tag: tag)
    }

    var hash: Int {
        let known = hashCache.load(ordering: .relaxed)
        if known != 0 { return known }
        let h = HashKey.bytesHash(value)
        hashCache.store(h, ordering: .relaxed)
        return h
    }
}

class PyTuple: PyObject, @unchecked Sendable {
    /// Never changed after init (`var` only so that `deinit` can hand the elements to the trashcan).
    private(set) var items: [Value]

    init(_ items: [Value], tag: ObjectTag = .tuple) {
        self.items = items
        super.init(tag: tag)
    }

    deinit { Trashcan.release(&items) }
}

/// `range(start, stop, step)`.
final class PyRange: PyObject, @unchecked Sendable {
    let start: Int, stop: Int, step: Int

    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(tag: .range)
    }

    /// Number of items; ranges wider than Int.max count as Int.max (CPython raises OverflowError for len()).
    var count: Int {
        if step > 0 ? start >= stop : start <= stop { return 0 }
        // The distance between two Ints always fits in a UInt: exact where Int subtraction overflowed
        // (`range(3, -2**63 + 1, -2**62)` has 3 items, not Int.max).
        let span = step > 0 ? UInt(bitPattern: stop &- start) : UInt(bitPattern: start &- stop)
        let n = (span - 1) / step.magnitude + 1
        return n > UInt(Int.max) ? Int.max : Int(n)
    }
}

/// `a[lower:upper:step]` as an object.
final class PySlice: PyObject, @unchecked Sendable {
    let lower: Value, upper: Value, step: Value

    init(lower: Value, upper: Value, step: Value) {
        self.lower = lower
        self.upper = upper
        self.step = step
        super.init(tag: .slice)
    }

    /// CPython's `PySlice_AdjustIndices`: (start, stop, step, count) for a sequence of `length`.
    func indices(length: Int) throws -> (start: Int, stop: Int, step: Int, count: Int) {
        // Bounds beyond 64 bits are clamped (`PyNumber_AsSsize_t(v, NULL)`), and the step to ±Int.max so
        // that negating it cannot overflow (Objects/sliceobject.c PySlice_Unpack). None and small ints are
        // read inline; anything else goes through `__index__` out of line.
        @inline(__always) func int(_ v: Value) throws -> Int? {
            switch v {
            case .none: return nil
            case .int(let i): return i
            default: return try Self.index(v)
            }
        }
        let step = try int(self.step)  // PySlice_Unpack's order: step, start, stop
        return try Self.adjust(lower: try int(lower), upper: try int(upper), step: step, length: length)
    }

    /// `PySlice_AdjustIndices` of bounds already read as ints (nil: None), for `indices` and the VM's
    /// slices that build no slice object (`Interpreter.loadSlice`).
    @inline(__always)
    static func adjust(lower: Int?, upper: Int?, step: Int?, length: Int) throws -> (start: Int, stop: Int, step: Int, count: Int) {
        let step = max(step ?? 1, -Int.max)
        if step == 0 { throw PyException.make(.valueError, "slice step cannot be zero") }
        func clamp(_ v: Int?, _ def: Int) -> Int {
            guard var i = v else { return def }
            if i < 0 {
                i += length
                if i < 0 { i = step < 0 ? -1 : 0 }
            } else if i >= length {
                i = step < 0 ? length - 1 : length
            }
            return i
        }
        let start = clamp(lower, step < 0 ? length - 1 : 0)
        let stop = clamp(upper, step < 0 ? -1 : length)
        var count = 0
        if step < 0 {
            if stop < start { count = (start - stop - 1) / (-step) + 1 }
        } else if start < stop {
            count = (stop - start - 1) / step + 1
        }
        return (start, stop, step, count)
    }

    @inline(never)
    private static func index(_ v: Value) throws -> Int {
        guard let i = try Index.clamped(v, CurrentContext.get()) else {
            throw PyException.make(.typeError, "slice indices must be integers or None or have an __index__ method")
        }
        return i
    }
}
