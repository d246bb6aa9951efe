/// Where in the Python source something happened: one row of `code_locations`, the frame of
/// Perfetto's `stack_profile_frame` (https://perfetto.dev/docs/analysis/sql-tables#stack_profile_frame).
/// Ids count from 1 per run; 0 means "no location".
public struct CodeLocation: Hashable, Sendable {
    public var id: Int32
    /// The source file as the interpreter names it (`co_filename`): the program's path as given, a module's path.
    public var file: String
    /// The line executing in that frame.
    public var line: Int32
    /// The function's qualified name (`co_qualname`: `Worker.run`, `main.<locals>.spin`, `<module>`).
    public var function: String
    /// The line of the function's `def` (`co_firstlineno`; 1 or the first statement for module code).
    public var firstLine: Int32

    public init(id: Int32, file: String, line: Int32, function: String, firstLine: Int32) {
        self.id = id
        self.file = file
        self.line = line
        self.function = function
        self.firstLine = firstLine
    }
}

/// One interned Python stack: its innermost frame (a `CodeLocation`) and the stack of its callers, so
/// stacks share their common prefixes — Perfetto's `stack_profile_callsite`
/// (https://perfetto.dev/docs/analysis/sql-tables#stack_profile_callsite). Ids count from 1 per run;
/// `parent` 0 means the frame is outermost (`depth` 0). A `stack` event (`EventKind.stack`) says which of
/// these a thread's following events happened at.
public struct StackEntry: Hashable, Sendable {
    public var id: Int32
    /// The callers' stack; 0 for the outermost frame.
    public var parent: Int32
    /// The innermost frame.
    public var location: Int32
    /// Frames below this one: 0 for the outermost.
    public var depth: Int32

    public init(id: Int32, parent: Int32, location: Int32, depth: Int32) {
        self.id = id
        self.parent = parent
        self.location = location
        self.depth = depth
    }
}

extension EventKind {
    /// Whether a recorder announces the thread's stack (a `stack` event, when it changed) before this
    /// event: the events whose *where* the analysis asks (docs/contracts.md, "Stacks").
    @inlinable
    public var carriesStack: Bool {
        switch self {
        case .gilRequest, .gilAcquire, .gilRelease, .lockRequest, .lockAcquire, .lockRelease, .ioBegin, .mark: true
        case .threadStart, .threadEnd, .gilDropRequest, .ioEnd, .osCtx, .stack: false
        }
    }
}
