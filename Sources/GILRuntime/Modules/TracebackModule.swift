/// `traceback` (Lib/traceback.py, the common part): the exception being handled, or a given one, formatted
/// exactly as an uncaught exception is (`Traceback.format`), e.g. `traceback.print_exc()` in a worker thread.
enum TracebackModule {
    static func make() -> PyModule {
        let m = PyModule(name: "traceback")
        func handled(_ ctx: ExecutionContext) -> PyException? { ctx.handled.last.map { PyException($0) } }
        func given(_ args: [Value], _ ctx: ExecutionContext) throws -> PyException? {
            // format_exception(exc) (3.10+) or format_exception(type, value, tb): the instance is what counts.
            let candidates = args.count >= 2 ? [args[1], args[0]] : args
            for v in candidates { if case .object(let i as PyInstance) = v, i.native is ExceptionData { return PyException(i) } }
            return nil
        }
        func text(_ e: PyException?, _ ctx: ExecutionContext) -> String {
            guard let e else { return "NoneType: None\n" }
            return Traceback.format(e, program: ctx.runtime.program, ctx)
        }
        func lines(_ s: String) -> Value {
            .object(PyList(s.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { .str($0 + "\n") }))
        }
        func emit(_ s: String, _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws {
            if let file = kwargs.first(where: { $0.0 == "file" })?.1, !file.isNone {
                try ctx.runtime.write(s, to: file, flush: false, ctx)
            } else {
                ctx.runtime.output.writeErr(s)
            }
        }
        m.addFunction("format_exc") { _, _, ctx in .str(text(handled(ctx), ctx)) }
        m.addFunction("print_exc") { _, kwargs, ctx in
            try emit(text(handled(ctx), ctx), kwargs, ctx)
            return .none
        }
        m.addFunction("format_exception") { args, _, ctx in lines(text(try given(args, ctx), ctx)) }
        m.addFunction("print_exception") { args, kwargs, ctx in
            try emit(text(try given(args, ctx), ctx), kwargs, ctx)
            return .none
        }
        m.addFunction("format_exception_only") { args, _, ctx in
            guard let e = try given(args, ctx) else { return lines("NoneType: None\n") }
            return lines(Traceback.formatOnly(e.value, ctx))
        }
        return m
    }
}
