import PythonSyntax

/// Parses a `re` pattern (Lib/re/_parser.py's grammar and error messages) into `RegexNode`s.
struct RegexParser {
    private let p: [Unicode.Scalar]
    private var i = 0
    private(set) var flags: RegexFlags
    private(set) var groupCount = 0
    private(set) var groupNames: [String: Int] = [:]
    /// Groups closed so far (a backreference may only name one of these).
    private var closedGroups: Set<Int> = []

    init(_ pattern: [Unicode.Scalar], flags: RegexFlags) {
        p = pattern
        self.flags = flags
    }

    /// The whole pattern; global inline flags `(?i)` must come first, as in Python 3.11.
    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        try parseGlobalFlags()
        let node = try parseAlternation()
        if i < p.count {
            throw RegexSyntaxError(message: p[i] == ")" ? "unbalanced parenthesis" : "unexpected end of pattern", position: i)
        }
        return node
    }

    private mutating func parseGlobalFlags() throws(RegexSyntaxError) {
        while i + 2 < p.count, p[i] == "(", p[i + 1] == "?", Self.flag(p[i + 2]) != nil {
            var j = i + 2
            var set = RegexFlags()
            while j < p.count, let g = Self.flag(p[j]) {
                set.insert(g)
                j += 1
            }
            guard j < p.count, p[j] == ")" else { return }  // a scoped group (?i:…), parsed as an atom
            flags.formUnion(set)
            i = j + 1
        }
    }

    private static func flag(_ c: Unicode.Scalar) -> RegexFlags? {
        switch c {
        case "i": .ignoreCase
        case "m": .multiline
        case "s": .dotAll
        case "x": .verbose
        case "a": .ascii
        case "u": .unicode
        case "L": .locale
        default: nil
        }
    }

    private var fold: Bool { flags.contains(.ignoreCase) }
    private var ascii: Bool { flags.contains(.ascii) }

    private mutating func skipVerbose() {
        guard flags.contains(.verbose) else { return }
        while i < p.count {
            if p[i].properties.isWhitespace {
                i += 1
            } else if p[i] == "#" {
                while i < p.count && p[i] != "\n" { i += 1 }
            } else {
                return
            }
        }
    }

    private mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try parseSequence()]
        while i < p.count && p[i] == "|" {
            i += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while true {
            skipVerbose()
            guard i < p.count, p[i] != "|", p[i] != ")" else { break }
            var atom = try parseAtom()
            skipVerbose()
            let quantifierStart = i
            if let (min, max, greedy) = try parseQuantifier() {
                switch atom {
                case .assertion, .empty:
                    throw RegexSyntaxError(message: "nothing to repeat", position: quantifierStart)
                case .repetition:
                    throw RegexSyntaxError(message: "multiple repeat", position: i - 1)
                default: break
                }
                atom = .repetition(atom, min: min, max: max, greedy: greedy)
                if greedy && i < p.count && p[i] == "+" { throw .unsupported("possessive repeats", at: i) }
                skipVerbose()
                if i < p.count, let c = Optional(p[i]), c == "*" || c == "+" || c == "?" || (c == "{" && isCountedRepeat(at: i)) {
                    throw RegexSyntaxError(message: "multiple repeat", position: i)
                }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private func isCountedRepeat(at k: Int) -> Bool {
        var j = k + 1
        var sawDigitOrComma = false
        while j < p.count, p[j] == "," || (0x30...0x39).contains(p[j].value) {
            sawDigitOrComma = true
            j += 1
        }
        return sawDigitOrComma && j < p.count && p[j] == "}"
    }

    /// `*`, `+`, `?`, `{m}`, `{m,}`, `{,n}`, `{m,n}`, each optionally lazy (`?`).
    private mutating func parseQuantifier() throws(RegexSyntaxError) -> (Int, Int?, Bool)? {
        guard i < p.count else { return nil }
        var range: (Int, Int?)
        switch p[i] {
        case "*": range = (0, nil); i += 1
        case "+": range = (1, nil); i += 1
        case "?": range = (0, 1); i += 1
        case "{" where isCountedRepeat(at: i):
            let open = i
            i += 1
            let low = number()
            var high: Int?
            if p[i] == "," {
                i += 1
                high = number()
            } else {
                high = low
            }
            i += 1  // }
            let maxRepeat = Int(UInt32.max)
            if (low ?? 0) >= maxRepeat || (high ?? 0) >= maxRepeat {
                throw RegexSyntaxError(message: "the repetition number is too large", position: open + 1, overflow: true)
            }
            let min = low ?? 0
            if let h = high, h < min { throw RegexSyntaxError(message: "min repeat greater than max repeat", position: open + 1) }
            range = (min, high)
        default: return nil
        }
        var greedy = true
        if i < p.count && p[i] == "?" {
            greedy = false
            i += 1
        }
        return (range.0, range.1, greedy)
    }

    private mutating func number() -> Int? {
        var n: Int?
        while i < p.count, (0x30...0x39).contains(p[i].value) {
            n = min((n ?? 0) * 10 + Int(p[i].value - 0x30), Int(UInt32.max))  // saturates: checked by the caller
            i += 1
        }
        return n
    }

    private mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode {
        let c = p[i]
        switch c {
        case "(":
            return try parseGroup()
        case "[":
            return .set(try parseClass(), fold: fold)
        case ".":
            i += 1
            return .any(dotAll: flags.contains(.dotAll))
        case "^":
            i += 1
            return .assertion(flags.contains(.multiline) ? .lineStart : .stringStart)
        case "$":
            i += 1
            return .assertion(flags.contains(.multiline) ? .lineEnd : .endOrFinalNewline)
        case "\\":
            return try parseEscape()
        case "*", "+", "?":
            throw RegexSyntaxError(message: "nothing to repeat", position: i)
        case "{" where isCountedRepeat(at: i):
            throw RegexSyntaxError(message: "nothing to repeat", position: i)
        default:
            i += 1
            // Under ASCII (and in bytes patterns) only ASCII letters match case-insensitively.
            return .literal(c, fold: fold && (c.isASCII || !flags.contains(.ascii)))
        }
    }

    private mutating func parseGroup() throws(RegexSyntaxError) -> RegexNode {
        let open = i
        i += 1
        var index: Int?
        var look: (ahead: Bool, negated: Bool)?
        let saved = flags
        defer { flags = saved }
        if i < p.count && p[i] == "?" {
            i += 1
            guard i < p.count else { throw RegexSyntaxError(message: "unexpected end of pattern", position: i) }
            switch p[i] {
            case ":": i += 1
            case "=": i += 1; look = (true, false)
            case "!": i += 1; look = (true, true)
            case "<" where i + 1 < p.count && (p[i + 1] == "=" || p[i + 1] == "!"):
                look = (false, p[i + 1] == "!")
                i += 2
            case ">": throw .unsupported("atomic groups", at: open)
            case "(": throw .unsupported("conditional groups", at: open)
            case "#":
                while i < p.count && p[i] != ")" { i += 1 }
                guard i < p.count else { throw RegexSyntaxError(message: "missing ), unterminated comment", position: open) }
                i += 1
                return .empty
            case "P":
                i += 1
                if i < p.count && p[i] == "<" {
                    i += 1
                    let name = try groupName(until: ">", at: i)
                    if groupNames[name] != nil {
                        throw RegexSyntaxError(message: "redefinition of group name '\(name)' as group \(groupCount + 1); was group \(groupNames[name]!)", position: open + 4)
                    }
                    groupCount += 1
                    index = groupCount
                    groupNames[name] = groupCount
                } else if i < p.count && p[i] == "=" {
                    i += 1
                    let start = i
                    let name = try groupName(until: ")", at: i)
                    guard let n = groupNames[name] else { throw RegexSyntaxError(message: "unknown group name '\(name)'", position: start) }
                    return .backreference(n, fold: fold)
                } else {
                    throw RegexSyntaxError(message: "unknown extension ?P" + (i < p.count ? String(p[i]) : ""), position: open + 1)
                }
            default:
                // Scoped flags (?i:…) / (?-i:…).
                var on = RegexFlags()
                var off = RegexFlags()
                var negative = false
                while i < p.count, p[i] != ":" {
                    if p[i] == "-" { negative = true } else if let f = Self.flag(p[i]) {
                        if negative { off.insert(f) } else { on.insert(f) }
                    } else {
                        throw RegexSyntaxError(message: "unknown extension ?\(p[i])", position: open + 1)
                    }
                    i += 1
                }
                guard i < p.count else { throw RegexSyntaxError(message: "missing -, : or )", position: i) }
                if on.isEmpty && off.isEmpty {
                    throw RegexSyntaxError(message: "global flags not at the start of the expression", position: open)
                }
                i += 1
                flags.formUnion(on)
                flags.subtract(off)
            }
        } else {
            groupCount += 1
            index = groupCount
        }
        let inner = try parseAlternation()
        guard i < p.count, p[i] == ")" else {
            throw RegexSyntaxError(message: "missing ), unterminated subpattern", position: open)
        }
        i += 1
        if let index { closedGroups.insert(index) }
        if let look { return .lookaround(inner, ahead: look.ahead, negated: look.negated) }
        return .group(inner, index: index)
    }

    private mutating func groupName(until end: Unicode.Scalar, at start: Int) throws(RegexSyntaxError) -> String {
        var name = ""
        while i < p.count && p[i] != end {
            name.unicodeScalars.append(p[i])
            i += 1
        }
        guard i < p.count else { throw RegexSyntaxError(message: "missing \(end), unterminated name", position: start) }
        i += 1
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isXIDStart,
              name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isXIDContinue }) else {
            throw RegexSyntaxError(message: name.isEmpty ? "missing group name" : "bad character in group name '\(name)'", position: start)
        }
        return name
    }

    private mutating func parseEscape() throws(RegexSyntaxError) -> RegexNode {
        let start = i
        i += 1
        guard i < p.count else { throw RegexSyntaxError(message: "bad escape (end of pattern)", position: start) }
        let c = p[i]
        i += 1
        switch c {
        case "d", "D": return .set(RegexClass(items: [.digit(negated: c == "D", ascii: ascii)]), fold: false)
        case "w", "W": return .set(RegexClass(items: [.word(negated: c == "W", ascii: ascii)]), fold: false)
        case "s", "S": return .set(RegexClass(items: [.space(negated: c == "S", ascii: ascii)]), fold: false)
        case "A": return .assertion(.stringStart)
        case "Z": return .assertion(.stringEnd)
        case "b": return .assertion(.wordBoundary(ascii: ascii))
        case "B": return .assertion(.notWordBoundary(ascii: ascii))
        case "1"..."9":
            // Three octal digits are an octal escape (sre_parse._escape), anything else a group reference.
            if (0x31...0x37).contains(c.value), i + 1 < p.count, (0x30...0x37).contains(p[i].value), (0x30...0x37).contains(p[i + 1].value) {
                let v = (c.value - 0x30) * 64 + (p[i].value - 0x30) * 8 + (p[i + 1].value - 0x30)
                i += 2
                guard v <= 0o377 else {
                    throw RegexSyntaxError(message: "octal escape value \\\(String(String.UnicodeScalarView(p[(start + 1)..<i]))) outside of range 0-0o377", position: start)
                }
                return .literal(Unicode.Scalar(v)!, fold: fold)
            }
            var n = Int(c.value - 0x30)
            if i < p.count, (0x30...0x39).contains(p[i].value) {
                n = n * 10 + Int(p[i].value - 0x30)
                i += 1
            }
            guard closedGroups.contains(n) else {
                throw RegexSyntaxError(message: n <= groupCount ? "cannot refer to an open group" : "invalid group reference \(n)", position: start + 1)
            }
            return .backreference(n, fold: fold)
        default:
            return .literal(try literalEscape(c, at: start), fold: fold)
        }
    }

    /// The code point of an escape that stands for one character (also inside classes).
    private mutating func literalEscape(_ c: Unicode.Scalar, at start: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
        if c != "b", let control = ControlEscape.character(c) { return control }  // \b: the callers' business
        switch c {
        case "0":
            var v: UInt32 = 0
            var k = 0
            while k < 2, i < p.count, (0x30...0x37).contains(p[i].value) {
                v = v * 8 + (p[i].value - 0x30)
                i += 1
                k += 1
            }
            return Unicode.Scalar(v)!
        case "1"..."7":
            // Inside a class, up to three octal digits (sre_parse._class_escape).
            var v = c.value - 0x30
            var k = 0
            while k < 2, i < p.count, (0x30...0x37).contains(p[i].value) {
                v = v * 8 + (p[i].value - 0x30)
                i += 1
                k += 1
            }
            guard v <= 0o377 else {
                throw RegexSyntaxError(message: "octal escape value \\\(String(String.UnicodeScalarView(p[(start + 1)..<i]))) outside of range 0-0o377", position: start)
            }
            return Unicode.Scalar(v)!
        case "x", "u", "U":
            let width = c == "x" ? 2 : (c == "u" ? 4 : 8)
            guard i + width <= p.count, let v = UInt32(String(String.UnicodeScalarView(p[i..<i + width])), radix: 16),
                  let scalar = Unicode.Scalar(v) else {
                throw RegexSyntaxError(message: "incomplete escape \\\(c)\(String(String.UnicodeScalarView(p[i..<min(p.count, i + width)])))", position: start)
            }
            i += width
            return scalar
        default:
            if c.isASCII && (c.properties.isAlphabetic || (0x30...0x39).contains(c.value)) {
                throw RegexSyntaxError(message: "bad escape \\\(c)", position: start)
            }
            return c
        }
    }

    private mutating func parseClass() throws(RegexSyntaxError) -> RegexClass {
        let open = i
        i += 1
        var cls = RegexClass()
        if i < p.count && p[i] == "^" {
            cls.negated = true
            i += 1
        }
        var first = true
        while true {
            guard i < p.count else { throw RegexSyntaxError(message: "unterminated character set", position: open) }
            if p[i] == "]" && !first { i += 1; break }
            first = false
            let itemStart = i
            let low: Unicode.Scalar
            if p[i] == "\\" {
                i += 1
                guard i < p.count else { throw RegexSyntaxError(message: "unterminated character set", position: open) }
                let e = p[i]
                i += 1
                switch e {
                case "d", "D": cls.items.append(.digit(negated: e == "D", ascii: ascii)); continue
                case "w", "W": cls.items.append(.word(negated: e == "W", ascii: ascii)); continue
                case "s", "S": cls.items.append(.space(negated: e == "S", ascii: ascii)); continue
                case "b": low = "\u{08}"
                default: low = try literalEscape(e, at: itemStart)
                }
            } else {
                low = p[i]
                i += 1
            }
            var high = low
            if i + 1 < p.count, p[i] == "-", p[i + 1] != "]" {
                i += 1
                if p[i] == "\\" {
                    i += 1
                    guard i < p.count else { throw RegexSyntaxError(message: "unterminated character set", position: open) }
                    let e = p[i]
                    i += 1
                    if "dDwWsS".unicodeScalars.contains(e) {
                        throw RegexSyntaxError(message: "bad character range \(low)-\\\(e)", position: itemStart)
                    }
                    high = try literalEscape(e, at: i - 2)
                } else {
                    high = p[i]
                    i += 1
                }
                if high.value < low.value {
                    throw RegexSyntaxError(message: "bad character range \(low)-\(high)", position: itemStart)
                }
            }
            cls.items.append(.range(low.value, high.value))
        }
        return cls
    }
}
