/// Python's `traceback` and `frame` objects for an exception's `__traceback__` (Objects/traceback.c,
/// Objects/frameobject.c), built on demand from the exception's `TracebackEntry` list.
///
/// Why on demand: the dispatch loop records only (code, globals, line) per frame an exception leaves, on its
/// cold path; most exceptions are caught without anyone looking at `__traceback__`, so the objects are made
/// the first time it is read and cached on `ExceptionData`, one per entry. As the exception travels further
/// out, entries are appended for the outer frames and the new (outer) traceback objects link to the cached
/// ones through `tb_next`, as CPython prepends to the chain — so `e.__traceback__.tb_next` keeps its identity.
///
/// A frame seen through a traceback has `f_code`, `f_globals`, `f_builtins`, `f_lineno`, `f_lasti`, and
/// `f_back` (the next frame out that the exception passed through, else None). Its `f_locals` is the namespace
/// for module and class-body frames; a function's registers are gone once it has unwound, so reading a
/// function frame's `f_locals` raises a clear NotImplementedError rather than answering with a wrong dict.
enum TracebackObjects {
    /// The native state of a `traceback` object.
    final class TracebackData: @unchecked Sendable {
        let frame: PyInstance
        let line: Int32
        let lastInstruction: Int
        var next: PyInstance?

        init(frame: PyInstance, line: Int32, lastInstruction: Int, next: PyInstance?) {
            self.frame = frame
            self.line = line
            self.lastInstruction = lastInstruction
            self.next = next
        }
    }

    /// The native state of a `frame` object.
    final class FrameData: @unchecked Sendable {
        let code: CodeObject
        let globals: Globals?
        let line: Int32
        let lastInstruction: Int
        var back: PyInstance?

        init(code: CodeObject, globals: Globals?, line: Int32, lastInstruction: Int) {
            self.code = code
            self.globals = globals
            self.line = line
            self.lastInstruction = lastInstruction
        }
    }

    static let tracebackType: PyType = {
        let t = PyType(name: "traceback", base: BuiltinTypes.object, module: "builtins")
        property(t, "tb_frame") { .object(try traceback($0).frame) }
        property(t, "tb_lineno") { .int(Int(try traceback($0).line)) }
        property(t, "tb_lasti") { .int(try traceback($0).lastInstruction) }
        let next = PyMethodWrapper(.property, .object(PyBuiltinFunction("tb_next") { a, _, _ in
            try traceback(a[0]).next.map { .object($0) } ?? .none
        }))
        next.setter = .object(PyBuiltinFunction("tb_next") { a, _, _ in
            let data = try traceback(a[0])
            switch a[1] {
            case .none: data.next = nil
            case .object(let i as PyInstance) where i.native is TracebackData:
                // traceback.c tb_next_set: no loops.
                var cursor: PyInstance? = i
                while let c = cursor {
                    if case .object(let me) = a[0], c === me { throw PyException.make(.valueError, "traceback loop detected") }
                    cursor = (c.native as? TracebackData)?.next
                }
                data.next = i
            default:
                throw PyException.make(.typeError, "expected traceback object, got '\(typeName(a[1]))'")
            }
            return .none
        })
        t.dict["tb_next"] = .object(next)
        t.addMethod("__dir__") { _, _, _ in
            .object(PyList(["tb_frame", "tb_lasti", "tb_lineno", "tb_next"].map { .str($0) }))
        }
        return t
    }()

    static let frameType: PyType = {
        let t = PyType(name: "frame", base: BuiltinTypes.object, module: "builtins")
        property(t, "f_code") { .object(CodeValue.make(try frame($0).code)) }
        property(t, "f_lineno") { .int(Int(try frame($0).line)) }
        property(t, "f_lasti") { .int(try frame($0).lastInstruction) }
        property(t, "f_back") { try frame($0).back.map { .object($0) } ?? .none }
        property(t, "f_trace") { _ in .none }
        property(t, "f_trace_lines") { _ in .bool(true) }
        property(t, "f_trace_opcodes") { _ in .bool(false) }
        property(t, "f_globals") { .object(try globalsDict(frame($0))) }
        property(t, "f_builtins") { v in
            guard case .object(let b as PyModule) = try builtinsModule(v) else { return .object(PyDict()) }
            return .object(try b.namespaceSnapshot())
        }
        property(t, "f_locals") { v in
            let f = try frame(v)
            guard f.code.kind == .module else {
                throw PyException.make(.notImplementedError, "not supported yet: f_locals of a function frame that has unwound (\(f.code.qualifiedName))")
            }
            return .object(try globalsDict(f))
        }
        t.addMethod("clear") { _, _, _ in .none }
        t.addMethod("__repr__") { a, _, _ in
            let f = try frame(a[0])
            guard case .object(let o) = a[0] else { return .str("<frame>") }
            return .str("<frame at \(address(o)), file '\(f.code.fileName)', line \(f.line), code \(f.code.name)>")
        }
        return t
    }()

    private static func property(_ t: PyType, _ name: String, _ get: @escaping (Value) throws -> Value) {
        t.dict[name] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { a, _, _ in try get(a[0]) })))
    }

    private static func traceback(_ v: Value) throws -> TracebackData {
        guard case .object(let i as PyInstance) = v, let d = i.native as? TracebackData else {
            throw PyException.make(.typeError, "descriptor requires a 'traceback' object but received '\(typeName(v))'")
        }
        return d
    }

    private static func frame(_ v: Value) throws -> FrameData {
        guard case .object(let i as PyInstance) = v, let d = i.native as? FrameData else {
            throw PyException.make(.typeError, "descriptor requires a 'frame' object but received '\(typeName(v))'")
        }
        return d
    }

    private static func globalsDict(_ f: FrameData) throws -> PyDict {
        guard let g = f.globals else { return PyDict() }
        return try PyModule(name: "", globals: g).namespaceSnapshot()
    }

    private static func builtinsModule(_ v: Value) throws -> Value {
        let f = try frame(v)
        if let g = f.globals, let b = g.value(named: "__builtins__") { return b }
        return .none
    }

    /// `exc.__traceback__`: the chain's outermost traceback object (None when the exception was never raised).
    static func chain(_ data: ExceptionData) -> Value {
        let entries = data.traceback
        if data.tracebackObjects.count > entries.count { data.tracebackObjects.removeAll() }
        var objects = data.tracebackObjects
        guard objects.count < entries.count else { return objects.last.map { .object($0) } ?? .none }
        for index in objects.count..<entries.count {
            let e = entries[index]
            let f = PyInstance(type: frameType)
            let lasti = max(0, Int(e.instruction)) * 2
            f.native = FrameData(code: e.code, globals: e.globals, line: e.line, lastInstruction: lasti)
            // The frame the exception left before this one was called from this one.
            if let inner = objects.last, let innerFrame = (inner.native as? TracebackData)?.frame.native as? FrameData {
                innerFrame.back = f
            }
            let tb = PyInstance(type: tracebackType)
            tb.native = TracebackData(frame: f, line: e.line, lastInstruction: lasti, next: objects.last)
            objects.append(tb)
        }
        data.tracebackObjects = objects
        return .object(objects[objects.count - 1])
    }

    /// `sys._getframe(depth)`: the caller's frame `depth` levels out, with its `f_back` chain (snapshots: the
    /// line is where each frame is now; ValueError when the stack is not that deep).
    static func liveFrame(depth: Int, _ ctx: ExecutionContext) throws -> Value {
        let active = ctx.frames.activeFrames()
        guard depth >= 0, depth < active.count else { throw PyException.make(.valueError, "call stack is not deep enough") }
        var outer: PyInstance?
        for (code, line) in active[depth...].reversed() {
            let f = PyInstance(type: frameType)
            let data = FrameData(code: code, globals: moduleGlobals(of: code, ctx), line: line, lastInstruction: 0)
            data.back = outer
            f.native = data
            outer = f
        }
        return outer.map { .object($0) } ?? .none
    }

    /// The globals a code object runs with: its module's (found by the file it was compiled from; every
    /// function and class body of a module shares them). Nil for code compiled from a string.
    private static func moduleGlobals(of code: CodeObject, _ ctx: ExecutionContext) -> Globals? {
        let runtime = ctx.runtime
        if code.fileName == runtime.program.fileName { return runtime.mainGlobals }
        if code.fileName.hasPrefix("<frozen "), code.fileName.hasSuffix(">") {
            let name = String(code.fileName.dropFirst(8).dropLast())
            if case .object(let m as PyModule)?? = try? runtime.modules.table.get(.str(name)) { return m.globals }
        }
        for (_, v) in runtime.modules.table.entries {
            guard case .object(let m as PyModule) = v, let g = m.globals else { continue }
            if case .object(let f as PyStr)? = g.value(named: "__file__"), f.value == code.fileName { return g }
        }
        return nil
    }

    /// `exc.__traceback__ = tb` and `exc.with_traceback(tb)`: the entries become the chain's frames.
    static func assign(_ data: ExceptionData, _ value: Value) throws {
        switch value {
        case .none:
            data.traceback = []
            data.tracebackObjects = []
        case .object(let head as PyInstance) where head.native is TracebackData:
            var outerFirst: [PyInstance] = []
            var cursor: PyInstance? = head
            while let c = cursor, let d = c.native as? TracebackData {
                outerFirst.append(c)
                cursor = d.next
            }
            let objects = Array(outerFirst.reversed())
            data.traceback = objects.compactMap { tb in
                guard let d = tb.native as? TracebackData, let f = d.frame.native as? FrameData else { return nil }
                return TracebackEntry(code: f.code, globals: f.globals, line: d.line, instruction: Int32(d.lastInstruction / 2))
            }
            data.tracebackObjects = objects
        default:
            throw PyException.make(.typeError, "__traceback__ must be a traceback or None")
        }
    }
}

/// The exception attributes CPython keeps in the exception object's C fields (Objects/exceptions.c
/// BaseException_getset): assigning them changes what tracebacks print.
enum ExceptionAttributes {
    /// Whether `name` was one of them (and is now set).
    static func set(_ data: ExceptionData, _ name: String, _ value: Value) throws -> Bool {
        func exception(_ what: String) throws -> PyInstance? {
            switch value {
            case .none: return nil
            case .object(let i as PyInstance) where i.type.isSubtype(of: ExceptionKind.baseException.type): return i
            default: throw PyException.make(.typeError, "exception \(what) must be None or derive from BaseException")
            }
        }
        switch name {
        case "__traceback__":
            try TracebackObjects.assign(data, value)
        case "__cause__":
            data.cause = try exception("cause")
            data.suppressContext = true
        case "__context__":
            data.context = try exception("context")
        case "__suppress_context__":
            guard case .bool(let b) = value else { throw PyException.make(.typeError, "attribute value type must be bool") }
            data.suppressContext = b
        default:
            return false
        }
        return true
    }
}
