/// Iterator over a `range`: the seed loop's `for i in range(10**7)` runs on this in the VM's fast path.
final class PyRangeIterator: PyObject, @unchecked Sendable {
    var next: Int
    let stop: Int
    let step: Int

    init(_ r: PyRange) {
        next = r.start
        stop = r.stop
        step = r.step
        super.init(tag: .rangeIterator)
    }

    init(next: Int, stop: Int, step: Int) {
        self.next = next
        self.stop = stop
        self.step = step
        super.init(tag: .rangeIterator)
    }
}

extension PyRangeIterator {
    /// `reversed(range(…))` (range_reverse): counts down from the last element in the loop's own range
    /// iterator. Nil when a bound would overflow (the caller then takes the general path).
    static func reversed(_ r: PyRange) -> PyRangeIterator? {
        let n = r.count
        if n == 0 { return PyRangeIterator(next: 0, stop: 0, step: -1) }
        let (span, o1) = (n - 1).multipliedReportingOverflow(by: r.step)
        let (last, o2) = r.start.addingReportingOverflow(span)
        let (end, o3) = r.start.subtractingReportingOverflow(r.step)
        let (step, o4) = 0.subtractingReportingOverflow(r.step)
        if o1 || o2 || o3 || o4 || n == Int.max { return nil }
        return PyRangeIterator(next: last, stop: end, step: step)
    }
}

/// `reversed(x)` of an exact range, list or tuple without copying it: a range counts down, a list is read by
/// a falling index at each step (listreviter_next: a list that shrank below the index ends the iteration),
/// as CPython's reverse iterators do. Before, every call collected the sequence into a new array first.
func reversedNative(_ v: Value) -> PyObject? {
    guard case .object(let o) = v else { return nil }
    switch o.tag {
    case .range: return PyRangeIterator.reversed(unsafeDowncast(o, to: PyRange.self))
    case .list:
        let l = unsafeDowncast(o, to: PyList.self)
        var k = l.count - 1
        return PyNativeIterator("reversed") { _ in
            guard k >= 0, let v = l.element(at: k) else {
                k = -1
                return nil
            }
            k -= 1
            return v
        }
    case .tuple:
        let t = unsafeDowncast(o, to: PyTuple.self)
        var k = t.items.count
        return PyNativeIterator("reversed") { _ in
            guard k > 0 else { return nil }
            k -= 1
            return t.items[k]
        }
    default: return nil
    }
}

/// `reversed(x)` of what is not a builtin sequence (reversed_new): a class's `__len__` and `__getitem__`,
/// called lazily from index len - 1 down (IndexError or StopIteration ends it early); sets, iterators,
/// generators, numbers and classes without both methods raise "'set' object is not reversible". Nil for the
/// builtin sequences the caller still collects (str, bytes, dicts and their views, subclasses).
func reversedSequence(_ v: Value, _ ctx: ExecutionContext) throws -> PyObject? {
    func notReversible() -> PyException { PyException.make(.typeError, "'\(typeName(v))' object is not reversible") }
    guard case .object(let o) = v else { throw notReversible() }
    switch o.tag {
    case .set, .generator, .rangeIterator, .sequenceIterator, .dictIterator, .nativeIterator, .setIterator: throw notReversible()
    default: break
    }
    guard let instance = o as? PyInstance else { return nil }
    guard let getItem = instance.type.lookup("__getitem__"), instance.type.lookup("__len__") != nil else { throw notReversible() }
    var k = try length(v, ctx)
    return PyNativeIterator("reversed") { ctx in
        guard k > 0 else { return nil }
        k -= 1
        do {
            return try ctx.call(getItem, [v, .int(k)])
        } catch let e as PyException where e.matches(.indexError) || e.matches(.stopIteration) {
            k = 0
            return nil
        }
    }
}

/// Iterator over a list, tuple, str or bytes by index (a list may grow while iterated, as in CPython).
final class PySequenceIterator: PyObject, @unchecked Sendable {
    let source: PyObject
    var index = 0

    init(_ source: PyObject) {
        self.source = source
        super.init(tag: .sequenceIterator)
    }
}

/// Iterator over a dict's keys, values or items (walks the entry array; tombstones skipped).
final class PyDictIterator: PyObject, @unchecked Sendable {
    enum Mode { case keys, values, items }
    let dict: PyDict
    let mode: Mode
    var position = 0
    let initialCount: Int

    init(_ dict: PyDict, _ mode: Mode) {
        self.dict = dict
        self.mode = mode
        initialCount = dict.count
        super.init(tag: .dictIterator)
    }

    /// CPython's dictiter_iternextkey/value/item: the next entry, nil at the end; a dict whose size changed
    /// since the iterator was made is an error.
    func next() throws -> Value? {
        if dict.count != initialCount {
            throw PyException.make(.runtimeError, "dictionary changed size during iteration")
        }
        guard let (item, after) = dict.nextEntry(from: position, mode) else {
            position = Swift.max(position, dict.rawCount)
            return nil
        }
        position = after
        return item
    }

    /// `next()` of an items iterator as its key and value, without the tuple.
    func nextPair() throws -> (key: Value, value: Value)? {
        if dict.count != initialCount {
            throw PyException.make(.runtimeError, "dictionary changed size during iteration")
        }
        guard let (key, value, after) = dict.nextPair(from: position) else {
            position = Swift.max(position, dict.rawCount)
            return nil
        }
        position = after
        return (key, value)
    }
}

/// Any other iterator: a Swift closure (enumerate, zip, map, filter, reversed, dict views of sets…).
final class PyNativeIterator: PyObject, @unchecked Sendable {
    let name: String
    let step: (ExecutionContext) throws -> Value?

    init(_ name: String, _ step: @escaping (ExecutionContext) throws -> Value?) {
        self.name = name
        self.step = step
        super.init(tag: .nativeIterator)
    }
}

/// `iter(x)`.
func makeIterator(_ v: Value, _ ctx: ExecutionContext) throws -> Value {
    if case .object(let o) = v, let f = SpecialMethods.hook(o, "__iter__") { return try ctx.call(f, [v]) }
    return try makeIteratorNative(v, ctx)
}

/// `iter(x)` as the builtin type makes it (`list.__iter__(self)`).
func makeIteratorNative(_ v: Value, _ ctx: ExecutionContext) throws -> Value {
    if case .object(let o) = v {
        // By tag first: a chain of dynamic casts cost every `for` over an instance or a generator ~10 failed casts.
        switch o.tag {
        case .range: return .object(PyRangeIterator(unsafeDowncast(o, to: PyRange.self)))
        case .list, .tuple, .str, .bytes: return .object(PySequenceIterator(o))
        case .dict: return .object(PyDictIterator(unsafeDowncast(o, to: PyDict.self), .keys))
        case .dictView:
            let view = unsafeDowncast(o, to: PyDictView.self)
            return .object(PyDictIterator(view.dict, view.mode))
        case .set: return .object(PySetIterator(unsafeDowncast(o, to: PySet.self)))
        case .rangeIterator, .sequenceIterator, .dictIterator, .nativeIterator, .setIterator: return v
        case .instance:
            // vm: before the cast chain below (ten failed casts per `yield from node`).
            if let f = unsafeDowncast(o, to: PyInstance.self).type.special(.iter) { return try Interpreter.callSpecial(f, v, ctx) }
        case .generator:
            // `for v in (genexp)`: by tag, not through the cast chain below (six failed casts per loop).
            let g = unsafeDowncast(o, to: PyGenerator.self)
            if g.kind != .generator { throw PyException.make(.typeError, "'\(g.pythonType.name)' object is not iterable") }
            return v
        default: break
        }
        switch o {
        case let r as PyRange: return .object(PyRangeIterator(r))
        case let r as PyBigRange: return .object(r.iterator())
        case is PyList, is PyTuple, is PyStr, is PyBytes, is PyByteArray, is PyArray: return .object(PySequenceIterator(o))
        case let d as PyDict: return .object(PyDictIterator(d, .keys))
        case let v as PyDictView: return .object(PyDictIterator(v.dict, v.mode))
        case let s as PySet: return .object(PySetIterator(s))
        case let g as PyGenerator where g.kind != .generator:
            throw PyException.make(.typeError, "'\(g.pythonType.name)' object is not iterable")
        case is PyRangeIterator, is PySequenceIterator, is PyDictIterator, is PyNativeIterator, is PySetIterator, is PyGenerator: return v
        case let i as PyInstance:
            if let f = i.type.special(.iter) { return try Interpreter.callSpecial(f, v, ctx) }
            if let f = i.type.lookup("__getitem__") {
                var index = 0
                return .object(PyNativeIterator("iterator") { ctx in
                    do {
                        let x = try ctx.call(f, [v, .int(index)])
                        index += 1
                        return x
                    } catch let e as PyException where e.matches(.indexError) || e.matches(.stopIteration) {
                        return nil
                    }
                })
            }
        default: break
        }
    }
    throw PyException.make(.typeError, "'\(typeName(v))' object is not iterable")
}

/// `next(it)` without the exception: nil when exhausted.
func iteratorNext(_ it: Value, _ ctx: ExecutionContext) throws -> Value? {
    guard case .object(let o) = it else { throw PyException.make(.typeError, "'\(typeName(it))' object is not an iterator") }
    switch o.tag {
    case .generator:
        let g = unsafeDowncast(o, to: PyGenerator.self)
        guard g.kind == .generator else { return try iteratorNextOther(o, it, ctx) }
        return try g.resume(sending: .none, ctx)
    case .sequenceIterator:
        let s = unsafeDowncast(o, to: PySequenceIterator.self)
        let source = s.source
        let v: Value?
        switch source.tag {
        case .list: v = unsafeDowncast(source, to: PyList.self).element(at: s.index)
        case .tuple:
            let t = unsafeDowncast(source, to: PyTuple.self)
            v = s.index < t.items.count ? t.items[s.index] : nil
        case .str:
            let sc = unsafeDowncast(source, to: PyStr.self).scalars
            v = s.index < sc.count ? .object(PyStr.character(sc[s.index])) : nil
        case .bytes:
            let b = unsafeDowncast(source, to: PyBytes.self)
            v = s.index < b.value.count ? .int(Int(b.value[s.index])) : nil
        case .subclassed where source is PyList:
            // A list subclass (deltablue's `OrderedCollection`), without iteratorNextOther's casts.
            v = unsafeDowncast(source, to: PyList.self).element(at: s.index)
        default: return try iteratorNextOther(o, it, ctx)
        }
        // Exhausted for good (listiter drops its list): a list that grows afterwards yields nothing more.
        if v == nil { s.index = Int.max } else { s.index += 1 }
        return v
    case .nativeIterator: return try unsafeDowncast(o, to: PyNativeIterator.self).step(ctx)
    case .dictIterator: return try unsafeDowncast(o, to: PyDictIterator.self).next()
    case .setIterator: return try unsafeDowncast(o, to: PySetIterator.self).next()
    default: return try iteratorNextOther(o, it, ctx)
    }
}

/// `iteratorNext` for range iterators, other sequences and instances defining `__next__`.
private func iteratorNextOther(_ o: PyObject, _ it: Value, _ ctx: ExecutionContext) throws -> Value? {
    switch o {
    case let r as PyRangeIterator:
        let i = r.next
        if r.step > 0 ? i >= r.stop : i <= r.stop { return nil }
        let (n, wrapped) = i.addingReportingOverflow(r.step)
        r.next = wrapped ? r.stop : n
        return .int(i)
    case let s as PySequenceIterator:
        // Sequences other than list/tuple/str/bytes (bytearray, array.array, subclass instances).
        let v: Value?
        switch s.source {
        case let l as PyList: v = l.element(at: s.index)
        case let t as PyTuple: v = s.index < t.items.count ? t.items[s.index] : nil
        case let str as PyStr:
            let sc = str.scalars
            v = s.index < sc.count ? .object(PyStr.character(sc[s.index])) : nil
        case let b as PyBytes: v = s.index < b.value.count ? .int(Int(b.value[s.index])) : nil
        case let b as PyByteArray: v = b.withBytes { s.index < $0.count ? .int(Int($0[s.index])) : nil }
        case let a as PyArray: v = a.withItems { s.index < $0.count ? $0[s.index] : nil }
        default: v = nil
        }
        if v == nil { s.index = Int.max } else { s.index += 1 }
        return v
    case let g as PyGenerator:
        if g.kind != .generator { throw PyException.make(.typeError, "'\(g.pythonType.name)' object is not an iterator") }
        return try g.resume(sending: .none, ctx)
    case let i as PyInstance:
        guard let f = i.type.special(.next) else { break }
        do {
            return try Interpreter.callSpecial(f, it, ctx)
        } catch let e as PyException where e.matches(.stopIteration) {
            return nil
        }
    default: break
    }
    throw PyException.make(.typeError, "'\(typeName(it))' object is not an iterator")
}

/// Everything an iterable yields, as an array.
func collect(_ v: Value, _ ctx: ExecutionContext) throws -> [Value] {
    if case .object(let o) = v {
        if o.tag == .list { return unsafeDowncast(o, to: PyList.self).items }
        if o.tag == .tuple { return unsafeDowncast(o, to: PyTuple.self).items }
        if o.tag == .generator { return try collectGenerator(unsafeDowncast(o, to: PyGenerator.self), ctx) }
        if o.tag == .set { return unsafeDowncast(o, to: PySet.self).elements }  // one lock, no iterator object
    }
    if case .object(let o) = v, o.tag != .subclassed || SpecialMethods.hook(o, "__iter__") == nil {
        if let l = o as? PyList { return l.items }
        if let t = o as? PyTuple { return t.items }
        if let r = o as? PyRange {  // list(range(10**10)): refuse at once rather than grow for minutes
            try AllocationLimit.checkValues(r.count, ctx)
        }
    }
    let it = try makeIterator(v, ctx)
    var out: [Value] = []
    while let x = try iteratorNext(it, ctx) {
        out.append(x)
        if out.count & 0xFFFF == 0 { try AllocationLimit.checkValues(out.count, ctx) }  // any endless iterator
    }
    return out
}

/// `tuple(x for x in …)`, `list(genexp)`: resumes the generator straight from here (no iterator dispatch per
/// item) into an array that starts with room for 8, instead of growing 1, 2, 4, 8 (three reallocations for the
/// typical short generator expression).
@inline(never)
func collectGenerator(_ g: PyGenerator, _ ctx: ExecutionContext) throws -> [Value] {
    guard g.kind == .generator else { throw PyException.make(.typeError, "'\(g.pythonType.name)' object is not iterable") }
    guard g.installSink(.array) else {
        var out: [Value] = []
        out.reserveCapacity(8)
        while let x = try g.resume(sending: .none, ctx) {
            out.append(x)
            if out.count & 0xFFFF == 0 { try AllocationLimit.checkValues(out.count, ctx) }  // an endless generator
        }
        return out
    }
    // Values taken inside the generator's activation (PyGenerator.Sink.array); the ones it hands back arrive here.
    defer { g.removeSink() }
    g.sinkValues.reserveCapacity(8)
    while let x = try g.resume(sending: .none, ctx) {
        g.sinkValues.append(x)
        if g.sinkValues.count & 0xFFFF == 0 { try AllocationLimit.checkValues(g.sinkValues.count, ctx) }
    }
    var out: [Value] = []
    swap(&out, &g.sinkValues)
    return out
}

/// `collect` for a statement that names its own error when `v` is not iterable at all: unpacking ("cannot
/// unpack non-iterable int object", unpack_iterable) and slice assignment ("can only assign an iterable").
/// A TypeError raised inside a class's own `__iter__` or while iterating is left as it is.
func collect(_ v: Value, _ ctx: ExecutionContext, notIterable message: @autoclosure () -> String) throws -> [Value] {
    if case .object(let o) = v, o.tag == .list || o.tag == .tuple || o.tag == .generator { return try collect(v, ctx) }
    let it: Value
    do {
        it = try makeIterator(v, ctx)
    } catch let e as PyException where e.matches(.typeError) {
        if case .object(let i as PyInstance) = v, i.type.lookup("__iter__") != nil { throw e }
        throw PyException.make(.typeError, message())
    }
    var out: [Value] = []
    while let x = try iteratorNext(it, ctx) {
        out.append(x)
        if out.count & 0xFFFF == 0 { try AllocationLimit.checkValues(out.count, ctx) }  // any endless iterator
    }
    return out
}
