extension RegexProgram {
    /// What every match must begin with, found by analysis of the parsed pattern: per alternative, the
    /// code point tests of its first steps (literals, classes, `.`), and whether it is anchored at the start
    /// of the subject (`\A`, `^` without MULTILINE). `search` checks a position against them before it starts
    /// the backtracking machine there: `agggtaaa|tttaccct` over DNA starts it only where one of the two
    /// eight-letter words begins, `^ba` only at position 0 (`_sre` has a literal prefix and a charset for
    /// this; our lead covers alternations too).
    struct Lead {
        struct Alternative {
            /// Single-code-point instructions (`char`, `charFolded`, `any`, `anyButNewline`, `set`).
            var steps: [Instruction] = []
            var atStart = false
        }

        var alternatives: [Alternative]
        /// Every alternative is anchored at the start of the subject: only position 0 can begin a match.
        var anchored: Bool { alternatives.allSatisfy(\.atStart) }

        /// More alternatives than this and the check costs more than the machine's own first steps.
        static let maxAlternatives = 16
        /// Steps per alternative worth checking (the machine checks the rest).
        static let maxSteps = 8

        /// The lead of `node`, or nil when some alternative requires nothing (the pattern may match
        /// anywhere: a nullable or backreference start).
        static func of(_ node: RegexNode, classes: inout [ClassTest]) -> Lead? {
            let found = Analysis.of(node, &classes)
            guard found.alternatives.allSatisfy({ !$0.steps.isEmpty || $0.atStart }) else { return nil }
            return Lead(alternatives: found.alternatives)
        }

        /// Whether a match may begin at `k` (`end`: where the subject ends for this search).
        @inline(__always)
        func admits(_ k: Int, _ subject: UnsafeBufferPointer<Unicode.Scalar>, end: Int,
                    _ classes: UnsafeBufferPointer<ClassTest>) -> Bool {
            for alt in alternatives {
                if alt.atStart && k != 0 { continue }
                if alt.steps.count > end - k { continue }
                var n = 0
                while n < alt.steps.count && RegexMatcher.accepts(alt.steps[n], subject[k + n], classes) { n += 1 }
                if n == alt.steps.count { return true }
            }
            return false
        }

        /// Prefixes of a node: `complete` when every alternative's steps are all the node consumes, so what
        /// follows the node extends them.
        private struct Analysis {
            var alternatives: [Alternative]
            var complete: Bool

            static let nothing = Analysis(alternatives: [Alternative()], complete: true)
            static let unknown = Analysis(alternatives: [Alternative()], complete: false)

            static func of(_ node: RegexNode, _ classes: inout [ClassTest]) -> Analysis {
                switch node {
                case .empty, .lookaround:
                    // Zero width: what follows still starts at the same position.
                    return .nothing
                case .assertion(let a):
                    guard case .stringStart = a else { return .nothing }
                    return Analysis(alternatives: [Alternative(atStart: true)], complete: true)
                case .literal(let c, let fold):
                    return step(fold ? .charFolded(RegexMatcher.fold(c)) : .char(c))
                case .any(let dotAll):
                    return step(dotAll ? .any : .anyButNewline)
                case .set(let cls, let fold):
                    classes.append(ClassTest(cls, fold: fold))
                    return step(.set(classes.count - 1))
                case .group(let inner, _):
                    return of(inner, &classes)
                case .backreference:
                    return .unknown
                case .repetition(let inner, let min, let max, _):
                    guard min > 0 else { return .unknown }
                    var found = of(inner, &classes)
                    // `x{1}` is `x`; more repeats than one add steps this analysis does not unroll.
                    if !(min == 1 && max == 1) { found.complete = false }
                    return found
                case .alternation(let branches):
                    var out = Analysis(alternatives: [], complete: true)
                    for branch in branches {
                        let found = of(branch, &classes)
                        out.alternatives += found.alternatives
                        out.complete = out.complete && found.complete
                        if out.alternatives.count > maxAlternatives { return .unknown }
                    }
                    return out
                case .sequence(let items):
                    var out = Analysis.nothing
                    for item in items {
                        let next = of(item, &classes)
                        var joined: [Alternative] = []
                        for a in out.alternatives {
                            for b in next.alternatives {
                                // `^` after a consumed code point never holds: that combination cannot match.
                                if b.atStart && !a.steps.isEmpty { continue }
                                joined.append(Alternative(steps: Array((a.steps + b.steps).prefix(maxSteps)), atStart: a.atStart || b.atStart))
                            }
                        }
                        // Past the caps, the prefixes found so far are still required: stop extending them.
                        if joined.count > maxAlternatives { return Analysis(alternatives: out.alternatives, complete: false) }
                        out.alternatives = joined
                        if !next.complete || joined.allSatisfy({ $0.steps.count >= maxSteps }) {
                            out.complete = false
                            return out
                        }
                    }
                    return out
                }
            }

            private static func step(_ i: Instruction) -> Analysis {
                Analysis(alternatives: [Alternative(steps: [i])], complete: true)
            }
        }
    }
}
