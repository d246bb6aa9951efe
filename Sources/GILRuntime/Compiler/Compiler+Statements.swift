import PythonSyntax

extension FunctionCompiler {
    func statements(_ body: [Statement]) throws(SyntaxError) {
        for s in body { try statement(s) }
    }

    func statement(_ s: Statement) throws(SyntaxError) {
        currentLine = s.location.line
        let saved = tempTop
        defer { tempTop = saved }
        statementDepth += 1
        defer { statementDepth -= 1 }
        // A module's frame lives as long as the program: a value left in one of its temporaries after a
        // top-level statement would stay alive, where CPython's value stack drops it (`del x` then a weak
        // reference or finaliser expecting x gone). Top-level statements clear the temporaries they used:
        // a few moves per statement, never inside a loop body.
        let clearsTemps = code.kind == .module && statementDepth == 1
        let outerMax = maxTemp
        if clearsTemps { maxTemp = saved }
        defer {
            if clearsTemps {
                for r in saved..<maxTemp { emit(.move, r, none()) }
                maxTemp = max(outerMax, maxTemp)
            }
        }
        // Loops and try statements may skip (part of) their bodies: what they assign is not definite after.
        switch s.kind {
        case .whileStatement, .forStatement, .asyncFor, .tryStatement, .match:
            let before = definitelyAssigned
            defer { definitelyAssigned = before }
            try compoundStatement(s, saved)
        default:
            try compoundStatement(s, saved)
        }
    }

    private func compoundStatement(_ s: Statement, _ saved: Int32) throws(SyntaxError) {
        switch s.kind {
        case .expression(let e):
            _ = try expression(e)
        case .assign(let targets, let value):
            if targets.count == 1, case .name(let n) = targets[0].kind, let r = directRegister(n) {
                _ = try expression(value, into: r, assignedName: n)
                definitelyAssigned.insert(n)
                return
            }
            if targets.count == 1, try parallelAssignment(targets[0], value) { return }
            var hint: String?
            if targets.count == 1 {
                if case .name(let n) = targets[0].kind { hint = n }
                if case .attribute(_, let n) = targets[0].kind { hint = n }
            }
            let v = try expression(value, assignedName: hint)
            for t in targets { try assign(t, from: v) }
        case .augmentedAssign(let target, let op, let value):
            try augmented(target, op, value)
        case .annotatedAssign(let target, let annotation, let value):
            if let value {
                let v = try expression(value)
                try assign(target, from: v)
            }
            if code.kind == .classBody, case .name(let n) = target.kind {
                // Recorded as text (PEP 563 style), never evaluated: enough for dataclasses and introspection.
                let d = newTemp()
                emit(.loadName, d, name("__annotations__"))
                emit(.dictSet, d, string(n), string(annotationText(annotation)))
            }
        case .functionDef(let f):
            let fn = try function(f, at: s.location)
            var r = fn
            for d in f.decorators.reversed() {
                let base = temps(2)
                _ = try expression(d, into: base)
                emit(.move, base + 1, r)
                currentLine = s.location.line
                emit(.call, base, base, 1)
                r = base
            }
            store(f.name, from: r)
        case .classDef(let c):
            try classDefinition(c, at: s.location)
        case .returnStatement(let e):
            guard code.kind == .function else { throw error("'return' outside function", s.location) }
            if code.isAsyncGenerator, e != nil { throw error("'return' with value in async generator", s.location) }
            var r = try e.map { (e) throws(SyntaxError) in try expression(e) } ?? none()
            if blocks.contains(where: { if case .finally = $0 { return true } else { return false } }) {
                // The value must survive the finally bodies: keep it in a fresh temp.
                let t = newTemp()
                emit(.move, t, r)
                r = t
            }
            try unwind(toLoop: false, all: true)
            emit(.returnValue, r)
            reopenAfterUnwind()
        case .delete(let targets):
            for t in targets { try delete(t) }
        case .pass:
            break
        case .breakStatement, .continueStatement:
            let isBreak = if case .breakStatement = s.kind { true } else { false }
            guard let loopIndex = blocks.lastIndex(where: { if case .loop = $0 { return true } else { return false } }) else {
                throw error("'\(isBreak ? "break" : "continue")' outside loop", s.location)
            }
            try unwind(toLoop: true, all: false)
            guard case .loop(let cont, var breaks) = blocks[loopIndex] else { return }
            if isBreak {
                breaks.append(emit(.jump))
                blocks[loopIndex] = .loop(continueTarget: cont, breakJumps: breaks)
            } else {
                emit(.jumpBack, cont)
            }
            reopenAfterUnwind()
        case .ifStatement(let test, let body, let orElse):
            let skip = try jumpUnless(test)
            let before = definitelyAssigned
            try statements(body)
            let afterBody = definitelyAssigned
            definitelyAssigned = before
            if orElse.isEmpty {
                patchJump(skip, to: here)
            } else {
                let end = emit(.jump)
                patchJump(skip, to: here)
                try statements(orElse)
                patchJump(end, to: here)
                definitelyAssigned.formIntersection(afterBody)
            }
        case .whileStatement(let test, let body, let orElse):
            let top = here
            currentLine = test.location.line
            let exit = try jumpUnless(test)
            tempTop = saved
            try loop(body, orElse: orElse, top: top, exit: exit, line: s.location.line)
        case .forStatement(let target, let iterable, let body, let orElse):
            let it: Int32
            let loopOp: Opcode
            if case .call(let f, let args, let keywords) = iterable.kind, case .name("range") = f.kind, keywords.isEmpty,
               (1...3).contains(args.count), !args.contains(where: { if case .starred = $0.kind { true } else { false } }),
               access("range").isGlobal {
                // `for x in range(…)`: the counter lives in registers (no iterator object per iteration).
                let base = temps(args.count + 1)
                _ = try expression(f, into: base)
                for (k, a) in args.enumerated() { _ = try expression(a, into: base + 1 + Int32(k)) }
                it = temps(3)
                emit(.rangeInit, it, base, Int32(args.count))
                loopOp = .forRange
            } else {
                let iterSource = try expression(iterable)
                it = newTemp()
                emit(.getIter, it, iterSource)
                loopOp = .forIter
            }
            let top = here
            var direct: Int32?
            if case .name(let n) = target.kind { direct = directRegister(n) }
            let value = direct ?? newTemp()
            let exit = emit(loopOp, value, it, 0)
            if direct == nil { try assign(target, from: value) } else if case .name(let n) = target.kind { definitelyAssigned.insert(n) }
            try loop(body, orElse: orElse, top: top, exit: exit, line: s.location.line)
        case .with(let items, let body):
            try with(items[...], body)
        case .asyncFor(let target, let iterable, let body, let orElse):
            guard code.isCoroutine else { throw error("'async for' outside async function", s.location) }
            try asyncFor(target, iterable, body, orElse, line: s.location.line)
        case .asyncWith(let items, let body):
            guard code.isCoroutine else { throw error("'async with' outside async function", s.location) }
            try asyncWith(items[...], body)
        case .raise(let exc, let cause):
            guard let exc else {
                emit(.raise)
                return
            }
            let e = try expression(exc)
            if let cause {
                let c = try expression(cause)
                emit(.raise, e, c, d: 3)
            } else {
                emit(.raise, e, d: 1)
            }
        case .tryStatement(let body, let handlers, let orElse, let fin):
            if fin.isEmpty {
                try tryExcept(body, handlers, orElse)
            } else {
                try tryFinally({ (c: FunctionCompiler) throws(SyntaxError) in
                    if handlers.isEmpty { try c.statements(body); try c.statements(orElse) } else { try c.tryExcept(body, handlers, orElse) }
                }, fin)
            }
        case .assert(let test, let message):
            let cond = try expression(test)
            let ok = emit(.jumpIfTrue, 0, cond)
            if let message {
                let m = try expression(message)
                emit(.assertFail, 0, m, d: 1)
            } else {
                emit(.assertFail)
            }
            patchJump(ok, to: here)
        case .importModules(let aliases):
            for a in aliases {
                let t = newTemp()
                if let asName = a.asName {
                    emit(.importName, t, name(a.name), 0)
                    store(asName, from: t)
                } else {
                    emit(.importName, t, name(a.name), 1)
                    store(String(a.name.split(separator: ".")[0]), from: t)
                }
            }
        case .importFrom(let moduleName, let names, let level):
            let m = newTemp()
            emit(.importName, m, name(moduleName ?? ""), 0, d: UInt16(clamping: level))
            for a in names {
                if a.name == "*" {
                    emit(.importStar, m)
                    continue
                }
                let t = newTemp()
                emit(.importFrom, t, m, name(a.name))
                store(a.asName ?? a.name, from: t)
            }
        case .match(let subject, let cases):
            try match(subject, cases)
        case .global, .nonlocal:
            break
        }
    }

    /// A loop's body and its jump back to `top`, then its `else` block, which `break` skips; `exit` is the loop
    /// test's jump out (to the `else`).
    func loop(_ body: [Statement], orElse: [Statement], top: Int32, exit: Int, line: Int32) throws(SyntaxError) {
        blocks.append(.loop(continueTarget: top, breakJumps: []))
        try statements(body)
        currentLine = line
        emit(.jumpBack, top)
        guard case .loop(_, let breaks) = blocks.removeLast() else { return }
        patchJump(exit, to: here)
        try statements(orElse)
        for b in breaks { patchJump(b, to: here) }
    }

    /// A short source-like rendering of an annotation expression.
    func annotationText(_ e: Expression) -> String {
        switch e.kind {
        case .name(let n): return n
        case .attribute(let o, let a): return annotationText(o) + "." + a
        case .subscript(let o, let i): return annotationText(o) + "[" + annotationText(i) + "]"
        case .tuple(let xs): return xs.map(annotationText).joined(separator: ", ")
        case .constant(.string(let s)): return s
        case .constant(.none): return "None"
        case .binary(let l, .bitOr, let r): return annotationText(l) + " | " + annotationText(r)
        default: return "..."
        }
    }

    // MARK: - Assignment

    func assign(_ target: Expression, from v: Int32) throws(SyntaxError) {
        switch target.kind {
        case .name(let n):
            store(n, from: v)
        case .attribute(let obj, let attr):
            let o = try expression(obj)
            emit(.storeAttr, o, name(attr), v)
        case .subscript(let obj, let index):
            let o = try expression(obj)
            if case .slice(let lower, let upper, let step) = index.kind {
                emit(.storeSubscript, o, try sliceBounds(lower, upper, step), v, d: Interpreter.sliceOperands)
                return
            }
            let i = try expression(index)
            emit(.storeSubscript, o, i, v)
        case .tuple(let items), .list(let items):
            if let star = items.firstIndex(where: { if case .starred = $0.kind { return true } else { return false } }) {
                let base = temps(items.count)
                emit(.unpackStar, base, v, Int32(star), d: UInt16(items.count - star - 1))
                for (i, item) in items.enumerated() {
                    if case .starred(let inner) = item.kind { try assign(inner, from: base + Int32(i)) } else { try assign(item, from: base + Int32(i)) }
                }
            } else if let first = consecutiveLocals(items) {
                // `a, b, c = t` into locals that sit in consecutive registers: unpacked straight into them
                // (`unpack` checks the count before writing any, so a failed unpack assigns nothing).
                emit(.unpack, first, v, Int32(items.count))
                for item in items { if case .name(let n) = item.kind { definitelyAssigned.insert(n) } }
            } else {
                let base = temps(items.count)
                emit(.unpack, base, v, Int32(items.count))
                for (i, item) in items.enumerated() { try assign(item, from: base + Int32(i)) }
            }
        default:
            throw error("cannot assign to expression", target.location)
        }
    }

    /// The first register of `items` when every item is a plain local name and their registers follow each other.
    func consecutiveLocals(_ items: [Expression]) -> Int32? {
        var first: Int32?
        for (k, item) in items.enumerated() {
            guard case .name(let n) = item.kind, let r = directRegister(n) else { return nil }
            if let f = first {
                if r != f + Int32(k) { return nil }
            } else {
                first = r
            }
        }
        return first
    }

    /// `a, b = b, a` and `x[i], x[j] = x[j], x[i]` (a tuple or list display of as many plain items as targets):
    /// the values are evaluated left to right into temporaries and assigned left to right, as CPython's
    /// SWAP-based code does, without building and unpacking a tuple. False when the statement has another shape.
    func parallelAssignment(_ target: Expression, _ value: Expression) throws(SyntaxError) -> Bool {
        let targets: [Expression], values: [Expression]
        switch target.kind {
        case .tuple(let xs), .list(let xs): targets = xs
        default: return false
        }
        switch value.kind {
        case .tuple(let xs), .list(let xs): values = xs
        default: return false
        }
        func starred(_ e: Expression) -> Bool { if case .starred = e.kind { return true } else { return false } }
        guard targets.count == values.count, targets.count <= 8, !targets.contains(where: starred), !values.contains(where: starred) else {
            return false
        }
        try withTemps { () throws(SyntaxError) in
            let base = temps(values.count)
            for (k, v) in values.enumerated() {
                let r = try expression(v, into: base + Int32(k))
                if r != base + Int32(k) { emit(.move, base + Int32(k), r) }
            }
            for (k, t) in targets.enumerated() { try assign(t, from: base + Int32(k)) }
        }
        return true
    }

    func augmented(_ target: Expression, _ op: BinaryOperator, _ value: Expression) throws(SyntaxError) {
        let opcode: Opcode = op == .add ? .add : (op == .subtract ? .subtract : (op == .multiply ? .multiply : .inplace))
        // objs: `add`/`subtract`/`multiply` also serve `+=`/`-=`/`*=`; `inPlaceFlag` tells the VM's slow path to
        // mutate a list or call `__iadd__` (a `b = a; a += [x]` must change `b` too).
        let d = UInt16(binaryOperators.firstIndex(of: op)!) | (opcode == .inplace ? 0 : inPlaceFlag)
        switch target.kind {
        case .name(let n):
            if let r = directRegister(n) {
                checkBound(n, r)
                let v = try expression(value)
                emit(opcode, r, r, v, d: d)
            } else {
                let cur = load(n, into: nil)
                let v = try expression(value)
                let t = newTemp()
                emit(opcode, t, cur, v, d: d)
                store(n, from: t)
            }
        case .attribute(let obj, let attr):
            let o = try expression(obj)
            let cur = newTemp()
            emit(.loadAttr, cur, o, name(attr))
            let v = try expression(value)
            emit(opcode, cur, cur, v, d: d)
            emit(.storeAttr, o, name(attr), cur)
        case .subscript(let obj, let index):
            let o = try expression(obj)
            let i = try expression(index)
            let cur = newTemp()
            emit(.loadSubscript, cur, o, i)
            let v = try expression(value)
            emit(opcode, cur, cur, v, d: d)
            emit(.storeSubscript, o, i, cur)
        default:
            throw error("'\(op.rawValue)=' to an expression", target.location)
        }
    }

    func delete(_ target: Expression) throws(SyntaxError) {
        switch target.kind {
        case .name(let n):
            switch access(n) {
            case .local(let r):
                checkBound(n, r)
                emit(.deleteLocal, r)
                definitelyAssigned.remove(n)
                code.needsUnboundMarkers = true
            case .cell(let r): emit(.storeCell, r, none())
            case .global(let s): emit(.deleteGlobal, s)
            case .namespace(let i): emit(.storeName, i, none())
            }
        case .attribute(let obj, let attr):
            let o = try expression(obj)
            emit(.deleteAttr, o, name(attr))
        case .subscript(let obj, let index):
            let o = try expression(obj)
            let i = try expression(index)
            emit(.deleteSubscript, o, i)
        case .tuple(let items), .list(let items):
            for i in items { try delete(i) }
        default:
            throw error("cannot delete expression", target.location)
        }
    }

    // MARK: - Unwinding for return / break / continue

    /// Emits what leaving the enclosing blocks needs: inline `finally` bodies (with their protected ranges
    /// closed so an exception there is not caught by their own handler) and `popExcept` for handlers.
    func unwind(toLoop: Bool, all: Bool) throws(SyntaxError) {
        reopen = []
        var i = blocks.count - 1
        let saved = blocks
        while i >= 0 {
            switch blocks[i] {
            case .loop:
                if toLoop { blocks = saved; return }
            case .handler:
                if !all { emit(.popExcept) }
            case .finally(let body, let tryIndex):
                let position = activeTries.firstIndex(of: tryIndex) ?? activeTries.count
                for t in activeTries[position...] where tries[t].open {
                    closeRange(t)
                    reopen.append(t)
                }
                blocks = Array(saved[..<i])
                try body(self)
                blocks = saved
            }
            i -= 1
        }
        blocks = saved
    }

    func reopenAfterUnwind() {
        for t in reopen {
            tries[t].start = here
            tries[t].open = true
        }
        reopen = []
    }

    // MARK: - try / with

    func openTry() -> Int {
        tries.append((start: here, handler: nil, depth: handlerDepth, pendingRanges: [], open: true))
        activeTries.append(tries.count - 1)
        return tries.count - 1
    }

    /// Ends the protected body of try `i`; the handler is emitted next and registered.
    func setHandler(_ i: Int) {
        if tries[i].open { closeRange(i) }
        activeTries.removeAll { $0 == i }
        for (s, e) in tries[i].pendingRanges where s < e {
            code.exceptionTable.append(ExceptionTableEntry(start: s, end: e, handler: here, depth: tries[i].depth))
        }
        tries[i].pendingRanges = []
    }

    func tryExcept(_ body: [Statement], _ handlers: [ExceptHandler], _ orElse: [Statement]) throws(SyntaxError) {
        let t = openTry()
        try statements(body)
        if tries[t].open { closeRange(t) }
        activeTries.removeAll { $0 == t }
        try statements(orElse)
        let done = emit(.jump)
        setHandler(t)
        handlerDepth += 1
        var ends: [Int] = [done]
        for h in handlers {
            currentLine = h.location.line
            var next: Int?
            if let type = h.type {
                let saved = tempTop
                let ty = try expression(type)
                let m = newTemp()
                emit(.exceptionMatches, m, ty)
                next = emit(.jumpIfFalse, 0, m)
                tempTop = saved
            }
            if let n = h.name {
                let e = newTemp()
                emit(.loadException, e)
                store(n, from: e)
            }
            blocks.append(.handler)
            try statements(h.body)
            blocks.removeLast()
            emit(.popExcept)
            if let n = h.name {
                // `except E as n:` ends with `n = None; del n` (Python/compile.c), so n is unbound afterwards.
                store(n, from: none())
                if case .global(let s) = access(n) { emit(.deleteGlobal, s) }
            }
            ends.append(emit(.jump))
            if let next { patchJump(next, to: here) }
        }
        emit(.reraise)
        handlerDepth -= 1
        for e in ends { patchJump(e, to: here) }
    }

    func tryFinally(_ body: (FunctionCompiler) throws(SyntaxError) -> Void, _ fin: [Statement]) throws(SyntaxError) {
        let t = openTry()
        let finBody: (FunctionCompiler) throws(SyntaxError) -> Void = { c throws(SyntaxError) in
            let saved = c.currentLine
            try c.statements(fin)
            c.currentLine = saved
        }
        blocks.append(.finally(emit: finBody, tryIndex: t))
        try body(self)
        blocks.removeLast()
        if tries[t].open { closeRange(t) }
        activeTries.removeAll { $0 == t }
        try statements(fin)
        let done = emit(.jump)
        setHandler(t)
        handlerDepth += 1
        blocks.append(.handler)
        try statements(fin)
        blocks.removeLast()
        emit(.reraise)
        handlerDepth -= 1
        patchJump(done, to: here)
    }

    func with(_ items: ArraySlice<WithItem>, _ body: [Statement]) throws(SyntaxError) {
        guard let item = items.first else {
            try statements(body)
            return
        }
        // `__exit__` runs on the `with` statement's line, however it is left (CPython 3.10+ compiler_with and
        // compiler_unwind_fblock: SET_LOC to the statement): tracebacks from __exit__ and the recorder's stacks
        // (a `with lock:` releases where it acquired) name that line, not the body's last one.
        let withLine = currentLine
        func onWithLine(_ body: @escaping (FunctionCompiler) -> Void) -> (FunctionCompiler) throws(SyntaxError) -> Void {
            { c in
                let saved = c.currentLine
                c.currentLine = withLine
                body(c)
                c.currentLine = saved
            }
        }
        let mgr = newTemp()
        _ = try expression(item.context, into: mgr)
        let entered = newTemp()
        emit(.withEnter, entered, mgr)
        let t = openTry()
        if let target = item.target { try assign(target, from: entered) }
        blocks.append(.finally(emit: onWithLine { c in c.emit(.withExit, mgr) }, tryIndex: t))
        try with(items.dropFirst(), body)
        blocks.removeLast()
        if tries[t].open { closeRange(t) }
        activeTries.removeAll { $0 == t }
        let bodyLine = currentLine
        currentLine = withLine
        emit(.withExit, mgr)
        let done = emit(.jump)
        setHandler(t)
        let swallow = emit(.withExceptExit, mgr, 0)
        currentLine = bodyLine
        patchJump(swallow, to: here)
        patchJump(done, to: here)
    }
}

/// Set in the `d` operand of `add`/`subtract`/`multiply` compiled from an augmented assignment.
let inPlaceFlag: UInt16 = 0x100

let binaryOperators: [BinaryOperator] = [
    .add, .subtract, .multiply, .trueDivide, .floorDivide, .modulo, .power, .matrixMultiply, .leftShift, .rightShift,
    .bitAnd, .bitOr, .bitXor,
]
let comparisonOperators: [ComparisonOperator] = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .is, .isNot, .in, .notIn]
let unaryOperators: [UnaryOperator] = [.not, .negate, .plus, .invert]
