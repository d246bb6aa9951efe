/// `function.__code__`: a `code` object describing a compiled function (Objects/codeobject.c) — names, the
/// argument counts and flags `inspect` and `types` read, file and first line. Our register bytecode is not
/// CPython's, so `co_code` is empty bytes; everything else answers truthfully.
enum CodeValue {
    static let type: PyType = {
        let t = PyType(name: "code", base: BuiltinTypes.object)
        t.addMethod("__repr__") { a, _, ctx in
            guard case .object(let i as PyInstance) = a[0] else { return .str("<code>") }
            let name = try str(i.getAttribute("co_name") ?? .none, ctx), file = try str(i.getAttribute("co_filename") ?? .none, ctx)
            let line = try str(i.getAttribute("co_firstlineno") ?? .none, ctx)
            return .str("<code object \(name) at \(address(i)), file \"\(file)\", line \(line)>")
        }
        t.addMethod("replace") { a, kw, _ in
            guard case .object(let i as PyInstance) = a[0] else { return a[0] }
            let copy = PyInstance(type: i.type)
            for (k, v) in i.orderedAttributes { copy.setAttribute(k, v) }
            for (k, v) in kw { copy.setAttribute(k, v) }
            copy.native = i.native
            return .object(copy)
        }
        // co_positions(): (line, end line, column, end column) per instruction — ours keep lines only, so the
        // columns are None (traceback.py then prints no carets); co_lines(): (start, end, line) over the
        // code units, two per instruction as tb_lasti counts them.
        t.addMethod("co_positions") { a, _, ctx in
            let lines = try code(a[0]).lines
            return try makeIterator(.object(PyList(lines.map { line in
                let l: Value = line > 0 ? .int(Int(line)) : .none
                return .object(PyTuple([l, l, .none, .none]))
            })), ctx)
        }
        t.addMethod("co_lines") { a, _, ctx in
            let lines = try code(a[0]).lines
            var out: [Value] = []
            var start = 0
            for (k, line) in lines.enumerated() where k + 1 == lines.count || lines[k + 1] != line {
                out.append(.object(PyTuple([.int(start * 2), .int((k + 1) * 2), line > 0 ? .int(Int(line)) : .none])))
                start = k + 1
            }
            return try makeIterator(.object(PyList(out)), ctx)
        }
        return t
    }()

    static func code(_ v: Value) throws -> CodeObject {
        guard case .object(let i as PyInstance) = v, let c = i.native as? CodeObject else {
            throw PyException.make(.typeError, "descriptor requires a 'code' object")
        }
        return c
    }

    /// inspect's CO_* flags.
    static func flags(_ c: CodeObject) -> Int {
        var f = 0
        if c.kind == .function { f |= 0x1 | 0x2 }  // OPTIMIZED | NEWLOCALS
        if c.hasVarArgs { f |= 0x4 }
        if c.hasVarKeywords { f |= 0x8 }
        if c.isAsyncGenerator { f |= 0x200 } else if c.isCoroutine { f |= 0x80 } else if c.isGenerator { f |= 0x20 }
        if c.freeRegisters.isEmpty && c.cellRegisters.isEmpty { f |= 0x40 }  // NOFREE
        return f
    }

    static func make(_ c: CodeObject) -> PyInstance {
        let i = PyInstance(type: type)
        i.native = c
        let strings: ([String]) -> Value = { .object(PyTuple($0.map { .str($0) })) }
        let argCount = c.positionalCount
        i.setAttribute("co_name", .str(c.name))
        i.setAttribute("co_qualname", .str(c.qualifiedName))
        // The main script's path is absolute, as CPython 3.9+ makes it (traceback.py prints co_filename).
        let main = CurrentContext.get()?.runtime.program.fileName
        i.setAttribute("co_filename", .str(c.fileName == main ? ModulePath.absolute(c.fileName) : c.fileName))
        i.setAttribute("co_firstlineno", .int(Int(c.firstLine)))
        i.setAttribute("co_argcount", .int(argCount))
        i.setAttribute("co_posonlyargcount", .int(c.positionalOnlyCount))
        i.setAttribute("co_kwonlyargcount", .int(c.keywordOnlyCount))
        i.setAttribute("co_nlocals", .int(Int(c.localCount)))
        i.setAttribute("co_varnames", strings(c.parameterNames))
        i.setAttribute("co_cellvars", strings([]))
        i.setAttribute("co_freevars", strings([]))
        i.setAttribute("co_names", strings(c.names))
        i.setAttribute("co_flags", .int(flags(c)))
        i.setAttribute("co_consts", .object(PyTuple([c.docstring.map { .str($0) } ?? .none])))
        i.setAttribute("co_code", .object(PyBytes([])))
        i.setAttribute("co_linetable", .object(PyBytes([])))
        i.setAttribute("co_stacksize", .int(Int(c.frameSize)))
        return i
    }
}
