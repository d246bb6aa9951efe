import PythonSyntax

/// `match` (PEP 634), compiled as CPython's `compiler_match` does: the subject stays in one register, each
/// case tests its pattern against it — `matchSequence`/`matchMapping`/`matchClass` for the structure,
/// ordinary `==`/`is`/`in`, `unpack` and subscripts for the parts — and every failed test jumps to the next
/// case. Captured values wait in registers and are stored only once the whole pattern matched, before the
/// guard (CPython's `pattern_context.stores`): a case that fails half-way binds nothing.
extension FunctionCompiler {
    func match(_ subject: Expression, _ cases: [MatchCase]) throws(SyntaxError) {
        let s = newTemp()
        _ = try expression(subject, into: s)
        var endJumps: [Int] = []
        for (index, c) in cases.enumerated() {
            try checkReachable(c, isLast: index == cases.count - 1)
            currentLine = c.pattern.location.line
            var fails: [Int] = []
            try withTemps { () throws(SyntaxError) in
                _ = try boundNames(c.pattern)
                var captures: [(name: String, register: Int32)] = []
                try pattern(c.pattern, subject: s, fails: &fails, captures: &captures)
                for capture in captures { store(capture.name, from: capture.register) }
                if let g = c.guardTest {
                    currentLine = g.location.line
                    fails.append(try jumpUnless(g))
                }
            }
            try statements(c.body)
            if index < cases.count - 1 { endJumps.append(emit(.jump)) }
            for f in fails { patchJump(f, to: here) }
        }
        for j in endJumps { patchJump(j, to: here) }
    }

    /// CPython's compile-time checks: a capture or wildcard without a guard matches everything, so it must be
    /// the last case.
    private func checkReachable(_ c: MatchCase, isLast: Bool) throws(SyntaxError) {
        guard !isLast, c.guardTest == nil, case .capture(nil, let name) = c.pattern.kind else { return }
        let what = name.map { "name capture '\($0)'" } ?? "wildcard"
        throw error("\(what) makes remaining patterns unreachable", c.pattern.location)
    }

    /// Names a pattern binds, in order, each where it is bound; a name bound twice is CPython's SyntaxError.
    private func boundNames(_ p: Pattern) throws(SyntaxError) -> [(name: String, at: SourceLocation)] {
        var names: [(name: String, at: SourceLocation)] = []
        func add(_ n: String?, _ at: SourceLocation) throws(SyntaxError) {
            guard let n else { return }
            if names.contains(where: { $0.name == n }) { throw error("multiple assignments to name '\(n)' in pattern", at) }
            names.append((n, at))
        }
        func addAll(_ q: Pattern) throws(SyntaxError) {
            for m in try boundNames(q) { try add(m.name, m.at) }
        }
        switch p.kind {
        case .value, .singleton: break
        case .star(let n): try add(n, p.location)
        case .capture(let inner, let n):
            if let inner { try addAll(inner) }
            try add(n, p.location)
        case .sequence(let items):
            for i in items { try addAll(i) }
        case .mapping(_, let patterns, let rest):
            for q in patterns { try addAll(q) }
            try add(rest, p.location)
        case .classPattern(_, let patterns, let keywordNames, let keywordPatterns):
            for (i, k) in keywordNames.enumerated() where keywordNames[..<i].contains(k) {
                throw error("attribute name repeated in class pattern: \(k)", keywordPatterns[i].location)
            }
            for q in patterns + keywordPatterns { try addAll(q) }
        case .or(let alternatives):
            let first = try boundNames(alternatives[0])
            for a in alternatives.dropFirst() where Set(try boundNames(a).map(\.name)) != Set(first.map(\.name)) {
                throw error("alternative patterns bind different names", a.location)
            }
            for m in first { try add(m.name, m.at) }
        }
        return names
    }

    /// Tests `p` against register `v`; every failure is a jump appended to `fails` (patched by the caller),
    /// every capture the register holding its value, to store once the whole pattern matched.
    private func pattern(
        _ p: Pattern, subject v: Int32, fails: inout [Int], captures: inout [(name: String, register: Int32)]
    ) throws(SyntaxError) {
        switch p.kind {
        case .capture(let inner, let name):
            if let inner { try pattern(inner, subject: v, fails: &fails, captures: &captures) }
            if let name { captures.append((name, v)) }
        case .value(let e):
            let t = try expression(e)
            let r = newTemp()
            emit(.equal, r, v, t)
            fails.append(emit(.jumpIfFalse, 0, r))
        case .singleton(let c):
            let t = try constant(c, at: p.location)
            let r = newTemp()
            emit(.compare, r, v, t, d: UInt16(comparisonOperators.firstIndex(of: .is)!))
            fails.append(emit(.jumpIfFalse, 0, r))
        case .sequence(let items):
            try sequence(items, subject: v, fails: &fails, captures: &captures)
        case .star:
            throw error("can't use starred name here", p.location)  // the parser only makes stars inside sequences
        case .mapping(let keys, let patterns, let rest):
            try mapping(keys, patterns, rest, subject: v, fails: &fails, captures: &captures)
        case .classPattern(let cls, let patterns, let keywordNames, let keywordPatterns):
            let c = temps(2)
            _ = try expression(cls, into: c)
            emit(.move, c + 1, constantIndexRegister(keywordNames))
            let r = temps(2)
            emit(.matchClass, r, v, c, d: UInt16(patterns.count))
            fails.append(emit(.jumpIfFalse, 0, r))
            let parts = patterns + keywordPatterns
            guard !parts.isEmpty else { return }
            let base = temps(parts.count)
            emit(.unpack, base, r + 1, Int32(parts.count))
            for (i, q) in parts.enumerated() { try pattern(q, subject: base + Int32(i), fails: &fails, captures: &captures) }
        case .or(let alternatives):
            // Each alternative binds the same names (checked by `boundNames`), each from its own registers:
            // the one that matches moves its values into shared ones.
            let names = try boundNames(alternatives[0]).map(\.name)
            let shared = temps(names.count)
            var matched: [Int] = []
            for (i, a) in alternatives.enumerated() {
                let isLast = i == alternatives.count - 1
                var next: [Int] = []
                var own: [(name: String, register: Int32)] = []
                try pattern(a, subject: v, fails: &next, captures: &own)
                for capture in own { emit(.move, shared + Int32(names.firstIndex(of: capture.name)!), capture.register) }
                if isLast {
                    fails += next
                } else {
                    matched.append(emit(.jump))
                    for f in next { patchJump(f, to: here) }
                }
            }
            for m in matched { patchJump(m, to: here) }
            for (i, n) in names.enumerated() { captures.append((n, shared + Int32(i))) }
        }
    }

    /// `[a, *rest, b]`: a sequence (not str/bytes/bytearray) of the right length, then each item.
    private func sequence(
        _ items: [Pattern], subject v: Int32, fails: inout [Int], captures: inout [(name: String, register: Int32)]
    ) throws(SyntaxError) {
        let star = items.firstIndex { if case .star = $0.kind { return true } else { return false } }
        let r = newTemp()
        emit(.matchSequence, r, v, Int32(star == nil ? items.count : items.count - 1), d: star == nil ? 0 : 1)
        fails.append(emit(.jumpIfFalse, 0, r))
        guard !items.isEmpty else { return }
        let base = temps(items.count)
        if let star {
            emit(.unpackStar, base, v, Int32(star), d: UInt16(items.count - star - 1))
        } else {
            emit(.unpack, base, v, Int32(items.count))
        }
        for (i, item) in items.enumerated() {
            if case .star(let name) = item.kind {
                if let name { captures.append((name, base + Int32(i))) }
            } else {
                try pattern(item, subject: base + Int32(i), fails: &fails, captures: &captures)
            }
        }
    }

    /// `{k: p, …, **rest}`: a mapping holding every key (`in`, so a defaultdict adds nothing), each value
    /// matching; `rest` gets a new dict without the matched keys.
    private func mapping(
        _ keys: [Expression], _ patterns: [Pattern], _ rest: String?, subject v: Int32, fails: inout [Int],
        captures: inout [(name: String, register: Int32)]
    ) throws(SyntaxError) {
        let r = newTemp()
        emit(.matchMapping, r, v)
        fails.append(emit(.jumpIfFalse, 0, r))
        let keyBase = temps(keys.count)
        for (i, key) in keys.enumerated() {
            let k = keyBase + Int32(i)
            _ = try expression(key, into: k)
            emit(.compare, r, k, v, d: UInt16(comparisonOperators.firstIndex(of: .in)!))
            fails.append(emit(.jumpIfFalse, 0, r))
            let value = newTemp()
            emit(.loadSubscript, value, v, k)
            try pattern(patterns[i], subject: value, fails: &fails, captures: &captures)
        }
        if let rest {
            let d = newTemp()
            emit(.buildDict, d, 0, 0)
            emit(.dictUpdate, d, v)
            for i in keys.indices { emit(.deleteSubscript, d, keyBase + Int32(i)) }
            captures.append((rest, d))
        }
    }

    /// A register holding the tuple of a class pattern's keyword names.
    private func constantIndexRegister(_ names: [String]) -> Int32 {
        constant(.object(PyTuple(names.map { .str($0) })), key: .names(names))
    }
}
