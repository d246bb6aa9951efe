import PythonSyntax

/// The dispatch loop (after WasmKit's `Execution.run`): `pc`, the register base and the instruction
/// pointer are locals; inline int fast paths; everything else calls `@inline(never)` helpers. Check points
/// (`breaker.isSet`, one relaxed load) sit at function entry, backward jumps and calls only.
enum Interpreter {
    /// Runs `code` in a frame whose registers are already set up; returns the frame's return value.
    static func execute(
        _ code: CodeObject, _ function: PyFunction?, _ regs: UnsafeMutablePointer<Value>, _ ctx: ExecutionContext,
        namespace: PyDict? = nil, globals: Globals, startPC: Int = 0, generator: PyGenerator? = nil
    ) throws -> Value {
        let ins = code.sealed!
        // Inline caches only while one GIL holder at a time touches objects (not free-threaded).
        let caches: UnsafeMutablePointer<InlineCache>? = ObjectLocking.enabled ? nil : code.caches
        // The dispatch loop advances an instruction pointer (no base + index per fetch); `pc` is the index
        // the cold paths (caches, tracebacks, handlers, jumps) read and write.
        var ip = ins + startPC
        var pc: Int {
            get { ip - ins }
            set { ip = ins + newValue }
        }
        let breaker = ctx.breaker
        let excBase = ctx.handled.count
        // This frame as the recorder's stacks see it: `record.pointee.ip = ip` before the instructions that call
        // out (calls, check points, iteration, `with`, imports, class bodies, attribute and subscript misses), so
        // events there name the right line. Operator dunders are left out: `.binary` runs in hot loops.
        let record = ctx.frames.push(code, ip)
        defer {
            ctx.frames.pop()
            // Popped one by one: `removeSubrange` takes the array's unspecialised replace path (~2,600 instructions).
            while ctx.handled.count > excBase { ctx.handled.removeLast() }
        }
        // What `throw()`/`close()` sent in, raised at the `yield` (pc - 1) so the frame's handlers see it.
        var thrownIn: PyException? = nil
        if startPC != 0, let generator, !generator.savedHandled.isEmpty || generator.pendingThrow != nil {
            thrownIn = resumeHandled(generator, ctx)
        }
        if breaker.isSet { try ctx.checkPoint() }
        var reraising = false
        while true {
            do {
                if let e = thrownIn {
                    thrownIn = nil
                    throw e
                }
                while true {
                    let i = ip.pointee
                    ip += 1
                    switch i.op {
                    case .nop:
                        break
                    case .checkpoint:
                        if breaker.isSet { record.pointee.ip = ip; try ctx.checkPoint() }
                    case .move:
                        regs.setCopy(Int(i.a), from: regs + Int(i.b))
                    case .checkBound:
                        if case .object(let o) = regs[Int(i.a)], o === Unbound.marker {
                            throw unboundLocal(code.names[Int(i.b)])
                        }
                    case .loadGlobal:
                        if let v = globals.lock.withLock({ globals.slots[Int(i.b)] }) {
                            regs.set(Int(i.a), v)
                        } else if let c = caches.map({ $0 + (pc - 1) }), c.pointee.kind == .global, c.pointee.version == typeVersion {
                            regs[Int(i.a)] = c.pointee.value
                        } else {
                            regs[Int(i.a)] = try loadBuiltinMiss(globals.names[Int(i.b)], caches.map { $0 + (pc - 1) }, ctx)
                        }
                    case .storeGlobal:
                        let v = regs[Int(i.b)]
                        globals.lock.withLock { globals.slots[Int(i.a)] = v }
                    case .deleteGlobal:
                        try deleteGlobal(globals, Int(i.a))
                    case .loadName:
                        let name = code.names[Int(i.b)]
                        if let ns = namespace, let v = try ns.tag == .subclassed ? loadNameHooked(ns, name, ctx) : ns.get(.str(name)) {
                            regs[Int(i.a)] = v
                        } else if let v = globals.value(named: name) {
                            regs[Int(i.a)] = v
                        } else {
                            regs[Int(i.a)] = try loadBuiltin(name, ctx)
                        }
                    case .storeName:
                        if let ns = namespace, ns.tag == .subclassed {
                            try Subscript.set(.object(ns), .str(code.names[Int(i.a)]), regs[Int(i.b)], ctx)
                        } else {
                            try namespace?.set(.str(code.names[Int(i.a)]), regs[Int(i.b)])
                        }
                    case .loadCell:
                        // By tag on the borrowed register (no cast, no retain of the cell).
                        guard let u = regs.borrowedObject(Int(i.b)), let v = u._withUnsafeGuaranteedRef({ o -> Value? in
                            o.tag == .cell ? unsafeDowncast(o, to: PyCell.self).value : nil
                        }) else {
                            throw freeVariableUnbound()
                        }
                        regs[Int(i.a)] = v
                    case .storeCell:
                        if let u = regs.borrowedObject(Int(i.a)) {
                            u._withUnsafeGuaranteedRef { o in
                                if o.tag == .cell { unsafeDowncast(o, to: PyCell.self).value = regs[Int(i.b)] }
                            }
                        }
                    case .makeCell:
                        regs[Int(i.a)] = .object(PyCell(regs[Int(i.a)]))
                    case .add:
                        if case .int(let x) = regs[Int(i.b)], case .int(let y) = regs[Int(i.c)] {
                            let (r, o) = x.addingReportingOverflow(y)
                            if !o { regs.setInt(Int(i.a), r); continue }
                        }
                        if let (x, y) = floatOperands(regs, Int(i.b), Int(i.c)) { regs.setFloat(Int(i.a), x + y); continue }
                        if let v = concatFast(regs, Int(i.b), Int(i.c)) { regs.set(Int(i.a), v); continue }  // objs: str + str, borrowed
                        regs[Int(i.a)] = try slowBinary(.add, regs[Int(i.b)], regs[Int(i.c)], ctx, inplace: i.d & inPlaceFlag != 0)
                    case .subtract:
                        if case .int(let x) = regs[Int(i.b)], case .int(let y) = regs[Int(i.c)] {
                            let (r, o) = x.subtractingReportingOverflow(y)
                            if !o { regs.setInt(Int(i.a), r); continue }
                        }
                        if let (x, y) = floatOperands(regs, Int(i.b), Int(i.c)) { regs.setFloat(Int(i.a), x - y); continue }
                        regs[Int(i.a)] = try slowBinary(.subtract, regs[Int(i.b)], regs[Int(i.c)], ctx, inplace: i.d & inPlaceFlag != 0)
                    case .multiply:
                        if case .int(let x) = regs[Int(i.b)], case .int(let y) = regs[Int(i.c)] {
                            let (r, o) = x.multipliedReportingOverflow(by: y)
                            if !o { regs.setInt(Int(i.a), r); continue }
                        }
                        if let (x, y) = floatOperands(regs, Int(i.b), Int(i.c)) { regs.setFloat(Int(i.a), x * y); continue }
                        regs[Int(i.a)] = try slowBinary(.multiply, regs[Int(i.b)], regs[Int(i.c)], ctx, inplace: i.d & inPlaceFlag != 0)
                    case .binary:
                        regs[Int(i.a)] = try slowBinary(binaryOperators[Int(i.d)], regs[Int(i.b)], regs[Int(i.c)], ctx, inplace: false)
                    case .inplace:
                        regs[Int(i.a)] = try slowBinary(binaryOperators[Int(i.d)], regs[Int(i.b)], regs[Int(i.c)], ctx, inplace: true)
                    case .less:
                        if case .int(let x) = regs[Int(i.b)], case .int(let y) = regs[Int(i.c)] { regs.setBool(Int(i.a), x < y); continue }
                        if let (x, y) = comparableFloats(regs, Int(i.b), Int(i.c)) { regs.setBool(Int(i.a), x < y); continue }
                        regs[Int(i.a)] = .bool(try compare(.less, regs[Int(i.b)], regs[Int(i.c)], ctx))
                    case .lessEqual:
                        if case .int(let x) = regs[Int(i.b)], case .int(let y) = regs[Int(i.c)] { regs.setBool(Int(i.a), x <= y); continue }
                        if let (x, y) = comparableFloats(regs, Int(i.b), Int(i.c)) { regs.setBool(Int(i.a), x <= y); continue }
                        regs[Int(i.a)] = .bool(try compare(.lessEqual, regs[Int(i.b)], regs[Int(i.c)], ctx))
                    case .greater:
                        if case .int(let x) = regs[Int(i.b)], case .int(let y) = regs[Int(i.c)] { regs.setBool(Int(i.a), x > y); continue }
                        if let (x, y) = comparableFloats(regs, Int(i.b), Int(i.c)) { regs.setBool(Int(i.a), x > y); continue }
                        regs[Int(i.a)] = .bool(try compare(.greater, regs[Int(i.b)], regs[Int(i.c)], ctx))
                    case .greaterEqual:
                        if case .int(let x) = regs[Int(i.b)], case .int(let y) = regs[Int(i.c)] { regs.setBool(Int(i.a), x >= y); continue }
                        if let (x, y) = comparableFloats(regs, Int(i.b), Int(i.c)) { regs.setBool(Int(i.a), x >= y); continue }
                        regs[Int(i.a)] = .bool(try compare(.greaterEqual, regs[Int(i.b)], regs[Int(i.c)], ctx))
                    case .equal:
                        if case .int(let x) = regs[Int(i.b)], case .int(let y) = regs[Int(i.c)] { regs.setBool(Int(i.a), x == y); continue }
                        if let (x, y) = comparableFloats(regs, Int(i.b), Int(i.c)) { regs.setBool(Int(i.a), x == y); continue }
                        regs[Int(i.a)] = .bool(try compare(.equal, regs[Int(i.b)], regs[Int(i.c)], ctx))
                    case .notEqual:
                        if case .int(let x) = regs[Int(i.b)], case .int(let y) = regs[Int(i.c)] { regs.setBool(Int(i.a), x != y); continue }
                        if let (x, y) = comparableFloats(regs, Int(i.b), Int(i.c)) { regs.setBool(Int(i.a), x != y); continue }
                        regs[Int(i.a)] = .bool(try compare(.notEqual, regs[Int(i.b)], regs[Int(i.c)], ctx))
                    case .compare:
                        // objs: `in` / `not in` a dict or set with an int or str key, operands borrowed.
                        let op = comparisonOperators[Int(i.d)]
                        if op == .in || op == .notIn, let found = containsFast(regs, Int(i.b), Int(i.c)) {
                            regs.setBool(Int(i.a), found == (op == .in))
                            continue
                        }
                        regs[Int(i.a)] = .bool(try compareOrContains(comparisonOperators[Int(i.d)], regs[Int(i.b)], regs[Int(i.c)], ctx))
                    case .unary:
                        if i.d == 1, case .float(let x) = regs[Int(i.b)] { regs.setFloat(Int(i.a), -x); continue }
                        if i.d == 1, case .int(let x) = regs[Int(i.b)], x != Int.min { regs.setInt(Int(i.a), -x); continue }  // `l[-j]`
                        regs[Int(i.a)] = try Arithmetic.unary(unaryOperators[Int(i.d)], regs[Int(i.b)], ctx)
                    case .not:
                        regs[Int(i.a)] = .bool(!(try isTrue(regs[Int(i.b)], ctx)))
                    case .jump:
                        pc = Int(i.a)
                    case .jumpBack:
                        if breaker.isSet { record.pointee.ip = ip; try ctx.checkPoint() }
                        pc = Int(i.a)
                    case .jumpIfFalse:
                        if !(try isTrue(regs[Int(i.b)], ctx)) { pc = Int(i.a) }
                    case .jumpIfTrue:
                        if try isTrue(regs[Int(i.b)], ctx) { pc = Int(i.a) }
                    case .jumpUnlessCompare:
                        if case .int(let x) = regs[Int(i.b)], case .int(let y) = regs[Int(i.c)] {
                            let holds = switch i.d {
                            case 0: x < y
                            case 1: x <= y
                            case 2: x > y
                            case 3: x >= y
                            case 4: x == y
                            default: x != y
                            }
                            if !holds { pc = Int(i.a) }
                            continue
                        }
                        if let (x, y) = comparableFloats(regs, Int(i.b), Int(i.c)) {
                            if !fusedCompare(i.d, x, y) { pc = Int(i.a) }
                            continue
                        }
                        if !(try compare(Opcode.fusedComparisons[Int(i.d)], regs[Int(i.b)], regs[Int(i.c)], ctx)) { pc = Int(i.a) }
                    case .getIter:
                        record.pointee.ip = ip
                        regs[Int(i.a)] = try makeIterator(regs[Int(i.b)], ctx)
                    case .forIter:
                        if case .object(let o) = regs[Int(i.b)], o.tag == .rangeIterator {
                            let r = unsafeDowncast(o, to: PyRangeIterator.self)
                            let v = r.next
                            if r.step > 0 ? v < r.stop : v > r.stop {
                                // Past Int.max the iteration is over (range(2**63 - 2, 2**63 - 1, 5)), not wrapped.
                                let (n, wrapped) = v.addingReportingOverflow(r.step)
                                r.next = wrapped ? r.stop : n
                                regs.setInt(Int(i.a), v)
                            } else {
                                pc = Int(i.c)
                            }
                            continue
                        }
                        record.pointee.ip = ip  // a generator's frame is pushed above this one
                        switch try forIterBorrowed(regs, Int(i.b), ctx, at: i.a, next: ip.pointee, locals: code.localCount) {
                        case .value(let v): regs.set(Int(i.a), v)
                        case .exhausted: pc = Int(i.c)
                        case .unpacked: ip += 1
                        case .other:
                            if let v = try iteratorNext(regs[Int(i.b)], ctx) { regs[Int(i.a)] = v } else { pc = Int(i.c) }
                        }
                    case .rangeInit:
                        try rangeInit(regs + Int(i.a), regs + Int(i.b), Int(i.c), ctx, site: (code, pc - 1))
                    case .forRange:
                        let b = Int(i.b)
                        if case .int(let v) = regs[b], case .int(let stop) = regs[b + 1], case .int(let step) = regs[b + 2] {
                            if step > 0 ? v < stop : v > stop {
                                let (n, overflow) = v.addingReportingOverflow(step)
                                regs[b] = .int(overflow ? stop : n)
                                regs.setInt(Int(i.a), v)
                            } else {
                                pc = Int(i.c)
                            }
                            continue
                        }
                        record.pointee.ip = ip
                        if let v = try iteratorNext(regs[b], ctx) { regs[Int(i.a)] = v } else { pc = Int(i.c) }
                    case .call:
                        record.pointee.ip = ip
                        if breaker.isSet { try ctx.checkPoint() }
                        if i.d == 0, let r = try callDirect(regs + Int(i.b), Int(i.c), ctx) {
                            regs.set(Int(i.a), r)
                            continue
                        }
                        let kw = i.d == 0 ? nil : code.constants[Int(i.d) - 1]
                        regs[Int(i.a)] = try callFromRegisters(
                            regs[Int(i.b)], regs + Int(i.b) + 1, Int(i.c), kwnames: kw, ctx, site: (code, pc - 1), cache: caches.map { $0 + (pc - 1) })
                    case .callMethod:
                        record.pointee.ip = ip
                        if breaker.isSet { try ctx.checkPoint() }
                        let base = Int(i.b)
                        if i.d == 0, let r = try callDirect(regs + base, Int(i.c) + 1, ctx) {
                            // A borrowed callee in `regs[base]` is an object, so never the unbound-method `None`.
                            regs.set(Int(i.a), r)
                            continue
                        }
                        let kw = i.d == 0 ? nil : code.constants[Int(i.d) - 1]
                        if case .none = regs[base] {
                            regs[Int(i.a)] = try callFromRegisters(regs[base + 1], regs + base + 2, Int(i.c), kwnames: kw, ctx, site: (code, pc - 1))
                        } else {
                            regs[Int(i.a)] = try callFromRegisters(regs[base], regs + base + 1, Int(i.c) + 1, kwnames: kw, ctx, site: (code, pc - 1))
                        }
                    case .callEx:
                        record.pointee.ip = ip
                        if breaker.isSet { try ctx.checkPoint() }
                        regs[Int(i.a)] = try callEx(regs[Int(i.b)], regs[Int(i.c)], i.d == 0 ? nil : regs[Int(i.d) - 1], ctx)
                    case .loadMethod:
                        if let c = caches.map({ $0 + (pc - 1) }), cachedLoadMethod(regs + Int(i.a), regs + Int(i.b), c) { continue }
                        record.pointee.ip = ip
                        try loadMethodMiss(regs[Int(i.a)], code.names[Int(i.c)], regs + Int(i.b), caches.map { $0 + (pc - 1) }, ctx)
                    case .loadAttr:
                        if let c = caches.map({ $0 + (pc - 1) }), let v = cachedLoadAttr(regs + Int(i.b), c) {
                            regs.set(Int(i.a), v)
                            continue
                        }
                        record.pointee.ip = ip  // properties, __getattr__
                        regs[Int(i.a)] = try loadAttrMiss(regs[Int(i.b)], code.names[Int(i.c)], caches.map { $0 + (pc - 1) }, ctx)
                    case .storeAttr:
                        if let c = caches.map({ $0 + (pc - 1) }), cachedStoreAttr(regs + Int(i.a), regs + Int(i.c), c) { continue }
                        record.pointee.ip = ip
                        try storeAttrMiss(regs[Int(i.a)], code.names[Int(i.b)], regs[Int(i.c)], caches.map { $0 + (pc - 1) }, ctx)
                    case .deleteAttr:
                        try Attributes.delete(regs[Int(i.a)], code.names[Int(i.b)], ctx)
                    case .loadSubscript:
                        if i.d == sliceOperands {  // x[a:b:c], bounds in c … c+2 (Interpreter+Slices.swift)
                            record.pointee.ip = ip
                            regs[Int(i.a)] = try loadSlice(regs, Int(i.b), Int(i.c), ctx)
                            continue
                        }
                        // objs: list[int] / dict[int|str] with borrowed operands (Objects/SubscriptFast.swift).
                        if let v = loadSubscriptFast(regs, Int(i.b), Int(i.c)) { regs.set(Int(i.a), v); continue }
                        record.pointee.ip = ip  // __getitem__
                        regs[Int(i.a)] = try loadSubscript(regs[Int(i.b)], regs[Int(i.c)], ctx)
                    case .storeSubscript:
                        if i.d == sliceOperands {  // x[a:b:c] = v, bounds in b … b+2
                            record.pointee.ip = ip
                            try storeSlice(regs, Int(i.a), Int(i.b), Int(i.c), ctx)
                            continue
                        }
                        if storeSubscriptFast(regs, Int(i.a), Int(i.b), Int(i.c)) { continue }  // objs
                        record.pointee.ip = ip
                        try storeSubscript(regs[Int(i.a)], regs[Int(i.b)], regs[Int(i.c)], ctx)
                    case .deleteSubscript:
                        try Subscript.delete(regs[Int(i.a)], regs[Int(i.b)], ctx)
                    case .buildList:
                        regs[Int(i.a)] = .object(PyList(Array(UnsafeBufferPointer(start: regs + Int(i.b), count: Int(i.c)))))
                    case .buildTuple:
                        if i.d == 1 {
                            regs[Int(i.a)] = .object(PyTuple(try collect(regs[Int(i.b)], ctx)))
                        } else {
                            regs[Int(i.a)] = .object(PyTuple(Array(UnsafeBufferPointer(start: regs + Int(i.b), count: Int(i.c)))))
                        }
                    case .buildSet:
                        let s = PySet()
                        for k in 0..<Int(i.c) { try s.add(regs[Int(i.b) + k]) }
                        regs[Int(i.a)] = .object(i.d == 1 ? try PySet.foldedConstant(s, ctx) : s)
                    case .buildDict:
                        let d = PyDict()
                        for k in 0..<Int(i.c) { try d.set(regs[Int(i.b) + 2 * k], regs[Int(i.b) + 2 * k + 1]) }
                        regs[Int(i.a)] = .object(d)
                    case .buildSlice:
                        regs[Int(i.a)] = .object(PySlice(lower: regs[Int(i.b)], upper: regs[Int(i.b) + 1], step: regs[Int(i.b) + 2]))
                    case .buildString:
                        regs[Int(i.a)] = try buildString(regs + Int(i.b), Int(i.c), ctx)  // objs: Objects/StrBuild.swift
                    case .listAppend:
                        if case .object(let o) = regs[Int(i.a)], o.tag == .list { unsafeDowncast(o, to: PyList.self).append(regs[Int(i.b)]) }
                    case .listExtend:
                        record.pointee.ip = ip
                        if case .object(let o) = regs[Int(i.a)] {
                            if o.tag == .set {
                                try unsafeDowncast(o, to: PySet.self).update(regs[Int(i.b)], ctx)
                            } else if o.tag == .list {
                                let items = try collect(regs[Int(i.b)], ctx)
                                unsafeDowncast(o, to: PyList.self).withItems { $0.append(contentsOf: items) }
                            }
                        }
                    case .setAdd:
                        if case .object(let o) = regs[Int(i.a)], o.tag == .set { try unsafeDowncast(o, to: PySet.self).add(regs[Int(i.b)]) }
                    case .dictSet:
                        if case .object(let o) = regs[Int(i.a)], let d = o as? PyDict { try d.set(regs[Int(i.b)], regs[Int(i.c)]) }
                    case .dictUpdate:
                        if i.c != 0 {
                            try mergeKeywords(regs[Int(i.a)], regs[Int(i.b)], callee: regs[Int(i.c) - 1], ctx)
                        } else if case .object(let o) = regs[Int(i.a)], let d = o as? PyDict {
                            try BuiltinMethods.dictUpdate(d, regs[Int(i.b)], ctx)
                        }
                    case .unpack:
                        record.pointee.ip = ip  // may iterate a generator
                        try unpack(regs, Int(i.b), into: Int(i.a), count: Int(i.c), ctx)
                    case .unpackStar:
                        record.pointee.ip = ip
                        try unpackStar(regs[Int(i.b)], into: regs + Int(i.a), before: Int(i.c), after: Int(i.d), ctx)
                    case .formatValue:
                        // objs: f"{n}" of a small int or a str without spec or conversion makes no String detour.
                        if i.d == 0, let v = StrBuild.formatPlain(regs[Int(i.b)]) { regs[Int(i.a)] = v; continue }
                        regs[Int(i.a)] = .str(try formatField(regs[Int(i.b)], spec: i.d & 4 != 0 ? regs[Int(i.c)] : nil, conversion: Int(i.d & 3), ctx))
                    case .makeFunction:
                        regs[Int(i.a)] = try makeFunction(code.constants[Int(i.b)], i.d == 1 ? nil : regs + Int(i.c), globals)
                    case .makeGenexpr:
                        regs[Int(i.a)] = try makeGenexpr(code.constants[Int(i.b)], regs + Int(i.c), cells: Int(i.d), globals)
                    case .makeClass:
                        record.pointee.ip = ip  // the class body runs
                        regs[Int(i.a)] = try makeClass(regs[Int(i.b)], regs + Int(i.c), i.d, ctx)
                    case .returnValue:
                        generator?.finished = true
                        // Moved out, not copied: the frame is never read again (saves a retain and release).
                        let r = (regs + Int(i.a)).move()
                        (regs + Int(i.a)).initialize(to: .none)
                        return r
                    case .yieldValue:
                        guard let generator else { throw yieldOutsideGenerator() }
                        // vm: `tuple(genexp)`, `set(genexp)`: the consumer's sink takes the value here and the frame
                        // runs on, instead of a suspend and a resume per value (YieldSink). The check point a
                        // resume makes on entry is made here.
                        if generator.sink != .none, generator.take(regs[Int(i.b)]) {
                            regs[Int(i.a)] = .none  // what `yield` evaluates to when next() resumes it
                            if breaker.isSet { record.pointee.ip = ip; try ctx.checkPoint() }
                            continue
                        }
                        return suspend(generator, at: pc, i, regs, handledAbove: excBase, ctx)
                    case .getAwaitable:
                        record.pointee.ip = ip
                        regs[Int(i.a)] = try Coroutines.awaitable(regs[Int(i.b)], ctx)
                    case .send:
                        record.pointee.ip = ip  // delegation: the inner generator's frame runs above this one
                        if try Coroutines.step(regs + Int(i.a), regs[Int(i.b)], asyncFor: i.d == 1, ctx) { pc = Int(i.c) }
                    case .getAIter:
                        record.pointee.ip = ip
                        regs[Int(i.a)] = try Coroutines.asyncIterator(regs[Int(i.b)], ctx)
                    case .getANext:
                        record.pointee.ip = ip
                        regs[Int(i.a)] = try Coroutines.asyncNext(regs[Int(i.b)], ctx)
                    case .raise:
                        throw try raise(i.d & 1 != 0 ? regs[Int(i.a)] : nil, cause: i.d & 2 != 0 ? regs[Int(i.b)] : nil, bare: i.d == 0, ctx)
                    case .reraise:
                        guard let e = ctx.handled.popLast() else { throw noActiveException() }
                        reraising = true
                        throw PyException(e)
                    case .popExcept:
                        _ = ctx.handled.popLast()
                    case .loadException:
                        regs[Int(i.a)] = ctx.handled.last.map { .object($0) } ?? .none
                    case .exceptionMatches:
                        regs[Int(i.a)] = .bool(try exceptionMatches(ctx.handled.last, regs[Int(i.b)]))
                    case .matchSequence:
                        regs[Int(i.a)] = .bool(try PatternMatching.sequence(regs[Int(i.b)], count: Int(i.c), atLeast: i.d == 1, ctx))
                    case .matchMapping:
                        regs[Int(i.a)] = .bool(PatternMatching.isMapping(regs[Int(i.b)]))
                    case .matchClass:
                        let found = try PatternMatching.classAttributes(
                            regs[Int(i.b)], cls: regs[Int(i.c)], positional: Int(i.d), keywords: regs[Int(i.c) + 1], ctx)
                        regs[Int(i.a)] = .bool(found != nil)
                        regs[Int(i.a) + 1] = found.map { .object(PyTuple($0)) } ?? .none
                    case .withEnter:
                        record.pointee.ip = ip  // `with lock:` waits here
                        regs[Int(i.a)] = try withEnter(regs[Int(i.b)], ctx)
                    case .withExit:
                        record.pointee.ip = ip
                        try withExit(regs[Int(i.a)], ctx)
                    case .withExceptExit:
                        guard let e = ctx.handled.last else { break }
                        record.pointee.ip = ip
                        let swallow = try withExceptExit(regs[Int(i.a)], e, ctx)
                        _ = ctx.handled.popLast()
                        if swallow {
                            pc = Int(i.b)
                        } else {
                            reraising = true
                            throw PyException(e)
                        }
                    case .importName:
                        record.pointee.ip = ip  // the module's body runs, under its import lock
                        regs[Int(i.a)] = try importName(code.names[Int(i.b)], level: Int(i.d), top: i.c == 1, globals, ctx)
                    case .importFrom:
                        record.pointee.ip = ip
                        regs[Int(i.a)] = try ctx.runtime.modules.importFrom(regs[Int(i.b)], code.names[Int(i.c)], ctx)
                    case .importStar:
                        record.pointee.ip = ip
                        try ctx.runtime.modules.importStar(regs[Int(i.a)], into: globals, ctx)
                    case .loadSuper:
                        regs[Int(i.a)] = try loadSuper(i.d == 1 ? regs[Int(i.c)] : nil, regs[Int(i.b)])
                    case .assertFail:
                        throw assertionFailed(i.d == 1 ? regs[Int(i.b)] : nil)
                    case .deleteLocal:
                        regs[Int(i.a)] = .object(Unbound.marker)
                    }
                }
            } catch {
                let exc = convertError(error)
                if !reraising {
                    exc.data.traceback.append(TracebackEntry(code: code, globals: globals, line: code.lines[pc - 1], instruction: Int32(pc - 1)))
                }
                reraising = false
                let at = Int32(pc - 1)
                guard let entry = code.exceptionTable.first(where: { $0.start <= at && at < $0.end }) else { throw exc }
                let keep = excBase + Int(entry.depth)
                while ctx.handled.count > keep { ctx.handled.removeLast() }
                ctx.handled.append(exc.value)
                pc = Int(entry.handler)
            }
        }
    }

    @inline(__always)
    static func isTrue(_ v: Value, _ ctx: ExecutionContext) throws -> Bool {
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .none: return false
        default: return try truthy(v, ctx)
        }
    }

    /// Any Swift error as a Python exception: GILCore's interrupt becomes KeyboardInterrupt.
    static func convertError(_ error: any Error) -> PyException {
        if let e = error as? PyException { return e }
        return PyException.make(.runtimeError, String(describing: error))
    }

    @inline(never)
    static func loadBuiltin(_ name: String, _ ctx: ExecutionContext) throws -> Value {
        if let v = ctx.runtime.builtins.get(name) { return v }
        throw PyException.make(.nameError, "name '\(name)' is not defined")
    }

    @inline(never)
    static func slowBinary(_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext, inplace: Bool) throws -> Value {
        if let v = scalarBinary(op, l, r) ?? binaryFast(op, l, r) { return v }
        if op == .modulo, case .object(let a) = l, a.tag == .str, let v = try Arithmetic.strFormat(unsafeDowncast(a, to: PyStr.self), r, ctx) {
            return v
        }
        if case .object(let a) = l, case .object(let b) = r, a.tag == .set, b.tag == .set, let setOp = PySet.SetOperator(op) {
            // Two exact sets or frozensets (meteor_contest's `free - fp`, `n_free & se_nh[i]`): nothing else can
            // answer, so straight to the set algorithm. `|=` & co. work in place on a set (set_ior); a frozenset
            // rebinds to a new one.
            let x = unsafeDowncast(a, to: PySet.self), y = unsafeDowncast(b, to: PySet.self)
            if inplace, !x.frozen {
                try x.inPlace(setOp, y, ctx)
                return l
            }
            return .object(try x.binary(setOp, y, ctx))
        }
        if let v = try Arithmetic.instanceBinary(op, l, r, inPlace: inplace, ctx) { return v }
        if inplace, case .object(let o) = l {
            if op == .add, let list = o as? PyList {
                let items = try collect(r, ctx)
                try AllocationLimit.checkValues(list.withItems { $0.count } + items.count, ctx)
                list.withItems { $0.append(contentsOf: items) }
                return l
            }
            if op == .multiply, o.tag == .list, let n = indexValue(r) {  // objs: `l *= n` repeats in place
                let list = unsafeDowncast(o, to: PyList.self)
                let count = list.count
                try AllocationLimit.checkValues(n > 0 ? count.multipliedReportingOverflow(by: n).overflow ? Int.max : count * n : 0, ctx)
                list.withItems { items in
                    if n <= 0 { items.removeAll() } else {
                        let once = items
                        for _ in 1..<n { items.append(contentsOf: once) }
                    }
                }
                return l
            }
            if o.tag == .array, op == .add || op == .multiply {
                return try ArrayModule.inPlace(op, unsafeDowncast(o, to: PyArray.self), r, ctx)
            }
            if o.tag == .byteArray, op == .add || op == .multiply {
                return try Arithmetic.byteArrayInPlace(op, unsafeDowncast(o, to: PyByteArray.self), r, ctx)
            }
        }
        return try Arithmetic.binary(op, l, r, ctx)
    }

    @inline(never)
    static func loadSubscript(_ container: Value, _ key: Value, _ ctx: ExecutionContext) throws -> Value {
        if case .object(let o) = container, o.tag == .list, case .int(let i) = key {
            let l = unsafeDowncast(o, to: PyList.self)
            let v: Value? = l.withItems { items in
                let j = i < 0 ? i + items.count : i
                return j >= 0 && j < items.count ? items[j] : nil
            }
            if let v { return v }
        } else if case .object(let o) = container, o.tag == .dict, let v = try unsafeDowncast(o, to: PyDict.self).get(key) {
            return v
        }
        return try Subscript.get(container, key, ctx)
    }

    /// `a[b] = c`: dicts by tag (no cast chain), everything else through `Subscript.set`.
    @inline(never)
    static func storeSubscript(_ container: Value, _ key: Value, _ value: Value, _ ctx: ExecutionContext) throws {
        if case .object(let o) = container, o.tag == .dict { return try unsafeDowncast(o, to: PyDict.self).set(key, value) }
        try Subscript.set(container, key, value, ctx)
    }

    /// `compare` with `in`/`not in` on a dict or set answered by one hash lookup.
    @inline(never)
    static func compareOrContains(_ op: ComparisonOperator, _ a: Value, _ b: Value, _ ctx: ExecutionContext) throws -> Bool {
        if op == .in || op == .notIn, case .object(let o) = b {
            if o.tag == .dict { return (try unsafeDowncast(o, to: PyDict.self).get(a) != nil) == (op == .in) }
            if o.tag == .set { return try unsafeDowncast(o, to: PySet.self).contains(a) == (op == .in) }
            if o.tag == .list { return try sequenceContains(unsafeDowncast(o, to: PyList.self).items, a, ctx) == (op == .in) }
            if o.tag == .tuple { return try sequenceContains(unsafeDowncast(o, to: PyTuple.self).items, a, ctx) == (op == .in) }
        }
        return try compare(op, a, b, ctx)
    }

    /// `item in list/tuple` (list_contains: each element `== item`, identity first). Ints and strs compare
    /// inline; `containsNative` reached lists after seven `as` casts and compared each element through
    /// the general `valuesEqual` (hexiom's `if v in tiles` was a tenth of its run).
    @inline(never)
    static func sequenceContains(_ items: [Value], _ item: Value, _ ctx: ExecutionContext) throws -> Bool {
        for x in items {
            switch (x, item) {
            case (.int(let p), .int(let q)):
                if p == q { return true }
            case (.object(let p), .object(let q)) where p === q:
                return true
            case (.object(let p), .object(let q)) where p.tag == .str && q.tag == .str:
                if PyStr.equal(unsafeDowncast(p, to: PyStr.self), unsafeDowncast(q, to: PyStr.self)) { return true }
            default:
                if try valuesEqual(x, item, ctx) { return true }
            }
        }
        return false
    }
}
