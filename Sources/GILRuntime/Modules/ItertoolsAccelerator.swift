/// `_gilrec_itertools`: the parts of `itertools` (Modules/itertoolsmodule.c) that run natively; `itertools`
/// (ItertoolsSource) imports them. `islice` was a Python generator, a frame resume per item: pure-Python
/// pickle batches every dict and list it writes through `list(islice(it, 1000))`.
enum ItertoolsAccelerator {
    static func make() -> PyModule {
        let m = PyModule(name: "_gilrec_itertools")
        m.addFunction("islice") { args, kwargs, ctx in try islice(args, kwargs, ctx) }
        return m
    }

    /// islice_new and islice_next: the arguments checked (and their errors worded) as CPython's, then an
    /// iterator that takes exactly the items it needs from the source and lets it go once done.
    static func islice(_ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        if !kwargs.isEmpty { throw PyException.make(.typeError, "islice() takes no keyword arguments") }
        guard args.count >= 2 else { throw PyException.make(.typeError, "islice expected at least 2 arguments, got \(args.count)") }
        guard args.count <= 4 else { throw PyException.make(.typeError, "islice expected at most 4 arguments, got \(args.count)") }
        // PyNumber_AsSsize_t with its error cleared: anything that is not an index, or does not fit, reads as
        // -1, which every bound below refuses.
        func size(_ v: Value) -> Int { (try? Index.value(v, ctx)) ?? -1 }
        let stopError = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        var start = 0, stop = -1, step = 1
        if args.count == 2 {
            if !args[1].isNone {
                stop = size(args[1])
                if stop == -1 { throw PyException.make(.valueError, stopError) }
            }
        } else {
            if !args[1].isNone { start = size(args[1]) }
            if !args[2].isNone {
                stop = size(args[2])
                if stop == -1 { throw PyException.make(.valueError, stopError) }
            }
        }
        if start < 0 || stop < -1 {
            throw PyException.make(.valueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        }
        if args.count == 4, !args[3].isNone { step = size(args[3]) }
        if step < 1 { throw PyException.make(.valueError, "Step for islice() must be a positive integer or None.") }
        var source: Value? = try makeIterator(args[0], ctx)
        var next = start, taken = 0
        return .object(PyNativeIterator("islice") { ctx in
            guard let it = source else { return nil }
            do {
                while taken < next {
                    guard try iteratorNext(it, ctx) != nil else { source = nil; return nil }
                    taken += 1
                }
                if stop != -1 && taken >= stop { source = nil; return nil }
                guard let item = try iteratorNext(it, ctx) else { source = nil; return nil }
                taken += 1
                let previous = next
                next = next &+ step
                if next < previous || (stop != -1 && next > stop) { next = stop }
                return item
            } catch {
                source = nil  // islice_next's `empty:` drops the source on an error too
                throw error
            }
        })
    }
}
