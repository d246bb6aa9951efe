/// A match given up because the program was interrupted (Ctrl-C, `--timeout`) while it ran.
struct RegexInterrupted: Error {}

/// Runs a `RegexProgram` over a subject's code points.
struct RegexMatcher {
    let program: RegexProgram
    let subject: [Unicode.Scalar]
    /// `endpos`: the subject ends here for every purpose.
    let end: Int
    /// Asked every 4,096 steps, as `_sre` checks for signals: a pattern that backtracks for minutes must still
    /// yield to a KeyboardInterrupt.
    var interrupted: () -> Bool = { false }

    /// The backtracking machine's arrays, allocated once per search (or once for all the searches of a
    /// `findall`/`sub`: `makeScratch`) and reused by every start position.
    struct Scratch {
        fileprivate var stack: [Choice] = []
        var trail: [(slot: Int, old: Int)] = []
        var slots: [Int]

        init(slotCount: Int) {
            // The stack and the trail allocate at their first choice: many searches never make one.
            slots = [Int](repeating: -1, count: slotCount)
        }
    }

    /// The capture slots of the first match starting exactly at `start` (by the pattern's priorities), or nil.
    /// - Parameters:
    ///   - full: the match must end at `end` (`fullmatch`).
    ///   - notEmptyAt: a match may not end at this position (after an empty match, `finditer` and friends
    ///     must advance; sre's `must_advance`).
    func match(at start: Int, full: Bool = false, notEmptyAt: Int? = nil) throws(RegexInterrupted) -> [Int]? {
        var scratch = Scratch(slotCount: program.slotCount)
        return try attempt(at: start, full: full, notEmptyAt: notEmptyAt, &scratch)
    }

    private func attempt(at start: Int, full: Bool, notEmptyAt: Int?, _ scratch: inout Scratch) throws(RegexInterrupted) -> [Int]? {
        for n in scratch.slots.indices { scratch.slots[n] = -1 }
        scratch.slots[0] = start
        scratch.slots[program.lastIndexSlot] = 0
        guard let end = try run(program, from: start, full: full, notEmptyAt: notEmptyAt, &scratch) else { return nil }
        var found = scratch.slots
        found[1] = end
        return found
    }

    /// The first match at or after `start`. When a match cannot be empty, positions whose code point cannot
    /// begin one (`program.firstSet`) are skipped without running the machine.
    func search(from start: Int, notEmptyAt: Int? = nil) throws(RegexInterrupted) -> [Int]? {
        var scratch = makeScratch()
        return try search(from: start, notEmptyAt: notEmptyAt, &scratch)
    }

    func makeScratch() -> Scratch { Scratch(slotCount: program.slotCount) }

    /// `search` with the machine's arrays of an earlier search of this matcher.
    func search(from start: Int, notEmptyAt: Int? = nil, _ scratch: inout Scratch) throws(RegexInterrupted) -> [Int]? {
        let prog = program
        // The buffers are opened once for every start position (each attempt used to open all three again).
        return try prog.code.withUnsafeBufferPointer { (code) throws(RegexInterrupted) -> [Int]? in
            try prog.classes.withUnsafeBufferPointer { (classes) throws(RegexInterrupted) -> [Int]? in
                try subject.withUnsafeBufferPointer { (s) throws(RegexInterrupted) -> [Int]? in
                    var k = start
                    let firstSet = prog.firstSet, lead = prog.lead
                    // Only position 0 can begin a match of an anchored pattern (`^` is the subject's start, not `pos`).
                    let last = lead?.anchored == true ? 0 : end
                    while k <= last {
                        if let first = firstSet {
                            while k < end && !first.contains(s[k]) { k += 1 }
                            if k >= end { return nil }
                        }
                        if let lead, !lead.admits(k, s, end: end, classes) {
                            k += 1
                            continue
                        }
                        for n in scratch.slots.indices { scratch.slots[n] = -1 }
                        scratch.slots[0] = k
                        scratch.slots[prog.lastIndexSlot] = 0
                        if let matchEnd = try run(prog, code, classes, s, from: k, full: false, notEmptyAt: notEmptyAt, &scratch) {
                            var found = scratch.slots
                            found[1] = matchEnd
                            return found
                        }
                        k += 1
                    }
                    return nil
                }
            }
        }
    }

    /// A point to resume from: the slots written since (`trail` beyond `trailLength`) are undone first, so
    /// a choice costs three integers instead of a copy of every slot. A `repeatOne` choice (`limit` ≥ 0)
    /// resumes at its repeat with one code point fewer (greedy) or more (lazy) than last time.
    struct Choice {
        var pc: Int
        var position: Int
        var trailLength: Int
        var limit: Int = -1
    }

    /// Whether `step` is a literal or class test that the code point at `pos` (or the end) fails.
    @inline(__always)
    private func failsHere(_ step: RegexProgram.Instruction, _ pos: Int, _ subject: UnsafeBufferPointer<Unicode.Scalar>,
                           _ classes: UnsafeBufferPointer<RegexProgram.ClassTest>) -> Bool {
        switch step {
        case .char(let c): return pos >= end || subject[pos] != c
        case .set(let n): return pos >= end || !classes[n].contains(subject[pos])
        default: return false
        }
    }

    /// Whether a single-code-point step (`char`, `charFolded`, `any`, `anyButNewline`, `set`) accepts `c`.
    @inline(__always)
    static func accepts(_ step: RegexProgram.Instruction, _ c: Unicode.Scalar, _ classes: UnsafeBufferPointer<RegexProgram.ClassTest>) -> Bool {
        switch step {
        case .char(let x): return c == x
        case .charFolded(let x): return c == x || fold(c) == x
        case .any: return true
        case .anyButNewline: return c != "\n"
        case .set(let n): return classes[n].contains(c)
        default: return false
        }
    }

    /// Runs `prog` from `start` over `scratch.slots` (already set up); the end of the match, or nil.
    private func run(
        _ prog: RegexProgram, from start: Int, full: Bool, notEmptyAt: Int?, _ scratch: inout Scratch
    ) throws(RegexInterrupted) -> Int? {
        try prog.code.withUnsafeBufferPointer { (code) throws(RegexInterrupted) -> Int? in
            try prog.classes.withUnsafeBufferPointer { (classes) throws(RegexInterrupted) -> Int? in
                try subject.withUnsafeBufferPointer { (subject) throws(RegexInterrupted) -> Int? in
                    try run(prog, code, classes, subject, from: start, full: full, notEmptyAt: notEmptyAt, &scratch)
                }
            }
        }
    }

    private func run(
        _ prog: RegexProgram, _ code: UnsafeBufferPointer<RegexProgram.Instruction>,
        _ classes: UnsafeBufferPointer<RegexProgram.ClassTest>, _ subject: UnsafeBufferPointer<Unicode.Scalar>,
        from start: Int, full: Bool, notEmptyAt: Int?, _ scratch: inout Scratch
    ) throws(RegexInterrupted) -> Int? {
        let stackBase = scratch.stack.count
        let trailBase = scratch.trail.count
        defer {
            if scratch.stack.count > stackBase { scratch.stack.removeLast(scratch.stack.count - stackBase) }
            if scratch.trail.count > trailBase { scratch.trail.removeLast(scratch.trail.count - trailBase) }
        }
        var pc = 0
        var pos = start
        // The trail serves only to undo slots when backtracking to a choice made before the write: with no
        // choice on the stack (an outer run's included), nothing can go back past it.
        func set(_ n: Int, _ value: Int) {
            if !scratch.stack.isEmpty { scratch.trail.append((n, scratch.slots[n])) }
            scratch.slots[n] = value
        }
        var steps = 0
        while true {
            steps &+= 1
            if steps & 4095 == 0 && interrupted() { throw RegexInterrupted() }
            var ok = true
            switch code[pc] {
            case .char(let c):
                if pos < end && subject[pos] == c { pos += 1; pc += 1 } else { ok = false }
            case .charFolded(let c):
                if pos < end && (subject[pos] == c || Self.fold(subject[pos]) == c) { pos += 1; pc += 1 } else { ok = false }
            case .any:
                if pos < end { pos += 1; pc += 1 } else { ok = false }
            case .anyButNewline:
                if pos < end && subject[pos] != "\n" { pos += 1; pc += 1 } else { ok = false }
            case .set(let n):
                if pos < end && classes[n].contains(subject[pos]) { pos += 1; pc += 1 } else { ok = false }
            case .repeatOne(let min, let max, let greedy):
                let step = code[pc + 1]
                let from = pos
                let most = max < end - pos ? pos + max : end
                if greedy {
                    while pos < most && Self.accepts(step, subject[pos], classes) { pos += 1 }
                    if pos - from < min {
                        ok = false
                    } else {
                        if pos - from > min { scratch.stack.append(Choice(pc: pc, position: pos, trailLength: scratch.trail.count, limit: from + min)) }
                        pc += 2
                    }
                } else {
                    let least = from + min
                    while pos < least && pos < end && Self.accepts(step, subject[pos], classes) { pos += 1 }
                    if pos < least {
                        ok = false
                    } else {
                        if pos < most { scratch.stack.append(Choice(pc: pc, position: pos, trailLength: scratch.trail.count, limit: most)) }
                        pc += 2
                    }
                }
            case .split(let first, let second):
                // A branch whose first step is a code point test failing here fails at once: it is not tried,
                // and no choice is pushed for it (`agggtaaa|tttaccct` at an "a" runs one branch, no stack).
                if failsHere(code[second], pos, subject, classes) {
                    pc = first
                } else if failsHere(code[first], pos, subject, classes) {
                    pc = second
                } else {
                    scratch.stack.append(Choice(pc: second, position: pos, trailLength: scratch.trail.count))
                    pc = first
                }
            case .jump(let target):
                pc = target
            case .save(let n):
                set(n, pos)
                if n > 1 && n & 1 == 1 { set(program.lastIndexSlot, n >> 1) }
                pc += 1
            case .assert(let a):
                if holds(a, at: pos) { pc += 1 } else { ok = false }
            case .backreference(let n, let fold):
                let s = scratch.slots[2 * n], e = scratch.slots[2 * n + 1]
                if s >= 0 && e >= s && pos + (e - s) <= end
                    && (0..<(e - s)).allSatisfy({ k in
                        fold ? Self.fold(subject[s + k]) == Self.fold(subject[pos + k]) : subject[s + k] == subject[pos + k]
                    }) {
                    pos += e - s
                    pc += 1
                } else {
                    ok = false
                }
            case .lookaround(let index, let ahead, let negated, let width):
                let body = prog.subprograms[index]
                let before = scratch.slots
                var matched = false
                if ahead {
                    matched = try run(body, from: pos, full: false, notEmptyAt: nil, &scratch) != nil
                } else if pos - width >= 0 {
                    let behind = RegexMatcher(program: program, subject: self.subject, end: pos, interrupted: interrupted)
                    matched = try behind.run(body, from: pos - width, full: true, notEmptyAt: nil, &scratch) != nil
                }
                // The body's captures stay only when a positive lookaround matched; they are then written again
                // through the trail so that backtracking past the lookaround undoes them.
                let after = scratch.slots
                scratch.slots = before
                if matched != negated {
                    if matched && !negated {
                        for n in after.indices where after[n] != before[n] { set(n, after[n]) }
                    }
                    pc += 1
                } else {
                    ok = false
                }
            case .mark(let n):
                set(n, pos)
                pc += 1
            case .exitUnlessProgress(let n, let exit):
                pc = pos != scratch.slots[n] ? pc + 1 : exit
            case .match:
                if (full && pos != end) || pos == notEmptyAt { ok = false } else { return pos }
            }
            while !ok {
                guard scratch.stack.count > stackBase else { return nil }
                let choice = scratch.stack.removeLast()
                while scratch.trail.count > choice.trailLength {
                    let undo = scratch.trail.removeLast()
                    scratch.slots[undo.slot] = undo.old
                }
                pc = choice.pc
                pos = choice.position
                guard choice.limit >= 0, case .repeatOne(_, _, let greedy) = code[pc] else {
                    ok = true
                    break
                }
                // A repeat gives back (greedy) or takes (lazy) one more code point, then goes on after it.
                if greedy {
                    pos -= 1
                    // The continuation begins with a literal: only positions followed by it can succeed.
                    if case .char(let next) = code[pc + 2] {
                        while pos > choice.limit && (pos >= end || subject[pos] != next) { pos -= 1 }
                    }
                    if pos > choice.limit { scratch.stack.append(Choice(pc: pc, position: pos, trailLength: choice.trailLength, limit: choice.limit)) }
                    pc += 2
                    ok = true
                } else if pos < end && Self.accepts(code[pc + 1], subject[pos], classes) {
                    pos += 1
                    if pos < choice.limit { scratch.stack.append(Choice(pc: pc, position: pos, trailLength: choice.trailLength, limit: choice.limit)) }
                    pc += 2
                    ok = true
                }
            }
        }
    }

    private func holds(_ a: RegexAssertion, at pos: Int) -> Bool {
        switch a {
        case .stringStart: return pos == 0
        case .stringEnd: return pos == end
        case .endOrFinalNewline: return pos == end || (pos == end - 1 && subject[pos] == "\n")
        case .lineStart: return pos == 0 || subject[pos - 1] == "\n"
        case .lineEnd: return pos == end || subject[pos] == "\n"
        case .wordBoundary(let ascii): return isBoundary(pos, ascii: ascii)
        case .notWordBoundary(let ascii): return !isBoundary(pos, ascii: ascii)
        }
    }

    private func isBoundary(_ pos: Int, ascii: Bool) -> Bool {
        let before = pos > 0 && RegexClass.isWord(subject[pos - 1], ascii: ascii)
        let after = pos < end && RegexClass.isWord(subject[pos], ascii: ascii)
        return before != after
    }

    static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.isASCII {
            return (0x41...0x5A).contains(c.value) ? Unicode.Scalar(c.value + 0x20)! : c
        }
        let lower = c.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : c
    }

    /// The lower- and uppercase forms a set is also tried with under IGNORECASE.
    static func foldedVariants(_ c: Unicode.Scalar) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for mapping in [c.properties.lowercaseMapping, c.properties.uppercaseMapping] {
            let scalars = mapping.unicodeScalars
            if scalars.count == 1, let s = scalars.first, s != c { out.append(s) }
        }
        return out
    }
}
