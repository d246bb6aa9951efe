#if canImport(Glibc)
import Glibc
#endif
import GILTrace

/// `time` (Modules/timemodule.c): clocks, and `sleep` with the GIL released (`ThreadState.sleep`).
enum TimeModule {
    static func seconds(_ v: Value) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: throw PyException.make(.typeError, "'\(typeName(v))' object cannot be interpreted as an integer")
        }
    }

    /// Seconds → nanoseconds, clamped (a year and more sleeps "forever"); NaN is a ValueError as in CPython.
    static func nanoseconds(_ s: Double) throws -> Int64 {
        if s.isNaN { throw PyException.make(.valueError, "Invalid value NaN (not a number)") }
        return Int64(min(max(s, -9e9), 9e9) * 1e9)
    }

    static func clock(_ id: clockid_t) -> Int64 {
        var t = timespec()
        clock_gettime(id, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }

    static func make() -> PyModule {
        let m = PyModule(name: "time")
        m.addFunction("time") { _, _, _ in .float(Double(clock(CLOCK_REALTIME)) / 1e9) }
        m.addFunction("time_ns") { _, _, _ in .int(Int(clock(CLOCK_REALTIME))) }
        m.addFunction("perf_counter") { _, _, _ in .float(Double(clock(CLOCK_MONOTONIC)) / 1e9) }
        m.addFunction("perf_counter_ns") { _, _, _ in .int(Int(clock(CLOCK_MONOTONIC))) }
        m.addFunction("monotonic") { _, _, _ in .float(Double(clock(CLOCK_MONOTONIC)) / 1e9) }
        m.addFunction("monotonic_ns") { _, _, _ in .int(Int(clock(CLOCK_MONOTONIC))) }
        m.addFunction("process_time") { _, _, _ in .float(Double(clock(CLOCK_PROCESS_CPUTIME_ID)) / 1e9) }
        m.addFunction("thread_time") { _, _, _ in .float(Double(clock(CLOCK_THREAD_CPUTIME_ID)) / 1e9) }
        m.addFunction("sleep") { args, _, ctx in
            guard args.count == 1 else { throw PyException.make(.typeError, "time.sleep() takes exactly one argument (\(args.count) given)") }
            let s = try seconds(args[0])
            if s < 0 { throw PyException.make(.valueError, "sleep length must be non-negative") }
            ctx.ts.sleep(ns: try nanoseconds(s))
            try ThreadingModule.checkInterrupt(ctx)
            return .none
        }
        installCalendar(m)
        return m
    }

    /// `localtime`/`gmtime` as 9-tuples (struct_time's fields in order) and `strftime` over libc's.
    static func installCalendar(_ m: PyModule) {
        func broken(_ args: [Value], utc: Bool) throws -> Value {
            var t = Glibc.time(nil)
            if let v = args.first, !v.isNone { t = time_t(Int(try seconds(v))) }
            var parts = tm()
            if utc { gmtime_r(&t, &parts) } else { localtime_r(&t, &parts) }
            let weekday = (Int(parts.tm_wday) + 6) % 7
            return .object(PyTuple([Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
                                    Int(parts.tm_sec), weekday, Int(parts.tm_yday) + 1, Int(parts.tm_isdst)].map { .int($0) }))
        }
        m.addFunction("localtime") { args, _, _ in try broken(args, utc: false) }
        m.addFunction("gmtime") { args, _, _ in try broken(args, utc: true) }
        m.addFunction("strftime") { args, _, ctx in
            guard case .object(let f as PyStr)? = args.first else { throw PyException.make(.typeError, "strftime() argument 1 must be str") }
            let fields = try collect(args.count > 1 ? args[1] : try broken([], utc: false), ctx).map { indexValue($0) ?? 0 }
            guard fields.count >= 9 else { throw PyException.make(.typeError, "strftime(): illegal time tuple argument") }
            var parts = tm()
            parts.tm_year = Int32(fields[0] - 1900)
            parts.tm_mon = Int32(fields[1] - 1)
            parts.tm_mday = Int32(fields[2])
            parts.tm_hour = Int32(fields[3])
            parts.tm_min = Int32(fields[4])
            parts.tm_sec = Int32(fields[5])
            parts.tm_wday = Int32((fields[6] + 1) % 7)
            parts.tm_yday = Int32(fields[7] - 1)
            parts.tm_isdst = Int32(fields[8])
            var buffer = [CChar](repeating: 0, count: 512)
            let n = Glibc.strftime(&buffer, buffer.count, f.value, &parts)
            return .str(String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }
}

/// `gilrec`: markers in the trace (`mark`) and phases (`with gilrec.phase("name"):`).
enum GILRecModule {
    static func make() -> PyModule {
        let m = PyModule(name: "gilrec")
        m.addFunction("mark") { args, _, ctx in
            let label = try str(args.first ?? .str(""), ctx)
            ctx.ts.emit(.mark, obj: ctx.runtime.recorder.label(label), arg: MarkPhase.point.rawValue)
            return .none
        }
        let phaseType = PyType(name: "phase", base: BuiltinTypes.object, module: "gilrec")
        phaseType.construct = { t, args, _, ctx in
            let p = PyInstance(type: t)
            p.attributes["name"] = .str(try str(args.first ?? .str(""), ctx))
            return .object(p)
        }
        func emit(_ v: Value, _ phase: MarkPhase, _ ctx: ExecutionContext) throws {
            guard case .object(let p as PyInstance) = v, let n = p.attributes["name"] else { return }
            ctx.ts.emit(.mark, obj: ctx.runtime.recorder.label(try str(n, ctx)), arg: phase.rawValue)
        }
        phaseType.addMethod("__enter__") { args, _, ctx in
            try emit(args[0], .begin, ctx)
            return args[0]
        }
        phaseType.addMethod("__exit__") { args, _, ctx in
            try emit(args[0], .end, ctx)
            return .bool(false)
        }
        m.dict["phase"] = .object(phaseType)
        return m
    }
}
