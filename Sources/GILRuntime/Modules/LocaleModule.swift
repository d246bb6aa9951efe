#if canImport(Glibc)
import Glibc
#endif

/// `_locale` (Modules/_localemodule.c), under CPython's `locale.py`: the program runs in the process's locale as
/// gilrec started it (setlocale is not called by our runtime, so it is "C" until the program sets one), with
/// UTF-8 as the encoding, as CPython 3.11 answers in UTF-8 mode. `setlocale` changes the process's locale
/// (every thread's, as in CPython); `localeconv` and `nl_langinfo` read the C library's answers.
enum LocaleModule {
    static func make() -> PyModule {
        let m = PyModule(name: "_locale")
        let categories: [(String, Int32)] = [
            ("LC_CTYPE", LC_CTYPE), ("LC_COLLATE", LC_COLLATE), ("LC_TIME", LC_TIME), ("LC_MONETARY", LC_MONETARY),
            ("LC_NUMERIC", LC_NUMERIC), ("LC_ALL", LC_ALL), ("LC_MESSAGES", LC_MESSAGES),
        ]
        for (name, v) in categories { m.dict[name] = .int(Int(v)) }
        m.dict["CHAR_MAX"] = .int(127)
        m.dict["CODESET"] = .int(Int(CODESET))
        let error = PyType(name: "Error", base: ExceptionKind.valueError.type, module: "locale")
        m.dict["Error"] = .object(error)
        m.addFunction("getencoding") { _, _, _ in .str("UTF-8") }
        m.addFunction("setlocale") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["category", "locale"], required: 1, function: "setlocale")
            let category = Int32(try Index.cInt(args.value(0)!, ctx))
            var result: UnsafeMutablePointer<CChar>?
            if let v = args.value(1), !v.isNone {
                guard case .object(let s as PyStr) = v else { throw PyException.make(.typeError, "setlocale() argument 2 must be str or None, not \(typeName(v))") }
                result = Glibc.setlocale(category, s.value)
                if result == nil {
                    let instance = PyInstance(type: error)
                    instance.native = ExceptionData()
                    instance.attributes["args"] = .object(PyTuple([.str("unsupported locale setting")]))
                    throw PyException(instance)
                }
            } else {
                result = Glibc.setlocale(category, nil)
            }
            return result.map { .str(String(cString: $0)) } ?? .none
        }
        m.addFunction("nl_langinfo") { a, _, ctx in
            let key = try Index.cInt(a.first ?? .none, ctx)
            if key == Int(CODESET) { return .str("UTF-8") }
            guard let p = Glibc.nl_langinfo(nl_item(key)) else { return .str("") }
            return .str(String(cString: p))
        }
        m.addFunction("localeconv") { _, _, _ in
            let d = PyDict()
            guard let c = Glibc.localeconv()?.pointee else { return .object(d) }
            func text(_ p: UnsafeMutablePointer<CChar>?) -> Value { .str(p.map { String(cString: $0) } ?? "") }
            func grouping(_ p: UnsafeMutablePointer<CChar>?) -> Value {
                guard let p else { return .object(PyList([])) }
                var out: [Value] = []
                var k = 0
                while p[k] != 0 && p[k] != CChar(127) {
                    out.append(.int(Int(p[k])))
                    k += 1
                }
                if p[k] == 0, !out.isEmpty { out.append(.int(0)) }
                if p[k] == CChar(127) { out.append(.int(127)) }
                return .object(PyList(out))
            }
            let entries: [(String, Value)] = [
                ("decimal_point", text(c.decimal_point)), ("thousands_sep", text(c.thousands_sep)), ("grouping", grouping(c.grouping)),
                ("int_curr_symbol", text(c.int_curr_symbol)), ("currency_symbol", text(c.currency_symbol)),
                ("mon_decimal_point", text(c.mon_decimal_point)), ("mon_thousands_sep", text(c.mon_thousands_sep)),
                ("mon_grouping", grouping(c.mon_grouping)), ("positive_sign", text(c.positive_sign)), ("negative_sign", text(c.negative_sign)),
                ("int_frac_digits", .int(Int(c.int_frac_digits))), ("frac_digits", .int(Int(c.frac_digits))),
                ("p_cs_precedes", .int(Int(c.p_cs_precedes))), ("p_sep_by_space", .int(Int(c.p_sep_by_space))),
                ("n_cs_precedes", .int(Int(c.n_cs_precedes))), ("n_sep_by_space", .int(Int(c.n_sep_by_space))),
                ("p_sign_posn", .int(Int(c.p_sign_posn))), ("n_sign_posn", .int(Int(c.n_sign_posn))),
            ]
            for (k, v) in entries { try d.set(.str(k), v) }
            return .object(d)
        }
        m.addFunction("strcoll") { a, _, _ in
            guard a.count == 2, case .object(let x as PyStr) = a[0], case .object(let y as PyStr) = a[1] else {
                throw PyException.make(.typeError, "strcoll expected 2 str arguments")
            }
            return .int(Int(Glibc.strcoll(x.value, y.value)))
        }
        m.addFunction("strxfrm") { a, _, _ in
            guard case .object(let s as PyStr)? = a.first else { throw PyException.make(.typeError, "strxfrm() argument must be str") }
            return .str(s.value)
        }
        return m
    }
}
