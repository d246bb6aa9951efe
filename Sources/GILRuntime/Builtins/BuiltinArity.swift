/// Fewest arguments of the builtins whose bodies index their arguments directly, and how CPython words a call
/// with fewer: the forms of Python/getargs.c (`_PyArg_CheckPositional`, METH_O), Argument Clinic's parsers and
/// Python functions, each builtin's own (probed from CPython 3.11: `f(*[1] * k)` for every k below the minimum).
enum BuiltinArity {
    /// The message of one builtin. `shown` is CPython's name for it (`math.sqrt`, `Random.randint`, `index`).
    struct Rule {
        /// Fewest positional arguments (`self` included for methods).
        let minimum: Int
        let shown: String
        let wording: Wording
        /// A method's rule: `self` is counted in `minimum` and in the arguments given, not in the message.
        var isMethod = false
    }

    enum Wording {
        /// METH_O: "hex() takes exactly one argument (0 given)".
        case exactlyOne
        /// `_PyArg_CheckPositional`: "getattr expected at least 2 arguments, got 1", or "divmod expected 2
        /// arguments, got 1" when the builtin takes exactly that many.
        case expected(exact: Bool)
        /// Argument Clinic with keywords: "pow() missing required argument 'base' (pos 1)".
        case missingArgument([String])
        /// A Python function: "Random.randint() missing 2 required positional arguments: 'a' and 'b'".
        case missingPositional([String])
        /// Old-style getargs: "find() takes at least 1 argument (0 given)".
        case takesAtLeast
        /// Argument Clinic, positional only: "sum() takes at least 1 positional argument (0 given)".
        case positional(exact: Bool)
        /// `socket.setsockopt`: "setsockopt() takes exactly 3 arguments (1 given)" (it takes 3 or 4).
        case takesExactly(Int)
        /// `math.log`: "math.log requires 1 to 2 arguments".
        case requiresRange(Int, Int)
    }

    static func rule(_ minimum: Int, _ shown: String, _ wording: Wording) -> Rule {
        Rule(minimum: minimum, shown: shown, wording: wording)
    }

    static let functions: [String: Rule] = {
        var t: [String: Rule] = [
            "divmod": rule(2, "divmod", .expected(exact: true)), "pow": rule(2, "pow", .missingArgument(["base", "exp"])),
            "getattr": rule(2, "getattr", .expected(exact: false)), "setattr": rule(3, "setattr", .expected(exact: true)),
            "delattr": rule(2, "delattr", .expected(exact: true)), "hasattr": rule(2, "hasattr", .expected(exact: true)),
            "next": rule(1, "next", .expected(exact: false)), "round": rule(1, "round", .missingArgument(["number"])),
            "filter": rule(2, "filter", .expected(exact: true)), "format": rule(1, "format", .expected(exact: false)),
            "sum": rule(1, "sum", .positional(exact: false)), "issubclass": rule(2, "issubclass", .expected(exact: true)),
            "log": rule(1, "math.log", .requiresRange(1, 2)), "atan2": rule(2, "atan2", .expected(exact: true)),
            "isclose": rule(2, "isclose", .missingArgument(["a", "b"])), "copysign": rule(2, "copysign", .expected(exact: true)),
            "comb": rule(2, "comb", .expected(exact: true)), "prod": rule(1, "prod", .positional(exact: true)),
            "uniform": rule(2, "Random.uniform", .missingPositional(["a", "b"])),
            "randint": rule(2, "Random.randint", .missingPositional(["a", "b"])),
            "randrange": rule(1, "Random.randrange", .missingPositional(["start"])),
            "choice": rule(1, "Random.choice", .missingPositional(["seq"])), "shuffle": rule(1, "Random.shuffle", .missingPositional(["x"])),
            "getenv": rule(1, "getenv", .missingPositional(["key"])), "basename": rule(1, "basename", .missingPositional(["p"])),
            "dirname": rule(1, "dirname", .missingPositional(["p"])), "exists": rule(1, "exists", .missingPositional(["path"])),
            "setter": rule(1, "property.setter", .exactlyOne), "vars": rule(1, "vars", .expected(exact: false)),
        ]
        for name in ["hex", "oct", "bin", "ord", "chr", "id", "hash", "callable"] { t[name] = rule(1, name, .exactlyOne) }
        for name in ["sqrt", "floor", "ceil", "trunc", "isnan", "isinf", "isfinite", "degrees", "radians", "factorial", "fsum",
                     "sin", "cos", "tan", "asin", "acos", "atan", "exp", "fabs", "log2", "log10", "sinh", "cosh", "tanh"] {
            t[name] = rule(1, "math.\(name)", .exactlyOne)
        }
        t["setswitchinterval"] = rule(1, "sys.setswitchinterval", .exactlyOne)
        return t
    }()

    /// Methods, keyed `type.method` (self counts in `minimum`, not in the message).
    static let methods: [String: Rule] = methodRules.mapValues { Rule(minimum: $0.minimum, shown: $0.shown, wording: $0.wording, isMethod: true) }

    private static let methodRules: [String: Rule] = {
        var t: [String: Rule] = [
            "list.insert": rule(3, "insert", .expected(exact: true)), "list.index": rule(2, "index", .expected(exact: false)),
            "tuple.index": rule(2, "index", .expected(exact: false)), "dict.get": rule(2, "get", .expected(exact: false)),
            "dict.pop": rule(2, "pop", .expected(exact: false)), "dict.setdefault": rule(2, "setdefault", .expected(exact: false)),
            "str.ljust": rule(2, "ljust", .expected(exact: false)), "str.rjust": rule(2, "rjust", .expected(exact: false)),
            "str.center": rule(2, "center", .expected(exact: false)),
            "Thread.setName": rule(2, "Thread.setName", .missingPositional(["name"])),
            "Thread.setDaemon": rule(2, "Thread.setDaemon", .missingPositional(["daemonic"])),
            "Condition.wait_for": rule(2, "Condition.wait_for", .missingPositional(["predicate"])),
            "Queue.put": rule(2, "Queue.put", .missingPositional(["item"])),
            "Queue.put_nowait": rule(2, "Queue.put_nowait", .missingPositional(["item"])),
            "socket.bind": rule(2, "socket.bind", .exactlyOne), "socket.connect": rule(2, "socket.connect", .exactlyOne),
            "socket.setsockopt": rule(3, "setsockopt", .takesExactly(3)),
        ]
        for key in ["list.append", "list.extend", "list.remove", "list.count", "tuple.count", "set.add", "set.discard", "set.remove",
                    "set.issubset", "str.join", "str.zfill", "str.partition", "str.removeprefix", "str.removesuffix"] {
            t[key] = rule(2, key, .exactlyOne)
        }
        for key in ["startswith", "endswith", "find", "index", "rfind", "count"] { t["str.\(key)"] = rule(2, key, .takesAtLeast) }
        return t
    }()

    /// CPython's TypeError text for `given` arguments (`self` not counted) to a builtin that takes at least
    /// `minimum` (not counting `self` either), worded by `rule` (nil: getargs' old generic form).
    static func tooFew(_ name: String, _ rule: Rule?, minimum: Int, given: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        guard let rule else { return "\(name)() takes at least \(plural(minimum, "argument")) (\(given) given)" }
        let shown = rule.shown
        switch rule.wording {
        case .exactlyOne:
            return "\(shown)() takes exactly one argument (\(given) given)"
        case .expected(let exact):
            return "\(shown) expected \(exact ? "" : "at least ")\(plural(minimum, "argument")), got \(given)"
        case .missingArgument(let names):
            let k = min(given, names.count - 1)
            return "\(shown)() missing required argument '\(names[k])' (pos \(k + 1))"
        case .missingPositional(let names):
            let missing = names.dropFirst(min(given, names.count)).map { "'\($0)'" }
            let list = missing.count <= 1 ? missing.joined() : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
            return "\(shown)() missing \(plural(missing.count, "required positional argument")): \(list)"
        case .takesAtLeast:
            return "\(shown)() takes at least \(plural(minimum, "argument")) (\(given) given)"
        case .positional(let exact):
            return "\(shown)() takes \(exact ? "exactly" : "at least") \(plural(minimum, "positional argument")) (\(given) given)"
        case .takesExactly(let n):
            return "\(shown)() takes exactly \(plural(n, "argument")) (\(given) given)"
        case .requiresRange(let low, let high):
            return "\(shown) requires \(low) to \(high) arguments"
        }
    }
}
