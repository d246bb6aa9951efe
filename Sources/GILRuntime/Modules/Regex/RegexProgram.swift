/// A compiled pattern: `RegexNode`s flattened into instructions for a backtracking machine, as Python's
/// `_sre` runs them — leftmost alternative first, greedy or lazy repeats, captures restored on backtracking.
/// The backtrack stack is an array, so a long subject never deepens the native stack.
struct RegexProgram {
    /// Every payload is a plain value (classes live in `classes`), so reading `code[pc]` retains nothing.
    enum Instruction {
        case char(Unicode.Scalar)
        /// IGNORECASE: the subject's code point, case-folded, equals this folded one.
        case charFolded(Unicode.Scalar)
        case any
        case anyButNewline
        /// `classes[n]` holds the code point.
        case set(Int)
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
        /// A repeat of one single-code-point step (the instruction after this one: `x*`, `[a-z]+?`, `.{2,5}`),
        /// `_sre`'s REPEAT_ONE / MIN_REPEAT_ONE: greedy consumes as many as it can in one loop and gives them back
        /// one at a time on backtracking; lazy takes `min` and one more per backtrack. No split per code point.
        case repeatOne(min: Int, max: Int, greedy: Bool)
        case match
    }

    var code: [Instruction] = []
    /// The character classes `set` instructions name, with their ASCII members as a bitmap.
    var classes: [ClassTest] = []
    /// The code points a match can begin with, when it cannot be empty (`_sre`'s INFO charset): `search` skips
    /// every position whose code point is not among them without starting the machine.
    var firstSet: FirstSet?
    /// What a match must begin with, per alternative (`RegexProgram+Lead`): checked before the machine runs.
    var lead: Lead?
    /// Lookaround bodies, each a program of its own over the same slots.
    var subprograms: [RegexProgram] = []
    var slotCount = 2
    /// The slot holding the number of the capturing group that closed last (`Match.lastindex`; 0 = none).
    var lastIndexSlot = 2

    /// A `[…]` class (or class escape) as the matcher tests it: ASCII code points by a bit, the rest by the class.
    struct ClassTest {
        let low: UInt64
        let high: UInt64
        let cls: RegexClass
        let fold: Bool

        init(_ cls: RegexClass, fold: Bool) {
            var bits: (UInt64, UInt64) = (0, 0)
            for v in UInt32(0)..<128 {
                let c = Unicode.Scalar(v)!
                guard fold ? cls.containsFolded(c) : cls.contains(c) else { continue }
                if v < 64 { bits.0 |= 1 << UInt64(v) } else { bits.1 |= 1 << UInt64(v - 64) }
            }
            (low, high, self.cls, self.fold) = (bits.0, bits.1, cls, fold)
        }

        @inline(__always) func contains(_ c: Unicode.Scalar) -> Bool {
            let v = c.value
            if v < 64 { return low & (1 << UInt64(v)) != 0 }
            if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
            return fold ? cls.containsFolded(c) : cls.contains(c)
        }
    }

    static func compile(_ node: RegexNode, groups: Int) throws(RegexSyntaxError) -> RegexProgram {
        var compiler = Compiler(slotCount: 2 + 2 * groups + 1)
        try compiler.emit(node)
        compiler.program.code.append(.match)
        compiler.program.slotCount = compiler.slotCount
        compiler.program.lastIndexSlot = 2 + 2 * groups
        compiler.program.subprograms = compiler.subprograms
        let first = FirstSet.of(node)
        if !first.nullable { compiler.program.firstSet = first }
        compiler.program.lead = Lead.of(node, classes: &compiler.program.classes)
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
            case .set(let cls, let fold):
                program.classes.append(ClassTest(cls, fold: fold))
                program.code.append(.set(program.classes.count - 1))
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
            case .repetition(let inner, let min, let max, let greedy) where Self.isSingleStep(inner):
                program.code.append(.repeatOne(min: min, max: max ?? Int.max, greedy: greedy))
                try emit(inner)
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

        /// One instruction consuming exactly one code point, no capture: what `repeatOne` repeats.
        static func isSingleStep(_ node: RegexNode) -> Bool {
            switch node {
            case .literal, .any, .set: return true
            case .group(let inner, nil): return isSingleStep(inner)
            case .sequence(let items) where items.count == 1: return isSingleStep(items[0])
            default: return false
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
