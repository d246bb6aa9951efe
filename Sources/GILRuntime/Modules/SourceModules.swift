/// Library modules written in Python and compiled by our own compiler at first import (CPython ships much
/// of its library as Python too, Lib/*.py). Speed does not matter here; breadth does, and every wait inside
/// them still goes through the native `threading`/`queue` objects, so it is recorded.
enum SourceModules {
    /// Importable module name → Python source.
    static let sources: [String: String] = [
        "collections": CollectionsSource.text,
        // CPython's own Lib/_collections_abc.py (from the installed library, found on sys.path) is the ABCs.
        "collections.abc": "from _collections_abc import *\nfrom _collections_abc import __all__\nfrom _collections_abc import _CallableGenericAlias\n",
        "itertools": ItertoolsSource.text,
        "functools": FunctoolsSource.text + FunctoolsSource.dispatchText,
        "logging": LoggingSource.text,
        "heapq": HeapqSource.text,
        "bisect": BisectSource.text,
        "operator": OperatorSource.text,
        "copy": CopySource.text,
        "string": StringSource.text,
        "contextlib": ContextlibSource.text,
        "statistics": StatisticsSource.text,
        "io": IOSource.text,
        "typing": TypingSource.text,
        "json": JSONSource.text,
        "concurrent.futures": FuturesModule.source,
        "weakref": WeakrefSource.text,
        "random": RandomSource.text,
        "_weakrefset": "from weakref import WeakSet\n",
        "__future__": FutureSource.text,
        "asyncio": AsyncioSource.text,
        "_contextvars": ContextvarsSource.text,
        "_ast": AstNodesSource.text,
        "_imp": ImportSupportSource.imp,
        "_warnings": ImportSupportSource.warnings,
        "marshal": ImportSupportSource.marshal,
        "_io": ImportSupportSource.io,
        "_gilrec_object": ObjectMethods.source,
        "importlib.machinery": ImportlibMachinerySource.text,
    ]

    /// Compiles `source` and runs its body with fresh globals (`__name__` = `name`) in the calling thread;
    /// `register` sees the module before its body runs (sys.modules, for imports that come back to it).
    static func load(_ name: String, source: String, _ ctx: ExecutionContext, register: ((PyModule) throws -> Void)? = nil) throws -> PyModule {
        let program: CompiledProgram
        do {
            program = try ctx.runtime.options.codeCache.program(builtIn: name, source: source) {
                try PythonCompiler.compile(source: source, fileName: "<frozen \(name)>")
            }
        } catch {
            throw PyException.make(.importError, "cannot compile \(name): \(error)")
        }
        let globals = Globals(names: program.globalNames)
        globals.set(named: "__name__", .str(name))
        let module = PyModule(name: name, globals: globals)
        try register?(module)
        try Interpreter.runModule(program.module, globals: globals, ctx)
        return module
    }
}
