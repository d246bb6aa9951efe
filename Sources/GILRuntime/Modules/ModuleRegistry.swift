/// The importable modules: all builtin (Python-level wrappers over GILCore), created on first import and
/// cached per runtime. Under a GIL policy imports run with the GIL held; without one (free-threaded)
/// `lock` plays CPython's import lock — re-entrant, since loading a module may import others.
final class ModuleRegistry {
    unowned let runtime: PythonRuntime
    private var loaded: [String: PyModule] = [:]
    /// Modules loaded on the side, not importable by name (threading's Python half), emptied with the rest.
    private var helpers: [PyModule] = []
    private let lock = ObjectLock("import")

    init(runtime: PythonRuntime) {
        self.runtime = runtime
    }

    /// `import a.b`: loads every prefix; returns the top package when `top` (the name `import` binds),
    /// else the leaf (`import a.b as c`, `from a.b import x`).
    func importModule(_ dotted: String, top: Bool, _ ctx: ExecutionContext) throws -> Value {
        let parts = dotted.split(separator: ".").map(String.init)
        var parent: PyModule?
        var first: PyModule?
        var path = ""
        for p in parts {
            path = path.isEmpty ? p : path + "." + p
            let m = try load(path, ctx)
            parent?.set(p, .object(m))
            parent = m
            if first == nil { first = m }
        }
        return .object(top ? first! : parent!)
    }

    /// Empties every loaded module and forgets it: their functions and closures hold the runtime and their
    /// globals, so without this an ended program's objects outlive it (`PythonRuntime.releaseObjects`).
    func unloadAll() {
        let modules = lock.withLock { () -> [PyModule] in
            defer {
                loaded.removeAll()
                helpers.removeAll()
            }
            return Array(loaded.values) + helpers
        }
        for m in modules {
            if let g = m.globals { g.removeAll() }
            m.lock.withLock { m.dict.removeAll() }
        }
    }

    func load(_ name: String, _ ctx: ExecutionContext) throws -> PyModule {
        try lock.withLock { try loadLocked(name, ctx) }
    }

    private func loadLocked(_ name: String, _ ctx: ExecutionContext) throws -> PyModule {
        if let m = loaded[name] { return m }
        let m: PyModule
        switch name {
        case "builtins": m = runtime.builtins
        case "sys": m = SysModule.make(runtime)
        case "time": m = TimeModule.make()
        case "threading": m = ThreadingModule.make(runtime)
        case "os": m = OSModule.make(runtime)
        case "os.path": m = OSModule.makePath()
        case "urllib": m = PyModule(name: "urllib")
        case "urllib.request": m = URLLibModule.makeRequest(runtime)
        case "urllib.error": m = URLLibModule.makeError()
        case "gilrec": m = GILRecModule.make()
        case "math": m = MathModule.make()
        case "hashlib": m = HashlibModule.make()
        case "re": m = ReModule.make()
        case "random": m = RandomModule.make()
        case "queue": m = QueueModule.make()
        case "socket": m = SocketModule.make(runtime)
        case "traceback": m = TracebackModule.make()
        case "dataclasses": m = try DataclassesModule.make(ctx)
        case "concurrent": m = PyModule(name: "concurrent")
        case "__main__": m = PyModule(name: "__main__", globals: runtime.mainGlobals)
        default:
            guard let source = SourceModules.sources[name] else {
                throw PyException.make(.moduleNotFoundError, "No module named '\(name)'")
            }
            m = try SourceModules.load(name, source: source, ctx)
        }
        loaded[name] = m
        if name == "threading" {
            let extras = try SourceModules.load("threading", source: ThreadingExtrasSource.text, ctx)
            for n in ThreadingExtrasSource.exported { if let v = extras.get(n) { m.set(n, v) } }
            helpers.append(extras)
        }
        return m
    }
}

extension Globals {
    /// Unbinds every name (end of a program: see `ModuleRegistry.unloadAll`).
    func removeAll() {
        for name in allNames { _ = remove(named: name) }
    }
}
