/// A compiled pattern: `RegexNode`s flattened into instructions for a backtracking machine, as Python's
/// `_sre` runs them — leftmost alternative first, greedy or lazy repeats, captures restored on backtracking.
/// The backtrack stack is an array, so a long subject never deepens the native stack.
struct RegexProgram {
    enum Instruction {
        case char(Unicode.Scalar)
        /// IGNORECASE: the subject's code point, case-folded, equals this folded one.
        case charFolded(Unicode.Scalar)
        case any
        case anyButNewline
        case set(RegexClass, fold: Bool)
        /// Try `first`; on failure resume at `second`.
        case split(first: Int, second: Int)
        case jump(Int)
        /// slots[n] ← position (captures: 2·group, 2·group + 1).
        case save(Int)
        case assert(RegexAssertion)
        case backreference(Int, fold: Bool)
        case lookaround(program: Int, ahead: Bool, negated: Bool, width: Int)
        /// Unbounded loops: remember where an iteration started; an iteration that consumed nothing ends the
        /// loop (jumps to `exit`) with what it captured, as `_sre`'s MAX_UNTIL does (`(a*)*` would loop forever).
        case mark(Int)
        case exitUnlessProgress(Int, exit: Int)
        case match
    }

    var code: [Instruction] = []
    /// What the first code point of every match must be, when the program begins by consuming one (after
    /// captures and loop marks only); nil when a match may begin anyhow (alternation, assertion, repeat).
    var firstStep: FirstStep?

    struct FirstStep {
        let instruction: Instruction

        func accepts(_ c: Unicode.Scalar) -> Bool {
            switch instruction {
            case .char(let x): c == x
            case .charFolded(let x): c == x || RegexMatcher.fold(c) == x
            case .set(let cls, let fold): fold ? cls.containsFolded(c) : cls.contains(c)
            default: true
            }
        }
    }
    /// Lookaround bodies, each a program of its own over the same slots.
    var subprograms: [RegexProgram] = []
    var slotCount = 2
    /// The slot holding the number of the capturing group that closed last (`Match.lastindex`; 0 = none).
    var lastIndexSlot = 2

    static func compile(_ node: RegexNode, groups: Int) throws(RegexSyntaxError) -> RegexProgram {
        var compiler = Compiler(slotCount: 2 + 2 * groups + 1)
        try compiler.emit(node)
        compiler.program.code.append(.match)
        compiler.program.slotCount = compiler.slotCount
        compiler.program.lastIndexSlot = 2 + 2 * groups
        compiler.program.subprograms = compiler.subprograms
        for instruction in compiler.program.code {
            switch instruction {
            case .save, .mark: continue
            case .char, .charFolded, .set: compiler.program.firstStep = FirstStep(instruction: instruction)
            default: break
            }
            break
        }
        return compiler.program
    }

    private struct Compiler {
        var program = RegexProgram()
        var subprograms: [RegexProgram] = []
        var slotCount: Int

        init(slotCount: Int) { self.slotCount = slotCount }

        var here: Int { program.code.count }

        mutating func emit(_ node: RegexNode) throws(RegexSyntaxError) {
            switch node {
            case .empty: break
            case .literal(let c, let fold): program.code.append(fold ? .charFolded(RegexMatcher.fold(c)) : .char(c))
            case .any(let dotAll): program.code.append(dotAll ? .any : .anyButNewline)
            case .set(let cls, let fold): program.code.append(.set(cls, fold: fold))
            case .sequence(let items): for item in items { try emit(item) }
            case .alternation(let branches):
                var ends: [Int] = []
                for (k, branch) in branches.enumerated() {
                    if k < branches.count - 1 {
                        let split = here
                        program.code.append(.split(first: split + 1, second: 0))
                        try emit(branch)
                        ends.append(here)
                        program.code.append(.jump(0))
                        program.code[split] = .split(first: split + 1, second: here)
                    } else {
                        try emit(branch)
                    }
                }
                for e in ends { program.code[e] = .jump(here) }
            case .group(let inner, let index):
                if let index { program.code.append(.save(2 * index)) }
                try emit(inner)
                if let index { program.code.append(.save(2 * index + 1)) }
            case .repetition(let inner, let min, let max, let greedy):
                for _ in 0..<min { try emit(inner) }
                if let max {
                    var exits: [Int] = []
                    for _ in min..<max {
                        exits.append(here)
                        program.code.append(.split(first: 0, second: 0))
                        try emit(inner)
                    }
                    for e in exits { program.code[e] = greedy ? .split(first: e + 1, second: here) : .split(first: here, second: e + 1) }
                } else {
                    let counter = slotCount
                    slotCount += 1
                    let top = here
                    program.code.append(.split(first: 0, second: 0))
                    program.code.append(.mark(counter))
                    try emit(inner)
                    let check = here
                    program.code.append(.exitUnlessProgress(counter, exit: 0))
                    program.code.append(.jump(top))
                    program.code[check] = .exitUnlessProgress(counter, exit: here)
                    program.code[top] = greedy ? .split(first: top + 1, second: here) : .split(first: here, second: top + 1)
                }
                if program.code.count > 200_000 {
                    throw RegexSyntaxError(message: "pattern too large (repeat counts expand it past 200,000 steps)", position: nil)
                }
            case .assertion(let a): program.code.append(.assert(a))
            case .backreference(let n, let fold): program.code.append(.backreference(n, fold: fold))
            case .lookaround(let inner, let ahead, let negated):
                var width = 0
                if !ahead {
                    guard let w = Self.fixedWidth(inner) else {
                        throw RegexSyntaxError(message: "look-behind requires fixed-width pattern", position: nil)
                    }
                    width = w
                }
                var sub = Compiler(slotCount: slotCount)
                try sub.emit(inner)
                sub.program.code.append(.match)
                slotCount = sub.slotCount
                var body = sub.program
                body.subprograms = sub.subprograms
                subprograms.append(body)
                program.code.append(.lookaround(program: subprograms.count - 1, ahead: ahead, negated: negated, width: width))
            }
        }

        /// Code points a look-behind body always spans; nil when it varies.
        static func fixedWidth(_ node: RegexNode) -> Int? {
            switch node {
            case .empty, .assertion, .lookaround: return 0
            case .literal, .any, .set: return 1
            case .sequence(let items):
                var total = 0
                for item in items {
                    guard let w = fixedWidth(item) else { return nil }
                    total += w
                }
                return total
            case .alternation(let branches):
                let widths = branches.map(fixedWidth)
                guard let first = widths.first, let w = first, widths.allSatisfy({ $0 == w }) else { return nil }
                return w
            case .group(let inner, _): return fixedWidth(inner)
            case .repetition(let inner, let min, let max, _):
                guard max == min, let w = fixedWidth(inner) else { return nil }
                return w * min
            case .backreference: return nil
            }
        }
    }
}

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

    /// The capture slots of the first match starting exactly at `start` (by the pattern's priorities), or nil.
    /// - Parameters:
    ///   - full: the match must end at `end` (`fullmatch`).
    ///   - notEmptyAt: a match may not end at this position (after an empty match, `finditer` and friends
    ///     must advance; sre's `must_advance`).
    func match(at start: Int, full: Bool = false, notEmptyAt: Int? = nil) throws(RegexInterrupted) -> [Int]? {
        var slots = [Int](repeating: -1, count: program.slotCount)
        slots[0] = start
        slots[program.lastIndexSlot] = 0
        guard var found = try run(program, from: start, slots: slots, full: full, notEmptyAt: notEmptyAt) else { return nil }
        found.slots[1] = found.end
        return found.slots
    }

    /// The first match at or after `start`. When every match must begin with a known code point or class
    /// (`program.firstStep`), positions that cannot start one are skipped without running the machine.
    func search(from start: Int, notEmptyAt: Int? = nil) throws(RegexInterrupted) -> [Int]? {
        var k = start
        while k <= end {
            if let first = program.firstStep {
                while k < end && !first.accepts(subject[k]) { k += 1 }
                if k == end { return nil }
            }
            if let m = try match(at: k, notEmptyAt: notEmptyAt) { return m }
            k += 1
        }
        return nil
    }

    /// A point to resume from: the slots written since (`trail` beyond `trailLength`) are undone first, so
    /// a choice costs three integers instead of a copy of every slot.
    private struct Choice {
        var pc: Int
        var position: Int
        var trailLength: Int
    }

    private func run(
        _ prog: RegexProgram, from start: Int, slots initial: [Int], full: Bool, notEmptyAt: Int?
    ) throws(RegexInterrupted) -> (end: Int, slots: [Int])? {
        var stack: [Choice] = []
        var trail: [(slot: Int, old: Int)] = []
        var pc = 0
        var pos = start
        var slots = initial
        let code = prog.code
        func set(_ n: Int, _ value: Int) {
            trail.append((n, slots[n]))
            slots[n] = value
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
            case .set(let cls, let fold):
                if pos < end && (fold ? cls.containsFolded(subject[pos]) : cls.contains(subject[pos])) {
                    pos += 1
                    pc += 1
                } else {
                    ok = false
                }
            case .split(let first, let second):
                stack.append(Choice(pc: second, position: pos, trailLength: trail.count))
                pc = first
            case .jump(let target):
                pc = target
            case .save(let n):
                set(n, pos)
                if n > 1 && n & 1 == 1 { set(program.lastIndexSlot, n >> 1) }
                pc += 1
            case .assert(let a):
                if holds(a, at: pos) { pc += 1 } else { ok = false }
            case .backreference(let n, let fold):
                let s = slots[2 * n], e = slots[2 * n + 1]
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
                var result: (end: Int, slots: [Int])?
                if ahead {
                    result = try run(body, from: pos, slots: slots, full: false, notEmptyAt: nil)
                } else if pos - width >= 0 {
                    let behind = RegexMatcher(program: program, subject: subject, end: pos, interrupted: interrupted)
                    result = try behind.run(body, from: pos - width, slots: slots, full: true, notEmptyAt: nil)
                }
                if (result != nil) != negated {
                    if let result, !negated {
                        for n in result.slots.indices where result.slots[n] != slots[n] { set(n, result.slots[n]) }
                    }
                    pc += 1
                } else {
                    ok = false
                }
            case .mark(let n):
                set(n, pos)
                pc += 1
            case .exitUnlessProgress(let n, let exit):
                pc = pos != slots[n] ? pc + 1 : exit
            case .match:
                if (full && pos != end) || pos == notEmptyAt { ok = false } else { return (pos, slots) }
            }
            if !ok {
                guard let choice = stack.popLast() else { return nil }
                pc = choice.pc
                pos = choice.position
                while trail.count > choice.trailLength {
                    let undo = trail.removeLast()
                    slots[undo.slot] = undo.old
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
