import GILCore
import GILTrace
import Synchronization

/// `hashlib` with md5, sha1 and sha256 — and the GIL lesson CPython's C code teaches: like Modules/_hashopenssl.c
/// (`HASHLIB_GIL_MINSIZE`), hashing 2 KiB or more releases the GIL, so threads hashing large buffers run in
/// parallel where pure-Python work cannot. That stretch is recorded as `io_begin(hash, bytes)` … `io_end`
/// around the GIL release, so timelines and `gilstat` show it like any other blocking call.
enum HashlibModule {
    /// Modules/hashlib.h: below this many bytes, releasing and re-taking the GIL would cost more than hashing.
    static let gilMinimumSize = 2048

    enum Algorithm: String, CaseIterable {
        case md5, sha1, sha256, sha384, sha512

        var digestSize: Int {
            switch self {
            case .md5: MD5.digestSize
            case .sha1: SHA1.digestSize
            case .sha256: SHA256.digestSize
            case .sha384: 48
            case .sha512: 64
            }
        }

        var blockSize: Int { self == .sha384 || self == .sha512 ? 128 : 64 }
    }

    /// A hash object's running state, behind a mutex as CPython's `ENTER_HASHLIB` lock: the GIL is released
    /// while it updates, so two threads may update one object at once.
    final class HashState: Sendable {
        enum Stream: Sendable {
            case md5(DigestStream<MD5>)
            case sha1(DigestStream<SHA1>)
            case sha256(DigestStream<SHA256>)
            case sha512(SHA512Stream)
        }

        let algorithm: Algorithm
        private let stream: Mutex<Stream>

        init(_ algorithm: Algorithm, stream: Stream? = nil) {
            self.algorithm = algorithm
            let initial: Stream = stream ?? {
                switch algorithm {
                case .md5: .md5(DigestStream())
                case .sha1: .sha1(DigestStream())
                case .sha256: .sha256(DigestStream())
                case .sha384: .sha512(SHA512Stream(sha384: true))
                case .sha512: .sha512(SHA512Stream())
                }
            }()
            self.stream = Mutex(initial)
        }

        func update(_ bytes: [UInt8]) {
            stream.withLock { s in
                switch s {
                case .md5(var d): d.update(bytes); s = .md5(d)
                case .sha1(var d): d.update(bytes); s = .sha1(d)
                case .sha256(var d): d.update(bytes); s = .sha256(d)
                case .sha512(var d): d.update(bytes); s = .sha512(d)
                }
            }
        }

        func digest() -> [UInt8] {
            stream.withLock { s in
                switch s {
                case .md5(let d): d.digest()
                case .sha1(let d): d.digest()
                case .sha256(let d): d.digest()
                case .sha512(let d): d.digest()
                }
            }
        }

        func copy() -> HashState { HashState(algorithm, stream: stream.withLock { $0 }) }
    }

    static func make() -> PyModule {
        let m = PyModule(name: "hashlib")
        let hashType = PyType(name: "HASH", base: BuiltinTypes.object, module: "_hashlib")
        func state(_ v: Value) throws -> HashState { try SyncPrimitives.native(v, HashState.self) }
        func wrap(_ s: HashState) -> Value {
            let i = PyInstance(type: hashType)
            i.native = s
            i.attributes["name"] = .str(s.algorithm.rawValue)
            i.attributes["digest_size"] = .int(s.algorithm.digestSize)
            i.attributes["block_size"] = .int(s.algorithm.blockSize)
            return .object(i)
        }
        /// Feeds `data` to `s`, without the GIL from `gilMinimumSize` bytes on.
        func feed(_ s: HashState, _ data: Value, _ ctx: ExecutionContext) throws {
            let bytes = try bytesToHash(data)
            guard bytes.count >= gilMinimumSize else { return s.update(bytes) }
            ctx.ts.blockingIO(.hash, request: Int64(bytes.count), { s.update(bytes) }, result: { Int64(bytes.count) })
        }
        func constructor(_ algorithm: Algorithm) -> NativeFunction {
            { args, kwargs, ctx in
                let s = HashState(algorithm)
                let data = args.first ?? kwargs.first { $0.0 == "string" }?.1
                if let data { try feed(s, data, ctx) }
                return wrap(s)
            }
        }
        for algorithm in Algorithm.allCases { m.addFunction(algorithm.rawValue, constructor(algorithm)) }
        m.addFunction("new") { args, kwargs, ctx in
            guard let first = args.first ?? kwargs.first(where: { $0.0 == "name" })?.1, case .object(let n as PyStr) = first else {
                throw PyException.make(.typeError, "new() missing required argument 'name' (pos 1)")
            }
            guard let algorithm = Algorithm(rawValue: n.value.lowercased()) else {
                throw PyException.make(.valueError, "unsupported hash type \(n.value)")
            }
            return try constructor(algorithm)(Array(args.dropFirst()), kwargs.filter { $0.0 != "name" }, ctx)
        }
        let names = PySet()
        for algorithm in Algorithm.allCases { try? names.add(.str(algorithm.rawValue)) }
        m.dict["algorithms_available"] = .object(names)
        m.dict["algorithms_guaranteed"] = .object(names)

        hashType.addMethod("update") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "update() takes exactly one argument (\(a.count - 1) given)") }
            try feed(try state(a[0]), a[1], ctx)
            return .none
        }
        hashType.addMethod("digest") { a, _, _ in .object(PyBytes(try state(a[0]).digest())) }
        hashType.addMethod("hexdigest") { a, _, _ in
            .str(try state(a[0]).digest().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
        }
        hashType.addMethod("copy") { a, _, _ in wrap(try state(a[0]).copy()) }
        hashType.addMethod("__repr__") { a, _, _ in .str("<\(try state(a[0]).algorithm.rawValue) _hashlib.HASH object>") }
        return m
    }

    /// CPython's buffer check: bytes only (we have no bytearray or memoryview); str must be encoded first.
    private static func bytesToHash(_ v: Value) throws -> [UInt8] {
        switch v {
        case .object(let o) where o.tag == .bytes || o.tag == .byteArray: return BytesLike.bytes(v)!
        case .object(let s) where s.tag == .str: throw PyException.make(.typeError, "Strings must be encoded before hashing")
        default: throw PyException.make(.typeError, "object supporting the buffer API required")
        }
    }
}
