/// `_json`, the native half of `json` (CPython's Modules/_json.c): `encode` (JSONEncoding) and `decode`
/// (JSONDecoding). `json` itself (JSONSource) stays in Python for its argument handling and error class.
enum JSONAccelerator {
    static func make() -> PyModule {
        let m = PyModule(name: "_json")
        /// encode(obj, indent, item_separator, key_separator, sort_keys, skipkeys, ensure_ascii, allow_nan,
        ///        check_circular, coerce, default)
        m.dict["encode"] = .object(PyBuiltinFunction("encode", minimumArguments: 11) { a, _, ctx in
            guard case .object(let itemSep as PyStr) = a[2], case .object(let keySep as PyStr) = a[3] else {
                throw PyException.make(.typeError, "separators must be strs")
            }
            var encoding = try JSONEncoding(
                indent: a[1], itemSeparator: itemSep.value, keySeparator: keySep.value, sortKeys: try truthy(a[4], ctx),
                skipKeys: try truthy(a[5], ctx), ensureASCII: try truthy(a[6], ctx), allowNaN: try truthy(a[7], ctx),
                checkCircular: try truthy(a[8], ctx), coerce: a[9], defaultFunction: a[10], ctx: ctx)
            return try encoding.document(a[0])
        })
        /// decode(s, strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, error_class)
        m.dict["decode"] = .object(PyBuiltinFunction("decode", minimumArguments: 8) { a, _, ctx in
            guard case .object(let s as PyStr) = a[0] else {
                throw PyException.make(.typeError, "the JSON object must be str, bytes or bytearray, not \(typeName(a[0]))")
            }
            let decoding = JSONDecoding(
                text: s, strict: try truthy(a[1], ctx), objectHook: a[2], objectPairsHook: a[3], parseFloat: a[4], parseInt: a[5],
                parseConstant: a[6], errorClass: a[7], ctx: ctx)
            return try decoding.document()
        })
        return m
    }
}
