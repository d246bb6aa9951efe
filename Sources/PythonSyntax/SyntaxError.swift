/// A syntax error with CPython's shape: `FILE:LINE:COL: SyntaxError: message`, then the source line and a
/// caret under the column; a construct we do not implement reads `not supported yet: <what> at FILE:LINE:COL`
/// instead, so it is never mistaken for a mistake in the program. Thrown by the lexer and the parser; the compiler throws `SyntaxError` too for
/// "not supported yet" constructs, with `isUnsupported` set, so every stage reports locations one way.
public struct SyntaxError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var fileName: String
    public var location: SourceLocation
    /// The offending source line without its newline ("" when unknown).
    public var sourceLine: String
    /// True for valid Python that our runtime does not implement yet.
    public var isUnsupported: Bool

    public init(_ message: String, fileName: String, location: SourceLocation, sourceLine: String = "", isUnsupported: Bool = false) {
        self.message = message
        self.fileName = fileName
        self.location = location
        self.sourceLine = sourceLine
        self.isUnsupported = isUnsupported
    }

    /// `not supported yet: <what>` at a location.
    public static func unsupported(_ what: String, fileName: String, location: SourceLocation, sourceLine: String = "") -> SyntaxError {
        SyntaxError("not supported yet: \(what)", fileName: fileName, location: location, sourceLine: sourceLine, isUnsupported: true)
    }

    public var description: String {
        let head = isUnsupported
            ? "\(message) at \(fileName):\(location.line):\(location.column)"
            : "\(fileName):\(location.line):\(location.column): SyntaxError: \(message)"
        guard !sourceLine.isEmpty else { return head }
        let trimmed = sourceLine.drop { $0 == " " || $0 == "\t" }
        let removed = sourceLine.count - trimmed.count
        let caretColumn = max(0, Int(location.column) - 1 - removed)
        return head + "\n    " + trimmed + "\n    " + String(repeating: " ", count: caretColumn) + "^"
    }
}
