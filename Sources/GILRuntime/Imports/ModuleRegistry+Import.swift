import PythonSyntax

/// The import algorithm of Lib/importlib/_bootstrap.py (`_find_and_load`, `_find_and_load_unlocked`,
/// `_calc___package__`, `_resolve_name`, `_handle_fromlist`) and of ceval.c's IMPORT_FROM / `import *`:
/// `sys.modules` first, the parent package before the child, a module placed in `sys.modules` before its body
/// runs (so circular imports see it partially initialised) and removed again if the body raises, and
/// CPython's messages.
extension ModuleRegistry {
    // MARK: - IMPORT_NAME

    /// `import a.b` (`top`: the value bound is `a`), `import a.b as c` / `from a.b import x` (the leaf
    /// `a.b`); `level` leading dots are resolved against the importing module's globals.
    func importName(_ name: String, level: Int, globals: Globals?, top: Bool, _ ctx: ExecutionContext) throws -> Value {
        let absolute = level > 0 ? try resolveRelative(name, level: level, lookup: { globals?.value(named: $0) }) : name
        if absolute.isEmpty { throw PyException.make(.valueError, "Empty module name") }
        let leaf = try findAndLoad(absolute, ctx)
        guard top, level == 0, let dot = absolute.firstIndex(of: ".") else { return leaf }
        return try findAndLoad(String(absolute[..<dot]), ctx)
    }

    /// An absolute `import a.b` from Swift (the leaf unless `top`).
    func importModule(_ dotted: String, top: Bool, _ ctx: ExecutionContext) throws -> Value {
        try importName(dotted, level: 0, globals: nil, top: top, ctx)
    }

    /// A module by absolute name as a `PyModule` (for Swift callers that need one).
    func load(_ name: String, _ ctx: ExecutionContext) throws -> PyModule {
        guard case .object(let m as PyModule) = try findAndLoad(name, ctx) else {
            throw PyException.make(.importError, "sys.modules['\(name)'] is not a module")
        }
        return m
    }

    /// `_calc___package__` + `_resolve_name`: the absolute name of a relative import, `lookup` reading the
    /// importing module's globals (`__package__`, then `__spec__.parent`, then `__name__`/`__path__`).
    func resolveRelative(_ name: String, level: Int, lookup: (String) -> Value?) throws -> String {
        var package: String?
        switch lookup("__package__") {
        case .object(let s as PyStr)?:
            package = s.value
        case .none?, nil:
            if case .object(let spec as PyInstance)? = lookup("__spec__"), case .object(let p as PyStr)? = spec.getAttribute("parent") {
                package = p.value
            } else if case .object(let n as PyStr)? = lookup("__name__") {
                let isPackage = lookup("__path__").map { !$0.isNone } ?? false
                package = isPackage ? n.value : String(n.value[..<(n.value.lastIndex(of: ".") ?? n.value.startIndex)])
            }
        default:
            throw PyException.make(.typeError, "package must be a string")
        }
        guard let package, !package.isEmpty else {
            throw Self.importError("attempted relative import with no known parent package")
        }
        return try Self.resolve(name, package: package, level: level)
    }

    /// `_resolve_name`: `level` dots up from `package`.
    static func resolve(_ name: String, package: String, level: Int) throws -> String {
        var bits = package.split(separator: ".", omittingEmptySubsequences: false)
        if bits.count < level { throw importError("attempted relative import beyond top-level package") }
        bits.removeLast(level - 1)
        let base = bits.joined(separator: ".")
        return name.isEmpty ? base : base + "." + name
    }

    // MARK: - _find_and_load

    /// The module `name` (absolute), from `sys.modules` or found and executed now. While another thread runs
    /// the module's body, waits for it.
    func findAndLoad(_ name: String, _ ctx: ExecutionContext) throws -> Value {
        var module = try table.get(.str(name))
        if module == nil || initLocks.owner(of: name) != nil {
            let held = try initLocks.acquire(name, ctx)
            defer { if case .owned = held { initLocks.release(name, ctx) } }
            module = try table.get(.str(name))
            if module == nil { return try findAndLoadUnlocked(name, ctx) }
        }
        guard let module, !module.isNone else {
            throw Self.moduleNotFound("import of \(name) halted; None in sys.modules", name: name)
        }
        return module
    }

    /// `_find_and_load_unlocked`: parent first, then the search along the parent's `__path__` or sys.path.
    private func findAndLoadUnlocked(_ name: String, _ ctx: ExecutionContext) throws -> Value {
        var searchPath: [String]?
        var parent: (module: Value, child: String)?
        if let dot = name.lastIndex(of: ".") {
            let parentName = String(name[..<dot])
            let child = String(name[name.index(after: dot)...])
            if try table.get(.str(parentName)) == nil { _ = try findAndLoad(parentName, ctx) }
            // The parent's body may have imported this module already.
            if let m = try table.get(.str(name)) { return m }
            guard let parentModule = try table.get(.str(parentName)) else {
                throw Self.moduleNotFound("No module named '\(name)'", name: name)
            }
            parent = (parentModule, child)
            if let locations = Self.searchLocations(parentModule) {
                searchPath = locations
            } else if let native = try makeNative(name, ctx) {
                return try register(native, name: name, parent: parent, ctx)
            } else {
                throw Self.moduleNotFound("No module named '\(name)'; '\(parentName)' is not a package", name: name)
            }
        }
        guard let found = try find(name, path: searchPath, ctx) else {
            throw Self.moduleNotFound("No module named '\(name)'", name: name)
        }
        let module: Value
        switch found {
        case .native(let m):
            module = try register(m, name: name, parent: parent, ctx)
            return module
        case .source(let file, let packageDirectory):
            module = try loadSource(name, file: file, packageDirectory: packageDirectory, ctx)
        case .namespace(let directories):
            let m = PyModule(name: name)
            m.dict["__name__"] = .str(name)
            m.dict["__file__"] = Value.none
            m.dict["__path__"] = .object(PyList(directories.map { .str($0) }))
            m.dict["__package__"] = .str(name)
            let spec = ModuleSpecs.make(name: name, loader: .object(ModuleSpecs.namespaceLoaderType), origin: nil, searchLocations: directories)
            m.dict["__spec__"] = .object(spec)
            m.dict["__loader__"] = .object(ModuleSpecs.namespaceLoaderType)
            try table.set(.str(name), .object(m))
            module = .object(m)
        }
        if let parent { try Attributes.set(parent.module, parent.child, module, ctx) }
        return module
    }

    /// A native module, just made: into `sys.modules` with a spec, bound in its parent package.
    private func register(_ m: PyModule, name: String, parent: (module: Value, child: String)?, _ ctx: ExecutionContext) throws -> Value {
        if m.globals == nil {
            let frozen = SourceModules.sources[name] != nil
            m.lock.withLock {
                if m.dict["__spec__"] == nil {
                    let loader = frozen ? ModuleSpecs.frozenImporter : ModuleSpecs.builtinImporter
                    m.dict["__spec__"] = .object(ModuleSpecs.make(name: name, loader: .object(loader), origin: frozen ? "frozen" : "built-in", searchLocations: nil))
                    m.dict["__loader__"] = .object(loader)
                }
            }
        }
        if try table.get(.str(name)) == nil { try table.set(.str(name), .object(m)) }
        let module = try table.get(.str(name)) ?? .object(m)
        if let parent { try Attributes.set(parent.module, parent.child, module, ctx) }
        return module
    }

    /// `module.__path__` as strings, or nil when the module is not a package.
    static func searchLocations(_ module: Value) -> [String]? {
        let path: Value?
        switch module {
        case .object(let m as PyModule): path = m.get("__path__")
        case .object(let i as PyInstance): path = i.getAttribute("__path__")
        default: path = nil
        }
        guard case .object(let o)? = path else { return nil }
        let items: [Value]
        if let l = o as? PyList { items = l.withItems { $0 } } else if let t = o as? PyTuple { items = t.items } else { return nil }
        return items.compactMap { if case .object(let s as PyStr) = $0 { s.value } else { nil } }
    }

    // MARK: - Finding

    enum Found {
        case native(PyModule)
        case source(file: String, packageDirectory: String?)
        case namespace([String])
    }

    /// Where `name` comes from: the names CPython builds in, then each `path` entry (sys.path for a top-level
    /// module) — our built-in modules at `ModulePath.builtinEntry`, CPython's Lib at `ModulePath.cpythonEntry`.
    func find(_ name: String, path: [String]?, _ ctx: ExecutionContext) throws -> Found? {
        if path == nil, ModulePath.alwaysBuiltin.contains(name), let m = try makeNative(name, ctx) { return .native(m) }
        let child = String(name[(name.lastIndex(of: ".").map { name.index(after: $0) } ?? name.startIndex)...])
        var portions: [String] = []
        for entry in path ?? sysPathEntries() {
            var directory = entry
            if entry == ModulePath.builtinEntry {
                if let m = try makeNative(name, ctx) { return .native(m) }
                continue
            }
            if entry == ModulePath.cpythonEntry {
                guard let lib = ModulePath.cpythonLibrary() else { continue }
                directory = lib
            }
            switch ModuleFiles.find(child, in: directory) {
            case .package(let dir, let initFile)?: return .source(file: initFile, packageDirectory: dir)
            case .module(let file)?: return .source(file: file, packageDirectory: nil)
            case .namespacePortion(let dir)?: portions.append(dir)
            case nil: continue
            }
        }
        return portions.isEmpty ? nil : .namespace(portions)
    }

    /// The string entries of `sys.path` now (the program may have changed the list).
    func sysPathEntries() -> [String] {
        path.withItems { $0 }.compactMap { if case .object(let s as PyStr) = $0 { s.value } else { nil } }
    }

    // MARK: - Loading a file

    /// Compiles `file` and runs it as module `name`, placed in `sys.modules` while its body runs.
    private func loadSource(_ name: String, file: String, packageDirectory: String?, _ ctx: ExecutionContext) throws -> Value {
        let program = try compileFile(file)
        let globals = Globals(names: program.globalNames)
        let module = PyModule(name: name, globals: globals)
        let loader = ModuleSpecs.sourceLoader(name: name, path: file)
        let locations = packageDirectory.map { [$0] }
        let spec = ModuleSpecs.make(name: name, loader: loader, origin: file, searchLocations: locations)
        globals.set(named: "__name__", .str(name))
        globals.set(named: "__file__", .str(file))
        globals.set(named: "__cached__", .none)
        globals.set(named: "__doc__", program.module.docstring.map { .str($0) } ?? .none)
        globals.set(named: "__loader__", loader)
        globals.set(named: "__spec__", .object(spec))
        globals.set(named: "__builtins__", .object(runtime.builtins))
        if let packageDirectory {
            globals.set(named: "__path__", .object(PyList([.str(packageDirectory)])))
            globals.set(named: "__package__", .str(name))
        } else {
            globals.set(named: "__package__", .str(String(name[..<(name.lastIndex(of: ".") ?? name.startIndex)])))
        }
        try table.set(.str(name), .object(module))
        do {
            try Interpreter.runModule(program.module, globals: globals, ctx)
        } catch {
            _ = try? table.remove(.str(name))
            throw error
        }
        return try table.get(.str(name)) ?? .object(module)
    }

    /// Parses and compiles a module file (check points as the main program's), or reads it from the code
    /// cache, keeping its lines for tracebacks. `seed`: the global names of the module it will run in.
    func compileFile(_ file: String, seed: [String] = []) throws -> CompiledProgram {
        let checkMode = runtime.program.checkMode
        let program = try runtime.options.codeCache.program(file: file, checkMode: checkMode, seed: seed) { text in
            do {
                return try PythonCompiler.compile(source: text, fileName: file, checkMode: checkMode, seedGlobals: seed)
            } catch let error as SyntaxError {
                throw SyntaxErrorValue.make(error)
            }
        }
        sourceLines.store(file, program.sourceLines)
        return program
    }

    /// `SourceFileLoader.exec_module`: runs `file` in an existing module (made by `importlib.util.module_from_spec`).
    func execFile(_ file: String, in module: PyModule, _ ctx: ExecutionContext) throws {
        guard let globals = module.globals else {
            throw PyException.make(.typeError, "exec_module() needs a module made by importlib.util.module_from_spec()")
        }
        let program = try compileFile(file, seed: globals.names)
        let grown = Globals(names: program.globalNames, copying: globals)
        module.adopt(grown)
        try Interpreter.runModule(program.module, globals: grown, ctx)
    }

    // MARK: - IMPORT_FROM and import *

    /// `from module import name`: the attribute, else the submodule `module.name` (imported now when the
    /// module is a package), else CPython's ImportError.
    func importFrom(_ module: Value, _ name: String, _ ctx: ExecutionContext) throws -> Value {
        do {
            if let a = try Attributes.lookup(module, name, ctx) { return a }
        } catch let e as PyException where e.matches(.attributeError) {}
        let moduleName = Self.moduleName(module)
        if let moduleName {
            let full = moduleName + "." + name
            if let m = try table.get(.str(full)) { return m }
            if Self.searchLocations(module) != nil {
                do {
                    return try findAndLoad(full, ctx)
                } catch let e as PyException where e.matches(.moduleNotFoundError) && Self.errorName(e) == full {}
            }
        }
        throw cannotImport(name, from: module, moduleName)
    }

    /// `from module import *`: the names in `__all__` (submodules of a package imported), else every
    /// public name.
    func importStar(_ module: Value, into globals: Globals, _ ctx: ExecutionContext) throws {
        var names: [String] = []
        let all: Value? = try? Attributes.get(module, "__all__", ctx)
        if let all {
            for item in try collect(all, ctx) {
                guard case .object(let s as PyStr) = item else {
                    let owner = Self.moduleName(module) ?? "?"
                    throw PyException.make(.typeError, "Item in \(owner).__all__ must be str, not \(typeName(item))")
                }
                names.append(s.value)
            }
        } else {
            switch module {
            case .object(let m as PyModule):
                names = m.globals?.allNames ?? m.lock.withLock { Array(m.dict.keys).sorted() }
            case .object(let i as PyInstance):
                names = i.orderedAttributes.map(\.0)
            default: break
            }
            names = names.filter { !$0.hasPrefix("_") }
        }
        for n in names {
            let v = all != nil ? try importFrom(module, n, ctx) : try Attributes.get(module, n, ctx)
            globals.set(named: n, v)
        }
    }

    private func cannotImport(_ name: String, from module: Value, _ moduleName: String?) -> PyException {
        let shown = moduleName ?? "<unknown module name>"
        var file: String?
        if case .object(let m as PyModule) = module, case .object(let s as PyStr)? = m.get("__file__") { file = s.value }
        guard let file else {
            return Self.importError("cannot import name '\(name)' from '\(shown)' (unknown location)", name: moduleName)
        }
        let initializing = moduleName.map { initLocks.owner(of: $0) != nil } ?? false
        let text = initializing
            ? "cannot import name '\(name)' from partially initialized module '\(shown)' (most likely due to a circular import) (\(file))"
            : "cannot import name '\(name)' from '\(shown)' (\(file))"
        return Self.importError(text, name: moduleName, path: file)
    }

    static func moduleName(_ module: Value) -> String? {
        switch module {
        case .object(let m as PyModule):
            if case .object(let s as PyStr)? = m.get("__name__") { return s.value }
            return m.name
        case .object(let i as PyInstance):
            if case .object(let s as PyStr)? = i.getAttribute("__name__") { return s.value }
            return nil
        default: return nil
        }
    }

    // MARK: - Errors

    static func importError(_ message: String, name: String? = nil, path: String? = nil) -> PyException {
        let e = PyException.make(.importError, message)
        e.value.attributes["msg"] = .str(message)
        e.value.attributes["name"] = name.map { .str($0) } ?? Value.none
        e.value.attributes["path"] = path.map { .str($0) } ?? Value.none
        return e
    }

    static func moduleNotFound(_ message: String, name: String) -> PyException {
        let e = PyException.make(.moduleNotFoundError, message)
        e.value.attributes["msg"] = .str(message)
        e.value.attributes["name"] = .str(name)
        e.value.attributes["path"] = Value.none
        return e
    }

    static func errorName(_ e: PyException) -> String? {
        if case .object(let s as PyStr)? = e.value.attributes["name"] { return s.value }
        return nil
    }
}

extension PyModule {
    /// `module.__dict__`: the live view of a module's globals (`ModuleNamespace`); for our native modules
    /// (a Swift dictionary of attributes) still a copy.
    func namespaceSnapshot() throws -> PyDict {
        if let g = globals { return g.namespaceDict() }
        let d = PyDict()
        do {
            for (k, v) in lock.withLock({ dict }).sorted(by: { $0.key < $1.key }) { try d.set(.str(k), v) }
        }
        return d
    }
}
