#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CClock
import GILTrace

/// The timestamp an event carries from its ring to the drain: the CPU's cycle counter when the kernel itself
/// trusts it, else `CLOCK_MONOTONIC` nanoseconds.
///
/// Why: in the lock-heavy benchmark (3 events per `with lock:` iteration, ~850 ns each) a `clock_gettime`
/// per event cost 45–64 ns through the vDSO here, ~15 % of the traced program's time. The vDSO itself reads
/// the time-stamp counter and scales it (Linux arch/x86/entry/vdso/vclock_gettime.c); we read the counter
/// (`rdtsc`, `CClock.h`) and leave the scaling to the drain thread (`TickConverter`), off the hot path.
/// The counter is used only when the kernel's clocksource is `tsc`, i.e. the kernel found it invariant and
/// synchronised across CPUs (Documentation/admin-guide/kernel-parameters.txt, `tsc=`), or on arm64, whose
/// generic timer is architecturally synchronised. Anything else falls back to `clock_gettime`.
@usableFromInline
package struct TickClock: Sendable {
    /// True: readings are counter ticks, converted by `TickConverter`; false: readings are monotonic ns.
    @usableFromInline let usesCounter: Bool

    /// - Parameter preferCounter: false forces `clock_gettime` (tests compare both sources).
    package init(preferCounter: Bool = true) {
        usesCounter = preferCounter && Self.counterIsTrusted
    }

    /// One reading for an event: a tick count or nanoseconds (`usesCounter`).
    @inlinable @inline(__always)
    func read() -> Int64 {
        usesCounter ? Int64(bitPattern: gil_ticks()) : MonotonicClock.now()
    }

    /// Whether the counter may be read directly on this machine (decided once per process).
    package static let counterIsTrusted: Bool = {
        guard gil_tick_counter_available() != 0 else { return false }
        #if arch(x86_64)
        return currentClocksource() == "tsc"
        #else
        return true
        #endif
    }()

    /// The kernel's clock source (`tsc`, `kvm-clock`, `hpet`, …), nil when unreadable.
    private static func currentClocksource() -> String? {
        guard let file = fopen("/sys/devices/system/clocksource/clocksource0/current_clocksource", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.trimmingTrailingNewline
    }
}

private extension String {
    var trimmingTrailingNewline: String {
        var text = self
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return text
    }
}

/// Turns `TickClock` readings into nanoseconds since the run's origin. Owned by the drain (one consumer at a
/// time, under the recorder's rings lock).
///
/// Each drain pass takes an anchor: a (ticks, CLOCK_MONOTONIC) pair read back to back, keeping the tightest
/// of a few tries so a preemption between the two reads cannot skew it. A reading converts from the latest
/// anchor at the rate measured between the first anchor and the latest one, so the rate error shrinks as
/// the run goes on (50 ns of anchor jitter over 1 s is 5e-8) and absorbs NTP slewing of the monotonic clock.
/// Events wait in the rings up to a drain interval (20 ms when sparse), so a reading is extrapolated back from
/// the latest anchor by at most about the span the rate was measured over (from the run's first anchor): the
/// error stays within about two anchor jitters, plus any change of NTP's slew within that span.
/// Readings near an anchor change can step back by the anchor jitter (tens of ns); the drain clamps each
/// thread's timestamps to be non-decreasing.
package struct TickConverter {
    let usesCounter: Bool
    /// `CLOCK_MONOTONIC` ns of the run's origin (`TraceRecorder.originNs`).
    let originNs: Int64
    private let first: Anchor
    private var latest: Anchor
    private var nsPerTick: Double
    /// `nsPerTick` in 32.32 fixed point and `latest.ns - originNs`: what `ns(_:)` needs per event.
    private var fixedNsPerTick: Int64 = 1 << 32
    private var latestSinceOrigin: Int64 = 0

    struct Anchor {
        var ticks: Int64
        var ns: Int64
    }

    package init(clock: TickClock, originNs: Int64) {
        usesCounter = clock.usesCounter
        self.originNs = originNs
        guard clock.usesCounter else {
            first = Anchor(ticks: 0, ns: originNs)
            latest = first
            nsPerTick = 1
            return
        }
        // A first rate over ~200 µs (jitter ~50 ns → 2.5e-4), refined by every later anchor.
        let start = Self.anchor()
        var end = Self.anchor()
        while end.ns - start.ns < 200_000 { end = Self.anchor() }
        first = start
        latest = end
        nsPerTick = Double(end.ns - start.ns) / Double(max(1, end.ticks - start.ticks))
        updateFixedPoint()
    }

    /// The per-event form of the latest anchor and rate. A rate above 2^31 ns per tick (not a counter) or
    /// below 2^-32 would not fit: such a converter keeps ns = ticks.
    private mutating func updateFixedPoint() {
        latestSinceOrigin = latest.ns &- originNs
        let scaled = (nsPerTick * 4_294_967_296).rounded()
        fixedNsPerTick = scaled >= 1 && scaled < 9.2e18 ? Int64(scaled) : 1 << 32
    }

    /// Takes a new anchor (once per drain pass) and refines the rate.
    package mutating func advance() {
        guard usesCounter else { return }
        let now = Self.anchor()
        // Counter and clock both moved forward by a measurable amount: otherwise keep the previous rate.
        guard now.ticks > latest.ticks, now.ns - first.ns >= 200_000 else { return }
        latest = now
        nsPerTick = Double(now.ns - first.ns) / Double(now.ticks - first.ticks)
        updateFixedPoint()
    }

    /// Nanoseconds since the origin of a `TickClock.read()` value.
    @inline(__always)
    package func ns(_ reading: Int64) -> Int64 {
        guard usesCounter else { return reading &- originNs }
        // (ticks since the anchor × ns per tick in 32.32) >> 32 from the 128-bit product: one multiply, exact
        // to under 1 ns per 4·10⁹ ticks, rounded down, no range checks (a Double → Int64 conversion traps on
        // overflow: it cost ~13 instructions per event here).
        let product = (reading &- latest.ticks).multipliedFullWidth(by: fixedNsPerTick)
        let offset = product.high << 32 | Int64(bitPattern: product.low >> 32)
        return latestSinceOrigin &+ offset
    }

    /// The tightest of four (ticks, ns) pairs: the clock read between two counter reads, ticks at the midpoint.
    private static func anchor() -> Anchor {
        var best = Anchor(ticks: 0, ns: 0)
        var bestWidth = Int64.max
        for _ in 0..<4 {
            let before = Int64(bitPattern: gil_ticks())
            let ns = MonotonicClock.now()
            let after = Int64(bitPattern: gil_ticks())
            let width = after &- before
            if width >= 0 && width < bestWidth {
                bestWidth = width
                best = Anchor(ticks: before &+ width / 2, ns: ns)
            }
        }
        return best
    }
}
