import PythonSyntax

/// Python's `SyntaxError` objects (Objects/exceptions.c SyntaxError_init/SyntaxError_str): what an import
/// of a module that does not compile raises, with `msg`, `filename`, `lineno`, `offset`, `text`, and
/// CPython's traceback rendering (Lib/traceback.py `_format_syntax_error`).
enum SyntaxErrorValue {
    /// The Python exception for a compile error of `fileName`.
    static func make(_ e: SyntaxError) -> PyException {
        let kind: ExceptionKind
        if e.message.hasPrefix("unexpected indent") || e.message.hasPrefix("expected an indented block")
            || e.message.hasPrefix("unindent does not match") || e.message.hasPrefix("unexpected unindent") {
            kind = .indentationError
        } else if e.message.hasPrefix("inconsistent use of tabs") {
            kind = .tabError
        } else {
            kind = .syntaxError
        }
        let exc = PyException.make(kind)
        let text: Value = e.sourceLine.isEmpty ? .none : .str(e.sourceLine + "\n")
        let line = Int(e.location.line)
        let offset: Value = e.location.column > 0 ? .int(Int(e.location.column)) : .none
        let details = PyTuple([.str(e.fileName), line > 0 ? .int(line) : .none, offset, text, line > 0 ? .int(line) : .none, .none])
        set(exc.value, [.str(e.message), .object(details)])
        return exc
    }

    /// SyntaxError_init: `(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`.
    static func set(_ inst: PyInstance, _ args: [Value]) {
        inst.attributes["args"] = .object(PyTuple(args))
        for n in ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"] {
            inst.attributes[n] = Value.none
        }
        if let msg = args.first { inst.attributes["msg"] = msg }
        if args.count == 2, case .object(let t as PyTuple) = args[1], (4...6).contains(t.items.count) {
            for (n, v) in zip(["filename", "lineno", "offset", "text", "end_lineno", "end_offset"], t.items) {
                inst.attributes[n] = v
            }
        }
    }

    static func installMethods(_ t: PyType) {
        t.addMethod("__init__") { args, _, _ in
            guard case .object(let inst as PyInstance) = args[0] else { return .none }
            if inst.native == nil { inst.native = ExceptionData() }
            set(inst, Array(args.dropFirst()))
            return .none
        }
        t.addMethod("__str__") { args, _, ctx in
            guard case .object(let inst as PyInstance) = args[0] else { return .str("") }
            return .str(message(inst, ctx))
        }
    }

    /// SyntaxError_str: `msg (file.py, line 3)` with the file's base name.
    static func message(_ inst: PyInstance, _ ctx: ExecutionContext) -> String {
        let msg = inst.attributes["msg"].map { (try? str($0, ctx)) ?? "" } ?? ""
        var file: String?
        if case .object(let s as PyStr)? = inst.attributes["filename"] {
            file = String(s.value.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        }
        var line: Int?
        if case .int(let n)? = inst.attributes["lineno"] { line = n }
        switch (file, line) {
        case (let f?, let l?): return "\(msg) (\(f), line \(l))"
        case (let f?, nil): return "\(msg) (\(f))"
        case (nil, let l?): return "\(msg) (line \(l))"
        default: return msg
        }
    }

    /// The lines `traceback` prints for a SyntaxError: file and line, the source text with a caret, then
    /// `SyntaxError: msg` (`typeName` is the qualified type name).
    static func formatOnly(_ inst: PyInstance, typeName: String, _ ctx: ExecutionContext) -> String {
        var out = ""
        var suffix = ""
        let fileName: String? = if case .object(let s as PyStr)? = inst.attributes["filename"] { s.value } else { nil }
        if case .int(let line)? = inst.attributes["lineno"] {
            out += "  File \"\(fileName ?? "<string>")\", line \(line)\n"
        } else if let fileName {
            suffix = " (\(fileName))"
        }
        if case .object(let s as PyStr)? = inst.attributes["text"] {
            var rtext = Substring(s.value)
            while rtext.last == "\n" { rtext.removeLast() }
            let ltext = rtext.drop { $0 == " " || $0 == "\n" || $0 == "\u{0C}" }
            let spaces = rtext.count - ltext.count
            out += "    \(ltext)\n"
            if case .int(let offset)? = inst.attributes["offset"] {
                var end = offset
                if case .int(let e)? = inst.attributes["end_offset"], e != 0 { end = e }
                if end == offset || end == -1 { end = offset + 1 }
                let column = offset - 1 - spaces
                let endColumn = end - 1 - spaces
                if column >= 0 {
                    let lead = ltext.prefix(column).map { $0.isWhitespace ? String($0) : " " }.joined()
                    out += "    \(lead)\(String(repeating: "^", count: max(1, endColumn - column)))\n"
                }
            }
        }
        var msg = inst.attributes["msg"].map { (try? str($0, ctx)) ?? "" } ?? ""
        if msg.isEmpty || msg == "None" { msg = "<no detail available>" }
        return out + "\(typeName): \(msg)\(suffix)"
    }
}
