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
        switch o {
        case let r as PyRange: return .object(PyRangeIterator(r))
        case let r as PyBigRange: return .object(r.iterator())
        case is PyList, is PyTuple, is PyStr, is PyBytes, is PyByteArray, is PyArray: return .object(PySequenceIterator(o))
        case let d as PyDict: return .object(PyDictIterator(d, .keys))
        case let v as PyDictView: return .object(PyDictIterator(v.dict, v.mode))
        case let s as PySet: return .object(PySequenceIterator(PyTuple(s.elements)))
        case let g as PyGenerator where g.kind != .generator:
            throw PyException.make(.typeError, "'\(g.pythonType.name)' object is not iterable")
        case is PyRangeIterator, is PySequenceIterator, is PyDictIterator, is PyNativeIterator, is PyGenerator: return v
        case let i as PyInstance:
            if let f = i.type.lookup("__iter__") { return try ctx.call(f, [v]) }
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
    switch o {
    case let r as PyRangeIterator:
        let i = r.next
        if r.step > 0 ? i >= r.stop : i <= r.stop { return nil }
        let (n, wrapped) = i.addingReportingOverflow(r.step)
        r.next = wrapped ? r.stop : n
        return .int(i)
    case let s as PySequenceIterator:
        defer { s.index += 1 }
        switch s.source {
        case let l as PyList: return l.element(at: s.index)
        case let t as PyTuple: return s.index < t.items.count ? t.items[s.index] : nil
        case let str as PyStr:
            let sc = str.scalars
            return s.index < sc.count ? .str(String(sc[s.index])) : nil
        case let b as PyBytes: return s.index < b.value.count ? .int(Int(b.value[s.index])) : nil
        case let b as PyByteArray: return b.withBytes { s.index < $0.count ? .int(Int($0[s.index])) : nil }
        case let a as PyArray: return a.withItems { s.index < $0.count ? $0[s.index] : nil }
        default: return nil
        }
    case let d as PyDictIterator:
        if d.dict.count != d.initialCount {
            throw PyException.make(.runtimeError, "dictionary changed size during iteration")
        }
        while d.position < d.dict.rawCount {
            defer { d.position += 1 }
            if let (k, v) = d.dict.entry(at: d.position) {
                switch d.mode {
                case .keys: return k
                case .values: return v
                case .items: return .object(PyTuple([k, v]))
                }
            }
        }
        return nil
    case let n as PyNativeIterator: return try n.step(ctx)
    case let g as PyGenerator:
        if g.kind != .generator { throw PyException.make(.typeError, "'\(g.pythonType.name)' object is not an iterator") }
        return try g.resume(sending: .none, ctx)
    case let i as PyInstance:
        guard let f = i.type.lookup("__next__") else { break }
        do {
            return try ctx.call(f, [it])
        } catch let e as PyException where e.matches(.stopIteration) {
            return nil
        }
    default: break
    }
    throw PyException.make(.typeError, "'\(typeName(it))' object is not an iterator")
}

/// Everything an iterable yields, as an array.
func collect(_ v: Value, _ ctx: ExecutionContext) throws -> [Value] {
    if case .object(let o) = v, o.tag != .subclassed || SpecialMethods.hook(o, "__iter__") == nil {
        if let l = o as? PyList { return l.items }
        if let t = o as? PyTuple { return t.items }
        if let r = o as? PyRange {  // list(range(10**10)): refuse at once rather than grow for minutes
            let (span, overflow) = r.step > 0 ? r.stop.subtractingReportingOverflow(r.start) : r.start.subtractingReportingOverflow(r.stop)
            let count = overflow ? Int.max : span <= 0 ? 0 : Int((UInt(span) - 1) / r.step.magnitude + 1)
            try AllocationLimit.checkValues(count, ctx)
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
