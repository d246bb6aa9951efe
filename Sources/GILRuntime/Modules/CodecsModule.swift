import Synchronization

/// `_codecs` (Modules/_codecsmodule.c, Python/codecs.c): the codec registry (`register`, `lookup` — which, as
/// at CPython's start-up, imports the standard library's `encodings` package to register its search function —
/// `encode`, `decode`), the error-handler registry (`lookup_error`, `register_error`) and the codec functions
/// Lib/codecs.py and Lib/encodings/* call: utf-8, utf-16, utf-32, latin-1, ascii, charmap (the 8-bit code pages),
/// unicode_escape, raw_unicode_escape, escape_encode/decode. With them CPython's own `codecs` module and
/// `encodings` package run on our interpreter.
enum CodecsModule {
    /// Per runtime: search functions, the lookup cache, custom error handlers.
    final class Registry: @unchecked Sendable {  // touched with the GIL held
        var searchFunctions: [Value] = []
        var cache: [String: Value] = [:]
        var errorHandlers: [String: Value] = [:]
        var importedEncodings = false
    }

    static func make(_ ctx: ExecutionContext) -> PyModule {
        let m = PyModule(name: "_codecs")
        let registry = Registry()
        m.addFunction("register") { a, _, _ in
            guard let f = a.first, AtexitModule.isCallable(f) else { throw PyException.make(.typeError, "argument must be callable") }
            registry.searchFunctions.append(f)
            return .none
        }
        m.addFunction("unregister") { a, _, ctx in
            guard let f = a.first else { return .none }
            registry.searchFunctions = try registry.searchFunctions.filter { try !valuesEqual($0, f, ctx) }
            registry.cache.removeAll()
            return .none
        }
        m.addFunction("_forget_codec") { a, _, _ in
            if case .object(let s as PyStr)? = a.first { registry.cache[normalize(s.value)] = nil }
            return .none
        }
        func lookup(_ name: String, _ ctx: ExecutionContext) throws -> Value {
            let key = normalize(name)
            if let hit = registry.cache[key] { return hit }
            if !registry.importedEncodings {
                registry.importedEncodings = true
                _ = try? ctx.runtime.modules.importModule("encodings", top: true, ctx)
            }
            for f in registry.searchFunctions {
                let r = try ctx.call(f, [.str(key)])
                if r.isNone { continue }
                guard case .object(let t as PyTuple) = r, t.items.count == 4 || (try? length(r, ctx)) ?? 0 >= 4 else {
                    throw PyException.make(.typeError, "codec search functions must return 4-tuples")
                }
                registry.cache[key] = r
                return r
            }
            throw PyException.make(.lookupError, "unknown encoding: \(name)")
        }
        m.addFunction("lookup") { a, _, ctx in
            guard case .object(let s as PyStr)? = a.first else { throw PyException.make(.typeError, "lookup() argument must be str") }
            return try lookup(s.value, ctx)
        }
        for (name, index) in [("encode", 0), ("decode", 1)] {
            m.addFunction(name) { a, kw, ctx in
                let args = try Arguments(a, kw, names: ["obj", "encoding", "errors"], required: 1, function: name)
                let encoding = try BytesMethods.text(args.value(1), "\(name)() argument 'encoding'") ?? "utf-8"
                let info = try lookup(encoding, ctx)
                let codec = try Subscript.get(info, .int(index), ctx)
                var callArgs = [args.value(0)!]
                if let e = args.value(2) { callArgs.append(e) }
                let r = try ctx.call(codec, callArgs)
                guard case .object(let t as PyTuple) = r, t.items.count == 2 else {
                    throw PyException.make(.typeError, "\(name)r must return a tuple (object, integer)")
                }
                return t.items[0]
            }
        }
        m.addFunction("register_error") { a, _, _ in
            guard a.count == 2, case .object(let s as PyStr) = a[0] else { throw PyException.make(.typeError, "register_error() takes 2 arguments") }
            if !AtexitModule.isCallable(a[1]) { throw PyException.make(.typeError, "handler must be callable") }
            registry.errorHandlers[s.value] = a[1]
            return .none
        }
        m.addFunction("lookup_error") { a, _, _ in
            guard case .object(let s as PyStr)? = a.first else { throw PyException.make(.typeError, "lookup_error() argument must be str") }
            if let h = registry.errorHandlers[s.value] { return h }
            guard let h = builtinErrorHandler(s.value) else {
                throw PyException.make(.lookupError, "unknown error handler name '\(s.value)'")
            }
            return .object(h)
        }
        installCodecFunctions(m)
        return m
    }

    /// encodings.normalize_encoding's idea of a name, lowercased (the cache key).
    static func normalize(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: " ", with: "_")
    }

    /// The handlers `lookup_error` returns for the builtin names: called with the Unicode error, they return
    /// (replacement, position to resume at) or raise, as Python/codecs.c's do.
    static func builtinErrorHandler(_ name: String) -> PyBuiltinFunction? {
        guard ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass"].contains(name) else {
            return nil
        }
        return PyBuiltinFunction("\(name)_errors", minimumArguments: 1) { a, _, _ in
            guard case .object(let e as PyInstance) = a[0], e.type.isSubtype(of: ExceptionKind.unicodeError.type) else {
                throw PyException.make(.typeError, "don't know how to handle \(typeName(a[0])) in error callback")
            }
            if name == "strict" { throw PyException(e) }
            guard case .int(let start)? = e.getAttribute("start"), case .int(let end)? = e.getAttribute("end") else {
                throw PyException(e)
            }
            let decoding = e.type.isSubtype(of: ExceptionKind.unicodeDecodeError.type)
            var replacement = ""
            switch name {
            case "ignore": break
            case "replace":
                replacement = String(repeating: decoding ? "\u{FFFD}" : "?", count: decoding ? 1 : max(end - start, 0))
            case "backslashreplace", "namereplace", "xmlcharrefreplace":
                if decoding {
                    guard name == "backslashreplace", case .object(let b as PyBytes)? = e.getAttribute("object") else { throw PyException(e) }
                    replacement = b.value[start..<min(end, b.value.count)].map { Codecs.escape(Unicode.Scalar($0)) }.joined()
                } else if case .object(let s as PyStr)? = e.getAttribute("object") {
                    let scalars = s.scalars[start..<min(end, s.scalars.count)]
                    replacement = scalars.map { name == "xmlcharrefreplace" ? "&#\($0.value);" : Codecs.escape($0) }.joined()
                }
            default:
                throw PyException.make(.notImplementedError, "not supported yet: the \(name) error handler (our str cannot hold lone surrogates)")
            }
            return .object(PyTuple([.str(replacement), .int(end)]))
        }
    }
}
