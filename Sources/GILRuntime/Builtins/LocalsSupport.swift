/// The hidden builtins behind `locals()` and `vars()` in function and class bodies (the compiler rewrites those
/// calls: `FunctionCompiler.localsCall`). CPython reads a frame's fast locals by name; our frames are registers
/// without a name table, so the compiler passes the names and the registers' values.
enum LocalsSupport {
    static let functionLocalsName = "__gilrec_function_locals__"
    static let classLocalsName = "__gilrec_class_locals__"
    static let dirName = "__gilrec_dir__"

    static func install(_ m: PyModule) {
        // (names, values…): names are the plain locals, "|", then the cell and free variables, whose registers
        // hold cells. An unbound local (its register holds the unbound marker) or an empty cell is left out.
        m.dict[functionLocalsName] = .object(PyBuiltinFunction(functionLocalsName, minimumArguments: 1) { args, _, _ in
            guard case .object(let t as PyTuple) = args[0] else { return .object(PyDict()) }
            let d = PyDict()
            var inCells = false
            var k = 1
            for name in t.items {
                if case .object(let s as PyStr) = name, s.value == "|" { inCells = true; continue }
                guard k < args.count else { break }
                var value: Value? = args[k]
                k += 1
                if case .object(let o)? = value, o === Unbound.marker { continue }
                if inCells { value = (value?.asObject as? PyCell)?.value }
                if let value { try d.set(name, value) }
            }
            return .object(d)
        })
        // dir() in a function or class body: the sorted keys of its locals() (any object keys keep their order).
        m.dict[dirName] = .object(PyBuiltinFunction(dirName, minimumArguments: 1) { args, _, _ in
            guard case .object(let d as PyDict) = args[0] else { return .object(PyList()) }
            let names = d.entries.compactMap { ($0.key.asObject as? PyStr)?.value }
            return .object(PyList(names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map { .str($0) }))
        })
        m.dict[classLocalsName] = .object(PyBuiltinFunction(classLocalsName, minimumArguments: 0) { _, _, ctx in
            guard let namespace = ctx.classNamespaces.last else { return .object(PyDict()) }
            return .object(namespace)
        })
    }
}
