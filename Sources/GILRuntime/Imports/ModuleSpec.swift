/// `module.__spec__` and the loader objects it names (Lib/importlib/_bootstrap.py `ModuleSpec`,
/// `BuiltinImporter`, `FrozenImporter`; _bootstrap_external.py `SourceFileLoader`), enough for what
/// programs read: `name`, `origin`, `parent`, `submodule_search_locations`, `loader.exec_module`.
enum ModuleSpecs {
    static let specType: PyType = {
        let t = PyType(name: "ModuleSpec", base: BuiltinTypes.object, module: "_frozen_importlib")
        // ModuleSpec(name, loader, *, origin=None, loader_state=None, is_package=None)
        t.construct = { _, args, kwargs, ctx in
            let a = try Arguments(args, kwargs, names: ["name", "loader"], keywordOnly: ["origin", "loader_state", "is_package"], required: 2, function: "ModuleSpec")
            guard case .object(let n as PyStr)? = a.value(0) else { throw PyException.make(.typeError, "ModuleSpec() argument 'name' must be str") }
            var origin: String?
            if case .object(let o as PyStr)? = a.value(2) { origin = o.value }
            let isPackage = try a.value(4).map { try truthy($0, ctx) } ?? false
            let spec = make(name: n.value, loader: a.value(1) ?? .none, origin: origin, searchLocations: isPackage ? [] : nil)
            spec.setAttribute("loader_state", a.value(3) ?? .none)
            spec.setAttribute("has_location", .bool(false))
            return .object(spec)
        }
        t.addMethod("__repr__") { args, _, ctx in
            guard case .object(let i as PyInstance) = args[0] else { return .str("ModuleSpec()") }
            var parts = ["name=\(try repr(i.getAttribute("name") ?? .none, ctx))", "loader=\(try repr(i.getAttribute("loader") ?? .none, ctx))"]
            if let origin = i.getAttribute("origin"), !origin.isNone { parts.append("origin=\(try repr(origin, ctx))") }
            if let locations = i.getAttribute("submodule_search_locations"), !locations.isNone {
                parts.append("submodule_search_locations=\(try str(locations, ctx))")
            }
            return .str("ModuleSpec(\(parts.joined(separator: ", ")))")
        }
        return t
    }()

    /// `SourceFileLoader(fullname, path)`: loads a `.py` file into a module (`importlib.util` users call
    /// `exec_module` themselves).
    static let sourceLoaderType: PyType = {
        let t = PyType(name: "SourceFileLoader", base: BuiltinTypes.object, module: "_frozen_importlib_external")
        t.construct = { type, args, kwargs, _ in
            let i = PyInstance(type: type)
            i.setAttribute("name", args.first ?? kwargs.first { $0.0 == "fullname" }?.1 ?? .none)
            i.setAttribute("path", args.count > 1 ? args[1] : kwargs.first { $0.0 == "path" }?.1 ?? .none)
            return .object(i)
        }
        t.addMethod("exec_module") { args, _, ctx in
            guard args.count == 2, case .object(let module as PyModule) = args[1], case .object(let loader as PyInstance) = args[0],
                  case .object(let path as PyStr)? = loader.getAttribute("path")
            else { throw PyException.make(.typeError, "exec_module() takes a module") }
            try ctx.runtime.modules.execFile(path.value, in: module, ctx)
            return .none
        }
        t.addMethod("create_module") { _, _, _ in .none }
        t.addMethod("get_filename") { args, _, _ in
            guard case .object(let loader as PyInstance) = args[0] else { return .none }
            return loader.getAttribute("path") ?? .none
        }
        t.addMethod("is_package") { args, _, _ in
            guard case .object(let loader as PyInstance) = args[0], case .object(let path as PyStr)? = loader.getAttribute("path") else {
                return .bool(false)
            }
            return .bool(path.value.hasSuffix("/__init__.py"))
        }
        t.addMethod("get_source") { args, _, _ in
            guard case .object(let loader as PyInstance) = args[0], case .object(let path as PyStr)? = loader.getAttribute("path") else {
                return .none
            }
            return .str(try ModuleFiles.readSource(path.value))
        }
        return t
    }()

    /// The loader of our own native modules (`sys`, `time`, …), a class as in CPython.
    static let builtinImporter = PyType(name: "BuiltinImporter", base: BuiltinTypes.object, module: "_frozen_importlib")
    /// The loader of our modules written in Python and compiled from the binary (CPython's frozen modules).
    static let frozenImporter = PyType(name: "FrozenImporter", base: BuiltinTypes.object, module: "_frozen_importlib")
    static let namespaceLoaderType = PyType(name: "NamespaceLoader", base: BuiltinTypes.object, module: "_frozen_importlib_external")

    static func make(name: String, loader: Value, origin: String?, searchLocations: [String]?) -> PyInstance {
        let spec = PyInstance(type: specType)
        spec.setAttribute("name", .str(name))
        spec.setAttribute("loader", loader)
        spec.setAttribute("origin", origin.map { .str($0) } ?? .none)
        spec.setAttribute("loader_state", .none)
        spec.setAttribute("submodule_search_locations", searchLocations.map { .object(PyList($0.map { .str($0) })) } ?? .none)
        spec.setAttribute("cached", .none)
        spec.setAttribute("has_location", .bool(origin.map { $0.hasPrefix("/") } ?? false))
        let parent = searchLocations != nil ? name : String(name[..<(name.lastIndex(of: ".") ?? name.startIndex)])
        spec.setAttribute("parent", .str(parent))
        return spec
    }

    static func sourceLoader(name: String, path: String) -> Value {
        let loader = PyInstance(type: sourceLoaderType)
        loader.setAttribute("name", .str(name))
        loader.setAttribute("path", .str(path))
        return .object(loader)
    }
}
