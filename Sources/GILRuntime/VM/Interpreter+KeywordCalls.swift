/// Calls with keyword arguments (`d.quantize(exp, context=self)`, `f(x, key=k)`) to Python functions whose
/// parameters are positional-or-keyword and keyword-only (no `*args`/`**kwargs`): the arguments are bound
/// straight from the caller's call block into the callee's frame, with the defaults, no positional array,
/// keyword pairs or `bound` flags (Python/ceval.c initialize_locals' common case). Anything unusual — an
/// unknown or repeated name, a missing argument, too many positional ones — returns nil before any Python
/// code ran, and the general `invoke` binds again and raises its TypeError.
extension Interpreter {
    /// `f(first?, args[0 ..< argc - names.count], name₀=…, name₁=…)`: the keyword values are the last
    /// `names.count` of the `argc` values at `args`. nil: not bound here (see above), nothing done.
    @inline(never)
    static func callWithKeywords(
        _ f: PyFunction, first: Value?, _ args: UnsafeMutablePointer<Value>, _ argc: Int, names: PyTuple, _ ctx: ExecutionContext
    ) throws -> Value? {
        let code = f.code
        let npos = code.positionalCount
        let parameterCount = npos + code.keywordOnlyCount
        let nkw = names.items.count
        let positional = argc - nkw + (first == nil ? 0 : 1)
        guard !code.hasVarArgs, !code.hasVarKeywords, parameterCount <= 64, positional <= npos, nkw <= argc else { return nil }
        let regs = try enter(ctx, Int(code.frameSize))
        defer { leave(ctx, Int(code.frameSize)) }
        var bound: UInt64 = positional == 0 ? 0 : (UInt64.max >> (64 - positional))
        var k = 0
        if let first {
            regs[0] = first
            k = 1
        }
        for j in 0..<(argc - nkw) {
            regs[k] = args[j]
            k += 1
        }
        let parameters = code.parameterNames
        for (j, name) in names.items.enumerated() {
            guard case .object(let o) = name, o.tag == .str,
                  let slot = parameterSlot(parameters, unsafeDowncast(o, to: PyStr.self).value, from: code.positionalOnlyCount, to: parameterCount),
                  bound & (1 << slot) == 0
            else { return nil }
            regs[slot] = args[argc - nkw + j]
            bound |= 1 << slot
        }
        let firstDefault = npos - f.defaults.count
        for slot in 0..<npos where bound & (1 << slot) == 0 {
            guard slot >= firstDefault else { return nil }
            regs[slot] = f.defaults[slot - firstDefault]
        }
        for slot in npos..<parameterCount where bound & (1 << slot) == 0 {
            guard let d = f.keywordDefaults[parameters[slot]] else { return nil }
            regs[slot] = d
        }
        return try run(f, code, regs, ctx)
    }

    /// The register of the parameter called `name` among `parameters[from ..< to]`.
    @inline(__always)
    private static func parameterSlot(_ parameters: [String], _ name: String, from: Int, to: Int) -> Int? {
        var slot = from
        while slot < to {
            if parameters[slot] == name { return slot }
            slot += 1
        }
        return nil
    }
}
