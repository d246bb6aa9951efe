/// The runtime half of `match` (PEP 634): the tests CPython's MATCH_SEQUENCE, MATCH_MAPPING and MATCH_CLASS
/// make (Python/ceval.c `match_class`), with its error messages.
enum PatternMatching {
    /// Builtin types whose one positional sub-pattern matches the subject itself (`case int(x):`).
    private static let matchSelf: [PyType] = [
        BuiltinTypes.bool, BuiltinTypes.bytes, BuiltinTypes.dict, BuiltinTypes.float, BuiltinTypes.frozenset,
        BuiltinTypes.int, BuiltinTypes.list, BuiltinTypes.set, BuiltinTypes.str, BuiltinTypes.tuple,
    ]

    /// A class attribute our Python-source modules set where CPython registers the class with
    /// `collections.abc` (`deque` is a Sequence; `defaultdict`, `OrderedDict`, `Counter` are Mappings).
    static let sequenceMarker = "_match_sequence_"
    static let mappingMarker = "_match_mapping_"

    /// `case [...]`: list, tuple, range or a marked class — never str, bytes or a mapping — whose length
    /// is `count` (or at least `count` with a star).
    static func sequence(_ v: Value, count: Int, atLeast: Bool, _ ctx: ExecutionContext) throws -> Bool {
        guard case .object(let o) = v else { return false }
        switch o.tag {
        case .list, .tuple, .range: break
        case .subclassed: guard o is PyList || o is PyTuple else { return false }
        case .instance:
            guard marked(unsafeDowncast(o, to: PyInstance.self).type, sequenceMarker) else { return false }
        default: return false
        }
        let n = try length(v, ctx)
        return atLeast ? n >= count : n == count
    }

    /// `case {...}`: a dict or a marked class.
    static func isMapping(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        switch o.tag {
        case .dict: return true
        case .subclassed: return o is PyDict
        case .instance: return marked(unsafeDowncast(o, to: PyInstance.self).type, mappingMarker)
        default: return false
        }
    }

    private static func marked(_ type: PyType, _ marker: String) -> Bool {
        if case .bool(true) = type.lookup(marker) ?? .none { return true }
        return false
    }

    /// `case cls(p…, name=q…)`: nil unless `v` is an instance of `cls` with every attribute the sub-patterns
    /// name; else those attributes, positional ones (through `__match_args__`) first.
    static func classAttributes(_ v: Value, cls: Value, positional: Int, keywords: Value, _ ctx: ExecutionContext) throws -> [Value]? {
        guard case .object(let c as PyType) = cls else {
            throw PyException.make(.typeError, "called match pattern must be a type")
        }
        guard typeOf(v).isSubtype(of: c) else { return nil }
        var names: [String] = []
        var matchesItself = false
        if positional > 0 {
            if let args = try matchArgs(c, ctx) {
                guard positional <= args.count else { throw tooMany(c, accepts: args.count, given: positional) }
                names = Array(args[..<positional])
            } else if matchSelf.contains(where: { c === $0 }) {
                guard positional == 1 else { throw tooMany(c, accepts: 1, given: positional) }
                matchesItself = true
            } else {
                throw tooMany(c, accepts: 0, given: positional)
            }
        }
        if case .object(let t as PyTuple) = keywords {
            for case .object(let n as PyStr) in t.items { names.append(n.value) }
        }
        var seen = Set<String>()
        for n in names where !seen.insert(n).inserted {
            throw PyException.make(.typeError, "\(c.name)() got multiple sub-patterns for attribute '\(n)'")
        }
        var out: [Value] = matchesItself ? [v] : []  // int(x): x is the subject itself
        for n in names {
            do {
                guard let a = try Attributes.lookup(v, n, ctx) else { return nil }
                out.append(a)
            } catch let e as PyException where e.matches(.attributeError) {
                return nil
            }
        }
        return out
    }

    /// `cls.__match_args__` as names; nil when the class has none.
    private static func matchArgs(_ c: PyType, _ ctx: ExecutionContext) throws -> [String]? {
        guard let value = c.lookup("__match_args__") else { return nil }
        guard case .object(let t as PyTuple) = value else {
            throw PyException.make(.typeError, "\(c.name).__match_args__ must be a tuple (got \(typeOf(value).name))")
        }
        return try t.items.map { item in
            guard case .object(let s as PyStr) = item else {
                throw PyException.make(.typeError, "__match_args__ elements must be strings (got \(typeOf(item).name))")
            }
            return s.value
        }
    }

    private static func tooMany(_ c: PyType, accepts: Int, given: Int) -> PyException {
        PyException.make(.typeError, "\(c.name)() accepts \(accepts) positional sub-pattern\(accepts == 1 ? "" : "s") (\(given) given)")
    }
}
