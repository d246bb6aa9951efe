import GILCore
import PythonSyntax

/// A parsed and compiled program, ready to run (any number of times, on any thread).
public struct CompiledProgram: @unchecked Sendable {
    let module: CodeObject
    let globalNames: [String]
    let fileName: String
    let sourceLines: SourceLines
    let checkMode: CheckMode

    func sourceLine(_ line: Int32) -> String { sourceLines.line(line) ?? "" }
}

/// Source → AST (PythonSyntax) → register bytecode.
public enum PythonCompiler {
    public static func compile(source: String, fileName: String) throws(SyntaxError) -> CompiledProgram {
        try compile(source: source, fileName: fileName, checkMode: .py310)
    }

    /// Parses and compiles on a thread with a large stack (`NativeStack.run(onLargeStack:)`): both recurse on
    /// the program's nesting, which the parser bounds, but a bound generous enough for real programs is
    /// deeper than the 8 MiB main thread can take in a debug build.
    /// `seedGlobals`: the global slots of the module this code will run in (`exec` into an existing module);
    /// they keep their numbers and new names follow them.
    package static func compile(
        source: String, fileName: String, checkMode: CheckMode, seedGlobals: [String] = []
    ) throws(SyntaxError) -> CompiledProgram {
        try NativeStack.run(onLargeStack: { () throws(SyntaxError) -> CompiledProgram in
            try compileHere(source: source, fileName: fileName, checkMode: checkMode, seedGlobals: seedGlobals)
        })
    }

    private static func compileHere(source: String, fileName: String, checkMode: CheckMode, seedGlobals: [String]) throws(SyntaxError) -> CompiledProgram {
        let module = try PythonParser.parse(source: source, fileName: fileName)
        let (code, names, context) = try ModuleCompiler.compile(module, source: source, checkMode: checkMode, seedGlobals: seedGlobals)
        return CompiledProgram(module: code, globalNames: names, fileName: fileName, sourceLines: context.sourceLines, checkMode: checkMode)
    }

    /// Parses `source`, lets `rewrite` change the tree (eval's expression becomes an assignment), compiles —
    /// all on the large stack.
    package static func compile(
        source: String, fileName: String, rewrite: @escaping (inout Module) throws(SyntaxError) -> Void
    ) throws(SyntaxError) -> CompiledProgram {
        try NativeStack.run(onLargeStack: { () throws(SyntaxError) -> CompiledProgram in
            var module = try PythonParser.parse(source: source, fileName: fileName)
            try rewrite(&module)
            let (code, names, context) = try ModuleCompiler.compile(module, source: source, checkMode: .py310)
            return CompiledProgram(module: code, globalNames: names, fileName: fileName, sourceLines: context.sourceLines, checkMode: .py310)
        })
    }

    /// The disassembly of every code object in the program (`gilrec` debugging, tests).
    package static func disassemble(_ program: CompiledProgram) -> String {
        Disassembler.dump(program.module)
    }
}
