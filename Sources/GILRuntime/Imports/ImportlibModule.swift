/// `importlib` (`import_module`, `invalidate_caches`), `importlib.util` (`find_spec`, `resolve_name`,
/// `spec_from_file_location`, `module_from_spec`) and the builtin `__import__`, over `ModuleRegistry`'s
/// import algorithm (Lib/importlib/__init__.py, util.py, _bootstrap.py `__import__`).
enum ImportlibModule {
    static func make() -> PyModule {
        let m = PyModule(name: "importlib")
        m.addFunction("import_module") { args, kwargs, ctx in
            guard case .object(let n as PyStr)? = args.first ?? kwargs.first(where: { $0.0 == "name" })?.1 else {
                throw PyException.make(.typeError, "import_module() missing required argument 'name' (pos 1)")
            }
            let package = args.count > 1 ? args[1] : kwargs.first { $0.0 == "package" }?.1 ?? .none
            let name = n.value
            let level = name.prefix { $0 == "." }.count
            var absolute = name
            if level > 0 {
                guard case .object(let p as PyStr) = package, !p.value.isEmpty else {
                    throw PyException.make(.typeError, "the 'package' argument is required to perform a relative import for \(quoteString(name))")
                }
                absolute = try ModuleRegistry.resolve(String(name.dropFirst(level)), package: p.value, level: level)
            }
            if absolute.isEmpty { throw PyException.make(.valueError, "Empty module name") }
            return try ctx.runtime.modules.findAndLoad(absolute, ctx)
        }
        m.addFunction("invalidate_caches") { _, _, _ in .none }
        m.addFunction("reload") { args, _, _ in
            guard let module = args.first else { throw PyException.make(.typeError, "reload() argument must be a module") }
            let name = ModuleRegistry.moduleName(module) ?? "?"
            throw PyException.make(.notImplementedError, "not supported yet: importlib.reload() of '\(name)'")
        }
        return m
    }

    static func makeUtil() -> PyModule {
        let m = PyModule(name: "importlib.util")
        m.addFunction("resolve_name") { args, _, _ in
            guard args.count == 2, case .object(let n as PyStr) = args[0] else { throw PyException.make(.typeError, "resolve_name(name, package)") }
            let level = n.value.prefix { $0 == "." }.count
            guard level > 0 else { return args[0] }
            guard case .object(let p as PyStr) = args[1], !p.value.isEmpty else {
                throw PyException.make(.importError, "no package specified for \(quoteString(n.value)) (required for relative module names)")
            }
            return .str(try ModuleRegistry.resolve(String(n.value.dropFirst(level)), package: p.value, level: level))
        }
        m.addFunction("find_spec") { args, _, ctx in
            guard case .object(let n as PyStr)? = args.first else { throw PyException.make(.typeError, "find_spec() argument 'name' must be str") }
            let registry: ModuleRegistry = ctx.runtime.modules
            var name = n.value
            if name.hasPrefix(".") {
                let level = name.prefix { $0 == "." }.count
                guard args.count > 1, case .object(let p as PyStr) = args[1] else {
                    throw PyException.make(.importError, "no package specified for \(quoteString(name)) (required for relative module names)")
                }
                name = try ModuleRegistry.resolve(String(name.dropFirst(level)), package: p.value, level: level)
            }
            if let m = try registry.table.get(.str(name)) {
                return (try? Attributes.get(m, "__spec__", ctx)) ?? .none
            }
            var path: [String]?
            if let dot = name.lastIndex(of: ".") {
                let parent = try registry.findAndLoad(String(name[..<dot]), ctx)
                guard let locations = ModuleRegistry.searchLocations(parent) else {
                    throw PyException.make(.moduleNotFoundError, "__path__ attribute not found on '\(name[..<dot])' while trying to find '\(name)'")
                }
                path = locations
            }
            return try spec(for: name, path: path, ctx)
        }
        // The classes importlib.machinery re-exports, and its PathFinder's search.
        m.set("_ModuleSpec", .object(ModuleSpecs.specType))
        m.set("_BuiltinImporter", .object(ModuleSpecs.builtinImporter))
        m.set("_FrozenImporter", .object(ModuleSpecs.frozenImporter))
        m.set("_SourceFileLoader", .object(ModuleSpecs.sourceLoaderType))
        m.set("_NamespaceLoader", .object(ModuleSpecs.namespaceLoaderType))
        m.addFunction("_find_spec_on") { args, _, ctx in
            guard case .object(let n as PyStr)? = args.first else { throw PyException.make(.typeError, "find_spec() argument 'name' must be str") }
            var path: [String]?
            if args.count > 1, !args[1].isNone {
                path = try collect(args[1], ctx).compactMap { if case .object(let s as PyStr) = $0 { s.value } else { nil } }
            }
            return try spec(for: n.value, path: path, ctx)
        }
        m.addFunction("spec_from_file_location") { args, kwargs, _ in
            guard case .object(let n as PyStr)? = args.first,
                  case .object(let location as PyStr)? = args.count > 1 ? args[1] : kwargs.first(where: { $0.0 == "location" })?.1
            else { return .none }
            let isPackage = location.value.hasSuffix("/__init__.py")
            let directory = String(location.value[..<(location.value.lastIndex(of: "/") ?? location.value.startIndex)])
            let spec = ModuleSpecs.make(
                name: n.value, loader: ModuleSpecs.sourceLoader(name: n.value, path: location.value), origin: location.value,
                searchLocations: isPackage ? [directory] : nil)
            return .object(spec)
        }
        m.addFunction("module_from_spec") { args, _, _ in
            guard case .object(let spec as PyInstance)? = args.first, case .object(let n as PyStr)? = spec.getAttribute("name") else {
                throw PyException.make(.typeError, "module_from_spec() takes a ModuleSpec")
            }
            let globals = Globals(names: [])
            let module = PyModule(name: n.value, globals: globals)
            globals.set(named: "__name__", .str(n.value))
            globals.set(named: "__spec__", .object(spec))
            globals.set(named: "__loader__", spec.getAttribute("loader") ?? .none)
            if case .object(let origin as PyStr)? = spec.getAttribute("origin"), origin.value.hasPrefix("/") {
                globals.set(named: "__file__", .str(origin.value))
            }
            globals.set(named: "__package__", spec.getAttribute("parent") ?? .none)
            if let locations = spec.getAttribute("submodule_search_locations"), !locations.isNone {
                globals.set(named: "__path__", locations)
            }
            return .object(module)
        }
        return m
    }

    /// The spec of a module not yet imported (None: not found). Our own modules are made to answer (as our
    /// Python-written ones run their bodies, they are imported by this).
    private static func spec(for name: String, path: [String]?, _ ctx: ExecutionContext) throws -> Value {
        switch try ctx.runtime.modules.find(name, path: path, ctx) {
        case .native?:
            let frozen = SourceModules.sources[name] != nil
            let loader = frozen ? ModuleSpecs.frozenImporter : ModuleSpecs.builtinImporter
            return .object(ModuleSpecs.make(name: name, loader: .object(loader), origin: frozen ? "frozen" : "built-in", searchLocations: nil))
        case .source(let file, let packageDirectory)?:
            let loader = ModuleSpecs.sourceLoader(name: name, path: file)
            return .object(ModuleSpecs.make(name: name, loader: loader, origin: file, searchLocations: packageDirectory.map { [$0] }))
        case .namespace(let portions)?:
            return .object(ModuleSpecs.make(name: name, loader: .object(ModuleSpecs.namespaceLoaderType), origin: nil, searchLocations: portions))
        case nil:
            return .none
        }
    }

    /// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
    static let importFunction = PyBuiltinFunction("__import__", minimumArguments: 1) { args, kwargs, ctx in
        func argument(_ i: Int, _ key: String) -> Value? { i < args.count ? args[i] : kwargs.first { $0.0 == key }?.1 }
        guard case .object(let n as PyStr)? = argument(0, "name") else { throw PyException.make(.typeError, "__import__() argument 1 must be str") }
        let globals = argument(1, "globals")
        let fromlist = try argument(3, "fromlist").map { $0.isNone ? [] : try collect($0, ctx) } ?? []
        let level = argument(4, "level").flatMap(indexValue) ?? 0
        if level < 0 { throw PyException.make(.valueError, "level must be >= 0") }
        let registry: ModuleRegistry = ctx.runtime.modules
        var name = n.value
        if level > 0 {
            let dict = globals.flatMap { if case .object(let d as PyDict) = $0 { d } else { nil } }
            name = try registry.resolveRelative(name, level: level, lookup: { key in (try? dict?.get(.str(key))) ?? nil })
        } else if name.isEmpty {
            throw PyException.make(.valueError, "Empty module name")
        }
        let module = try registry.findAndLoad(name, ctx)
        if !fromlist.isEmpty {
            for item in fromlist {
                guard case .object(let s as PyStr) = item, s.value != "*" else { continue }
                _ = try? registry.importFrom(module, s.value, ctx)
            }
            return module
        }
        if level == 0 {
            guard let dot = name.firstIndex(of: ".") else { return module }
            return try registry.findAndLoad(String(name[..<dot]), ctx)
        }
        // `__import__('.b.c', …, level=1)` without a fromlist: the package the first component names.
        let cut = n.value.count - (n.value.firstIndex(of: ".").map { n.value.distance(from: n.value.startIndex, to: $0) } ?? n.value.count)
        let moduleName = ModuleRegistry.moduleName(module) ?? name
        return try registry.findAndLoad(String(moduleName.dropLast(cut)), ctx)
    }
}
