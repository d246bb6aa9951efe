extension RegexProgram {
    /// The code points a match of a node can begin with (`_sre`'s INFO block charset, found by analysis of the
    /// parsed pattern): ASCII ones exactly, non-ASCII ones only as "some may". `nullable`: the node can match
    /// without consuming anything, so what follows it can supply the first code point too.
    struct FirstSet {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var nonASCII = false
        var nullable = false

        static let anything = FirstSet(low: ~0, high: ~0, nonASCII: true, nullable: true)
        static let empty = FirstSet(nullable: true)

        @inline(__always) func contains(_ c: Unicode.Scalar) -> Bool {
            let v = c.value
            if v < 64 { return low & (1 << UInt64(v)) != 0 }
            if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
            return nonASCII
        }

        mutating func insert(_ v: UInt32) {
            if v < 64 { low |= 1 << UInt64(v) } else if v < 128 { high |= 1 << UInt64(v - 64) } else { nonASCII = true }
        }

        mutating func formUnion(_ other: FirstSet) {
            low |= other.low
            high |= other.high
            nonASCII = nonASCII || other.nonASCII
        }

        static func of(_ node: RegexNode) -> FirstSet {
            switch node {
            case .empty, .assertion, .lookaround:
                return .empty
            case .literal(let c, let fold):
                var set = FirstSet()
                set.insert(c.value)
                if fold {
                    // Every code point whose fold is c's: for ASCII, test them all; outside ASCII, assume some.
                    let folded = RegexMatcher.fold(c)
                    for v in UInt32(0)..<128 where RegexMatcher.fold(Unicode.Scalar(v)!) == folded { set.insert(v) }
                    set.nonASCII = true
                }
                return set
            case .any(let dotAll):
                var set = FirstSet(low: ~0, high: ~0, nonASCII: true)
                if !dotAll { set.low &= ~(1 << 10) }
                return set
            case .set(let cls, let fold):
                let test = ClassTest(cls, fold: fold)
                return FirstSet(low: test.low, high: test.high, nonASCII: true)
            case .sequence(let items):
                var set = FirstSet()
                for item in items {
                    let first = of(item)
                    set.formUnion(first)
                    if !first.nullable { return set }
                }
                set.nullable = true
                return set
            case .alternation(let branches):
                var set = FirstSet()
                for branch in branches {
                    let first = of(branch)
                    set.formUnion(first)
                    set.nullable = set.nullable || first.nullable
                }
                return set
            case .group(let inner, _):
                return of(inner)
            case .repetition(let inner, let min, _, _):
                var set = of(inner)
                if min == 0 { set.nullable = true }
                return set
            case .backreference:
                return .anything
            }
        }
    }
}
