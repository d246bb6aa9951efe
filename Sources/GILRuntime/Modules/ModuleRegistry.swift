/// The import system's state (CPython's `sys.modules`, `sys.path` and module locks) and our built-in modules.
/// The import algorithm itself is in `Imports/` (`ModuleRegistry+Import.swift`); this file says which module
/// names we implement natively (Python-level wrappers over GILCore, or Python source compiled at first
/// import: `SourceModules`). Imports run with the GIL held on the importing thread; a module being
/// initialised by one thread is waited for by the others (`ModuleInitLocks`, CPython's `_ModuleLock`).
final class ModuleRegistry {
    unowned let runtime: PythonRuntime
    /// `sys.modules`: the cache every import consults first, mutable from Python.
    let table = PyDict()
    /// `sys.path`: directories searched in order; `ModulePath.builtinEntry` is where our own modules rank,
    /// `ModulePath.cpythonEntry` the installed CPython's standard library.
    let path: PyList
    /// Modules loaded on the side, not importable by name (threading's Python half), emptied with the rest.
    var helpers: [PyModule] = []
    /// Modules whose body is running, by name (CPython's `__spec__._initializing`), and who runs it.
    let initLocks = ModuleInitLocks()
    /// Source lines of every module file compiled, for tracebacks (CPython's linecache).
    let sourceLines = SourceLineCache()
    /// Swift state of native modules whose methods refer to it unowned (`DecimalModule`), until the program ends.
    var nativeStates: [AnyObject] = []
    /// Guards `helpers` and `nativeStates` (sys.modules has its own lock).
    let lock = ObjectLock("import")

    init(runtime: PythonRuntime) {
        self.runtime = runtime
        path = PyList(ModulePath.initial(options: runtime.options, programFile: runtime.program.fileName).map { .str($0) })
        try? table.set(.str("builtins"), .object(runtime.builtins))
        try? table.set(.str("__main__"), .object(PyModule(name: "__main__", globals: runtime.mainGlobals)))
    }

    /// Empties every loaded module and forgets it: their functions and closures hold the runtime and their
    /// globals, so without this an ended program's objects outlive it (`PythonRuntime.releaseObjects`).
    func unloadAll() {
        let modules = lock.withLock { () -> [PyModule] in
            defer {
                helpers.removeAll()
                nativeStates.removeAll()
            }
            return helpers
        } + table.entries.compactMap { $0.1.asObject as? PyModule }
        table.clear()
        path.withItems { $0.removeAll() }
        for m in modules {
            if let g = m.globals { g.removeAll() }
            m.lock.withLock { m.dict.removeAll() }
        }
    }

    /// Our own module `name` (created now), or nil when we do not implement it. `ModuleRegistry+Import`
    /// calls this when the search along sys.path reaches `ModulePath.builtinEntry`, or first for the names
    /// CPython builds into its executable (`ModulePath.alwaysBuiltin`).
    func makeNative(_ name: String, _ ctx: ExecutionContext) throws -> PyModule? {
        let m: PyModule
        switch name {
        case "builtins": m = runtime.builtins
        case "sys":
            m = SysModule.make(runtime)
            m.dict["modules"] = .object(table)
            m.dict["path"] = .object(path)
        case "time": m = TimeModule.make()
        case "threading": m = ThreadingModule.make(runtime)
        case "os":
            // CPython's os.py over our posix when its Lib is reachable: the whole os, exactly.
            if sysPathEntries().contains(ModulePath.cpythonEntry), ModulePath.cpythonLibrary() != nil { return nil }
            m = OSModule.make(runtime)
        case "posix": m = PosixModule.make(runtime)
        case "_signal": m = SignalModule.make(runtime)
        case "_posixsubprocess": m = PosixSubprocessModule.make()
        case "select": m = SelectModule.make()
        case "_sqlite3": m = SQLiteModule.make()
        case "_locale": m = LocaleModule.make()
        case "os.path": m = OSModule.makePath()
        case "urllib":
            // A package: our urllib.request/urllib.error first, CPython's urllib/parse.py & co. after them.
            m = PyModule(name: "urllib")
            var locations = [ModulePath.builtinEntry]
            if sysPathEntries().contains(ModulePath.cpythonEntry), let lib = ModulePath.cpythonLibrary() { locations.append(lib + "/urllib") }
            m.dict["__path__"] = .object(PyList(locations.map { .str($0) }))
        case "urllib.request": m = URLLibModule.makeRequest(runtime)
        case "urllib.error": m = URLLibModule.makeError()
        case "gilrec": m = GILRecModule.make()
        case "math": m = MathModule.make()
        case "hashlib": m = HashlibModule.make()
        case "re":
            m = ReModule.make()
            try ReFlagsSource.install(into: m, ctx)
        case "_json": m = JSONAccelerator.make()
        case "_copy": m = CopyAccelerator.make()
        case "_random": m = RandomModule.make()
        case "queue": m = QueueModule.make()
        case "socket": m = SocketModule.make(runtime)
        case "traceback":
            // CPython's traceback.py (TracebackException, StackSummary, walk_tb…) when its Lib is reachable,
            // over our traceback/frame/code objects; else our native subset.
            if sysPathEntries().contains(ModulePath.cpythonEntry), ModulePath.cpythonLibrary() != nil { return nil }
            m = TracebackModule.make()
        case "dataclasses": m = try DataclassesModule.make(ctx)
        case "concurrent": m = PyModule(name: "concurrent")
        case "importlib":
            // A package: our util and machinery first, CPython's _bootstrap(_external), abc, resources… after them.
            m = ImportlibModule.make()
            var locations = [ModulePath.builtinEntry]
            if sysPathEntries().contains(ModulePath.cpythonEntry), let lib = ModulePath.cpythonLibrary() { locations.append(lib + "/importlib") }
            m.dict["__path__"] = .object(PyList(locations.map { .str($0) }))
        case "importlib.util": m = ImportlibModule.makeUtil()
        case "errno": m = ErrnoModule.make()
        case "gc": m = GCModule.make(ctx)
        case "atexit": m = AtexitModule.make()
        case "_thread": m = try ThreadModule.make(ctx)
        case "_struct", "struct": m = StructModule.make(name: name)
        case "_gilrec_io": m = BytesIOType.module()
        case "array": m = ArrayModule.make()
        case "_codecs": m = CodecsModule.make(ctx)
        case "binascii": m = BinasciiModule.make()
        case "_abc": m = AbcModule.make()
        case "_bisect": m = BisectModule.make()
        case "_collections": m = CollectionsAccelerator.make()
        case "_gilrec_itertools": m = ItertoolsAccelerator.make()
        case "_decimal": m = try DecimalModule.make(ctx)
        case "_weakref": m = try WeakrefModule.make(ctx)
        case "_gilrec_asyncio": m = AsyncioSupport.make()
        case "cmath": m = CmathModule.make()
        default:
            guard let source = SourceModules.sources[name] else { return nil }
            do {
                m = try SourceModules.load(name, source: source, ctx) { try self.table.set(.str(name), .object($0)) }
            } catch {
                _ = try? table.remove(.str(name))
                throw error
            }
        }
        if name == "threading" {
            // threading's Python half imports threading: it must find this module.
            try table.set(.str(name), .object(m))
            let extras = try SourceModules.load("threading", source: ThreadingExtrasSource.text, ctx)
            for n in ThreadingExtrasSource.exported { if let v = extras.get(n) { m.set(n, v) } }
            lock.withLock { helpers.append(extras) }
        }
        return m
    }
}

extension ModuleRegistry {
    /// Keeps a module that is not importable by name (a native module's Python half) until the program ends.
    func keepHelper(_ m: PyModule) {
        lock.withLock { helpers.append(m) }
    }

    /// Keeps a native module's Swift state until the program ends.
    func keepNativeState(_ o: AnyObject) {
        lock.withLock { nativeStates.append(o) }
    }
}

extension Globals {
    /// Unbinds every name (end of a program: see `ModuleRegistry.unloadAll`).
    func removeAll() {
        for name in allNames { _ = remove(named: name) }
        namespace?.clearAll()
    }
}
