/// Positional and keyword arguments of a native function bound to parameter names, with CPython's errors
/// (Python/getargs.c vgetargskeywords): too many positional arguments, an unknown keyword, a parameter given
/// twice, a required one missing.
struct Arguments {
    private var values: [Value?]
    let names: [String]

    /// - Parameters:
    ///   - names: positional-or-keyword parameters, in order.
    ///   - keywordOnly: parameters after `*`, bound only by keyword (indices follow `names`).
    ///   - required: how many leading `names` must be given.
    ///   - function: the name errors print.
    init(_ args: [Value], _ kwargs: [(String, Value)], names: [String], keywordOnly: [String] = [], required: Int = 0,
         function: String) throws {
        self.names = names + keywordOnly
        values = Array(repeating: nil, count: self.names.count)
        if args.count > names.count {
            let takes = required == names.count ? "exactly" : "at most"
            throw PyException.make(
                .typeError,
                "\(function)() takes \(takes) \(names.count) positional argument\(names.count == 1 ? "" : "s") (\(args.count) given)")
        }
        for (i, v) in args.enumerated() { values[i] = v }
        for (name, v) in kwargs {
            guard let i = self.names.firstIndex(of: name) else {
                throw PyException.make(.typeError, "\(function)() got an unexpected keyword argument '\(name)'")
            }
            if values[i] != nil {
                throw PyException.make(.typeError, "argument for \(function)() given by name ('\(name)') and position (\(i + 1))")
            }
            values[i] = v
        }
        for i in 0..<required where values[i] == nil {
            throw PyException.make(.typeError, "\(function)() missing required argument '\(names[i])' (pos \(i + 1))")
        }
    }

    /// The argument bound to parameter `i`, nil when not given.
    func value(_ i: Int) -> Value? { values[i] }

    /// The argument bound to parameter `name`, nil when not given (or given as None when `noneIsMissing`).
    subscript(_ name: String, noneIsMissing: Bool = false) -> Value? {
        guard let i = names.firstIndex(of: name), let v = values[i] else { return nil }
        if noneIsMissing, v.isNone { return nil }
        return v
    }
}
