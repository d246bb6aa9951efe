/// `for x in seq` over lists, tuples, dicts and generators without copying the iterator out of its register
/// (CPython 3.11's FOR_ITER_LIST / FOR_ITER_TUPLE; dict and set iterators and generators stepped straight from the loop).
extension Interpreter {
    enum IterationStep {
        case value(Value)
        case exhausted
        /// Not a kind this path knows: the caller takes `iteratorNext`.
        case other
        /// The item went straight into the targets of the `unpack` that follows (`for k, v in d.items()`):
        /// the caller skips that instruction.
        case unpacked
    }

    /// `next` is the instruction after the `forIter` (`at`: its target register). When it unpacks that
    /// register, a temporary, into two targets, a dict items iterator writes the key and the value there
    /// directly: no `(key, value)` tuple made and freed per item (CPython reuses one tuple instead).
    @inline(__always)
    static func forIterBorrowed(
        _ regs: UnsafeMutablePointer<Value>, _ b: Int, _ ctx: ExecutionContext, at target: Int32, next: Instruction, locals: Int32
    ) throws -> IterationStep {
        guard let u = regs.borrowedObject(b) else { return .other }
        return try u._withUnsafeGuaranteedRef { o -> IterationStep in
            switch o.tag {
            case .sequenceIterator:
                let s = unsafeDowncast(o, to: PySequenceIterator.self)
                let source = s.source
                let v: Value?
                switch source.tag {
                case .list: v = unsafeDowncast(source, to: PyList.self).element(atPythonIndex: s.index)
                case .tuple:
                    let t = unsafeDowncast(source, to: PyTuple.self)
                    v = s.index < t.items.count ? t.items[s.index] : nil
                default: return .other
                }
                guard let v else {
                    // Exhausted for good: a list that grows later does not resume this loop (listiter's NULL seq).
                    s.index = Int.max
                    return .exhausted
                }
                s.index += 1
                return .value(v)
            case .dictIterator:
                let d = unsafeDowncast(o, to: PyDictIterator.self)
                if d.mode == .items, next.op == .unpack, next.b == target, next.c == 2, target >= locals,
                   Int(next.a) != b, Int(next.a) + 1 != b {
                    guard let (key, value) = try d.nextPair() else { return .exhausted }
                    regs[Int(next.a)] = key
                    regs[Int(next.a) + 1] = value
                    return .unpacked
                }
                guard let v = try d.next() else { return .exhausted }
                return .value(v)
            case .setIterator:
                guard let v = try unsafeDowncast(o, to: PySetIterator.self).next() else { return .exhausted }
                return .value(v)
            case .generator:
                let g = unsafeDowncast(o, to: PyGenerator.self)
                guard g.kind == .generator else { return .other }
                guard let v = try g.resume(sending: .none, ctx) else { return .exhausted }
                return .value(v)
            default:
                return .other
            }
        }
    }
}
