/// `_collections` (Modules/_collectionsmodule.c), the part namedtuple needs: `_tuplegetter`, the descriptor each
/// field of a namedtuple class is (`Point.x`). Its `__get__` answers item `index` of a tuple, so `p.x` is an
/// index load; written in Python it was a frame per read (4,410 instructions, CPython 415), and the VM's inline
/// cache reads the field straight out of the tuple (`InlineCache.Kind.tupleField`) once it knows the getter.
enum CollectionsAccelerator {
    /// The Swift state of a `_tuplegetter` instance (its `__doc__` is an ordinary, writable attribute).
    final class TupleGetter {
        let index: Int

        init(index: Int) { self.index = index }
    }

    static func make() -> PyModule {
        let m = PyModule(name: "_collections")
        m.dict["_tuplegetter"] = .object(tupleGetterType)
        return m
    }

    /// The field index when `v` is a `_tuplegetter` (the type cannot be subclassed, as in CPython).
    static func fieldIndex(_ v: Value) -> Int? {
        guard case .object(let o) = v, o.tag == .instance else { return nil }
        let i = unsafeDowncast(o, to: PyInstance.self)
        guard i.type === tupleGetterType, let g = i.native as? TupleGetter else { return nil }
        return g.index
    }

    static let tupleGetterType: PyType = {
        let t = PyType(name: "_tuplegetter", base: BuiltinTypes.object, module: "_collections")
        t.construct = { type, args, kwargs, _ in
            if !kwargs.isEmpty { throw PyException.make(.typeError, "_tuplegetter() takes no keyword arguments") }
            guard args.count == 2 else { throw PyException.make(.typeError, "_tuplegetter expected 2 arguments, got \(args.count)") }
            guard let index = indexValue(args[0]) else {
                throw PyException.make(.typeError, "'\(typeName(args[0]))' object cannot be interpreted as an integer")
            }
            let i = PyInstance(type: type)
            i.native = TupleGetter(index: index)
            i.setAttribute("__doc__", args[1])
            return .object(i)
        }
        t.addMethod("__get__") { a, _, _ in
            let index = try state(a, "__get__").index
            // tuplegetter_descr_get: from the class (no instance, or None) the descriptor itself.
            guard a.count > 1, !a[1].isNone else { return a[0] }
            guard case .object(let o) = a[1], let tuple = o as? PyTuple else {
                throw PyException.make(
                    .typeError, "descriptor for index '\(index)' for tuple subclasses doesn't apply to '\(typeName(a[1]))' object")
            }
            let items = tuple.items
            guard index >= 0, index < items.count else { throw PyException.make(.indexError, "tuple index out of range") }
            return items[index]
        }
        t.addMethod("__set__") { a, _, _ in
            _ = try state(a, "__set__")
            throw PyException.make(.attributeError, "can't set attribute")
        }
        t.addMethod("__delete__") { a, _, _ in
            _ = try state(a, "__delete__")
            throw PyException.make(.attributeError, "can't delete attribute")
        }
        t.addMethod("__repr__") { a, _, ctx in
            guard case .object(let i as PyInstance) = a[0] else { return .none }
            let index = try state(a, "__repr__").index
            return .str("_tuplegetter(\(index), \(try repr(i.getAttribute("__doc__") ?? .none, ctx)))")
        }
        t.addMethod("__reduce__") { a, _, _ in
            guard case .object(let i as PyInstance) = a[0] else { return .none }
            let index = try state(a, "__reduce__").index
            return .object(PyTuple([.object(t), .object(PyTuple([.int(index), i.getAttribute("__doc__") ?? .none]))]))
        }
        return t
    }()

    private static func state(_ a: [Value], _ method: String) throws -> TupleGetter {
        guard case .object(let i as PyInstance) = a[0], let g = i.native as? TupleGetter else {
            throw PyException.make(.typeError, "descriptor '\(method)' requires a '_collections._tuplegetter' object but received a '\(typeName(a[0]))'")
        }
        return g
    }
}
