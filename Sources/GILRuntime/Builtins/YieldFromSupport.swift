/// The value of a `yield from` expression: what the inner generator returned (PEP 380). The compiler calls
/// this hidden builtin on the exhausted iterator after its loop, so no new opcode is needed.
enum YieldFromSupport {
    static let resultFunctionName = "__yield_from_result__"

    static let resultFunction = PyBuiltinFunction(resultFunctionName, minimumArguments: 1) { args, _, _ in
        if case .object(let g as PyGenerator) = args[0] { return g.returned }
        return .none
    }
}
