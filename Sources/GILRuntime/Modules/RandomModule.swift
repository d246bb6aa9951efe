#if canImport(Glibc)
import Glibc
#endif
import BigInt

/// `_random` (Modules/_randommodule.c): the `Random` base class holding an MT19937 state — `seed`, `random`,
/// `getrandbits`, `getstate`, `setstate` — which `random` (RandomSource, the algorithms of Lib/random.py)
/// subclasses. Seeds: None → 624 words of /dev/urandom; an int → its absolute value; anything else → its
/// hash as an unsigned word (`hash(1.5)` is CPython's, `CPythonHash`).
final class RandomState: @unchecked Sendable {  // `mt` only under `lock`
    var mt = MersenneTwister()
    let lock = ObjectLock("random")
}

enum RandomModule {
    static let randomType: PyType = {
        let t = PyType(name: "Random", base: BuiltinTypes.object, module: "_random")
        func newInstance(_ cls: PyType) -> PyInstance {
            let i = PyInstance(type: cls)
            i.native = RandomState()
            return i
        }
        t.construct = { type, args, kwargs, ctx in
            if !kwargs.isEmpty { throw PyException.make(.typeError, "Random() takes no keyword arguments") }
            if args.count > 1 { throw PyException.make(.typeError, "Random() requires 0 or 1 argument") }
            let i = newInstance(type)
            try seed(try state(.object(i)), args.first ?? .none, ctx)
            return .object(i)
        }
        let new = PyBuiltinFunction("__new__", minimumArguments: 1) { args, _, _ in
            guard case .object(let cls as PyType) = args[0], cls.isSubtype(of: t) else {
                throw PyException.make(.typeError, "Random.__new__(X): X is not a subtype of Random")
            }
            return .object(newInstance(cls))
        }
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(new)))
        t.addMethod("__init__") { args, kwargs, ctx in
            if args.count > 2 { throw PyException.make(.typeError, "Random() requires 0 or 1 argument") }
            try seed(try state(args[0]), args.count > 1 ? args[1] : .none, ctx)
            return .none
        }
        t.addMethod("seed") { args, _, ctx in
            try seed(try state(args[0]), args.count > 1 ? args[1] : .none, ctx)
            return .none
        }
        t.addMethod("random") { args, _, _ in
            let s = try state(args[0])
            return .float(s.lock.withLock { s.mt.random() })
        }
        t.addMethod("getrandbits") { args, _, ctx in
            guard args.count == 2 else { throw PyException.make(.typeError, "getrandbits() takes exactly one argument (\(args.count - 1) given)") }
            let k = try Index.value(args[1], ctx)
            if k < 0 { throw PyException.make(.valueError, "number of bits must be non-negative") }
            try AllocationLimit.checkBits(k)
            let s = try state(args[0])
            if k <= 32 { return .int(Int(s.lock.withLock { s.mt.bits(k) })) }
            return .integer(BigInt(s.lock.withLock { s.mt.bits(k) }))
        }
        t.addMethod("getstate") { args, _, _ in
            let s = try state(args[0])
            let (words, index) = s.lock.withLock { (s.mt.state, s.mt.index) }
            return .object(PyTuple(words.map { .int(Int($0)) } + [.int(index)]))
        }
        t.addMethod("setstate") { args, _, ctx in
            guard args.count == 2, case .object(let tuple as PyTuple) = args[1] else {
                throw PyException.make(.typeError, "state vector must be a tuple")
            }
            guard tuple.items.count == MersenneTwister.n + 1 else { throw PyException.make(.valueError, "state vector is the wrong size") }
            var words: [UInt32] = []
            for v in tuple.items.prefix(MersenneTwister.n) {
                let n = try Index.big(v, ctx)
                guard let w = UInt32(exactly: n) else {
                    throw PyException.make(.overflowError, n.sign == .minus ? "can't convert negative int to unsigned" : "Python int too large to convert to C unsigned long")
                }
                words.append(w)
            }
            let index = try Index.value(tuple.items[MersenneTwister.n], ctx)
            if index < 0 || index > MersenneTwister.n { throw PyException.make(.valueError, "invalid state") }
            let s = try state(args[0])
            s.lock.withLock {
                s.mt.state = words
                s.mt.index = index
            }
            return .none
        }
        return t
    }()

    static func state(_ v: Value) throws -> RandomState {
        guard case .object(let i as PyInstance) = v, let s = i.native as? RandomState else {
            throw PyException.make(.typeError, "descriptor 'random' requires a '_random.Random' object")
        }
        return s
    }

    /// random_seed.
    static func seed(_ s: RandomState, _ arg: Value, _ ctx: ExecutionContext) throws {
        let n: BigUInt
        switch arg {
        case .none:
            s.lock.withLock { s.mt.seed(key: urandomKey()) }
            return
        case .int(let i): n = BigUInt(i.magnitude)
        case .bool(let b): n = b ? 1 : 0
        case .object(let o as PyBigInt): n = o.value.magnitude
        default: n = BigUInt(UInt(bitPattern: try pyHash(arg)))
        }
        s.lock.withLock { s.mt.seed(n) }
    }

    /// 624 words from the system's entropy (random_seed_urandom), the time and pid if that fails.
    static func urandomKey() -> [UInt32] {
        var key = [UInt32](repeating: 0, count: MersenneTwister.n)
        let filled = key.withUnsafeMutableBytes(SystemEntropy.fill)
        if !filled {
            var t = timespec()
            clock_gettime(CLOCK_REALTIME, &t)
            key = [UInt32(truncatingIfNeeded: t.tv_sec), UInt32(truncatingIfNeeded: t.tv_nsec), UInt32(truncatingIfNeeded: getpid())]
        }
        return key
    }

    static func make() -> PyModule {
        let m = PyModule(name: "_random")
        m.dict["Random"] = .object(randomType)
        return m
    }
}
