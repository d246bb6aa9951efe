/// One frame an exception left: CPython prints `  File "x.py", line 3, in f` and the stripped source line;
/// `__traceback__` makes a traceback and a frame object of it (`TracebackObjects`).
struct TracebackEntry: @unchecked Sendable {
    let code: CodeObject
    /// The frame's module globals (`tb_frame.f_globals`).
    let globals: Globals?
    let line: Int32
    /// The index of the instruction that raised (`tb_lasti` is twice it, as CPython's code units).
    let instruction: Int32

    var fileName: String { code.fileName }
    var function: String { code.name }
}

/// The Swift state of an exception instance: traceback (innermost last), cause and context.
final class ExceptionData: @unchecked Sendable {
    /// The frames the exception left, innermost first.
    var traceback: [TracebackEntry] = []
    /// `traceback` objects made for `__traceback__`, one per entry of `traceback` from the innermost.
    var tracebackObjects: [PyInstance] = []
    var cause: PyInstance?
    var context: PyInstance?
    var suppressContext = false
    /// An AttributeError's `name` as given to its constructor, or the missing attribute's name when lookup
    /// raised it (`AttributeErrors`), and its `obj`.
    var nameValue: Value?
    var missingName: String?
    var attributeObject: Value?
    /// `args` (the message) not made yet: `AttributeErrors.settleArgs` makes it when first read.
    var argsPending = false

    /// A chain of 100,000 `raise … from e` links frees through the trashcan, not one native frame per link.
    deinit {
        var linked: [Value] = []
        if let cause { linked.append(.object(cause)) }
        if let context { linked.append(.object(context)) }
        cause = nil
        context = nil
        Trashcan.release(&linked)
    }
}

/// A raised Python exception travelling through Swift `throws`.
struct PyException: Error, @unchecked Sendable {
    let value: PyInstance

    init(_ value: PyInstance) {
        self.value = value
    }

    var type: PyType { value.type }

    var data: ExceptionData {
        if let d = value.native as? ExceptionData { return d }
        let d = ExceptionData()
        value.native = d
        return d
    }

    /// A new instance of a builtin exception type with one message argument (or none when empty).
    static func make(_ kind: ExceptionKind, _ message: String? = nil) -> PyException {
        make(kind, args: message.map { [.str($0)] } ?? [])
    }

    /// A new instance of a builtin exception type with these `args` (`KeyError(key)`: the key itself, not its text).
    static func make(_ kind: ExceptionKind, args: [Value]) -> PyException {
        let type = kind.type
        let instance: PyInstance
        if type.filledShape != nil {
            // `args` as the one slot of the shape every builtin exception type keeps ready (no attribute store).
            instance = ExceptionConstruction.instance(type, args)
        } else {
            instance = PyInstance(type: type)
            instance.setAttribute("args", .object(PyTuple(args)))
            instance.native = ExceptionData()
        }
        if type.isSubtype(of: ExceptionKind.osError.type) { OSErrors.fill(instance, args) }
        return PyException(instance)
    }

    func matches(_ kind: ExceptionKind) -> Bool { value.type.isSubtype(of: kind.type) }
}

/// The builtin exception classes (Objects/exceptions.c hierarchy, the part our subset raises).
enum ExceptionKind: String, CaseIterable {
    case baseException = "BaseException"
    case systemExit = "SystemExit"
    case keyboardInterrupt = "KeyboardInterrupt"
    case generatorExit = "GeneratorExit"
    case exception = "Exception"
    case stopIteration = "StopIteration"
    case arithmeticError = "ArithmeticError"
    case zeroDivisionError = "ZeroDivisionError"
    case overflowError = "OverflowError"
    case assertionError = "AssertionError"
    case attributeError = "AttributeError"
    case lookupError = "LookupError"
    case indexError = "IndexError"
    case keyError = "KeyError"
    case nameError = "NameError"
    case unboundLocalError = "UnboundLocalError"
    case osError = "OSError"
    case timeoutError = "TimeoutError"
    case connectionError = "ConnectionError"
    case connectionRefusedError = "ConnectionRefusedError"
    case runtimeError = "RuntimeError"
    case recursionError = "RecursionError"
    case notImplementedError = "NotImplementedError"
    case typeError = "TypeError"
    case valueError = "ValueError"
    case unicodeError = "UnicodeError"
    case unicodeDecodeError = "UnicodeDecodeError"
    case importError = "ImportError"
    case moduleNotFoundError = "ModuleNotFoundError"
    case memoryError = "MemoryError"
    case brokenBarrierError = "BrokenBarrierError"
    case syntaxError = "SyntaxError"
    case indentationError = "IndentationError"
    case tabError = "TabError"
    case systemError = "SystemError"
    case referenceError = "ReferenceError"
    case bufferError = "BufferError"
    case eofError = "EOFError"
    case floatingPointError = "FloatingPointError"
    case stopAsyncIteration = "StopAsyncIteration"
    case unicodeEncodeError = "UnicodeEncodeError"
    case unicodeTranslateError = "UnicodeTranslateError"
    case blockingIOError = "BlockingIOError"
    case childProcessError = "ChildProcessError"
    case brokenPipeError = "BrokenPipeError"
    case connectionAbortedError = "ConnectionAbortedError"
    case connectionResetError = "ConnectionResetError"
    case fileExistsError = "FileExistsError"
    case fileNotFoundError = "FileNotFoundError"
    case interruptedError = "InterruptedError"
    case isADirectoryError = "IsADirectoryError"
    case notADirectoryError = "NotADirectoryError"
    case permissionError = "PermissionError"
    case processLookupError = "ProcessLookupError"
    case warning = "Warning"
    case userWarning = "UserWarning"
    case deprecationWarning = "DeprecationWarning"
    case pendingDeprecationWarning = "PendingDeprecationWarning"
    case syntaxWarning = "SyntaxWarning"
    case runtimeWarning = "RuntimeWarning"
    case futureWarning = "FutureWarning"
    case importWarning = "ImportWarning"
    case unicodeWarning = "UnicodeWarning"
    case bytesWarning = "BytesWarning"
    case resourceWarning = "ResourceWarning"
    case encodingWarning = "EncodingWarning"

    var parent: ExceptionKind? {
        switch self {
        case .baseException: nil
        case .systemExit, .keyboardInterrupt, .generatorExit, .exception: .baseException
        case .stopIteration, .arithmeticError, .assertionError, .attributeError, .lookupError, .nameError, .osError,
            .runtimeError, .typeError, .valueError, .importError, .memoryError, .syntaxError, .systemError, .referenceError,
            .bufferError, .eofError, .stopAsyncIteration, .warning: .exception
        case .zeroDivisionError, .overflowError, .floatingPointError: .arithmeticError
        case .indexError, .keyError: .lookupError
        case .unboundLocalError: .nameError
        case .timeoutError, .connectionError, .blockingIOError, .childProcessError, .fileExistsError, .fileNotFoundError,
            .interruptedError, .isADirectoryError, .notADirectoryError, .permissionError, .processLookupError: .osError
        case .connectionRefusedError, .brokenPipeError, .connectionAbortedError, .connectionResetError: .connectionError
        case .recursionError, .notImplementedError, .brokenBarrierError: .runtimeError
        case .unicodeError: .valueError
        case .unicodeDecodeError, .unicodeEncodeError, .unicodeTranslateError: .unicodeError
        case .userWarning, .deprecationWarning, .pendingDeprecationWarning, .syntaxWarning, .runtimeWarning, .futureWarning,
            .importWarning, .unicodeWarning, .bytesWarning, .resourceWarning, .encodingWarning: .warning
        case .moduleNotFoundError: .importError
        case .indentationError: .syntaxError
        case .tabError: .indentationError
        }
    }

    /// Indexed by the case's declaration position: a `[ExceptionKind: PyType]` lookup hashed the raw value
    /// string (~700 instructions) twice per raised exception.
    var type: PyType { BuiltinExceptions.types[ordinal] }

    /// The declaration position, which is how Swift stores a payload-free enum (checked once in
    /// `BuiltinExceptions.types`).
    fileprivate var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}

/// The exception type objects, created once per process (they are immutable after creation).
enum BuiltinExceptions {
    static let types: [PyType] = {
        precondition(MemoryLayout<ExceptionKind>.size == 1 && ExceptionKind.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
        var made: [ExceptionKind: PyType] = [:]
        func make(_ k: ExceptionKind) -> PyType {
            if let t = made[k] { return t }
            let base = k.parent.map(make) ?? BuiltinTypes.object
            let t = PyType(name: k.rawValue, base: base)
            if k == .brokenBarrierError { t.module = "threading" }
            if k == .baseException { installBaseExceptionMethods(t) }
            if k == .syntaxError { SyntaxErrorValue.installMethods(t) }
            if k == .osError { OSErrors.installMethods(t) }
            if k == .unicodeError { UnicodeErrors.installMethods(t) }
            if k == .attributeError { AttributeErrors.install(t) }
            t.filledShape = t.rootShape.adding("args")
            made[k] = t
            return t
        }
        return ExceptionKind.allCases.map(make)
    }()

    static func installBaseExceptionMethods(_ t: PyType) {
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(ExceptionConstruction.baseNew)))
        t.addMethod("__init__") { args, kwargs, _ in
            guard case .object(let o) = args[0], let inst = o as? PyInstance else { return .none }
            if !kwargs.isEmpty { throw PyException.make(.typeError, "\(inst.type.name)() takes no keyword arguments") }
            inst.setAttribute("args", .object(PyTuple(Array(args.dropFirst()))))
            if inst.native == nil { inst.native = ExceptionData() }
            return .none
        }
        t.addMethod("__str__") { args, _, ctx in
            .str(exceptionMessage(args[0], ctx: ctx))
        }
        t.addMethod("__repr__") { args, _, ctx in
            guard case .object(let o) = args[0], let inst = o as? PyInstance else { return .str("") }
            let items = exceptionArgs(inst)
            let inner = items.count == 1 ? try repr(items[0], ctx) : try items.map { try repr($0, ctx) }.joined(separator: ", ")
            return .str("\(inst.type.name)(\(inner))")
        }
        // BaseException_reduce and BaseException_setstate: the class and `args`, then the instance's own
        // attributes when it has any (`args` is not among them: it is not in the instance's `__dict__`).
        t.addMethod("__reduce__") { args, _, ctx in
            guard case .object(let o) = args[0], let inst = o as? PyInstance else { return .none }
            let reduced: [Value] = [.object(inst.type), .object(PyTuple(exceptionArgs(inst)))]
            guard inst.orderedAttributes.contains(where: { $0.0 != "args" }) else { return .object(PyTuple(reduced)) }
            return .object(PyTuple(reduced + [try Attributes.get(args[0], "__dict__", ctx)]))
        }
        t.addMethod("__setstate__") { args, _, ctx in
            guard args.count == 2 else {
                throw PyException.make(.typeError, "BaseException.__setstate__() takes exactly one argument (\(args.count - 1) given)")
            }
            if args[1].isNone { return .none }
            guard case .object(let d as PyDict) = args[1] else { throw PyException.make(.typeError, "state is not a dictionary") }
            for (k, v) in d.entries {
                guard case .object(let name as PyStr) = k else { throw PyException.make(.typeError, "attribute name must be string, not '\(typeName(k))'") }
                try Attributes.set(args[0], name.value, v, ctx)
            }
            return .none
        }
        t.addMethod("with_traceback") { args, _, _ in
            guard args.count == 2 else { throw PyException.make(.typeError, "BaseException.with_traceback() takes exactly one argument (\(args.count - 1) given)") }
            guard case .object(let inst as PyInstance) = args[0] else { return args[0] }
            try TracebackObjects.assign(PyException(inst).data, args[1])
            return args[0]
        }
    }
}

func exceptionArgs(_ inst: PyInstance) -> [Value] {
    AttributeErrors.settleArgs(inst)
    if case .object(let o)? = inst.getAttribute("args"), let t = o as? PyTuple { return t.items }
    return []
}

/// `str(exc)`: empty for no args, `str(arg)` for one (KeyError: `repr(arg)`), the tuple's str otherwise.
func exceptionMessage(_ v: Value, ctx: ExecutionContext) -> String {
    guard case .object(let o) = v, let inst = o as? PyInstance else { return "" }
    let items = exceptionArgs(inst)
    switch items.count {
    case 0: return ""
    case 1:
        if inst.type.isSubtype(of: ExceptionKind.keyError.type) { return (try? repr(items[0], ctx)) ?? "" }
        return (try? str(items[0], ctx)) ?? ""
    default: return (try? repr(.object(PyTuple(items)), ctx)) ?? ""
    }
}
