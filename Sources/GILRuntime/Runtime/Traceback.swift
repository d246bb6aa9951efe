/// CPython's traceback text (Lib/traceback.py TracebackException.format): chained causes/contexts first,
/// then `Traceback (most recent call last):`, one `File "…", line N, in f` + source line per frame,
/// and `Type: message` with the exception's notes; exception groups as CPython 3.11 draws them, each
/// member indented under a `+---------------- N ----------------` rule.
enum Traceback {
    /// Lib/traceback.py `_ExceptionPrintContext`: the group nesting being drawn.
    struct PrintContext {
        var depth = 0
        var needClose = false
        var seen = Set<ObjectIdentifier>()

        var indent: String { String(repeating: " ", count: 2 * depth) }

        /// `text` with every line indented for the current depth (`| ` or `+ ` margins inside groups).
        func emit(_ text: String, margin: Character = "|") -> String {
            var prefix = indent
            if depth > 0 { prefix += "\(margin) " }
            guard !prefix.isEmpty else { return text }
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { prefix + $0 + "\n" }.joined()
        }
    }

    static let maxGroupWidth = 15
    static let maxGroupDepth = 10

    static func format(_ e: PyException, program: CompiledProgram, _ ctx: ExecutionContext) -> String {
        var pc = PrintContext()
        return format(e.value, program, ctx, &pc)
    }

    private static func format(_ e: PyInstance, _ program: CompiledProgram, _ ctx: ExecutionContext, _ pc: inout PrintContext) -> String {
        var chain: [(String?, PyInstance)] = []
        var current: PyInstance? = e
        while let x = current {
            pc.seen.insert(ObjectIdentifier(x))
            let data = PyException(x).data
            var message: String?
            var next: PyInstance?
            if let cause = data.cause {
                message = "\nThe above exception was the direct cause of the following exception:\n\n"
                next = cause
            } else if let context = data.context, !data.suppressContext {
                message = "\nDuring handling of the above exception, another exception occurred:\n\n"
                next = context
            }
            if let n = next, pc.seen.contains(ObjectIdentifier(n)) {
                message = nil
                next = nil
            }
            chain.append((message, x))
            current = next
        }
        var out = ""
        for (message, x) in chain.reversed() {
            if let message { out += pc.emit(message) }
            let stack = stackLines(x, program, ctx)
            guard x.type.isSubtype(of: ExceptionGroups.base) else {
                if !stack.isEmpty { out += pc.emit("Traceback (most recent call last):\n") + pc.emit(stack) }
                out += pc.emit(formatOnly(x, ctx))
                continue
            }
            if pc.depth > maxGroupDepth {
                out += pc.emit("... (max_group_depth is \(maxGroupDepth))\n")
                continue
            }
            let topLevel = pc.depth == 0
            if topLevel { pc.depth += 1 }
            if !stack.isEmpty {
                out += pc.emit("Exception Group Traceback (most recent call last):\n", margin: topLevel ? "+" : "|") + pc.emit(stack)
            }
            out += pc.emit(formatOnly(x, ctx))
            let members = ExceptionGroups.members(x)
            let n = members.count <= maxGroupWidth ? members.count : maxGroupWidth + 1
            pc.needClose = false
            for i in 0..<n {
                let last = i == n - 1
                if last { pc.needClose = true }
                let truncated = i >= maxGroupWidth
                out += pc.indent + (i == 0 ? "+-" : "  ") + "+---------------- \(truncated ? "..." : String(i + 1)) ----------------\n"
                pc.depth += 1
                if !truncated, case .object(let member as PyInstance) = members[i] {
                    out += format(member, program, ctx, &pc)
                } else if truncated {
                    let remaining = members.count - maxGroupWidth
                    out += pc.emit("and \(remaining) more exception\(remaining > 1 ? "s" : "")\n")
                }
                if last && pc.needClose {
                    out += pc.indent + "+------------------------------------\n"
                    pc.needClose = false
                }
                pc.depth -= 1
            }
            if topLevel { pc.depth = 0 }
        }
        return out
    }

    /// The frames of `e`'s traceback, outermost first (StackSummary.format: after 3 identical frames in a row,
    /// one "[Previous line repeated N more times]" — a RecursionError would otherwise print thousands of lines).
    private static func stackLines(_ e: PyInstance, _ program: CompiledProgram, _ ctx: ExecutionContext) -> String {
        var out = ""
        var previous: (String, Int32, String)?
        var repeats = 0
        func flushRepeats() {
            if repeats > 3 {
                let more = repeats - 3
                out += "  [Previous line repeated \(more) more time\(more > 1 ? "s" : "")]\n"
            }
        }
        for entry in PyException(e).data.traceback.reversed() {
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
        return out
    }

    /// TracebackException.format_exception_only: the last line, then the exception's notes.
    static func formatOnly(_ e: PyInstance, _ ctx: ExecutionContext) -> String {
        var out = lastLine(e, ctx) + "\n"
        if case .object(let notes as PyList)? = e.getAttribute("__notes__") {
            for note in notes.items { out += ((try? str(note, ctx)) ?? "<note str() failed>") + "\n" }
        }
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
