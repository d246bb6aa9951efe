/// CPython's traceback text (Lib/traceback.py TracebackException.format): chained causes/contexts first,
/// then `Traceback (most recent call last):`, one `File "…", line N, in f` + source line per frame,
/// and `Type: message`.
enum Traceback {
    static func format(_ e: PyException, program: CompiledProgram, _ ctx: ExecutionContext) -> String {
        var seen = Set<ObjectIdentifier>()
        return chain(e.value, program, ctx, &seen)
    }

    private static func chain(_ e: PyInstance, _ program: CompiledProgram, _ ctx: ExecutionContext, _ seen: inout Set<ObjectIdentifier>) -> String {
        seen.insert(ObjectIdentifier(e))
        var out = ""
        let data = PyException(e).data
        if let cause = data.cause, !seen.contains(ObjectIdentifier(cause)) {
            out += chain(cause, program, ctx, &seen)
            out += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if let context = data.context, !data.suppressContext, !seen.contains(ObjectIdentifier(context)) {
            out += chain(context, program, ctx, &seen)
            out += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        if !data.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            // StackSummary.format: after 3 identical frames in a row, one "[Previous line repeated N more times]"
            // (a RecursionError would otherwise print thousands of lines).
            var previous: (String, Int32, String)?
            var repeats = 0
            func flushRepeats() {
                if repeats > 3 {
                    let more = repeats - 3
                    out += "  [Previous line repeated \(more) more time\(more > 1 ? "s" : "")]\n"
                }
            }
            for entry in data.traceback.reversed() {
                let key = (entry.fileName, entry.line, entry.function)
                if let p = previous, p == key {
                    repeats += 1
                } else {
                    flushRepeats()
                    previous = key
                    repeats = 1
                }
                if repeats > 3 { continue }
                out += "  File \"\(entry.fileName)\", line \(entry.line), in \(entry.function)\n"
                let text = entry.fileName == program.fileName
                    ? program.sourceLine(entry.line) : ctx.runtime.modules.sourceLines.line(entry.fileName, entry.line) ?? ""
                let line = text.trimmingCharacters(in: .whitespaces)
                if !line.isEmpty { out += "    \(line)\n" }
            }
            flushRepeats()
        }
        out += lastLine(e, ctx) + "\n"
        return out
    }

    /// `ValueError: message`, or just the type name when the message is empty.
    static func lastLine(_ e: PyInstance, _ ctx: ExecutionContext) -> String {
        let t = e.type
        let name = (t.module == "builtins" || t.module == "__main__") ? t.name : "\(t.module).\(t.name)"
        if t.isSubtype(of: ExceptionKind.syntaxError.type) { return SyntaxErrorValue.formatOnly(e, typeName: name, ctx) }
        let message = (try? str(.object(e), ctx)) ?? ""
        return message.isEmpty ? name : "\(name): \(message)"
    }
}

extension String {
    func trimmingCharacters(in set: WhitespaceSet) -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}

enum WhitespaceSet { case whitespaces }
