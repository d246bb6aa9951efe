/// Positional and keyword arguments of a native function bound to parameter names, with CPython's errors
/// (Python/getargs.c vgetargskeywords): too many positional arguments, an unknown keyword, a parameter given
/// twice, a required one missing.
struct Arguments {
    /// The positional arguments as given: with no keywords (the common call) they answer `value(_:)` themselves,
    /// so binding allocates nothing (a `[Value?]` per call was ~600 instructions of `str.encode`'s 5,200).
    private let positional: ArraySlice<Value>
    /// Every parameter's argument, built only when keywords were given (empty otherwise).
    private var bound: [Value?] = []
    let names: [String]

    /// - Parameters:
    ///   - names: positional-or-keyword parameters, in order.
    ///   - keywordOnly: parameters after `*`, bound only by keyword (indices follow `names`).
    ///   - required: how many leading `names` must be given.
    ///   - function: the name errors print.
    init(_ args: [Value], _ kwargs: [(String, Value)], names: [String], keywordOnly: [String] = [], required: Int = 0,
         function: String) throws {
        try self.init(args[...], kwargs, names: names, keywordOnly: keywordOnly, required: required, function: function)
    }

    /// The same over a slice (`a.dropFirst()` of a method's arguments, without copying them into a new array).
    init(_ args: ArraySlice<Value>, _ kwargs: [(String, Value)], names: [String], keywordOnly: [String] = [], required: Int = 0,
         function: String) throws {
        self.names = keywordOnly.isEmpty ? names : names + keywordOnly
        positional = args
        if args.count > names.count {
            let takes = required == names.count ? "exactly" : "at most"
            throw PyException.make(
                .typeError,
                "\(function)() takes \(takes) \(names.count) positional argument\(names.count == 1 ? "" : "s") (\(args.count) given)")
        }
        if !kwargs.isEmpty {
            bound = Array(repeating: nil, count: self.names.count)
            for (i, v) in args.enumerated() { bound[i] = v }
            for (name, v) in kwargs {
                guard let i = self.names.firstIndex(of: name) else {
                    throw PyException.make(.typeError, "\(function)() got an unexpected keyword argument '\(name)'")
                }
                if bound[i] != nil {
                    throw PyException.make(.typeError, "argument for \(function)() given by name ('\(name)') and position (\(i + 1))")
                }
                bound[i] = v
            }
        }
        for i in 0..<required where value(i) == nil {
            throw PyException.make(.typeError, "\(function)() missing required argument '\(names[i])' (pos \(i + 1))")
        }
    }

    /// The argument bound to parameter `i`, nil when not given.
    @inline(__always)
    func value(_ i: Int) -> Value? {
        if !bound.isEmpty { return bound[i] }
        return i < positional.count ? positional[positional.startIndex + i] : nil
    }

    /// The argument bound to parameter `name`, nil when not given (or given as None when `noneIsMissing`).
    subscript(_ name: String, noneIsMissing: Bool = false) -> Value? {
        guard let i = names.firstIndex(of: name), let v = value(i) else { return nil }
        if noneIsMissing, v.isNone { return nil }
        return v
    }
}
