/// `x[k]`, `x[k] = v` and `k in x` for list[int] (tuple[int], bytes[int] for loads) and dict/set with int or str keys, with the container and
/// the key borrowed from their registers (`borrowedObject`, VM/Registers.swift): no retain/release pair per
/// operand, which was about half the cost of a dict subscript (CPython's BINARY_SUBSCR_DICT /
/// BINARY_SUBSCR_LIST_INT / STORE_SUBSCR_DICT specialisations, Python/bytecodes.c).
///
/// Each returns nil (nothing done) when it does not apply — another type, another key type, a missing key —
/// and the VM then takes the general path, which raises the right error. Keys are limited to int and str so
/// that a retry on the general path never calls a user `__hash__` twice. The containers' own locks are
/// still taken, so these paths are also correct under the free-threaded policy.
extension Interpreter {
    /// `regs[b][regs[c]]`, or nil.
    @inline(__always)
    static func loadSubscriptFast(_ regs: UnsafeMutablePointer<Value>, _ b: Int, _ c: Int) -> Value? {
        guard let u = regs.borrowedObject(b) else { return nil }
        return u._withUnsafeGuaranteedRef { o -> Value? in
            switch o.tag {
            case .list:
                guard case .int(let i) = regs[c] else { return nil }
                return unsafeDowncast(o, to: PyList.self).element(atPythonIndex: i)
            case .dict:
                guard let h = DictHash.simple(at: regs + c) else { return nil }
                let d = unsafeDowncast(o, to: PyDict.self)
                return d.lock.withLock { DictTable.get(d.table, at: regs + c, h) }
            case .tuple:
                guard case .int(let i) = regs[c] else { return nil }
                return unsafeDowncast(o, to: PyTuple.self).items.withUnsafeBufferPointer { items in
                    let j = i < 0 ? i &+ items.count : i
                    return j >= 0 && j < items.count ? items[j] : nil
                }
            case .bytes:
                // `key[0]` of each opcode the pure-Python unpickler reads (BINARY_SUBSCR on bytes went through
                // Subscript.get's general path: ~400 instructions).
                guard case .int(let i) = regs[c] else { return nil }
                return unsafeDowncast(o, to: PyBytes.self).value.withUnsafeBufferPointer { bytes in
                    let j = i < 0 ? i &+ bytes.count : i
                    return j >= 0 && j < bytes.count ? .int(Int(bytes[j])) : nil
                }
            default:
                return nil
            }
        }
    }

    /// `regs[a][regs[b]] = regs[c]`; false when not done.
    @inline(__always)
    static func storeSubscriptFast(_ regs: UnsafeMutablePointer<Value>, _ a: Int, _ b: Int, _ c: Int) -> Bool {
        guard let u = regs.borrowedObject(a) else { return false }
        return u._withUnsafeGuaranteedRef { o -> Bool in
            switch o.tag {
            case .list:
                guard case .int(let i) = regs[b] else { return false }
                return unsafeDowncast(o, to: PyList.self).setElement(atPythonIndex: i, regs[c])
            case .dict:
                guard let h = DictHash.simple(at: regs + b) else { return false }
                let d = unsafeDowncast(o, to: PyDict.self)
                d.lock.withLock { DictTable.set(d.table, at: regs + b, h, regs[c]) }
                return true
            default:
                return false
            }
        }
    }

    /// `regs[b] in regs[c]` for a dict or set container; nil when not done.
    @inline(__always)
    static func containsFast(_ regs: UnsafeMutablePointer<Value>, _ b: Int, _ c: Int) -> Bool? {
        guard let u = regs.borrowedObject(c) else { return nil }
        return u._withUnsafeGuaranteedRef { o -> Bool? in
            switch o.tag {
            case .dict:
                let d = unsafeDowncast(o, to: PyDict.self)
                guard let h = DictHash.simple(at: regs + b) else { return nil }
                return d.lock.withLock { DictTable.find(d.table, at: regs + b, h).entry >= 0 }
            case .set:
                let s = unsafeDowncast(o, to: PySet.self)
                guard let h = DictHash.simple(at: regs + b) else { return nil }
                return s.lock.withLock { SetTable.find(s.table, regs[b], h) != nil }
            default: return nil
            }
        }
    }
}

extension Interpreter {
    /// `regs[b] + regs[c]` for two strs (both borrowed); nil otherwise, or when the result is big enough
    /// that the general path must check it against the object size cap (`AllocationLimit`).
    @inline(__always)
    static func concatFast(_ regs: UnsafeMutablePointer<Value>, _ b: Int, _ c: Int) -> Value? {
        guard let u = regs.borrowedObject(b), let w = regs.borrowedObject(c) else { return nil }
        return u._withUnsafeGuaranteedRef { x -> Value? in
            w._withUnsafeGuaranteedRef { y -> Value? in
                guard x.tag == .str && y.tag == .str else { return nil }
                let l = unsafeDowncast(x, to: PyStr.self), r = unsafeDowncast(y, to: PyStr.self)
                guard l.value.utf8.count + r.value.utf8.count < 1 << 20 else { return nil }
                return .object(StrBuild.concat(l, r))
            }
        }
    }
}

extension DictHash {
    /// The hash of an int or str key read in place from a register; nil for every other key.
    @inline(__always)
    static func simple(at p: UnsafeMutablePointer<Value>) -> DictHash? {
        if case .int(let i) = p.pointee { return DictHash(int: CPythonHash.int(i)) }
        guard let u = p.borrowedObject(0) else { return nil }
        return u._withUnsafeGuaranteedRef { o -> DictHash? in
            o.tag == .str ? DictHash(int: unsafeDowncast(o, to: PyStr.self).hash) : nil
        }
    }
}

extension PyList {
    /// `l[i]` for an int index (negative counts from the end); nil when out of range.
    @inline(__always)
    func element(atPythonIndex i: Int) -> Value? {
        withItems { items in
            let j = i < 0 ? i &+ items.count : i
            return j >= 0 && j < items.count ? items[j] : nil
        }
    }

    /// `l[i] = v`; false when out of range (the general path raises IndexError).
    @inline(__always)
    func setElement(atPythonIndex i: Int, _ v: Value) -> Bool {
        withItems { items in
            let j = i < 0 ? i &+ items.count : i
            guard j >= 0 && j < items.count else { return false }
            items[j] = v
            return true
        }
    }
}
