/// The runtime half of `except*` (Python/ceval.c `exception_group_match`, Objects/exceptions.c
/// `_PyExc_PrepReraiseStar`): the hidden builtins the parser's lowering (`Parser.lowerExceptStar`) calls.
/// Each clause takes the part of what is left that matches its types; at the end, what no clause handled and
/// what the clauses raised or re-raised is raised again — the original exception when nothing changed, the
/// re-raised parts in the original group's shape, new exceptions grouped with them.
enum ExceptStar {
    /// One `try … except*` in progress.
    final class State: PyObject, @unchecked Sendable {
        let original: Value
        /// What no clause has matched yet (nil: everything matched).
        var rest: Value?
        /// The groups handed to clauses, by identity (a clause re-raising one re-raises part of `original`).
        var matched: [ObjectIdentifier] = []
        /// What the clauses raised, in order.
        var raised: [Value] = []

        init(_ original: Value) {
            self.original = original
            rest = original
            super.init(tag: .cell)
        }
    }

    static func install(_ m: PyModule) {
        m.dict["__exceptstar_begin__"] = .object(PyBuiltinFunction("__exceptstar_begin__", minimumArguments: 0) { _, _, ctx in
            guard let e = ctx.handled.last else { throw PyException.make(.runtimeError, "No active exception") }
            return .object(State(.object(e)))
        })
        m.dict["__exceptstar_match__"] = .object(PyBuiltinFunction("__exceptstar_match__", minimumArguments: 2) { a, _, ctx in
            guard case .object(let state as State) = a[0] else { return .none }
            return try match(state, a[1], ctx) ?? .none
        })
        m.dict["__exceptstar_raise__"] = .object(PyBuiltinFunction("__exceptstar_raise__", minimumArguments: 1) { a, _, _ in
            guard case .object(let e as PyInstance) = a[0] else { return .none }
            throw PyException(e)
        })
        m.dict["__exceptstar_raised__"] = .object(PyBuiltinFunction("__exceptstar_raised__", minimumArguments: 1) { a, _, ctx in
            if case .object(let state as State) = a[0], let e = ctx.handled.last { state.raised.append(.object(e)) }
            return .none
        })
        m.dict["__exceptstar_end__"] = .object(PyBuiltinFunction("__exceptstar_end__", minimumArguments: 1) { a, _, ctx in
            guard case .object(let state as State) = a[0] else { return .none }
            if let e = try reraise(state, ctx), case .object(let i as PyInstance) = e { throw PyException(i) }
            return .none
        })
    }

    /// exception_group_match: the part of the rest matching `spec` (a naked exception that matches is wrapped
    /// in a group); the rest shrinks accordingly.
    static func match(_ state: State, _ spec: Value, _ ctx: ExecutionContext) throws -> Value? {
        try checkSpec(spec)
        guard let rest = state.rest else { return nil }
        let matches = try ExceptionGroups.matcher(spec, ctx)
        if try matches(rest) {
            state.rest = nil
            var group = rest
            if !ExceptionGroups.isGroup(rest) {
                group = try ctx.call(.object(ExceptionGroups.base), [.str(""), .object(PyList([rest]))])
                if case .object(let e as PyInstance) = rest, case .object(let g as PyInstance) = group {
                    PyException(g).data.traceback = PyException(e).data.traceback
                }
            }
            if case .object(let o) = group { state.matched.append(ObjectIdentifier(o)) }
            return group
        }
        guard ExceptionGroups.isGroup(rest) else { return nil }
        let (match, remaining) = try ExceptionGroups.split(rest, matches, ctx)
        state.rest = remaining
        if case .object(let o)? = match { state.matched.append(ObjectIdentifier(o)) }
        return match
    }

    /// CPython's check of an `except*` type: classes only, and never an exception group class.
    private static func checkSpec(_ spec: Value) throws {
        let types: [Value] = if case .object(let t as PyTuple) = spec { t.items } else { [spec] }
        for t in types {
            guard case .object(let c as PyType) = t, c.isSubtype(of: ExceptionKind.baseException.type) else {
                throw PyException.make(.typeError, "catching classes that do not inherit from BaseException is not allowed")
            }
            if c.isSubtype(of: ExceptionGroups.base) {
                throw PyException.make(.typeError, "catching ExceptionGroup with except* is not allowed. Use except instead.")
            }
        }
    }

    /// `_PyExc_PrepReraiseStar`: what the `try` raises after its `except*` clauses, or nil.
    static func reraise(_ state: State, _ ctx: ExecutionContext) throws -> Value? {
        var reraised: [Value] = []
        var raised: [Value] = []
        if let rest = state.rest { reraised.append(rest) }
        for e in state.raised {
            if case .object(let o) = e, state.matched.contains(ObjectIdentifier(o)) { reraised.append(e) } else { raised.append(e) }
        }
        if reraised.isEmpty && raised.isEmpty { return nil }
        guard ExceptionGroups.isGroup(state.original) else {
            // A naked exception: at most one clause ran, so there is one thing to raise.
            return raised.first ?? reraised.first
        }
        var kept: Value?
        if !reraised.isEmpty {
            let ids = Set(reraised.flatMap(ExceptionGroups.leaves))
            let all = Set(ExceptionGroups.leaves(state.original))
            if ids == all, raised.isEmpty, state.rest.map({ $0.isIdentical(state.original) }) ?? false {
                return state.original
            }
            kept = try ExceptionGroups.split(state.original, { v in
                guard case .object(let o) = v, !ExceptionGroups.isGroup(v) else { return false }
                return ids.contains(ObjectIdentifier(o))
            }, ctx).match
        }
        if raised.isEmpty { return kept }
        return try ctx.call(.object(ExceptionGroups.base), [.str(""), .object(PyList(raised + (kept.map { [$0] } ?? [])))])
    }
}
