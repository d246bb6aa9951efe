// The CPU's cycle counter, for event timestamps on the recorder's hot path (GILCore/Recording/TickClock.swift).
// Swift cannot emit `rdtsc` itself; a static inline function in a header is compiled into the caller, so a
// reading costs the instruction alone: 17-24 ns per call in a tight loop on this machine's KVM guest, where
// clock_gettime(CLOCK_MONOTONIC) through the vDSO (which reads the same counter, then converts) costs 45-64 ns.
#ifndef GILREC_CCLOCK_H
#define GILREC_CCLOCK_H

#include <stdint.h>

/// Raw ticks of the invariant time-stamp counter (x86-64 `rdtsc`) or the ARM generic timer (`cntvct_el0`);
/// 0 where neither exists (`gil_tick_counter_available()` is then 0 and the recorder never calls this).
static inline uint64_t gil_ticks(void) {
#if defined(__x86_64__)
    uint32_t lo, hi;
    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
#elif defined(__aarch64__)
    uint64_t value;
    __asm__ __volatile__("mrs %0, cntvct_el0" : "=r"(value));
    return value;
#else
    return 0;
#endif
}

/// 1 when `gil_ticks()` reads a hardware counter on this architecture.
int gil_tick_counter_available(void);

/// Sets the calling thread's timer slack (Linux `PR_SET_TIMERSLACK`, default 50 µs): how late the kernel may
/// end its timed waits to batch wake-ups. Returns 0 on success, -1 where unsupported.
int gil_set_timer_slack_ns(unsigned long ns);

/// The calling thread's timer slack in ns, -1 where unsupported.
long gil_timer_slack_ns(void);

#endif
