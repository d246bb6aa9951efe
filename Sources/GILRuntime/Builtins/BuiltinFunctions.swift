import BigInt
import Foundation
import PythonSyntax

/// The `builtins` module (Python/bltinmodule.c): the functions of the subset, the builtin classes and
/// the exception classes.
enum BuiltinFunctions {
    static func module(output: ProgramOutput) -> PyModule {
        _ = BuiltinTypes.installed
        let m = PyModule(name: "builtins")
        // Code run with globals lacking __name__ (exec(src, {})) finds the builtins module's, as in CPython.
        m.dict["__name__"] = .str("builtins")
        m.dict["__debug__"] = .bool(true)  // no -O: asserts run
        for t in [BuiltinTypes.object, BuiltinTypes.type, BuiltinTypes.int, BuiltinTypes.bool, BuiltinTypes.float, BuiltinTypes.str,
                  BuiltinTypes.list, BuiltinTypes.tuple, BuiltinTypes.dict, BuiltinTypes.set, BuiltinTypes.frozenset, BuiltinTypes.range,
                  BuiltinTypes.bytes, BuiltinTypes.bytearray, MemoryView.type, BuiltinTypes.slice, BuiltinTypes.staticmethod, BuiltinTypes.classmethod,
                  BuiltinTypes.property, PyComplex.type] {
            m.dict[t.name] = .object(t)
        }
        for k in ExceptionKind.allCases where k != .brokenBarrierError { m.dict[k.rawValue] = .object(k.type) }
        m.dict["EnvironmentError"] = .object(ExceptionKind.osError.type)
        m.dict["IOError"] = .object(ExceptionKind.osError.type)
        m.dict["NotImplemented"] = .object(BuiltinTypes.notImplemented)
        m.dict["Ellipsis"] = .object(BuiltinTypes.ellipsis)
        m.dict["EnvironmentError"] = .object(ExceptionKind.osError.type)
        m.dict["IOError"] = .object(ExceptionKind.osError.type)

        // What CPython's `site` adds (Lib/_sitebuiltins.py Quitter): `exit(code)` / `quit(code)` raise SystemExit.
        for name in ["exit", "quit"] {
            m.addFunction(name) { args, kwargs, _ in
                let e = PyException.make(.systemExit)
                let code = args.first ?? kwargs.first { $0.0 == "code" }?.1
                e.value.attributes["args"] = .object(PyTuple(code.map { [$0] } ?? []))
                throw e
            }
        }
        m.addFunction("print") { args, kwargs, ctx in
            var sep = " ", end = "\n", flush = false
            var file: Value = .none
            for (k, v) in kwargs {
                switch k {
                case "sep": if case .object(let s as PyStr) = v { sep = s.value } else if !v.isNone { throw PyException.make(.typeError, "sep must be None or a string, not \(typeName(v))") }
                case "end": if case .object(let s as PyStr) = v { end = s.value } else if !v.isNone { throw PyException.make(.typeError, "end must be None or a string, not \(typeName(v))") }
                case "flush": flush = try truthy(v, ctx)
                case "file": file = v
                default: throw PyException.make(.typeError, "'\(k)' is an invalid keyword argument for print()")
                }
            }
            var text = ""
            for (i, a) in args.enumerated() {
                if i > 0 { text += sep }
                if case .object(let s as PyStr) = a, s.tag == .str { text += s.value } else { text += try str(a, ctx) }
            }
            text += end
            try ctx.runtime.write(text, to: file, flush: flush, ctx)
            return .none
        }
        m.addFunction("len") { args, _, ctx in .int(try length(try one(args, "len"), ctx)) }
        m.addFunction("repr") { args, _, ctx in .str(try repr(try one(args, "repr"), ctx)) }
        m.addFunction("ascii") { args, _, ctx in
            var out = ""
            for u in try repr(try one(args, "ascii"), ctx).unicodeScalars {
                if u.isASCII { out.unicodeScalars.append(u); continue }
                let hex = String(u.value, radix: 16)
                out += u.value < 0x100 ? "\\x" + hex.leftPadded(to: 2, with: "0") : (u.value < 0x10000 ? "\\u" + hex.leftPadded(to: 4, with: "0") : "\\U" + hex.leftPadded(to: 8, with: "0"))
            }
            return .str(out)
        }
        m.addFunction("format") { args, _, ctx in
            var spec = ""
            if args.count > 1, case .object(let s as PyStr) = args[1] { spec = s.value }
            return .str(try formatValue(args[0], spec, ctx))
        }
        m.addFunction("isinstance") { args, _, ctx in
            guard args.count == 2 else { throw PyException.make(.typeError, "isinstance expected 2 arguments, got \(args.count)") }
            return .bool(try isInstance(args[0], args[1], ctx))
        }
        m.addFunction("issubclass") { args, _, ctx in
            guard args.count == 2 else { throw PyException.make(.typeError, "issubclass expected 2 arguments, got \(args.count)") }
            return .bool(try isSubclass(args[0], args[1], ctx))
        }
        m.addFunction("callable") { args, _, _ in
            guard case .object(let o) = args[0] else { return .bool(false) }
            if let i = o as? PyInstance { return .bool(i.type.lookup("__call__") != nil) }
            return .bool(o is PyFunction || o is PyBuiltinFunction || o is PyBoundMethod || o is PyType)
        }
        m.addFunction("abs") { args, _, ctx in
            let v = try one(args, "abs")
            switch Arithmetic.number(v) {
            case .small(let i)?: return i == .min ? .integer(-BigInt(i)) : .int(Swift.abs(i))
            case .int(let b)?: return .integer(BigInt(b.magnitude))
            case .float(let d)?: return .float(Swift.abs(d))
            case nil:
                if case .object(let c as PyComplex) = v { return .float(hypot(c.real, c.imag)) }
                if case .object(let i as PyInstance) = v, let f = i.type.lookup("__abs__") { return try ctx.call(f, [v]) }
                throw PyException.make(.typeError, "bad operand type for abs(): '\(typeName(v))'")
            }
        }
        m.addFunction("min") { args, kwargs, ctx in try extreme(args, kwargs, ctx, name: "min", op: .less) }
        m.addFunction("max") { args, kwargs, ctx in try extreme(args, kwargs, ctx, name: "max", op: .greater) }
        m.addFunction("sum") { args, kwargs, ctx in
            var total: Value = args.count > 1 ? args[1] : (kwargs.first { $0.0 == "start" }?.1 ?? .int(0))
            // vm: from an int start, a generator's ints add up in its own activation (PyGenerator.Sink.sum) until
            // a value comes back here; the total goes on from there.
            let start: Int? = if case .int(let i) = total { i } else { nil }
            return try PyGenerator.consuming(args[0], start == nil ? .none : .sum) { g in
                g?.sinkTotal = start ?? 0
                let it = try makeIterator(args[0], ctx)
                while let x = try iteratorNext(it, ctx) {
                    if let g, g.sink == .sum {
                        total = .int(g.sinkTotal)
                        g.removeSink()
                    }
                    if case .int(let a) = total, case .int(let b) = x {
                        let (r, o) = a.addingReportingOverflow(b)
                        if !o { total = .int(r); continue }
                    }
                    total = try Arithmetic.binary(.add, total, x, ctx)
                }
                if let g, g.sink == .sum { total = .int(g.sinkTotal) }
                return total
            }
        }
        m.addFunction("sorted") { args, kwargs, ctx in
            // builtin_sorted: one positional argument; the keywords are list.sort's.
            guard args.count == 1 else { throw PyException.make(.typeError, "sorted expected 1 argument, got \(args.count)") }
            if let bad = kwargs.first(where: { $0.0 != "key" && $0.0 != "reverse" }) {
                throw PyException.make(.typeError, "'\(bad.0)' is an invalid keyword argument for sort()")
            }
            let key = kwargs.first { $0.0 == "key" }?.1
            let reverse = try kwargs.first { $0.0 == "reverse" }.map { try truthy($0.1, ctx) } ?? false
            return .object(PyList(try BuiltinMethods.sortValues(try collect(try one(args, "sorted"), ctx), key: key, reverse: reverse, ctx)))
        }
        m.addFunction("reversed") { args, _, ctx in
            let v = try one(args, "reversed")
            if case .object(let i as PyInstance) = v, let f = i.type.lookup("__reversed__") { return try ctx.call(f, [v]) }
            if let it = reversedNative(v) { return .object(it) }
            if let it = try reversedSequence(v, ctx) { return .object(it) }
            let items = try collect(v, ctx)
            var k = items.count
            return .object(PyNativeIterator("reversed") { _ in
                guard k > 0 else { return nil }
                k -= 1
                return items[k]
            })
        }
        m.addFunction("enumerate") { args, kwargs, ctx in
            let it = try makeIterator(try one(args.prefix(1).map { $0 }, "enumerate"), ctx)
            // The count goes on past Int.max as a big int (enumerate(xs, 2**63 - 1)).
            var n = try Index.integer(args.count > 1 ? args[1] : (kwargs.first { $0.0 == "start" }?.1 ?? .int(0)), ctx) ?? .int(0)
            return .object(PyNativeIterator("enumerate") { ctx in
                guard let x = try iteratorNext(it, ctx) else { return nil }
                let current = n
                if case .int(let i) = n, i < Int.max { n = .int(i + 1) } else { n = try Arithmetic.binary(.add, n, .int(1), ctx) }
                return .object(PyTuple([current, x]))
            })
        }
        m.addFunction("zip") { args, _, ctx in
            let its = try args.map { try makeIterator($0, ctx) }
            return .object(PyNativeIterator("zip") { ctx in
                guard !its.isEmpty else { return nil }
                var items: [Value] = []
                for it in its {
                    guard let x = try iteratorNext(it, ctx) else { return nil }
                    items.append(x)
                }
                return .object(PyTuple(items))
            })
        }
        m.addFunction("map") { args, _, ctx in
            guard args.count >= 2 else { throw PyException.make(.typeError, "map() must have at least two arguments.") }
            let f = args[0]
            let its = try args.dropFirst().map { try makeIterator($0, ctx) }
            return .object(PyNativeIterator("map") { ctx in
                var items: [Value] = []
                for it in its {
                    guard let x = try iteratorNext(it, ctx) else { return nil }
                    items.append(x)
                }
                return try ctx.call(f, items)
            })
        }
        m.addFunction("filter") { args, _, ctx in
            let f = args[0]
            let it = try makeIterator(args[1], ctx)
            return .object(PyNativeIterator("filter") { ctx in
                while let x = try iteratorNext(it, ctx) {
                    if try truthy(f.isNone ? x : try ctx.call(f, [x]), ctx) { return x }
                }
                return nil
            })
        }
        m.addFunction("any") { args, _, ctx in
            let iterable = try one(args, "any")
            return try PyGenerator.consuming(iterable, .dropFalsy) { g in  // vm: falsy values dropped in the generator
                let it = try makeIterator(iterable, ctx)
                while let x = try iteratorNext(it, ctx) { if try PyGenerator.withoutSink(g, { try truthy(x, ctx) }) { return .bool(true) } }
                return .bool(false)
            }
        }
        m.addFunction("all") { args, _, ctx in
            let iterable = try one(args, "all")
            return try PyGenerator.consuming(iterable, .dropTruthy) { g in
                let it = try makeIterator(iterable, ctx)
                while let x = try iteratorNext(it, ctx) { if try !PyGenerator.withoutSink(g, { try truthy(x, ctx) }) { return .bool(false) } }
                return .bool(true)
            }
        }
        m.addFunction("iter") { args, _, ctx in
            // iter(callable, sentinel): call until the sentinel comes back.
            if args.count == 2 {
                let f = args[0], sentinel = args[1]
                var done = false
                return .object(PyNativeIterator("callable_iterator") { ctx in
                    if done { return nil }
                    let v = try ctx.call(f, [])
                    if try valuesEqual(v, sentinel, ctx) { done = true; return nil }
                    return v
                })
            }
            return try makeIterator(try one(args, "iter"), ctx)
        }
        m.addFunction("next") { args, _, ctx in
            if case .object(let o) = args[0], o.tag == .generator, unsafeDowncast(o, to: PyGenerator.self).kind == .generator {
                // The StopIteration carries the value the frame returned (once: then None).
                switch try unsafeDowncast(o, to: PyGenerator.self).send(.none, ctx) {
                case .yielded(let v): return v
                case .returned(let r):
                    if args.count > 1 { return args[1] }
                    throw PyGenerator.stopIteration(returning: r)
                }
            }
            if let x = try iteratorNext(args[0], ctx) { return x }
            if args.count > 1 { return args[1] }
            throw PyException.make(.stopIteration)
        }
        m.addFunction("round") { args, kwargs, ctx in
            var v = args[0]
            if case .object(let o) = v, o.tag == .subclassed {
                if let f = SpecialMethods.hook(o, "__round__") { return try ctx.call(f, [v] + args.dropFirst()) }
                if let n = BuiltinSubclasses.plainNumber(o) { v = n }
            }
            let digits = args.count > 1 ? args[1] : (kwargs.first { $0.0 == "ndigits" }?.1 ?? .none)
            if case .object(let i as PyInstance) = v, let f = i.type.lookup("__round__") { return try ctx.call(f, [v] + (digits.isNone ? [] : [digits])) }
            switch v {
            case .int, .bool:
                if digits.isNone { return .int(indexValue(v)!) }
                return roundInteger(BigInt(indexValue(v)!), indexValue(digits) ?? 0)
            case .float(let d):
                if digits.isNone {
                    if !d.isFinite { throw PyException.make(d.isNaN ? .valueError : .overflowError, d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer") }
                    return .integer(BigInt(d.rounded(.toNearestOrEven)))
                }
                let n = indexValue(digits) ?? 0
                let text = cFormat(d, "f", precision: max(0, n))
                if n >= 0 { return .float(Double(text) ?? d) }
                let scale = Foundation.pow(10.0, Double(-n))
                return .float((d / scale).rounded(.toNearestOrEven) * scale)
            default:
                if case .object(let b as PyBigInt) = v { return digits.isNone ? .object(b) : roundInteger(b.value, indexValue(digits) ?? 0) }
                throw PyException.make(.typeError, "type \(typeName(v)) doesn't define __round__ method")
            }
        }
        m.addFunction("divmod") { args, _, ctx in
            let (a, b) = (args[0], args[1])
            if Arithmetic.number(a) == nil || Arithmetic.number(b) == nil {
                // An operand's own __divmod__/__rdivmod__, else CPython's message naming divmod().
                if case .object(let i as PyInstance) = a, let f = i.type.lookup("__divmod__") {
                    let r = try ctx.call(f, [a, b])
                    if !isNotImplemented(r) { return r }
                }
                if case .object(let i as PyInstance) = b, let f = i.type.lookup("__rdivmod__") {
                    let r = try ctx.call(f, [b, a])
                    if !isNotImplemented(r) { return r }
                }
                let special = [a, b].contains { if case .object(let o) = $0 { o.tag == .subclassed || o.tag == .instance } else { false } }
                if !special {
                    throw PyException.make(.typeError, "unsupported operand type(s) for divmod(): '\(typeName(a))' and '\(typeName(b))'")
                }
            }
            return .object(PyTuple([try Arithmetic.binary(.floorDivide, a, b, ctx), try Arithmetic.binary(.modulo, a, b, ctx)]))
        }
        m.addFunction("pow") { args, _, ctx in
            if args.count == 3, !args[2].isNone {
                // An instance's three-argument __pow__ first (Decimal's modular power).
                if case .object(let i as PyInstance) = args[0], let f = i.type.lookup("__pow__") {
                    let r = try ctx.call(f, [args[0], args[1], args[2]])
                    if !isNotImplemented(r) { return r }
                }
                guard let b = Arithmetic.number(args[0]).flatMap(Arithmetic.big), let e = Arithmetic.number(args[1]).flatMap(Arithmetic.big),
                    let mod = Arithmetic.number(args[2]).flatMap(Arithmetic.big)
                else {
                    throw PyException.make(.typeError, "pow() 3rd argument not allowed unless all arguments are integers")
                }
                return .integer(try Arithmetic.modularPower(b, e, mod))
            }
            return try Arithmetic.binary(.power, args[0], args[1], ctx)
        }
        func radix(_ name: String, _ r: Int, _ prefix: String) {
            m.addFunction(name) { args, _, _ in
                guard let n = Arithmetic.number(args[0]).flatMap(Arithmetic.big) else {
                    throw PyException.make(.typeError, "'\(typeName(args[0]))' object cannot be interpreted as an integer")
                }
                return .str((n.sign == .minus ? "-" : "") + prefix + String(n.magnitude, radix: r))
            }
        }
        radix("hex", 16, "0x")
        radix("oct", 8, "0o")
        radix("bin", 2, "0b")
        m.addFunction("ord") { args, _, _ in
            if case .object(let s as PyStr) = args[0] {
                guard s.scalars.count == 1 else {
                    throw PyException.make(.typeError, "ord() expected a character, but string of length \(s.scalars.count) found")
                }
                return .int(Int(s.scalars[0].value))
            }
            // bytes and bytearray of length 1 give their byte (pyflate reads a file one byte at a time).
            if case .object(let o) = args[0], o is PyBytes || o is PyByteArray, let b = BytesLike.bytes(args[0]) {
                guard b.count == 1 else {
                    throw PyException.make(.typeError, "ord() expected a character, but string of length \(b.count) found")
                }
                return .int(Int(b[0]))
            }
            throw PyException.make(.typeError, "ord() expected string of length 1, but \(typeName(args[0])) found")
        }
        m.addFunction("chr") { args, _, ctx in
            let i = try Index.cInt(args[0], ctx)
            guard i >= 0, let u = UnicodeScalar(UInt32(clamping: i)) else {
                throw PyException.make(.valueError, "chr() arg not in range(0x110000)")
            }
            return .str(String(Character(u)))
        }
        m.addFunction("id") { args, _, _ in
            if case .object(let o) = args[0] { return .int(objectID(o)) }
            // hash(3.0) == hash(3): an integral float hashes as the int (Objects/floatobject.c float_hash).
            if case .float(let d) = args[0], let i = Int(exactly: d) { return .int(i == -1 ? -2 : i) }
            return .int(try pyHash(args[0]))
        }
        m.addFunction("hash") { args, _, _ in .int(try pyHash(args[0])) }
        m.addFunction("getattr") { args, _, ctx in
            guard args.count >= 2 else { throw PyException.make(.typeError, "getattr expected at least 2 arguments, got \(args.count)") }
            guard case .object(let n as PyStr) = args[1] else { throw PyException.make(.typeError, "attribute name must be string, not '\(typeName(args[1]))'") }
            guard args.count > 2 else { return try Attributes.get(args[0], n.value, ctx) }
            do {
                return try Attributes.lookup(args[0], n.value, ctx) ?? args[2]
            } catch let e as PyException where e.matches(.attributeError) {
                return args[2]
            }
        }
        m.addFunction("setattr") { args, _, ctx in
            guard case .object(let n as PyStr) = args[1] else { throw PyException.make(.typeError, "attribute name must be string, not '\(typeName(args[1]))'") }
            try Attributes.set(args[0], n.value, args[2], ctx)
            return .none
        }
        m.addFunction("delattr") { args, _, ctx in
            guard case .object(let n as PyStr) = args[1] else { throw PyException.make(.typeError, "attribute name must be string, not '\(typeName(args[1]))'") }
            try Attributes.delete(args[0], n.value, ctx)
            return .none
        }
        m.addFunction("hasattr") { args, _, ctx in
            guard case .object(let n as PyStr) = args[1] else { throw PyException.make(.typeError, "attribute name must be string, not '\(typeName(args[1]))'") }
            do {
                return .bool(try Attributes.lookup(args[0], n.value, ctx) != nil)
            } catch let e as PyException where e.matches(.attributeError) {
                return .bool(false)
            }
        }
        m.addFunction("super") { args, _, _ in
            guard args.count == 2, case .object(let t as PyType) = args[0] else { throw PyException.make(.runtimeError, "super(): no arguments") }
            return .object(PySuper(startAfter: t, receiver: args[1]))
        }
        m.addFunction("vars") { args, _, ctx in try Attributes.get(args[0], "__dict__", ctx) }
        installMore(m)
        return m
    }

    static func one(_ args: [Value], _ name: String) throws -> Value {
        guard args.count == 1 else { throw PyException.make(.typeError, "\(name)() takes exactly one argument (\(args.count) given)") }
        return args[0]
    }

    static func isInstance(_ v: Value, _ spec: Value) throws -> Bool {
        try classMatches(typeOf(v), spec)
    }

    /// PyObject_IsInstance: a metaclass's own `__instancecheck__` decides for its classes (ABCMeta).
    static func isInstance(_ v: Value, _ spec: Value, _ ctx: ExecutionContext) throws -> Bool {
        // By tag first: an exact type match answers True before any hook (PyObject_IsInstance's own first
        // test), a class under plain `type` has no `__instancecheck__` to ask (only an instance's `__class__`
        // can still answer, below), and an exact tuple is its items in order. The casts below cost ~600
        // instructions for `isinstance(key, (bytes, bytearray))`.
        if case .object(let o) = spec {
            switch o.tag {
            case .type:
                let t = typeOf(v)
                if t === o { return true }
                let c = unsafeDowncast(o, to: PyType.self)
                if c.metaclass == nil {
                    if t.isSubtype(of: c) { return true }
                    guard case .object(let vo) = v, vo.tag == .instance || vo.tag == .subclassed else { return false }
                }
            case .tuple:
                for item in unsafeDowncast(o, to: PyTuple.self).items where try isInstance(v, item, ctx) { return true }
                return false
            default: break
            }
        }
        if let members = try TypeAliases.unionMembers(spec, function: "isinstance") { return try members.contains { try isInstance(v, $0, ctx) } }
        switch spec {
        case .object(let t as PyTuple): return try t.items.contains { try isInstance(v, $0, ctx) }
        case .object(let i as PyInstance) where i.type.lookup("__instancecheck__") != nil:
            return try truthy(try ctx.call(i.type.lookup("__instancecheck__")!, [spec, v]), ctx)
        case .object(let c as PyType) where c.metaclass != nil && !typeOf(v).isSubtype(of: c):
            if let hook = c.metaclass?.lookup("__instancecheck__"), case .object(let f) = hook, f.tag == .function {
                // ABCMeta.__instancecheck__(cls, instance) on a fast frame (no argument array).
                return try truthy(try Interpreter.callSpecial(hook, spec, v, ctx), ctx)
            }
            return false
        default:
            if try isInstance(v, spec) { return true }
            // object_isinstance: an instance whose class defines `__class__` (a proxy) is also an instance of
            // the class that answers.
            guard case .object(let o) = v, o.tag == .instance || o.tag == .subclassed, typeOf(v).special(.classAttribute) != nil,
                  case .object(let c as PyType) = try AbcModule.classAttribute(v, ctx), c !== typeOf(v) else { return false }
            return try classMatches(c, spec)
        }
    }

    /// PyObject_IsSubclass, with a metaclass's `__subclasscheck__`.
    static func isSubclass(_ v: Value, _ spec: Value, _ ctx: ExecutionContext) throws -> Bool {
        // Two classes, the second under plain `type` (no `__subclasscheck__` to ask): the MRO, without the
        // casts below (pprint's `_safe_repr` asks `issubclass(typ, int)`, `dict`, `list`, `tuple` per object:
        // ~310 instructions each).
        if case .object(let c) = spec, c.tag == .type, case .object(let t) = v, t.tag == .type {
            let cls = unsafeDowncast(c, to: PyType.self)
            if cls.metaclass == nil { return unsafeDowncast(t, to: PyType.self).isSubtype(of: cls) }
        }
        if let members = try TypeAliases.unionMembers(spec, function: "issubclass") { return try members.contains { try isSubclass(v, $0, ctx) } }
        switch spec {
        case .object(let t as PyTuple): return try t.items.contains { try isSubclass(v, $0, ctx) }
        case .object(let i as PyInstance) where i.type.lookup("__subclasscheck__") != nil:
            return try truthy(try ctx.call(i.type.lookup("__subclasscheck__")!, [spec, v]), ctx)
        case .object(let c as PyType) where c.metaclass != nil:
            if let hook = c.metaclass?.lookup("__subclasscheck__"), case .object(let f) = hook, f.tag == .function {
                return try truthy(try Interpreter.callSpecial(hook, spec, v, ctx), ctx)
            }
        default: break
        }
        guard case .object(let t as PyType) = v else { throw PyException.make(.typeError, "issubclass() arg 1 must be a class") }
        return try classMatches(t, spec, function: "issubclass")
    }

    static func classMatches(_ t: PyType, _ spec: Value, function: String = "isinstance") throws -> Bool {
        switch spec {
        case .object(let c as PyType):
            if t.isSubtype(of: c) { return true }
            return false
        case .object(let tuple as PyTuple):
            return try tuple.items.contains { try classMatches(t, $0, function: function) }
        default:
            throw PyException.make(.typeError, function == "issubclass"
                ? "issubclass() arg 2 must be a class, a tuple of classes, or a union"
                : "isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
    }
}
