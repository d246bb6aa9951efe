import PythonSyntax

/// `exec`, `eval` and `compile` (Python/bltinmodule.c): source compiled by our own compiler and run as a module
/// body. Our module code reads and writes compiler-assigned global slots, not a dictionary, so the namespace
/// dict is copied into fresh slots before the code runs and every name the code bound, rebound or deleted is
/// written back after it (also when it raises). What differs from CPython: functions the code defines keep those
/// slots as their globals (they see the dict as it was when the code ran, not later changes to it), and inside a
/// function `exec(src)` without a namespace cannot bind the function's locals (as in CPython) nor, here, anything
/// else: its stores are dropped.
enum DynamicCode {
    /// `compile()`'s result: the compiled program and its mode, carried by a `code` object.
    final class Compiled {
        let program: CompiledProgram
        let mode: String
        /// `eval` mode: the hidden global the expression's value is stored in.
        static let resultName = "__gilrec_eval_result__"

        init(program: CompiledProgram, mode: String) {
            self.program = program
            self.mode = mode
        }
    }

    static let onlyAST = 0x400

    static func install(_ m: PyModule) {
        m.dict["compile"] = .object(PyBuiltinFunction("compile", minimumArguments: 0) { args, kwargs, ctx in
            let a = try Arguments(args, kwargs, names: ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"], function: "compile")
            guard let source = try a.value(0), let fileName = try a.value(1), let mode = try a.value(2) else {
                throw PyException.make(.typeError, "compile() missing required argument '\(try a.value(0) == nil ? "source" : try a.value(1) == nil ? "filename" : "mode")'")
            }
            guard case .object(let m as PyStr) = mode, ["exec", "eval", "single"].contains(m.value) else {
                throw PyException.make(.valueError, "compile() mode must be 'exec', 'eval' or 'single'")
            }
            let flags = try a.value(3).flatMap(indexValue) ?? 0
            if flags & onlyAST != 0 { throw PyException.make(.notImplementedError, "not supported yet: compile() to an AST (ast.parse)") }
            let name = try fileNameText(fileName, ctx)
            return .object(try codeObject(text(source, "compile()"), fileName: name, mode: m.value, ctx))
        })
        m.dict["exec"] = .object(PyBuiltinFunction("exec", minimumArguments: 1) { args, kwargs, ctx in
            let a = try Arguments(args, kwargs, names: ["source", "globals", "locals"], function: "exec")
            let compiled = try compiledArgument(try a.value(0)!, mode: "exec", function: "exec", ctx)
            try run(compiled, globals: try a.value(1), locals: try a.value(2), function: "exec", ctx)
            return .none
        })
        m.dict["eval"] = .object(PyBuiltinFunction("eval", minimumArguments: 1) { args, kwargs, ctx in
            let a = try Arguments(args, kwargs, names: ["source", "globals", "locals"], function: "eval")
            var source = try a.value(0)!
            // eval() strips leading spaces and tabs of a string (bltinmodule.c builtin_eval_impl).
            if case .object(let s as PyStr) = source { source = .str(String(s.value.drop(while: { $0 == " " || $0 == "\t" }))) }
            let compiled = try compiledArgument(source, mode: "eval", function: "eval", ctx)
            return try run(compiled, globals: try a.value(1), locals: try a.value(2), function: "eval", ctx) ?? .none
        })
    }

    /// The source of `compile`/`exec`/`eval`: a str, or bytes decoded as UTF-8.
    private static func text(_ v: Value, _ function: String) throws -> String {
        if case .object(let s as PyStr) = v { return s.value }
        if let b = BytesLike.bytes(v) {
            guard let s = String(validating: b, as: UTF8.self) else {
                throw PyException.make(.syntaxError, "source code cannot be decoded as UTF-8")
            }
            return s
        }
        throw PyException.make(.typeError, "\(function) arg 1 must be a string, bytes or code object")
    }

    private static func fileNameText(_ v: Value, _ ctx: ExecutionContext) throws -> String {
        if case .object(let s as PyStr) = v { return s.value }
        if let b = BytesLike.bytes(v) { return String(decoding: b, as: UTF8.self) }
        if let fspath = try? Attributes.get(v, "__fspath__", ctx) { return try fileNameText(try ctx.call(fspath, []), ctx) }
        throw PyException.make(.typeError, "compile() argument 'filename' must be str, bytes or os.PathLike, not \(typeName(v))")
    }

    private static func compiledArgument(_ v: Value, mode: String, function: String, _ ctx: ExecutionContext) throws -> Compiled {
        if case .object(let i as PyInstance) = v, i.type === CodeValue.type {
            guard let c = i.native as? Compiled else {
                throw PyException.make(.notImplementedError, "not supported yet: \(function)() of a function's code object")
            }
            return c
        }
        let code = try codeObject(text(v, "\(function)()"), fileName: "<string>", mode: mode, ctx)
        guard let c = code.native as? Compiled else { throw PyException.make(.systemError, "\(function)(): no code") }
        return c
    }

    /// Compiles `source` for `mode`; `eval` accepts one expression, whose value lands in `Compiled.resultName`.
    static func codeObject(_ source: String, fileName: String, mode: String, _ ctx: ExecutionContext) throws -> PyInstance {
        let program: CompiledProgram
        do {
            program = try PythonCompiler.compile(source: source, fileName: fileName) { (module: inout Module) throws(SyntaxError) in
                guard mode == "eval" else { return }
                guard module.body.count == 1, case .expression(let e) = module.body[0].kind else {
                    let at = module.body.count > 1 ? module.body[1].location : module.body.first?.location ?? SourceLocation(line: 1, column: 1)
                    throw SyntaxError("invalid syntax", fileName: fileName, location: at, sourceLine: "")
                }
                let target = Expression(.name(Compiled.resultName), at: e.location)
                module.body = [Statement(.assign(targets: [target], value: e), at: module.body[0].location)]
            }
        } catch {
            throw SyntaxErrorValue.make(error)
        }
        let code = CodeValue.make(program.module)
        code.native = Compiled(program: program, mode: mode)
        return code
    }

    /// Runs `compiled` with the namespace dicts (the caller's module when `globals` is None); the value of an
    /// `eval`.
    @discardableResult
    static func run(_ compiled: Compiled, globals: Value?, locals: Value?, function: String, _ ctx: ExecutionContext) throws -> Value? {
        var globalsDict: PyDict
        var writeBack = true
        if let globals, !globals.isNone {
            guard case .object(let d as PyDict) = globals else {
                throw PyException.make(.typeError, function == "eval" ? "globals must be a real dict; try eval(expr, {}, mapping)" : "exec() globals must be a dict, not \(typeName(globals))")
            }
            globalsDict = d
        } else {
            // The calling code's module; from inside a function, stores have nowhere to go (see the type's doc).
            let caller = ctx.frames.activeFrames().first?.0
            globalsDict = (caller?.moduleGlobals ?? ctx.runtime.mainGlobals).namespaceDict()
            if caller?.kind == .function { writeBack = false }
        }
        var localsDict: PyDict?
        if let locals, !locals.isNone {
            guard case .object(let d as PyDict) = locals else {
                throw PyException.make(.typeError, "locals must be a mapping")
            }
            if d !== globalsDict { localsDict = d }
        }
        if try globalsDict.get(.str("__builtins__")) == nil { try globalsDict.set(.str("__builtins__"), .object(ctx.runtime.builtins)) }
        let program = compiled.program
        let slots = Globals(names: program.globalNames)
        var seeded: [String: Value] = [:]
        for source in [globalsDict] + (localsDict.map { [$0] } ?? []) {
            for (k, v) in source.entries {
                guard case .object(let s as PyStr) = k else { continue }
                slots.set(named: s.value, v)
                seeded[s.value] = v
            }
        }
        _ = slots.remove(named: Compiled.resultName)
        defer {
            if writeBack {
                let target = localsDict ?? globalsDict
                let bound = Set(slots.allNames)
                for name in slots.allNames where name != Compiled.resultName {
                    guard let v = slots.value(named: name) else { continue }
                    if let old = seeded[name], old.isIdentical(v) { continue }
                    try? target.set(.str(name), v)
                }
                for (name, _) in seeded where !bound.contains(name) { _ = try? target.remove(.str(name)) }
            }
        }
        try Interpreter.runModule(program.module, globals: slots, ctx)
        return compiled.mode == "eval" ? slots.value(named: Compiled.resultName) ?? Value.none : nil
    }
}
