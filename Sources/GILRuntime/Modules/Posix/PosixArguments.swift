#if canImport(Glibc)
import Glibc
#endif

/// A path argument as Modules/posixmodule.c's `path_converter` takes it: str, bytes or an os.PathLike
/// (its `__fspath__`), or a file descriptor where the function accepts one. Results that are paths come
/// back as the argument's kind (`listdir(b'.')` gives bytes).
struct PosixPath {
    /// The path's bytes, NUL-terminated for the C call.
    let cString: [CChar]
    let isBytes: Bool
    /// What the caller passed (OSError's `filename`).
    let original: Value
    /// Set when the argument was an int and the function accepts a descriptor.
    let fd: Int32?

    var bytes: [UInt8] { cString.dropLast().map { UInt8(bitPattern: $0) } }

    func withCString<T>(_ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        try cString.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// A path result of the same kind as the argument.
    func output(_ bytes: [UInt8]) -> Value {
        isBytes ? .object(PyBytes(bytes)) : .str(String(decoding: bytes, as: UTF8.self))
    }

    func error(_ code: Int32 = errno) -> PyException { OSErrors.make(errno: code, filename: original) }

    static func make(_ v: Value, _ function: String, argument: String = "path", allowFD: Bool = false, _ ctx: ExecutionContext) throws -> PosixPath {
        if allowFD, case .int(let fd) = v {
            guard let small = Int32(exactly: fd) else { throw PyException.make(.overflowError, "fd is greater than maximum") }
            return PosixPath(cString: [0], isBytes: false, original: v, fd: small)
        }
        let kinds = allowFD ? "string, bytes, os.PathLike or integer" : "string, bytes or os.PathLike"
        let resolved: Value
        switch v {
        case .object(is PyStr), .object(is PyBytes): resolved = v
        default:
            guard let method = try Attributes.lookupSpecial(v, "__fspath__") else {
                throw PyException.make(.typeError, "\(function): \(argument) should be \(kinds), not \(typeName(v))")
            }
            resolved = try ctx.call(method, [v])
            guard case .object(let o) = resolved, o is PyStr || o is PyBytes else {
                throw PyException.make(.typeError, "expected \(typeName(v)).__fspath__() to return str or bytes, not \(typeName(resolved))")
            }
        }
        let raw: [UInt8]
        let isBytes: Bool
        switch resolved {
        case .object(let s as PyStr):
            raw = Array(s.value.utf8)
            isBytes = false
        case .object(let b as PyBytes):
            raw = b.value
            isBytes = true
        default: throw PyException.make(.typeError, "\(function): \(argument) should be \(kinds), not \(typeName(v))")
        }
        if raw.contains(0) { throw PyException.make(.valueError, "embedded null byte") }
        return PosixPath(cString: raw.map { CChar(bitPattern: $0) } + [0], isBytes: isBytes, original: v, fd: nil)
    }

    /// `os.fspath(p)`: str and bytes unchanged, else `__fspath__()`.
    static func fspath(_ v: Value, _ ctx: ExecutionContext) throws -> Value {
        if case .object(let o) = v, o is PyStr || o is PyBytes { return v }
        guard let method = try Attributes.lookupSpecial(v, "__fspath__") else {
            throw PyException.make(.typeError, "expected str, bytes or os.PathLike object, not \(typeName(v))")
        }
        let r = try ctx.call(method, [v])
        guard case .object(let o) = r, o is PyStr || o is PyBytes else {
            throw PyException.make(.typeError, "expected \(typeName(v)).__fspath__() to return str or bytes, not \(typeName(r))")
        }
        return r
    }
}

enum PosixArguments {
    /// A descriptor argument (`fildes_converter`).
    static func fd(_ v: Value?, _ ctx: ExecutionContext) throws -> Int32 {
        guard let v else { throw PyException.make(.typeError, "an integer is required") }
        if case .float = v { throw PyException.make(.typeError, "'float' object cannot be interpreted as an integer") }
        let n = try Index.cInt(v, ctx)
        return Int32(n)
    }

    /// `dir_fd=None` only: we implement no *at() variants, and CPython says so the same way where they are missing.
    static func refuseDirFD(_ a: Arguments, _ function: String) throws {
        if let d = a["dir_fd"], !d.isNone {
            throw PyException.make(.notImplementedError, "\(function): dir_fd unavailable on this platform")
        }
    }

    static func check(_ r: Int32, _ path: PosixPath) throws {
        if r != 0 { throw path.error() }
    }

    static func check(_ r: Int32) throws {
        if r < 0 { throw OSErrors.make(errno: errno) }
    }

    static func bool(_ v: Value?, _ ctx: ExecutionContext, default d: Bool) throws -> Bool {
        guard let v else { return d }
        return try truthy(v, ctx)
    }
}
