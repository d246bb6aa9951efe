import PythonSyntax

/// The instruction set, declared once. The compiler emits these, the disassembler names them and the VM
/// switches over them — all without `default:`, so a new opcode does not compile until every stage handles it.
/// Operand conventions (see docs/bytecode.md): `a` is usually the destination register; registers are
/// frame-relative; constants live in registers too (copied at frame entry), so every value operand is a register.
enum Opcode: UInt8, CaseIterable {
    case nop
    /// Check point in `every` mode: the GIL may switch here.
    case checkpoint
    /// a ← b
    case move
    /// UnboundLocalError unless local register a holds a value (name #b); emitted only where the local is
    /// not definitely assigned
    case checkBound
    /// a ← global slot b (builtins fallback)
    case loadGlobal
    /// global slot a ← b
    case storeGlobal
    /// del global slot a
    case deleteGlobal
    /// a ← class-namespace name b (names table), then globals, then builtins
    case loadName
    /// class-namespace name a ← b
    case storeName
    /// a ← value of the cell in register b
    case loadCell
    /// cell in register a ← b
    case storeCell
    /// register a ← new cell holding register a's value (captured parameter / local at entry)
    case makeCell
    /// a ← b + c (inline int fast path)
    case add
    /// a ← b - c
    case subtract
    /// a ← b * c
    case multiply
    /// a ← b (BinaryOperator #d) c
    case binary
    /// a ← b (BinaryOperator #d)= c: in-place for lists (`+=` extends), else like `binary`
    case inplace
    /// a ← b < c (inline fast path), and the other orderings
    case less, lessEqual, greater, greaterEqual, equal, notEqual
    /// a ← b (ComparisonOperator #d) c
    case compare
    /// a ← (UnaryOperator #d) b
    case unary
    /// a ← not b
    case not
    /// pc ← a
    case jump
    /// pc ← a, then a check point (loops)
    case jumpBack
    /// if !b: pc ← a
    case jumpIfFalse
    /// if b: pc ← a
    case jumpIfTrue
    /// unless b (ordering #d: <, <=, >, >=, ==, != — `Opcode.fusedComparisons`) c: pc ← a. The test of an
    /// `if`/`while` that is one comparison, without the bool register (inline int fast path)
    case jumpUnlessCompare
    /// a ← iter(b)
    case getIter
    /// a ← next(b), or pc ← c when exhausted
    case forIter
    /// a … a+2 ← (start, stop, step) when b is the builtin `range` and its c arguments (b+1 …) are ints;
    /// otherwise a ← iter(b(args)) (the general path `forRange` falls back to)
    case rangeInit
    /// like `forIter` over the register triple a `rangeInit` made: b = counter, b+1 = stop, b+2 = step
    case forRange
    /// a ← b(b+1 … b+c), keyword names in constant #d-1 (0: none); a check point
    case call
    /// a ← method call prepared by `loadMethod` at b (b = callable or None, b+1 = self or callable), c args
    case callMethod
    /// a ← b(*c, **d-1)  (d = 0: no mapping)
    case callEx
    /// b … b+1 ← method lookup of name #c on register a (see `callMethod`)
    case loadMethod
    /// a ← b.name#c
    case loadAttr
    /// a.name#b ← c
    case storeAttr
    /// del a.name#b
    case deleteAttr
    /// a ← b[c]; d = `Interpreter.sliceOperands`: a ← b[c:c+1:c+2] (three bound registers, no slice object)
    case loadSubscript
    /// a[b] ← c; d = `Interpreter.sliceOperands`: a[b:b+1:b+2] ← c
    case storeSubscript
    /// del a[b]
    case deleteSubscript
    /// a ← [b … b+c-1] / (…) / {…}
    case buildList, buildTuple, buildSet
    /// a ← {b: b+1, …} (c pairs)
    case buildDict
    /// a ← slice(b, b+1, b+2)
    case buildSlice
    /// a ← "".join(str of b … b+c-1)
    case buildString
    /// list a .append(b)
    case listAppend
    /// list a .extend(iterable b)
    case listExtend
    /// set a .add(b)
    case setAdd
    /// dict a [b] ← c
    case dictSet
    /// dict a .update(mapping b); c ≠ 0: a call's `**b` for the callee in register c - 1 (DICT_MERGE: a
    /// name given twice, or b not a mapping, is a TypeError naming the callee)
    case dictUpdate
    /// a … a+c-1 ← unpack exactly c items of b
    case unpack
    /// a … ← unpack b with a starred target: c items before, d after, the list in between
    case unpackStar
    /// a ← format(b, spec in c if d & 4) with conversion d & 3 (1 str, 2 repr, 3 ascii)
    case formatValue
    /// a ← function of code constant #b; c = register base of [defaults tuple, kwdefaults dict, closure tuple]
    case makeFunction
    /// a ← the generator of `<genexpr>` code constant #b, its `.0` moved from c, its d closure cells in c+1 … c+d
    /// (no function object: nothing could reach the one CPython makes and calls at once)
    case makeGenexpr
    /// a ← class from body function b, bases in c … c+d-1; name = body code's name. With d =
    /// `classWithKeywords`: c = the bases tuple, c+1 = the keywords dict (`metaclass=`, starred bases)
    case makeClass
    /// return a
    case returnValue
    /// generator: suspend, producing b (d = 1: an asynchronous generator's own value, wrapped); on resume the
    /// sent value lands in a
    case yieldValue
    /// a ← the awaitable of b (GET_AWAITABLE: a coroutine, or `__await__()`)
    case getAwaitable
    /// `yield from`/`await` step (SEND): a holds the value sent in and receives the sub-iterator b's next value,
    /// or, when b is exhausted, its return value and pc ← c; d = 1 (`async for`): StopAsyncIteration ends it
    /// too, with `Coroutines.asyncForEnd` in a
    case send
    /// a ← `type(b).__aiter__(b)`
    case getAIter
    /// a ← the awaitable of `type(b).__anext__(b)`
    case getANext
    /// raise a (d & 1) from b (d & 2); d = 0: bare re-raise of the handled exception
    case raise
    /// re-raise the exception being handled (end of a finally / unmatched except), keeping its traceback
    case reraise
    /// leave the innermost except/finally handler (restores the previously handled exception)
    case popExcept
    /// a ← the exception being handled
    case loadException
    /// a ← handled exception matches b (a class or a tuple of classes)
    case exceptionMatches
    /// a ← b is a sequence to `case [...]` (not str/bytes) of length c (d = 0) or at least c (d = 1)
    case matchSequence
    /// a ← b is a mapping to `case {...}`
    case matchMapping
    /// a ← b matches class pattern c(d positional sub-patterns, keyword names tuple in c+1); a+1 ← the
    /// tuple of attributes the sub-patterns test
    case matchClass
    /// a ← b.__enter__()
    case withEnter
    /// a.__exit__(None, None, None)
    case withExit
    /// a.__exit__(type, exc, tb) for the handled exception; if truthy: popExcept, pc ← b; else re-raise
    case withExceptExit
    /// a ← import module name #b (c = 1: bind the top package for `import a.b`), d leading dots (relative)
    case importName
    /// a ← attribute name #c of module b, ImportError if missing
    case importFrom
    /// from module a import *
    case importStar
    /// a ← super(c, b): c the class from the `__class__` cell when d = 1 (else RuntimeError)
    case loadSuper
    /// raise AssertionError(b) (d = 1 with message)
    case assertFail
    /// a ← globals-like dict view of module namespace (for `globals()`), unused by the core
    case deleteLocal
}

/// One fixed-size instruction with its operands folded in (16 bytes).
struct Instruction {
    var op: Opcode
    var d: UInt16
    var a: Int32
    var b: Int32
    var c: Int32

    init(_ op: Opcode, _ a: Int32 = 0, _ b: Int32 = 0, _ c: Int32 = 0, d: UInt16 = 0) {
        self.op = op
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }
}

extension Opcode {
    /// `makeClass`'s d when the bases come as a tuple with a keywords dict.
    static let classWithKeywords: UInt16 = 0xFFFF

    /// The comparisons `jumpUnlessCompare` fuses, by its `d` operand.
    static let fusedComparisons: [ComparisonOperator] = [.less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual]
}
