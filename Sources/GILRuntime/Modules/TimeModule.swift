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
        case .object(let o as PyBigInt): return Double(o.value)
        default: throw PyException.make(.typeError, "'\(typeName(v))' object cannot be interpreted as an integer")
        }
    }

    /// Seconds → nanoseconds (Python/pytime.c _PyTime_FromSecondsObject): NaN is a ValueError, more than
    /// 2**63 ns (292 years) an OverflowError, as in CPython.
    static func nanoseconds(_ s: Double) throws -> Int64 {
        if s.isNaN { throw PyException.make(.valueError, "Invalid value NaN (not a number)") }
        let ns = (s * 1e9).rounded(.up)
        guard ns > -9.223372036854775e18, ns < 9.223372036854775e18 else {
            throw PyException.make(.overflowError, "timestamp out of range for platform time_t")
        }
        return Int64(ns)
    }

    /// A duration argument (sleep, timeouts) in nanoseconds; an int too large has its own message in CPython.
    static func durationNs(_ v: Value) throws -> Int64 {
        switch v {
        case .int(let i):
            let (ns, overflow) = i.multipliedReportingOverflow(by: 1_000_000_000)
            if overflow { throw PyException.make(.overflowError, "timestamp too large to convert to C _PyTime_t") }
            return Int64(ns)
        case .object(let o) where o.tag == .bigint:
            throw PyException.make(.overflowError, "timestamp too large to convert to C _PyTime_t")
        default:
            return try nanoseconds(try seconds(v))
        }
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
            // A signal handler due in the main thread runs during the sleep (it may raise); the sleep then goes
            // on for what is left, as CPython's pysleep after EINTR.
            _ = try ThreadingModule.waitRunningHandlers(ctx, timeoutNs: try durationNs(args[0])) { left in
                ctx.ts.sleep(ns: left ?? 0)
                return false
            }
            return .none
        }
        installCalendar(m)
        return m
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
