#if canImport(Glibc)
import Glibc
#endif

/// OSError's fields and constructor (Objects/exceptions.c OSError_new / OSError_init / OSError_str):
/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])` sets `errno`, `strerror`, `filename`,
/// `filename2` (None when absent) and keeps only `(errno, strerror)` in `args` when a filename is given;
/// `OSError(ENOENT, …)` called on OSError itself makes a FileNotFoundError (PEP 3151's errno map).
enum OSErrors {
    static func installMethods(_ t: PyType) {
        t.construct = { type, args, _, ctx in
            var chosen = type
            if type === ExceptionKind.osError.type, args.count >= 2, case .int(let code) = args[0], let sub = subclass(forErrno: Int32(truncatingIfNeeded: code)) {
                chosen = sub.type
            }
            let instance = TypeObject.newInstance(chosen, args)
            if let initializer = chosen.lookup("__init__") { _ = try ctx.call(initializer, [.object(instance)] + args) }
            return .object(instance)
        }
        t.addMethod("__init__") { args, _, _ in
            guard case .object(let inst as PyInstance) = args[0] else { return .none }
            let a = Array(args.dropFirst())
            if inst.native == nil { inst.native = ExceptionData() }
            fill(inst, a)
            return .none
        }
        t.addMethod("__str__") { args, _, ctx in
            guard case .object(let inst as PyInstance) = args[0] else { return .str("") }
            let errnoValue = inst.getAttribute("errno") ?? .none, strerror = inst.getAttribute("strerror") ?? .none
            let filename = inst.getAttribute("filename") ?? .none, filename2 = inst.getAttribute("filename2") ?? .none
            if !filename.isNone {
                let head = "[Errno \(try str(errnoValue, ctx))] \(try str(strerror, ctx)): \(try repr(filename, ctx))"
                return .str(filename2.isNone ? head : head + " -> \(try repr(filename2, ctx))")
            }
            if !errnoValue.isNone, !strerror.isNone {
                return .str("[Errno \(try str(errnoValue, ctx))] \(try str(strerror, ctx))")
            }
            return .str(exceptionMessage(args[0], ctx: ctx))
        }
    }

    /// The attributes OSError_init derives from its arguments.
    static func fill(_ inst: PyInstance, _ a: [Value]) {
        var fields: [String: Value] = ["errno": .none, "strerror": .none, "filename": .none, "filename2": .none]
        var kept = a
        if (2...5).contains(a.count) {
            fields["errno"] = a[0]
            fields["strerror"] = a[1]
            if a.count >= 3 {
                fields["filename"] = a[2]
                if a.count == 5 { fields["filename2"] = a[4] }
                kept = Array(a.prefix(2))
            }
        }
        inst.attributes["args"] = .object(PyTuple(kept))
        for (k, v) in fields where inst.getAttribute(k) == nil || a.count >= 2 { inst.setAttribute(k, v) }
    }

    /// PEP 3151: the OSError subclass CPython raises for an errno, nil for plain OSError.
    static func subclass(forErrno code: Int32) -> ExceptionKind? {
        switch code {
        case EAGAIN, EALREADY, EINPROGRESS: return .blockingIOError  // EWOULDBLOCK == EAGAIN on Linux
        case ECHILD: return .childProcessError
        case EPIPE, ESHUTDOWN: return .brokenPipeError
        case ECONNABORTED: return .connectionAbortedError
        case ECONNREFUSED: return .connectionRefusedError
        case ECONNRESET: return .connectionResetError
        case EEXIST: return .fileExistsError
        case ENOENT: return .fileNotFoundError
        case EISDIR: return .isADirectoryError
        case ENOTDIR: return .notADirectoryError
        case EINTR: return .interruptedError
        case EACCES, EPERM: return .permissionError
        case ESRCH: return .processLookupError
        case ETIMEDOUT: return .timeoutError
        default: return nil
        }
    }

    /// The exception a failed system call raises: the errno's subclass, `[Errno N] strerror: 'filename'`.
    static func make(errno code: Int32, filename: Value? = nil, filename2: Value? = nil) -> PyException {
        let kind = subclass(forErrno: code) ?? .osError
        let instance = PyInstance(type: kind.type)
        instance.native = ExceptionData()
        var args: [Value] = [.int(Int(code)), .str(String(cString: strerror(code)))]
        if let filename {
            args.append(filename)
            if let filename2 { args += [.none, filename2] }
        }
        fill(instance, args)
        return PyException(instance)
    }

    /// `make` with the calling thread's current `errno`.
    static func fromErrno(filename: String? = nil) -> PyException {
        make(errno: errno, filename: filename.map { .str($0) })
    }
}

/// UnicodeEncodeError / UnicodeDecodeError / UnicodeTranslateError fields and messages
/// (Objects/exceptions.c UnicodeEncodeError_str & co.): `'utf-8' codec can't decode byte 0xff in position 0:
/// invalid start byte`.
enum UnicodeErrors {
    static func installMethods(_ t: PyType) {
        t.addMethod("__init__") { args, _, _ in
            guard case .object(let inst as PyInstance) = args[0] else { return .none }
            let a = Array(args.dropFirst())
            if inst.native == nil { inst.native = ExceptionData() }
            inst.attributes["args"] = .object(PyTuple(a))
            let isTranslate = inst.type.isSubtype(of: ExceptionKind.unicodeTranslateError.type)
            let names = isTranslate ? ["object", "start", "end", "reason"] : ["encoding", "object", "start", "end", "reason"]
            if a.count == names.count && inst.type !== ExceptionKind.unicodeError.type {
                for (n, v) in zip(names, a) { inst.setAttribute(n, v) }
                if isTranslate { inst.setAttribute("encoding", .none) }
            }
            return .none
        }
        t.addMethod("__str__") { args, _, ctx in
            guard case .object(let inst as PyInstance) = args[0],
                case .int(let start)? = inst.getAttribute("start"), case .int(let end)? = inst.getAttribute("end"),
                let object = inst.getAttribute("object"), let reason = inst.getAttribute("reason")
            else { return .str(exceptionMessage(args[0], ctx: ctx)) }
            let encoding = try inst.getAttribute("encoding").map { try str($0, ctx) } ?? ""
            let reasonText = try str(reason, ctx)
            if inst.type.isSubtype(of: ExceptionKind.unicodeDecodeError.type), case .object(let b as PyBytes) = object {
                if start >= 0, start < b.value.count, end == start + 1 {
                    let byte = String(b.value[start], radix: 16)
                    return .str("'\(encoding)' codec can't decode byte 0x\(byte.count == 1 ? "0" + byte : byte) in position \(start): \(reasonText)")
                }
                return .str("'\(encoding)' codec can't decode bytes in position \(start)-\(end - 1): \(reasonText)")
            }
            if case .object(let s as PyStr) = object {
                let scalars = s.scalars
                let isTranslate = inst.type.isSubtype(of: ExceptionKind.unicodeTranslateError.type)
                let what = isTranslate ? "can't translate character" : "'\(encoding)' codec can't encode character"
                if start >= 0, start < scalars.count, end == start + 1 {
                    let c = scalars[start].value
                    let digits = String(c, radix: 16)
                    let width = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8
                    let escape = (c <= 0xFF ? "\\x" : c <= 0xFFFF ? "\\u" : "\\U") + String(repeating: "0", count: width - digits.count) + digits
                    return .str("\(what) '\(escape)' in position \(start): \(reasonText)")
                }
                let plural = isTranslate ? "can't translate characters" : "'\(encoding)' codec can't encode characters"
                return .str("\(plural) in position \(start)-\(end - 1): \(reasonText)")
            }
            return .str(exceptionMessage(args[0], ctx: ctx))
        }
    }

    /// A UnicodeDecodeError as a codec raises it.
    static func decode(_ encoding: String, _ bytes: [UInt8], _ start: Int, _ end: Int, _ reason: String) -> PyException {
        make(.unicodeDecodeError, [.str(encoding), .object(PyBytes(bytes)), .int(start), .int(end), .str(reason)])
    }

    /// A UnicodeEncodeError as a codec raises it.
    static func encode(_ encoding: String, _ text: String, _ start: Int, _ end: Int, _ reason: String) -> PyException {
        make(.unicodeEncodeError, [.str(encoding), .str(text), .int(start), .int(end), .str(reason)])
    }

    private static func make(_ kind: ExceptionKind, _ args: [Value]) -> PyException {
        let instance = PyInstance(type: kind.type)
        instance.native = ExceptionData()
        instance.setAttribute("args", .object(PyTuple(args)))
        for (n, v) in zip(["encoding", "object", "start", "end", "reason"], args) { instance.setAttribute(n, v) }
        return PyException(instance)
    }
}
