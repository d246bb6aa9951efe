import Synchronization

/// `re` for str and bytes patterns (Lib/re/__init__.py's API over our `RegexParser` / `RegexMatcher`): compile with a
/// cache, search/match/fullmatch, findall/finditer, sub/subn with templates or functions, split, escape,
/// Pattern and Match objects, `re.error` with CPython's messages and positions. Matching holds the GIL, as
/// `_sre` does: regex work in threads is CPU-bound work.
enum ReModule {
    /// A compiled pattern, shared by every Pattern object and the cache.
    final class Compiled: @unchecked Sendable {  // immutable after init
        let program: RegexProgram
        let groups: Int
        let names: [String: Int]
        let source: String
        let flags: Int
        /// A bytes pattern: it matches bytes-like subjects, seen as Latin-1 text, and answers with bytes.
        let isBytes: Bool
        /// This pattern's one Pattern object (`re._cache` holds Pattern objects: `re.sub(p, ...)` with a
        /// cached pattern builds none, and `re.compile(p) is re.compile(p)` as in CPython).
        let patternObject = AtomicLazyReference<PyInstance>()

        init(program: RegexProgram, groups: Int, names: [String: Int], source: String, flags: Int, isBytes: Bool) {
            self.program = program
            self.groups = groups
            self.names = names
            self.source = source
            self.flags = flags
            self.isBytes = isBytes
        }

        /// A piece of subject (or replacement) text as the pattern's kind: str, or bytes for a bytes pattern.
        func value(_ scalars: ArraySlice<Unicode.Scalar>) -> Value {
            isBytes ? .object(PyBytes(scalars.map { UInt8(truncatingIfNeeded: $0.value) })) : .object(PyStr(ScalarText.string(scalars), count: scalars.count))
        }

        func value(_ text: String) -> Value {
            isBytes ? .object(PyBytes(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })) : .str(text)
        }

        /// The pattern as Python sees it (`Pattern.pattern`).
        var patternValue: Value { value(source) }
    }

    /// A Match object's state.
    final class MatchState {
        let compiled: Compiled
        let pattern: Value
        let subject: Value
        let scalars: [Unicode.Scalar]
        let slots: [Int]
        let pos: Int
        let endpos: Int

        init(_ compiled: Compiled, pattern: Value, subject: Value, scalars: [Unicode.Scalar], slots: [Int], pos: Int, endpos: Int) {
            self.compiled = compiled
            self.pattern = pattern
            self.subject = subject
            self.scalars = scalars
            self.slots = slots
            self.pos = pos
            self.endpos = endpos
        }

        func span(_ group: Int) -> (Int, Int) { (slots[2 * group], slots[2 * group + 1]) }

        func text(_ group: Int) -> Value {
            let (s, e) = span(group)
            guard s >= 0, e >= s else { return .none }
            return compiled.value(scalars[s..<e])
        }
    }

    static let errorType: PyType = PyType(name: "error", base: ExceptionKind.exception.type, module: "re")
    /// `re._cache`: compiled patterns by kind, flags and text.
    private static let cache = Mutex<[CacheKey: Compiled]>([:])

    private struct CacheKey: Hashable {
        let text: String
        let flags: Int
        let isBytes: Bool
    }

    static func make() -> PyModule {
        let m = PyModule(name: "re")
        let patternType = PyType(name: "Pattern", base: BuiltinTypes.object, module: "re")
        let matchType = PyType(name: "Match", base: BuiltinTypes.object, module: "re")
        m.dict["error"] = .object(errorType)
        m.dict["Pattern"] = .object(patternType)
        m.dict["Match"] = .object(matchType)
        for (names, flag) in [(["I", "IGNORECASE"], RegexFlags.ignoreCase), (["M", "MULTILINE"], .multiline), (["S", "DOTALL"], .dotAll),
                              (["X", "VERBOSE"], .verbose), (["A", "ASCII"], .ascii), (["U", "UNICODE"], .unicode), (["L", "LOCALE"], .locale)] {
            for n in names { m.dict[n] = .int(flag.rawValue) }
        }
        m.dict["NOFLAG"] = .int(0)

        func wrapPattern(_ c: Compiled) -> Value {
            if let known = c.patternObject.load() { return .object(known) }
            let i = PyInstance(type: patternType)
            i.native = c
            i.attributes["pattern"] = c.patternValue
            i.attributes["flags"] = .int(c.flags)
            i.attributes["groups"] = .int(c.groups)
            let index = PyDict()
            for (name, n) in c.names.sorted(by: { $0.value < $1.value }) { try? index.set(.str(name), .int(n)) }
            i.attributes["groupindex"] = .object(index)
            return .object(c.patternObject.storeIfNil(i))
        }
        func compiled(_ v: Value) throws -> Compiled { try SyncPrimitives.native(v, Compiled.self) }
        /// A pattern argument: a Pattern object, or a str compiled with `flags`.
        func pattern(_ v: Value, flags: Value?) throws -> (Compiled, Value) {
            if case .object(let i as PyInstance) = v, let c = i.native as? Compiled {
                if let flags, indexValue(flags) ?? 0 != 0 {
                    throw PyException.make(.valueError, "cannot process flags argument with a compiled pattern")
                }
                return (c, v)
            }
            let c = try compile(v, flags: flags.flatMap(indexValue) ?? 0)
            return (c, wrapPattern(c))
        }
        func wrapMatch(_ state: MatchState) -> Value {
            let i = PyInstance(type: matchType)
            i.native = state
            return .object(i)
        }

        /// One match operation: `mode` 0 search, 1 match, 2 fullmatch.
        func matchOperation(_ c: Compiled, _ p: Value, _ subject: Value, _ posArg: Value?, _ endArg: Value?, mode: Int, _ ctx: ExecutionContext) throws -> Value {
            let s = try subjectScalars(subject, c)
            let (pos, end) = bounds(posArg, endArg, count: s.count)
            let matcher = makeMatcher(c, s, end, ctx)
            let slots = try interruptible(ctx) { () throws(RegexInterrupted) in
                mode == 0 ? try matcher.search(from: pos) : try matcher.match(at: pos, full: mode == 2)
            }
            guard let slots else { return .none }
            return wrapMatch(MatchState(c, pattern: p, subject: subject, scalars: s, slots: slots, pos: pos, endpos: end))
        }
        /// Every non-overlapping match, as `finditer` yields them.
        func allMatches(_ c: Compiled, _ p: Value, _ subject: Value, _ posArg: Value?, _ endArg: Value?, limit: Int = 0, _ ctx: ExecutionContext) throws -> [MatchState] {
            let s = try subjectScalars(subject, c)
            let (pos, end) = bounds(posArg, endArg, count: s.count)
            let matcher = makeMatcher(c, s, end, ctx)
            var out: [MatchState] = []
            var at = pos
            var notEmptyAt: Int?
            var scratch = matcher.makeScratch()
            while at <= end, limit == 0 || out.count < limit,
                  let slots = try interruptible(ctx, { () throws(RegexInterrupted) in try matcher.search(from: at, notEmptyAt: notEmptyAt, &scratch) }) {
                out.append(MatchState(c, pattern: p, subject: subject, scalars: s, slots: slots, pos: pos, endpos: end))
                notEmptyAt = slots[0] == slots[1] ? slots[1] : nil
                at = slots[1]
            }
            return out
        }
        func findall(_ c: Compiled, _ p: Value, _ subject: Value, _ posArg: Value?, _ endArg: Value?, _ ctx: ExecutionContext) throws -> Value {
            let items: [Value] = try allMatches(c, p, subject, posArg, endArg, limit: 0, ctx).map { state in
                func text(_ g: Int) -> Value { state.text(g).isNone ? c.value("") : state.text(g) }
                switch c.groups {
                case 0: return text(0)
                case 1: return text(1)
                default: return .object(PyTuple((1...c.groups).map(text)))
                }
            }
            return .object(PyList(items))
        }
        func substitute(_ c: Compiled, _ p: Value, _ repl: Value, _ subject: Value, count: Int, _ ctx: ExecutionContext) throws -> (Value, Int) {
            let matches = try allMatches(c, p, subject, nil, nil, limit: max(0, count), ctx)
            guard let first = matches.first else { return (subject, 0) }
            let bytes = c.isBytes
            // pattern_subx joins a list of pieces (text between matches, replacements; None is left out) and
            // the join names the first piece of the wrong kind: "sequence item N: expected ...".
            var pieces = 0
            var wrongPiece: (index: Int, type: String)?
            func joinError() -> PyException {
                let (index, type) = wrongPiece!
                return PyException.make(.typeError, "sequence item \(index): expected \(bytes ? "a bytes-like object" : "str instance"), \(type) found")
            }
            let template: [TemplatePart]? = try {
                if case .object(let r as PyStr) = repl {
                    if bytes {
                        wrongPiece = (first.slots[0] > 0 ? 1 : 0, "str")
                        throw joinError()
                    }
                    return try parseTemplate(r.scalars, c)
                }
                if bytes, let b = BytesLike.bytes(repl) { return try parseTemplate(b.map { Unicode.Scalar($0) }, c) }
                if !bytes, BytesLike.bytes(repl) != nil {
                    wrongPiece = (first.slots[0] > 0 ? 1 : 0, typeName(repl))
                    throw joinError()
                }
                return nil
            }()
            // The output as UTF-8 for a str pattern, as the bytes themselves for a bytes pattern (its code
            // points are bytes: no round trip through UTF-8 and String).
            var out: [UInt8] = []
            // A template without group references is the same text at every match: encode it once.
            let literal: [UInt8]? = template.flatMap { parts in
                guard parts.allSatisfy({ if case .text = $0 { true } else { false } }) else { return nil }
                let text = expand(parts, first)
                return bytes ? text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } : Array(text.utf8)
            }
            var last = 0
            for state in matches {
                if last < state.slots[0] { pieces += 1 }
                if bytes {
                    ScalarText.appendLatin1(first.scalars[last..<state.slots[0]], to: &out)
                } else {
                    ScalarText.appendUTF8(first.scalars[last..<state.slots[0]], to: &out)
                }
                last = state.slots[1]
                if let literal {
                    out += literal
                    continue
                }
                if let template {
                    let text = expand(template, state)
                    if bytes {
                        for u in text.unicodeScalars { out.append(UInt8(truncatingIfNeeded: u.value)) }
                    } else {
                        out += text.utf8
                    }
                    continue
                }
                // A function: every match is passed to it before the join fails, as in CPython.
                let r = try ctx.call(repl, [wrapMatch(state)])
                if r.isNone { continue }
                pieces += 1
                if bytes, let piece = BytesLike.bytes(r) {
                    out += piece
                } else if !bytes, case .object(let piece) = r, piece.tag == .str || piece is PyStr {
                    out += unsafeDowncast(piece, to: PyStr.self).value.utf8
                } else if wrongPiece == nil {
                    wrongPiece = (pieces - 1, typeName(r))
                }
            }
            if wrongPiece != nil { throw joinError() }
            if bytes {
                ScalarText.appendLatin1(first.scalars[last...], to: &out)
                return (.object(PyBytes(out)), matches.count)
            }
            ScalarText.appendUTF8(first.scalars[last...], to: &out)
            return (.str(String(decoding: out, as: UTF8.self)), matches.count)
        }
        func split(_ c: Compiled, _ p: Value, _ subject: Value, maxsplit: Int, _ ctx: ExecutionContext) throws -> Value {
            let matches = try allMatches(c, p, subject, nil, nil, limit: max(0, maxsplit), ctx)
            let s = try subjectScalars(subject, c)
            var out: [Value] = []
            var last = 0
            for state in matches {
                out.append(c.value(s[last..<state.slots[0]]))
                if c.groups > 0 { for g in 1...c.groups { out.append(state.text(g)) } }
                last = state.slots[1]
            }
            out.append(c.value(s[last...]))
            return .object(PyList(out))
        }

        // MARK: module functions
        m.addFunction("compile") { a, kw, _ in
            guard let p = ThreadingModule.argument(a, kw, 0, "pattern") else { throw missing("compile", "pattern") }
            return try pattern(p, flags: ThreadingModule.argument(a, kw, 1, "flags")).1
        }
        for (name, mode) in [("search", 0), ("match", 1), ("fullmatch", 2)] {
            m.addFunction(name) { a, kw, ctx in
                guard let p = ThreadingModule.argument(a, kw, 0, "pattern"), let s = ThreadingModule.argument(a, kw, 1, "string") else {
                    throw missing(name, "pattern' and 'string")
                }
                let (c, pv) = try pattern(p, flags: ThreadingModule.argument(a, kw, 2, "flags"))
                return try matchOperation(c, pv, s, nil, nil, mode: mode, ctx)
            }
        }
        m.addFunction("findall") { a, kw, ctx in
            guard let p = ThreadingModule.argument(a, kw, 0, "pattern"), let s = ThreadingModule.argument(a, kw, 1, "string") else {
                throw missing("findall", "pattern' and 'string")
            }
            let (c, pv) = try pattern(p, flags: ThreadingModule.argument(a, kw, 2, "flags"))
            return try findall(c, pv, s, nil, nil, ctx)
        }
        m.addFunction("finditer") { a, kw, ctx in
            guard let p = ThreadingModule.argument(a, kw, 0, "pattern"), let s = ThreadingModule.argument(a, kw, 1, "string") else {
                throw missing("finditer", "pattern' and 'string")
            }
            let (c, pv) = try pattern(p, flags: ThreadingModule.argument(a, kw, 2, "flags"))
            return try makeIterator(.object(PyList(try allMatches(c, pv, s, nil, nil, limit: 0, ctx).map(wrapMatch))), ctx)
        }
        for (name, withCount) in [("sub", false), ("subn", true)] {
            m.addFunction(name) { a, kw, ctx in
                guard let p = ThreadingModule.argument(a, kw, 0, "pattern"), let r = ThreadingModule.argument(a, kw, 1, "repl"),
                      let s = ThreadingModule.argument(a, kw, 2, "string") else { throw missing(name, "pattern', 'repl' and 'string") }
                let (c, pv) = try pattern(p, flags: ThreadingModule.argument(a, kw, 4, "flags"))
                let count = ThreadingModule.argument(a, kw, 3, "count").flatMap(indexValue) ?? 0
                let (result, n) = try substitute(c, pv, r, s, count: count, ctx)
                return withCount ? .object(PyTuple([result, .int(n)])) : result
            }
        }
        m.addFunction("split") { a, kw, ctx in
            guard let p = ThreadingModule.argument(a, kw, 0, "pattern"), let s = ThreadingModule.argument(a, kw, 1, "string") else {
                throw missing("split", "pattern' and 'string")
            }
            let (c, pv) = try pattern(p, flags: ThreadingModule.argument(a, kw, 3, "flags"))
            return try split(c, pv, s, maxsplit: ThreadingModule.argument(a, kw, 2, "maxsplit").flatMap(indexValue) ?? 0, ctx)
        }
        m.addFunction("escape") { a, _, _ in
            let special = Set(Array("()[]{}?*+-|^$\\.&~# \t\n\r\u{0B}\u{0C}".utf8))
            if let v = a.first, let b = BytesLike.bytes(v) {
                var out: [UInt8] = []
                for c in b {
                    if special.contains(c) { out.append(0x5C) }
                    out.append(c)
                }
                return .object(PyBytes(out))
            }
            guard let v = a.first, case .object(let s as PyStr) = v else { throw PyException.make(.typeError, "escape() argument must be str") }
            var out = String.UnicodeScalarView()
            for c in s.value.unicodeScalars {
                if c.isASCII, special.contains(UInt8(c.value)) { out.append("\\") }
                out.append(c)
            }
            return .str(String(out))
        }
        m.addFunction("purge") { _, _, _ in
            cache.withLock { $0.removeAll() }
            return .none
        }

        // MARK: Pattern methods (a[0] is the pattern)
        for (name, mode) in [("search", 0), ("match", 1), ("fullmatch", 2)] {
            patternType.addMethod(name) { a, kw, ctx in
                guard let s = ThreadingModule.argument(a, kw, 1, "string") else { throw missing(name, "string") }
                return try matchOperation(try compiled(a[0]), a[0], s, ThreadingModule.argument(a, kw, 2, "pos"), ThreadingModule.argument(a, kw, 3, "endpos"), mode: mode, ctx)
            }
        }
        patternType.addMethod("findall") { a, kw, ctx in
            guard let s = ThreadingModule.argument(a, kw, 1, "string") else { throw missing("findall", "string") }
            return try findall(try compiled(a[0]), a[0], s, ThreadingModule.argument(a, kw, 2, "pos"), ThreadingModule.argument(a, kw, 3, "endpos"), ctx)
        }
        patternType.addMethod("finditer") { a, kw, ctx in
            guard let s = ThreadingModule.argument(a, kw, 1, "string") else { throw missing("finditer", "string") }
            let states = try allMatches(try compiled(a[0]), a[0], s, ThreadingModule.argument(a, kw, 2, "pos"), ThreadingModule.argument(a, kw, 3, "endpos"), limit: 0, ctx)
            return try makeIterator(.object(PyList(states.map(wrapMatch))), ctx)
        }
        for (name, withCount) in [("sub", false), ("subn", true)] {
            patternType.addMethod(name) { a, kw, ctx in
                guard let r = ThreadingModule.argument(a, kw, 1, "repl"), let s = ThreadingModule.argument(a, kw, 2, "string") else {
                    throw missing(name, "repl' and 'string")
                }
                let count = ThreadingModule.argument(a, kw, 3, "count").flatMap(indexValue) ?? 0
                let (result, n) = try substitute(try compiled(a[0]), a[0], r, s, count: count, ctx)
                return withCount ? .object(PyTuple([result, .int(n)])) : result
            }
        }
        patternType.addMethod("split") { a, kw, ctx in
            guard let s = ThreadingModule.argument(a, kw, 1, "string") else { throw missing("split", "string") }
            return try split(try compiled(a[0]), a[0], s, maxsplit: ThreadingModule.argument(a, kw, 2, "maxsplit").flatMap(indexValue) ?? 0, ctx)
        }
        patternType.addMethod("__repr__") { a, _, ctx in
            let c = try compiled(a[0])
            let flags = c.flags & ~RegexFlags.unicode.rawValue
            return .str("re.compile(\(try repr(c.patternValue, ctx))\(flags != 0 ? ", \(flagNames(flags))" : ""))")
        }

        // MARK: Match methods
        func state(_ v: Value) throws -> MatchState { try SyncPrimitives.native(v, MatchState.self) }
        func groupIndex(_ st: MatchState, _ g: Value) throws -> Int {
            if let n = indexValue(g), n >= 0, n <= st.compiled.groups { return n }
            if case .object(let name as PyStr) = g, let n = st.compiled.names[name.value] { return n }
            throw PyException.make(.indexError, "no such group")
        }
        // Read-only members computed from the match state (CPython's Match members), so a match sets no
        // attributes: six dictionary insertions and shape moves per match were a seventh of regex_v8.
        let members: [(String, (MatchState) -> Value)] = [
            ("string", { $0.subject }), ("re", { $0.pattern }), ("pos", { .int($0.pos) }), ("endpos", { .int($0.endpos) }),
            ("lastindex", { st in
                let last = st.slots[st.compiled.program.lastIndexSlot]
                return last > 0 ? .int(last) : .none
            }),
            ("lastgroup", { st in
                let last = st.slots[st.compiled.program.lastIndexSlot]
                return last > 0 ? (st.compiled.names.first { $0.value == last }.map { .str($0.key) } ?? .none) : .none
            }),
        ]
        for (name, member) in members {
            matchType.dict[name] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { a, _, _ in member(try state(a[0])) })))
        }
        matchType.addMethod("group") { a, _, _ in
            let st = try state(a[0])
            if a.count <= 2 { return st.text(try groupIndex(st, a.count == 2 ? a[1] : .int(0))) }
            return .object(PyTuple(try a.dropFirst().map { st.text(try groupIndex(st, $0)) }))
        }
        matchType.addMethod("__getitem__") { a, _, _ in
            let st = try state(a[0])
            return st.text(try groupIndex(st, a[1]))
        }
        matchType.addMethod("groups") { a, kw, _ in
            let st = try state(a[0])
            let fallback = ThreadingModule.argument(a, kw, 1, "default") ?? .none
            guard st.compiled.groups > 0 else { return .object(PyTuple([])) }
            return .object(PyTuple((1...st.compiled.groups).map { st.text($0).isNone ? fallback : st.text($0) }))
        }
        matchType.addMethod("groupdict") { a, kw, _ in
            let st = try state(a[0])
            let fallback = ThreadingModule.argument(a, kw, 1, "default") ?? .none
            let d = PyDict()
            for (name, n) in st.compiled.names.sorted(by: { $0.value < $1.value }) {
                try d.set(.str(name), st.text(n).isNone ? fallback : st.text(n))
            }
            return .object(d)
        }
        for (name, part) in [("start", 0), ("end", 1), ("span", 2)] {
            matchType.addMethod(name) { a, _, _ in
                let st = try state(a[0])
                let (s, e) = st.span(try groupIndex(st, a.count > 1 ? a[1] : .int(0)))
                switch part {
                case 0: return .int(s)
                case 1: return .int(e)
                default: return .object(PyTuple([.int(s), .int(e)]))
                }
            }
        }
        matchType.addMethod("expand") { a, _, _ in
            let st = try state(a[0])
            if st.compiled.isBytes, a.count > 1, let b = BytesLike.bytes(a[1]) {
                return st.compiled.value(expand(try parseTemplate(b.map { Unicode.Scalar($0) }, st.compiled), st))
            }
            guard a.count > 1, case .object(let t as PyStr) = a[1] else { throw PyException.make(.typeError, "expand() argument must be str") }
            return .str(expand(try parseTemplate(t.scalars, st.compiled), st))
        }
        matchType.addMethod("__repr__") { a, _, ctx in
            let st = try state(a[0])
            let (s, e) = st.span(0)
            return .str("<re.Match object; span=(\(s), \(e)), match=\(try repr(st.text(0), ctx))>")
        }
        return m
    }

    private static func makeMatcher(_ c: Compiled, _ s: [Unicode.Scalar], _ end: Int, _ ctx: ExecutionContext) -> RegexMatcher {
        let ts = ctx.ts
        return RegexMatcher(program: c.program, subject: s, end: end) { ts.tid == 1 && ts.gil.breaker.interruptPending }
    }

    /// Runs a match; an interrupt that stopped it becomes the KeyboardInterrupt it stands for.
    private static func interruptible<T>(_ ctx: ExecutionContext, _ body: () throws(RegexInterrupted) -> T) throws -> T {
        do {
            return try body()
        } catch {
            try ThreadingModule.checkInterrupt(ctx)
            throw PyException.make(.keyboardInterrupt)
        }
    }

    private static func missing(_ function: String, _ what: String) -> PyException {
        PyException.make(.typeError, "\(function)() missing required argument '\(what)'")
    }

    /// The subject as scalars: a str's code points, or a bytes-like object's bytes as Latin-1 code points.
    private static func subjectScalars(_ v: Value, _ c: Compiled) throws -> [Unicode.Scalar] {
        if case .object(let s as PyStr) = v {
            if c.isBytes { throw PyException.make(.typeError, "cannot use a bytes pattern on a string-like object") }
            return s.scalars
        }
        if let b = BytesLike.bytes(v) {
            if !c.isBytes { throw PyException.make(.typeError, "cannot use a string pattern on a bytes-like object") }
            return ScalarText.latin1Scalars(b)
        }
        throw PyException.make(.typeError, "expected string or bytes-like object, got '\(typeName(v))'")
    }

    /// `pos` / `endpos` clamped as `_sre` does.
    private static func bounds(_ pos: Value?, _ end: Value?, count: Int) -> (Int, Int) {
        var p = pos.flatMap(indexValue) ?? 0
        var e = end.flatMap { $0.isNone ? nil : indexValue($0) } ?? count
        p = min(max(p, 0), count)
        e = min(max(e, 0), count)
        return (p, max(p, e))
    }

    static func compile(_ v: Value, flags: Int) throws -> Compiled {
        // A str pattern is looked up by its own text before anything is built from it.
        if case .object(let o) = v, o.tag == .str,
           let hit = cache.withLock({ $0[CacheKey(text: unsafeDowncast(o, to: PyStr.self).value, flags: flags, isBytes: false)] }) {
            return hit
        }
        let scalars: [Unicode.Scalar]
        let isBytes: Bool
        if case .object(let s as PyStr) = v {
            scalars = s.scalars
            isBytes = false
            if flags & RegexFlags.locale.rawValue != 0 { throw PyException.make(.valueError, "cannot use LOCALE flag with a str pattern") }
            if flags & RegexFlags.ascii.rawValue != 0, flags & RegexFlags.unicode.rawValue != 0 {
                throw PyException.make(.valueError, "ASCII and UNICODE flags are incompatible")
            }
        } else if let b = BytesLike.bytes(v) {
            // A bytes pattern: Latin-1 code points, matched with ASCII character classes (sre's bytes mode).
            scalars = b.map { Unicode.Scalar($0) }
            isBytes = true
            if flags & RegexFlags.unicode.rawValue != 0 { throw PyException.make(.valueError, "cannot use UNICODE flag with a bytes pattern") }
        } else {
            throw PyException.make(.typeError, "first argument must be string or compiled pattern")
        }
        let source: String = if case .object(let s as PyStr) = v { s.value } else { ScalarText.string(scalars[...]) }
        let key = CacheKey(text: source, flags: flags, isBytes: isBytes)
        if let hit = cache.withLock({ $0[key] }) { return hit }
        var parser = RegexParser(scalars, flags: RegexFlags(rawValue: isBytes ? flags | RegexFlags.ascii.rawValue : flags))
        do {
            let node = try parser.parse()
            let program = try RegexProgram.compile(node, groups: parser.groupCount)
            // A str pattern reports UNICODE unless ASCII was asked for; a bytes pattern reports neither by default.
            var reported = parser.flags
            if isBytes {
                if flags & RegexFlags.ascii.rawValue == 0 { reported.remove(.ascii) }
            } else if !reported.contains(.ascii) {
                reported.insert(.unicode)
            }
            let c = Compiled(program: program, groups: parser.groupCount, names: parser.groupNames, source: source,
                             flags: reported.rawValue, isBytes: isBytes)
            cache.withLock { if $0.count >= 512 { $0.removeAll() }; $0[key] = c }
            return c
        } catch {
            if error.unsupported { throw PyException.make(.notImplementedError, error.message) }
            if error.overflow { throw PyException.make(.overflowError, error.message) }
            throw regexError(error.message, pattern: source, position: error.position)
        }
    }

    static func regexError(_ message: String, pattern: String?, position: Int?) -> PyException {
        let e = PyInstance(type: errorType)
        let text = position.map { "\(message) at position \($0)" } ?? message
        e.attributes["args"] = .object(PyTuple([.str(text)]))
        e.attributes["msg"] = .str(message)
        e.attributes["pattern"] = pattern.map { .str($0) } ?? Value.none
        e.attributes["pos"] = position.map { .int($0) } ?? Value.none
        e.native = ExceptionData()
        return PyException(e)
    }

    private static func flagNames(_ flags: Int) -> String {
        let names: [(Int, String)] = [(2, "re.IGNORECASE"), (4, "re.LOCALE"), (8, "re.MULTILINE"), (16, "re.DOTALL"), (64, "re.VERBOSE"), (256, "re.ASCII")]
        return names.filter { flags & $0.0 != 0 }.map(\.1).joined(separator: "|")
    }
}
