import PythonSyntax

/// Where the compiler emits GIL check points (DESIGN.md §4): `py310` at backward jumps, calls and
/// function entry only; `every` also before (almost) every instruction, like CPython ≤ 3.9.
package enum CheckMode: String, Sendable, CaseIterable {
    case py310
    case every
}

/// State shared by every code object of one module: the global slot table.
final class ModuleCompileContext {
    let fileName: String
    /// Split only when a compile error quotes a line.
    let sourceLines: SourceLines
    let symbols: SymbolTable
    let checkMode: CheckMode
    /// `from __future__ import annotations`: function annotations are stored as their source text.
    var stringAnnotations = false
    private(set) var globalNames: [String] = []
    private var globalIndex: [String: Int32] = [:]

    init(fileName: String, source: String, symbols: SymbolTable, checkMode: CheckMode) {
        self.fileName = fileName
        self.sourceLines = SourceLines(text: source)
        self.symbols = symbols
        self.checkMode = checkMode
    }

    func globalSlot(_ name: String) -> Int32 {
        if let s = globalIndex[name] { return s }
        let s = Int32(globalNames.count)
        globalNames.append(name)
        globalIndex[name] = s
        return s
    }

    func sourceLine(_ line: Int32) -> String { sourceLines.line(line) ?? "" }
}

/// How the current function reaches a name.
enum NameAccess {
    case local(Int32)
    case cell(Int32)
    case global(Int32)
    case namespace(Int32)
}

/// What `break`, `continue` and `return` must unwind on their way out.
enum Block {
    case loop(continueTarget: Int32, breakJumps: [Int])
    /// A `finally:` body (or a `with` exit) to run inline before leaving its protected range.
    case finally(emit: (FunctionCompiler) throws(SyntaxError) -> Void, tryIndex: Int)
    /// Inside an except handler: leaving it pops the handled exception.
    case handler
}

/// Compiles one function, lambda, class body or module to a `CodeObject`.
final class FunctionCompiler {
    let module: ModuleCompileContext
    let scope: Scope
    let code: CodeObject
    var locals: [String: Int32] = [:]
    var cellNames: Set<String> = []
    var overlays: [[String: Int32]] = []
    var tempTop: Int32 = 0
    var maxTemp: Int32 = 0
    /// Statements being compiled, outermost first (see `FunctionCompiler.statement`).
    var statementDepth = 0
    var constantKeys: [ConstantKey: Int32] = [:]
    var nameIndex: [String: Int32] = [:]
    var blocks: [Block] = []
    /// Open protected ranges of enclosing `try` statements (index into `tries`).
    var tries: [(start: Int32, handler: Int32?, depth: Int32, pendingRanges: [(Int32, Int32)], open: Bool)] = []
    var handlerDepth: Int32 = 0
    /// Indices into `tries` whose bodies are being compiled, outermost first.
    var activeTries: [Int] = []
    /// Ranges closed by the last `unwind`, reopened after its jump.
    var reopen: [Int] = []
    var currentLine: Int32
    /// Locals definitely assigned at this point of the function (parameters from the start): reads of
    /// other locals get a `checkBound` (CPython's UnboundLocalError).
    var definitelyAssigned: Set<String> = []
    /// Inside an inlined comprehension of a class body (after its first iterable): see `access`.
    var classComprehensionDepth = 0

    init(module: ModuleCompileContext, scope: Scope, kind: CodeObject.Kind, name: String, qualifiedName: String, line: Int32) {
        self.module = module
        self.scope = scope
        self.code = CodeObject(kind: kind, name: name, qualifiedName: qualifiedName, fileName: module.fileName, firstLine: line)
        self.currentLine = line
        if kind == .function {
            var reg: Int32 = 0
            for n in scope.locals {
                locals[n] = reg
                reg += 1
            }
            for n in scope.frees {
                locals[n] = reg
                cellNames.insert(n)
                code.freeRegisters.append(reg)
                reg += 1
            }
            for n in scope.cells where locals[n] != nil {
                cellNames.insert(n)
                code.cellRegisters.append(locals[n]!)
            }
            code.localCount = reg
            definitelyAssigned = Set(scope.parameters)
        } else if kind == .classBody {
            // Enclosing functions' variables read by the class body or its methods arrive as cells.
            var reg: Int32 = 0
            for n in scope.frees {
                locals[n] = reg
                cellNames.insert(n)
                code.freeRegisters.append(reg)
                reg += 1
            }
            // The implicit `__class__` cell of methods that use super() or __class__.
            if scope.cells.contains("__class__") {
                locals["__class__"] = reg
                cellNames.insert("__class__")
                code.cellRegisters.append(reg)
                reg += 1
            }
            code.localCount = reg
        }
        tempTop = code.localCount
        maxTemp = tempTop
    }

    // MARK: - Emission

    var here: Int32 { Int32(code.instructions.count) }

    @discardableResult
    func emit(_ op: Opcode, _ a: Int32 = 0, _ b: Int32 = 0, _ c: Int32 = 0, d: UInt16 = 0) -> Int {
        if module.checkMode == .every, op != .checkpoint, op != .jumpBack, op != .call, op != .callMethod, op != .callEx {
            code.instructions.append(Instruction(.checkpoint))
            code.lines.append(currentLine)
        }
        code.instructions.append(Instruction(op, a, b, c, d: d))
        code.lines.append(currentLine)
        return code.instructions.count - 1
    }

    func patchJump(_ index: Int, to target: Int32) {
        switch code.instructions[index].op {
        case .forIter, .forRange, .send: code.instructions[index].c = target
        case .withExceptExit: code.instructions[index].b = target
        default: code.instructions[index].a = target
        }
    }

    func newTemp() -> Int32 {
        let r = tempTop
        tempTop += 1
        maxTemp = max(maxTemp, tempTop)
        return r
    }

    func temps(_ n: Int) -> Int32 {
        let base = tempTop
        tempTop += Int32(n)
        maxTemp = max(maxTemp, tempTop)
        return base
    }

    func withTemps<R>(_ body: () throws(SyntaxError) -> R) throws(SyntaxError) -> R {
        let saved = tempTop
        defer { tempTop = saved }
        return try body()
    }

    /// A register that reads constant `v` (encoded negative until `finish` places the constants).
    func constant(_ v: Value, key: ConstantKey) -> Int32 {
        if let k = constantKeys[key] { return -(k + 1) }
        let k = Int32(code.constants.count)
        code.constants.append(v)
        constantKeys[key] = k
        return -(k + 1)
    }

    func constantIndex(_ v: Value, key: ConstantKey) -> Int32 { -constant(v, key: key) - 1 }

    func none() -> Int32 { constant(.none, key: .none) }

    func string(_ s: String) -> Int32 { constant(.str(s), key: .string(Array(s.utf8))) }  // objs: by code points

    func name(_ s: String) -> Int32 {
        if let i = nameIndex[s] { return i }
        let i = Int32(code.names.count)
        code.names.append(s)
        nameIndex[s] = i
        return i
    }

    func unsupported(_ what: String, _ loc: SourceLocation) -> SyntaxError {
        .unsupported(what, fileName: module.fileName, location: loc, sourceLine: module.sourceLine(loc.line))
    }

    func error(_ message: String, _ loc: SourceLocation) -> SyntaxError {
        SyntaxError(message, fileName: module.fileName, location: loc, sourceLine: module.sourceLine(loc.line))
    }

    // MARK: - Names

    func access(_ n: String) -> NameAccess {
        for o in overlays.reversed() { if let r = o[n] { return .local(r) } }
        switch code.kind {
        case .module: return .global(module.globalSlot(n))
        case .classBody:
            if classComprehensionDepth > 0 {
                // Inside a comprehension the class's names are not visible (CPython's comprehension scope).
                if !scope.globals.contains(n), cellNames.contains(n), let r = locals[n] { return .cell(r) }
                return .global(module.globalSlot(n))
            }
            if !scope.isLocal(n), !scope.globals.contains(n), let r = locals[n] { return .cell(r) }
            return .namespace(name(n))
        case .function:
            if scope.globals.contains(n) { return .global(module.globalSlot(n)) }
            if let r = locals[n] { return cellNames.contains(n) ? .cell(r) : .local(r) }
            return .global(module.globalSlot(n))
        }
    }

    func load(_ n: String, into: Int32?) -> Int32 {
        switch access(n) {
        case .local(let r):
            checkBound(n, r)
            if let into, into != r { emit(.move, into, r) }
            return into ?? r
        case .cell(let r):
            let t = into ?? newTemp()
            emit(.loadCell, t, r)
            return t
        case .global(let s):
            let t = into ?? newTemp()
            emit(.loadGlobal, t, s)
            return t
        case .namespace(let i):
            let t = into ?? newTemp()
            emit(.loadName, t, i)
            return t
        }
    }

    /// The register holding the cell a nested scope closes over `n` with. A class body may read `n` from
    /// its own namespace (`x = 2` in the class) while its methods close over the enclosing function's `x`.
    func closureCell(_ n: String, _ loc: SourceLocation) throws(SyntaxError) -> Int32 {
        if cellNames.contains(n), let r = locals[n] { return r }
        throw error("internal: '\(n)' is not a cell", loc)
    }

    /// Guards a read of local `n` (register `r`) that may precede its first assignment.
    func checkBound(_ n: String, _ r: Int32) {
        guard code.kind == .function, !definitelyAssigned.contains(n), locals[n] == r, !overlays.contains(where: { $0[n] != nil }) else { return }
        emit(.checkBound, r, name(n))
        code.needsUnboundMarkers = true
    }

    func store(_ n: String, from r: Int32) {
        definitelyAssigned.insert(n)
        switch access(n) {
        case .local(let l): if l != r { emit(.move, l, r) }
        case .cell(let c): emit(.storeCell, c, r)
        case .global(let s): emit(.storeGlobal, s, r)
        case .namespace(let i): emit(.storeName, i, r)
        }
    }

    /// The register a plain local name lives in, so `x = x + 1` computes straight into it.
    func directRegister(_ n: String) -> Int32? {
        if case .local(let r) = access(n) { return r }
        return nil
    }

    // MARK: - Finishing

    func finish() -> CodeObject {
        for i in tries.indices where tries[i].open { closeRange(i) }
        code.constantBase = maxTemp
        code.frameSize = maxTemp + Int32(code.constants.count)
        let base = code.constantBase
        for i in code.instructions.indices {
            if code.instructions[i].a < 0 { code.instructions[i].a = base - code.instructions[i].a - 1 }
            if code.instructions[i].b < 0 { code.instructions[i].b = base - code.instructions[i].b - 1 }
            if code.instructions[i].c < 0 { code.instructions[i].c = base - code.instructions[i].c - 1 }
        }
        code.usesSuper = scope.usesSuper
        code.seal()
        return code
    }

    func closeRange(_ i: Int) {
        if tries[i].start < here { tries[i].pendingRanges.append((tries[i].start, here)) }
        tries[i].open = false
    }
}

/// Deduplication key for constants.
enum ConstantKey: Hashable {
    case none, ellipsis
    case bool(Bool)
    case int(Int)
    case float(UInt64)
    /// UTF-8 bytes, not `String`: Swift's `==` merges canonically equivalent strings ("é" and "e\u{301}"),
    /// which Python keeps apart.
    case string([UInt8])
    case bytes([UInt8])
    case bigInt(String)
    case code(Int)
    case names([String])
    /// `Coroutines.asyncForEnd`.
    case asyncForEnd
    /// An imaginary literal's value.
    case complex(UInt64)
}

/// Entry point: AST → code objects.
package enum ModuleCompiler {
    static func compile(
        _ m: Module, source: String, checkMode: CheckMode, seedGlobals: [String] = []
    ) throws(SyntaxError) -> (CodeObject, [String], ModuleCompileContext) {
        let stringAnnotations = try FutureFeatures.check(m, source: source)
        let symbols = try SymbolTable(m)
        let ctx = ModuleCompileContext(fileName: m.fileName, source: source, symbols: symbols, checkMode: checkMode)
        ctx.stringAnnotations = stringAnnotations
        for n in seedGlobals { _ = ctx.globalSlot(n) }
        let fc = FunctionCompiler(module: ctx, scope: symbols.module, kind: .module, name: "<module>", qualifiedName: "<module>", line: 1)
        fc.code.docstring = FunctionCompiler.docstring(m.body)
        try fc.statements(m.body)
        fc.emit(.returnValue, fc.none())
        let code = fc.finish()
        return (code, ctx.globalNames, ctx)
    }
}
