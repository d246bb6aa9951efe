import BigInt

extension CodeArchive {
    /// The program in `file` if it is a whole, undamaged archive of this layout whose key is `key`, else nil.
    /// `sourceLines` is what the program's tracebacks read (the source is not in the archive).
    static func decode(_ file: UnsafeRawBufferPointer, key: [UInt8], fileName: String, checkMode: CheckMode,
                       sourceLines: SourceLines) -> CompiledProgram? {
        guard file.count >= headerSize, Array(file[0..<8]) == magic else { return nil }
        var header = CodeArchiveReader(file, offset: 8)
        do {
            guard UInt32(bitPattern: try header.i32()) == formatVersion else { return nil }
            let length = try header.u64()
            let sum = try header.u64()
            guard length == UInt64(file.count - headerSize) else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: file[headerSize...])
            guard checksum(body) == sum else { return nil }
            var r = CodeArchiveReader(body)
            guard try r.raw() == key else { return nil }
            let globalNames = try r.strings()
            let module = try decodeCode(&r)
            guard r.atEnd, module.kind == .module else { return nil }
            return CompiledProgram(module: module, globalNames: globalNames, fileName: fileName, sourceLines: sourceLines,
                                   checkMode: checkMode)
        } catch {
            return nil
        }
    }

    private static func decodeCode(_ r: inout CodeArchiveReader) throws(Damaged) -> CodeObject {
        let kind: CodeObject.Kind
        switch try r.u8() {
        case 0: kind = .module
        case 1: kind = .function
        case 2: kind = .classBody
        default: throw Damaged()
        }
        let name = try r.string(), qualifiedName = try r.string(), fileName = try r.string()
        let code = CodeObject(kind: kind, name: name, qualifiedName: qualifiedName, fileName: fileName, firstLine: try r.i32())
        let n = try r.count()
        var instructions: [Instruction] = []
        instructions.reserveCapacity(n)
        for _ in 0..<n {
            guard let op = Opcode(rawValue: try r.u8()) else { throw Damaged() }
            let d = try r.u16()
            let a = try r.i32(), b = try r.i32(), c = try r.i32()
            instructions.append(Instruction(op, a, b, c, d: d))
        }
        code.instructions = instructions
        code.lines = try r.int32s()
        guard code.lines.count == instructions.count else { throw Damaged() }
        let constantCount = try r.count()
        code.constants.reserveCapacity(constantCount)
        for _ in 0..<constantCount { code.constants.append(try decodeConstant(&r)) }
        code.names = try r.strings()
        let handlers = try r.count()
        for _ in 0..<handlers {
            code.exceptionTable.append(ExceptionTableEntry(start: try r.i32(), end: try r.i32(), handler: try r.i32(), depth: try r.i32()))
        }
        code.localCount = try r.i32()
        code.constantBase = try r.i32()
        code.frameSize = try r.i32()
        guard code.localCount >= 0, code.constantBase >= code.localCount,
              Int(code.frameSize) == Int(code.constantBase) + code.constants.count else { throw Damaged() }
        code.parameterNames = try r.strings()
        code.positionalCount = try r.int()
        code.positionalOnlyCount = try r.int()
        code.keywordOnlyCount = try r.int()
        let f = try r.u16()
        code.hasVarArgs = f & 1 != 0
        code.hasVarKeywords = f & 2 != 0
        code.usesSuper = f & 4 != 0
        code.resumeChecks = f & 8 != 0
        code.needsUnboundMarkers = f & 16 != 0
        code.isGenerator = f & 32 != 0
        code.isCoroutine = f & 64 != 0
        code.isAsyncGenerator = f & 128 != 0
        code.cellRegisters = try r.int32s()
        code.freeRegisters = try r.int32s()
        code.docstring = try r.bool() ? try r.string() : nil
        let assigned = try r.count()
        for _ in 0..<assigned {
            let pc = try r.i32()
            code.assignmentNames[pc] = try r.string()
        }
        code.seal()
        return code
    }

    private static func decodeConstant(_ r: inout CodeArchiveReader) throws(Damaged) -> Value {
        guard let tag = Tag(rawValue: try r.u8()) else { throw Damaged() }
        switch tag {
        case .none: return .none
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .int: return .int(try r.int())
        case .float: return .float(Double(bitPattern: try r.u64()))
        case .str: return .str(try r.string())
        case .bytes: return .object(PyBytes(try r.raw()))
        case .bigInt:
            guard let b = BigInt(try r.string(), radix: 16) else { throw Damaged() }
            return .object(PyBigInt(b))
        case .complex: return .object(PyComplex(Double(bitPattern: try r.u64()), Double(bitPattern: try r.u64())))
        case .ellipsis: return .object(BuiltinTypes.ellipsis)
        case .asyncForEnd: return .object(Coroutines.asyncForEnd)
        case .tuple:
            let n = try r.count()
            var items: [Value] = []
            items.reserveCapacity(n)
            for _ in 0..<n { items.append(try decodeConstant(&r)) }
            return .object(PyTuple(items))
        case .code: return .object(CodeConstant(try decodeCode(&r)))
        }
    }
}
