#if canImport(Glibc)
import Glibc
#endif

/// `time`'s calendar half (Modules/timemodule.c): `struct_time` (a struct sequence with `tm_zone` and
/// `tm_gmtoff`), `localtime`/`gmtime`, `mktime`, `asctime`/`ctime`, `strftime` over libc's, `strptime`
/// through CPython's Lib/_strptime.py, and `timezone`/`altzone`/`daylight`/`tzname` as the C library sets them.
extension TimeModule {
    static let structTime = StructSequence.makeType(
        "time.struct_time", fields: ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"],
        extraFields: ["tm_zone", "tm_gmtoff"])

    static func installCalendar(_ m: PyModule) {
        m.dict["struct_time"] = .object(structTime)
        m.dict["_STRUCT_TM_ITEMS"] = .int(11)
        // timezone/altzone/daylight/tzname from January and July of this year (timemodule.c's computation
        // where the C globals are not used; the same answers for a zone with one DST rule)
        var now = Glibc.time(nil)
        var today = tm()
        _ = localtime_r(&now, &today)
        func probe(_ month: Int32) -> (offset: Int, zone: String) {
            var parts = tm()
            parts.tm_year = today.tm_year
            parts.tm_mon = month
            parts.tm_mday = 1
            parts.tm_isdst = -1
            var t = Glibc.mktime(&parts)
            var local = tm()
            _ = localtime_r(&t, &local)
            return (Int(local.tm_gmtoff), local.tm_zone.map { String(cString: $0) } ?? "")
        }
        let january = probe(0), july = probe(6)
        let (standard, summer) = january.offset <= july.offset ? (january, july) : (july, january)
        m.dict["timezone"] = .int(-standard.offset)
        m.dict["altzone"] = .int(-summer.offset)
        m.dict["daylight"] = .int(january.offset != july.offset ? 1 : 0)
        m.dict["tzname"] = .object(PyTuple([.str(standard.zone), .str(summer.zone)]))
        m.addFunction("localtime") { args, _, _ in try broken(args, utc: false) }
        m.addFunction("gmtime") { args, _, _ in try broken(args, utc: true) }
        m.addFunction("mktime") { args, _, ctx in
            var parts = try tmFrom(try argument(args, "mktime"), ctx, function: "mktime")
            parts.tm_wday = -1  // sentinel: mktime sets it on success
            let t = Glibc.mktime(&parts)
            if t == -1 && parts.tm_wday == -1 { throw PyException.make(.overflowError, "mktime argument out of range") }
            return .float(Double(t))
        }
        m.addFunction("asctime") { args, _, ctx in
            let parts = args.isEmpty ? try tmFrom(try broken([], utc: false), ctx, function: "asctime") : try tmFrom(args[0], ctx, function: "asctime")
            return .str(asctime(parts))
        }
        m.addFunction("ctime") { args, _, ctx in .str(asctime(try tmFrom(try broken(args, utc: false), ctx, function: "ctime"))) }
        m.addFunction("strftime") { args, _, ctx in
            guard case .object(let f as PyStr)? = args.first else { throw PyException.make(.typeError, "strftime() argument 1 must be str") }
            var parts = try tmFrom(args.count > 1 ? args[1] : try broken([], utc: false), ctx, function: "strftime", check: true)
            var buffer = [CChar](repeating: 0, count: 1024)
            let n = Glibc.strftime(&buffer, buffer.count, f.value, &parts)
            return .str(String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        m.addFunction("strptime") { args, kw, ctx in
            // as timemodule.c: the work is Lib/_strptime.py's
            let module = try ctx.runtime.modules.importModule("_strptime", top: false, ctx)
            return try ctx.call(try Attributes.get(module, "_strptime_time", ctx), args, kwargs: kw)
        }
    }

    private static func argument(_ args: [Value], _ function: String) throws -> Value {
        guard let v = args.first else { throw PyException.make(.typeError, "\(function)() takes exactly one argument (0 given)") }
        return v
    }

    /// `localtime(secs)`/`gmtime(secs)` as a struct_time.
    static func broken(_ args: [Value], utc: Bool) throws -> Value {
        var t = Glibc.time(nil)
        if let v = args.first, !v.isNone {
            let s = try seconds(v)
            if s.isNaN { throw PyException.make(.valueError, "Invalid value NaN (not a number)") }
            guard let whole = Int(exactly: s.rounded(.down)) else {
                throw PyException.make(.overflowError, "timestamp out of range for platform time_t")
            }
            t = time_t(whole)
        }
        var parts = tm()
        let converted = utc ? gmtime_r(&t, &parts) : localtime_r(&t, &parts)
        if converted == nil { throw PyException.make(.overflowError, "timestamp out of range for platform time_t") }
        let weekday = (Int(parts.tm_wday) + 6) % 7
        let items: [Value] = [Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
                              Int(parts.tm_sec), weekday, Int(parts.tm_yday) + 1, Int(parts.tm_isdst)].map { .int($0) }
        let zone: Value = parts.tm_zone.map { .str(String(cString: $0)) } ?? .none
        return .object(StructSequence.instance(structTime, items, extras: [zone, .int(Int(parts.tm_gmtoff))]))
    }

    /// A 9-sequence (or struct_time) as C's `struct tm`, with timemodule.c's checks when `check`.
    static func tmFrom(_ v: Value, _ ctx: ExecutionContext, function: String, check: Bool = false) throws -> tm {
        let fields = try collect(v, ctx).map { v -> Int32 in
            guard let i = Int32(exactly: try Index.value(v, ctx)) else {
                throw PyException.make(.overflowError, "signed integer is greater than maximum")
            }
            return i
        }
        guard fields.count == 9, fields[0] >= Int32.min + 1900 else {
            throw PyException.make(.typeError, "\(function)(): illegal time tuple argument")
        }
        if check {
            // Modules/timemodule.c checktm: out-of-range fields would index glibc's name tables.
            let ranges: [(Int, ClosedRange<Int32>, String)] = [
                (1, 0...12, "month out of range"), (2, 0...31, "day of month out of range"), (3, 0...23, "hour out of range"),
                (4, 0...59, "minute out of range"), (5, 0...61, "seconds out of range"), (7, 0...366, "day of year out of range"),
            ]
            for (i, range, message) in ranges where !range.contains(fields[i]) { throw PyException.make(.valueError, message) }
            // gettmarg stores (wday + 1) % 7 with C's remainder, so only wday < -1 ends up negative.
            if (Int(fields[6]) + 1) % 7 < 0 { throw PyException.make(.valueError, "day of week out of range") }
        }
        var parts = tm()
        parts.tm_year = Int32(fields[0] - 1900)
        parts.tm_mon = check ? max(fields[1] - 1, 0) : fields[1] - 1
        parts.tm_mday = check ? max(fields[2], 1) : fields[2]
        parts.tm_hour = fields[3]
        parts.tm_min = fields[4]
        parts.tm_sec = fields[5]
        parts.tm_wday = Int32((Int(fields[6]) + 1) % 7)
        parts.tm_yday = check ? max(fields[7] - 1, 0) : fields[7] - 1
        parts.tm_isdst = max(-1, min(fields[8], 1))
        return parts
    }

    /// `asctime`'s fixed format (timemodule.c's _asctime, not libc's, which appends a newline).
    static func asctime(_ t: tm) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = days[Int((t.tm_wday % 7 + 7) % 7)], month = months[Int((t.tm_mon % 12 + 12) % 12)]
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let mday = t.tm_mday < 10 ? " \(t.tm_mday)" : "\(t.tm_mday)"
        return "\(day) \(month) \(mday) \(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec)) \(Int(t.tm_year) + 1900)"
    }
}
