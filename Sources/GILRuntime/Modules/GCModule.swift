/// `gc` (Modules/gcmodule.c). Our objects are freed by reference counting the moment the last reference goes,
/// as in CPython, but there is no cycle collector: objects in a reference cycle are never freed. So `collect()`
/// finds nothing (0) — it does run the `callbacks` and the weak-reference callbacks queued by objects freed
/// since the last check point, which is what `del x; gc.collect()` in a test waits for — and `enable`,
/// `disable`, thresholds and debug flags are kept and reported but change nothing. `get_referents` answers
/// for containers and instances; `get_objects` and `get_referrers` have no heap to walk and return [].
enum GCModule {
    final class State: @unchecked Sendable {  // touched with the GIL held
        var enabled = true
        var threshold: [Int] = [700, 10, 10]
        var debug = 0
        var collections = [0, 0, 0]
    }

    static func make(_ ctx: ExecutionContext) -> PyModule {
        let m = PyModule(name: "gc")
        let state = State()
        let callbacks = PyList()
        let garbage = PyList()
        m.dict["callbacks"] = .object(callbacks)
        m.dict["garbage"] = .object(garbage)
        for (name, bit) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
            m.dict[name] = .int(bit)
        }
        m.addFunction("enable") { _, _, _ in state.enabled = true; return .none }
        m.addFunction("disable") { _, _, _ in state.enabled = false; return .none }
        m.addFunction("isenabled") { _, _, _ in .bool(state.enabled) }
        m.addFunction("collect") { args, kwargs, ctx in
            let a = try Arguments(args, kwargs, names: ["generation"], function: "collect")
            let generation = try a.value(0).map { try Index.cInt($0, ctx) } ?? 2
            if !(0...2).contains(generation) { throw PyException.make(.valueError, "invalid generation") }
            let info = PyDict()
            try info.set(.str("generation"), .int(generation))
            try info.set(.str("collected"), .int(0))
            try info.set(.str("uncollectable"), .int(0))
            for phase in ["start", "stop"] {
                for cb in callbacks.items { _ = try ctx.call(cb, [.str(phase), .object(info)]) }
                if phase == "start" { try ctx.runtime.pendingCalls.run(ctx) }
            }
            state.collections[generation] += 1
            return .int(0)
        }
        m.addFunction("get_count") { _, _, _ in .object(PyTuple([.int(0), .int(0), .int(0)])) }
        m.addFunction("get_threshold") { _, _, _ in .object(PyTuple(state.threshold.map { .int($0) })) }
        m.addFunction("set_threshold") { args, _, ctx in
            if args.isEmpty || args.count > 3 { throw PyException.make(.typeError, "set_threshold() takes 1 to 3 arguments (\(args.count) given)") }
            for (k, v) in args.enumerated() { state.threshold[k] = try Index.cInt(v, ctx) }
            return .none
        }
        m.addFunction("get_debug") { _, _, _ in .int(state.debug) }
        m.addFunction("set_debug") { args, _, ctx in
            state.debug = try Index.cInt(args.first ?? .int(0), ctx)
            return .none
        }
        m.addFunction("get_stats") { _, _, _ in
            .object(PyList(try state.collections.map { n in
                let d = PyDict()
                try d.set(.str("collections"), .int(n))
                try d.set(.str("collected"), .int(0))
                try d.set(.str("uncollectable"), .int(0))
                return .object(d)
            }))
        }
        m.addFunction("get_objects") { _, _, _ in .object(PyList()) }
        m.addFunction("get_referrers") { _, _, _ in .object(PyList()) }
        m.addFunction("get_referents") { args, _, _ in .object(PyList(args.flatMap(referents))) }
        m.addFunction("is_tracked") { args, _, _ in
            guard case .object(let o)? = args.first else { return .bool(false) }
            switch o.tag {
            case .str, .bigint, .bytes, .range, .slice: return .bool(false)
            default: return .bool(true)
            }
        }
        m.addFunction("is_finalized") { _, _, _ in .bool(false) }
        m.addFunction("freeze") { _, _, _ in .none }
        m.addFunction("unfreeze") { _, _, _ in .none }
        m.addFunction("get_freeze_count") { _, _, _ in .int(0) }
        return m
    }

    /// The objects `v` refers to directly (gc.get_referents): container items, dict keys and values, attributes.
    static func referents(_ v: Value) -> [Value] {
        guard case .object(let o) = v else { return [] }
        let out: [Value]
        switch o {
        case let l as PyList: out = l.items
        case let t as PyTuple: out = t.items
        case let d as PyDict: out = d.entries.flatMap { [$0.key, $0.value] }
        case let s as PySet: out = s.elements
        case let i as PyInstance: out = [.object(i.type)] + i.orderedAttributes.map(\.1)
        case let f as PyFunction: out = f.defaults + f.cells.map { .object($0) }
        case let m as PyBoundMethod: out = [m.function, m.receiver]
        default: out = []
        }
        return out
    }
}
