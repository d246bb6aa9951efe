import PythonSyntax

/// `from __future__ import …` checks (Python/future.c): only at the top of a module (after the docstring
/// and other future imports), only known features. Every feature is mandatory in 3.11 except
/// `annotations` (PEP 563: a function's annotations are kept as strings instead of evaluated).
enum FutureFeatures {
    static let known: Set<String> = [
        "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
        "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
    ]

    /// Checks the module's future imports; true when it imports `annotations`.
    @discardableResult
    static func check(_ m: Module, source: String) throws(SyntaxError) -> Bool {
        // The source is split into lines only for an error (splitting every module was a tenth of compiling it).
        func error(_ message: String, _ s: Statement) -> SyntaxError {
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            let i = Int(s.location.line) - 1
            return SyntaxError(message, fileName: m.fileName, location: s.location, sourceLine: i >= 0 && i < lines.count ? String(lines[i]) : "")
        }
        var atTop = true
        var annotations = false
        for (k, s) in m.body.enumerated() {
            guard case .importFrom(let module, let names, let level) = s.kind, level == 0, module == "__future__" else {
                // The docstring may come first; anything else ends the future-import prologue.
                if k == 0, case .expression(let e) = s.kind, case .constant(.string) = e.kind { continue }
                atTop = false
                continue
            }
            if !atTop { throw error("from __future__ imports must occur at the beginning of the file", s) }
            for a in names {
                if a.name == "braces" { throw error("not a chance", s) }
                if !known.contains(a.name) { throw error("future feature \(a.name) is not defined", s) }
                if a.name == "annotations" { annotations = true }
            }
        }
        try checkNested(m.body, error)
        return annotations
    }

    /// A future import inside a function or class body is misplaced too.
    private static func checkNested(_ body: [Statement], _ error: (String, Statement) -> SyntaxError) throws(SyntaxError) {
        for s in body {
            switch s.kind {
            case .functionDef(let f): try inner(f.body, error)
            case .classDef(let c): try inner(c.body, error)
            default: break
            }
        }
    }

    private static func inner(_ body: [Statement], _ error: (String, Statement) -> SyntaxError) throws(SyntaxError) {
        for s in body {
            if case .importFrom(let module, _, let level) = s.kind, level == 0, module == "__future__" {
                throw error("from __future__ imports must occur at the beginning of the file", s)
            }
        }
        try checkNested(body, error)
    }
}
