/// `b[a:b:c]` of exact bytes with int/None bounds, from the slice registers (`Interpreter.loadSlice`): no
/// `PySlice` and no class cast chain, and CPython's results (bytes_subscript): the shared empty and
/// one-byte objects for lengths 0 and 1, the object itself for the whole of an exact bytes. Lib/base64.py's
/// b32 codecs slice every 5- and 8-byte group.
enum BytesSlicing {
    static func slice(_ b: PyBytes, lower: Int?, upper: Int?, step: Int?) throws -> Value {
        let value = b.value
        let (start, _, step, count) = try PySlice.adjust(lower: lower, upper: upper, step: step, length: value.count)
        if count <= 0 { return .object(BytesConstructors.emptyBytes) }
        if count == 1 { return .object(BytesConstructors.singleBytes[Int(value[start])]) }
        if count == value.count && step == 1 && b.tag == .bytes { return .object(b) }
        if step == 1 { return .object(PyBytes(Array(value[start..<(start + count)]))) }
        return .object(PyBytes(Subscript.sliceItems(value, start: start, step: step, count: count)))
    }
}
