import BigInt

/// Builtins added for the wider corpus (Python/bltinmodule.c): `dir`, `globals`, and hidden helpers.
extension BuiltinFunctions {
    static func installMore(_ m: PyModule) {
        AsyncSupport.install(m)
        ExceptStar.install(m)
        m.dict["BaseExceptionGroup"] = .object(ExceptionGroups.base)
        m.dict["ExceptionGroup"] = .object(ExceptionGroups.group)
        // Dynamic code is out of scope: say so (the traceback gives the line) instead of a NameError.
        m.dict["__import__"] = .object(ImportlibModule.importFunction)
        DynamicCode.install(m)
        for name in ["breakpoint"] {
            m.dict[name] = .object(PyBuiltinFunction(name, minimumArguments: 0) { _, _, _ in
                throw PyException.make(.notImplementedError, "not supported yet: \(name)()")
            })
        }
        m.addFunction("dir") { args, _, ctx in
            guard let v = args.first else {
                // Without an argument at module level: the calling module's names (in functions and class bodies
                // the compiler passes their locals to `LocalsSupport.dirName` instead).
                let g = ctx.frames.activeFrames().first?.code.moduleGlobals ?? ctx.runtime.mainGlobals
                return .object(PyList(g.allNames.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map { .str($0) }))
            }
            return .object(PyList(try attributeNames(v, ctx).sorted().map { .str($0) }))
        }
        let globalsFunction = PyBuiltinFunction("globals", minimumArguments: 0) { _, _, ctx in
            // Reached only without a calling code object (the VM's fast path answers the caller's module).
            .object(ctx.runtime.mainGlobals.namespaceDict())
        }
        globalsFunction.fast = .callerGlobals
        m.dict["globals"] = .object(globalsFunction)
        // locals() where the compiler did not rewrite it (module level, or called through another name): the
        // calling module's globals, as at module level.
        let localsFunction = PyBuiltinFunction("locals", minimumArguments: 0) { args, kwargs, ctx in
            if !args.isEmpty { throw PyException.make(.typeError, "locals() takes no arguments (\(args.count) given)") }
            return try globalsFunction.body(args, kwargs, ctx)
        }
        localsFunction.fast = .callerGlobals
        m.dict["locals"] = .object(localsFunction)
        LocalsSupport.install(m)
        let varsFunction = PyBuiltinFunction("vars", minimumArguments: 0) { args, kwargs, ctx in
            guard let v = args.first else { return try globalsFunction.body(args, kwargs, ctx) }
            if args.count > 1 { throw PyException.make(.typeError, "vars expected at most 1 argument, got \(args.count)") }
            do {
                return try Attributes.get(v, "__dict__", ctx)
            } catch let e as PyException where e.value.type.isSubtype(of: ExceptionKind.attributeError.type) {
                throw PyException.make(.typeError, "vars() argument must have __dict__ attribute")
            }
        }
        varsFunction.fast = .callerGlobals
        m.dict["vars"] = .object(varsFunction)
    }

    /// What `dir(v)` lists: instance attributes, then every name along the class's MRO (or the module's).
    static func attributeNames(_ v: Value, _ ctx: ExecutionContext) throws -> Set<String> {
        var names = Set<String>()
        switch v {
        case .object(let m as PyModule):
            if let g = m.globals { for n in g.names where g.value(named: n) != nil { names.insert(n) } }
            names.formUnion(m.lock.withLock { m.dict.keys })
            return names
        case .object(let t as PyType):
            for c in t.mro { names.formUnion(c.lock.withLock { c.dict.keys }) }
            return names
        case .object(let i as PyInstance):
            if case .object(let d as PyDict) = try Attributes.get(v, "__dict__", ctx) {
                for (k, _) in d.entries { if case .object(let s as PyStr) = k { names.insert(s.value) } }
            }
            for c in i.type.mro { names.formUnion(c.lock.withLock { c.dict.keys }) }
            return names
        default:
            for c in typeOf(v).mro { names.formUnion(c.lock.withLock { c.dict.keys }) }
            return names
        }
    }

    /// `round(int, ndigits)` for negative ndigits: round half to even at 10**-ndigits (long_round).
    static func roundInteger(_ x: BigInt, _ ndigits: Int) -> Value {
        guard ndigits < 0 else { return .integer(x) }
        let scale = BigInt(10).power(-ndigits)
        var (q, r) = x.quotientAndRemainder(dividingBy: scale)
        if r.sign == .minus {
            q -= 1
            r += scale
        }
        if 2 * r > scale || (2 * r == scale && q % 2 != 0) { q += 1 }
        return .integer(q * scale)
    }

    /// `ascii()` of a repr: non-ASCII characters as \x, \u or \U escapes.
    static func asciiEscaped(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            if u.isASCII { out.unicodeScalars.append(u); continue }
            let hex = String(u.value, radix: 16)
            out += u.value < 0x100 ? "\\x" + hex.leftPadded(to: 2, with: "0") : (u.value < 0x10000 ? "\\u" + hex.leftPadded(to: 4, with: "0") : "\\U" + hex.leftPadded(to: 8, with: "0"))
        }
        return out
    }
}
