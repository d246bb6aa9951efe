/// The methods of `set` and `frozenset` (Objects/setobject.c `set_methods`, `frozenset_methods`) over
/// `PySet` and its algebra (`PySet+Operations`).
enum SetMethods {
    static func install(set: PyType, frozenset: PyType) {
        func method(_ t: PyType, _ name: String, _ minimum: Int, _ body: @escaping NativeFunction) {
            t.dict[name] = .object(PyBuiltinFunction(name, minimumArguments: minimum, arity: BuiltinArity.methods["\(t.name).\(name)"], body))
        }
        /// `self` of a method: a set of the right kind, else the descriptor TypeError.
        func receiver(_ a: [Value], _ name: String, mutable: Bool) throws -> PySet {
            guard case .object(let o) = a[0], o.tag == .set, !(mutable && unsafeDowncast(o, to: PySet.self).frozen) else {
                let owner = mutable ? "set" : "frozenset"
                throw PyException.make(.typeError, "descriptor '\(name)' for '\(owner)' objects doesn't apply to a '\(typeName(a[0]))' object")
            }
            return unsafeDowncast(o, to: PySet.self)
        }

        for t in [set, frozenset] {
            let mutable = t === set
            method(t, "copy", 1) { a, _, ctx in
                let s = try receiver(a, "copy", mutable: false)
                return s.frozen ? .object(s) : .object(try s.copy(ctx))
            }
            method(t, "union", 1) { a, _, ctx in
                let s = try receiver(a, "union", mutable: false)
                let result = try s.copy(ctx)
                for other in a.dropFirst() {
                    if case .object(let o) = other, o === s { continue }
                    try result.update(other, ctx)
                }
                return .object(result)
            }
            method(t, "intersection", 1) { a, _, ctx in
                let s = try receiver(a, "intersection", mutable: false)
                var result = s
                if a.count == 1 { return .object(try s.copy(ctx)) }
                for other in a.dropFirst() { result = try result.intersection(other, ctx) }
                return .object(result)
            }
            method(t, "difference", 1) { a, _, ctx in
                let s = try receiver(a, "difference", mutable: false)
                if a.count == 1 { return .object(try s.copy(ctx)) }
                let result = try s.difference(a[1], ctx)
                for other in a.dropFirst(2) { try result.differenceUpdate(other, ctx) }
                return .object(result)
            }
            method(t, "symmetric_difference", 2) { a, _, ctx in
                .object(try receiver(a, "symmetric_difference", mutable: false).symmetricDifference(a[1], ctx))
            }
            method(t, "issubset", 2) { a, _, ctx in .bool(try receiver(a, "issubset", mutable: false).isSubset(of: a[1], ctx)) }
            method(t, "issuperset", 2) { a, _, ctx in .bool(try receiver(a, "issuperset", mutable: false).isSuperset(of: a[1], ctx)) }
            method(t, "isdisjoint", 2) { a, _, ctx in .bool(try receiver(a, "isdisjoint", mutable: false).isDisjoint(a[1], ctx)) }
            method(t, "__len__", 1) { a, _, _ in .int(try receiver(a, "__len__", mutable: false).count) }
            method(t, "__contains__", 2) { a, _, _ in .bool(try receiver(a, "__contains__", mutable: false).contains(a[1])) }
            _ = mutable
        }

        method(set, "add", 2) { a, _, _ in
            try receiver(a, "add", mutable: true).add(a[1])
            return .none
        }
        method(set, "discard", 2) { a, _, _ in
            try receiver(a, "discard", mutable: true).discard(a[1])
            return .none
        }
        method(set, "remove", 2) { a, _, _ in
            if try !receiver(a, "remove", mutable: true).discard(a[1]) { throw PyException(Subscript.keyError(a[1])) }
            return .none
        }
        method(set, "pop", 1) { a, _, _ in
            guard let x = try receiver(a, "pop", mutable: true).pop() else { throw PyException.make(.keyError, "pop from an empty set") }
            return x
        }
        method(set, "clear", 1) { a, _, _ in
            try receiver(a, "clear", mutable: true).clear()
            return .none
        }
        method(set, "update", 1) { a, _, ctx in
            let s = try receiver(a, "update", mutable: true)
            for other in a.dropFirst() { try s.update(other, ctx) }
            return .none
        }
        method(set, "intersection_update", 1) { a, _, ctx in
            let s = try receiver(a, "intersection_update", mutable: true)
            var result = s
            for other in a.dropFirst() { result = try result.intersection(other, ctx) }
            if result !== s { s.replaceContents(with: result) }
            return .none
        }
        method(set, "difference_update", 1) { a, _, ctx in
            let s = try receiver(a, "difference_update", mutable: true)
            for other in a.dropFirst() { try s.differenceUpdate(other, ctx) }
            return .none
        }
        method(set, "symmetric_difference_update", 2) { a, _, ctx in
            try receiver(a, "symmetric_difference_update", mutable: true).symmetricDifferenceUpdate(a[1], ctx)
            return .none
        }
    }
}
