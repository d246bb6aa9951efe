// Lexer goes here (PythonSyntax helper).
