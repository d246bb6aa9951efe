// libgilrec.so: preloaded into a real CPython (LD_PRELOAD) by `gilrec run --python`. It interposes the libc
// calls through which CPython's GIL, its locks and its blocking calls pass (CPYTHON-RECORDING.md's table),
// and writes events into per-thread rings of a file gilrec maps too (gilrec_shared.h). It does nothing until
// the start-up Python code (sitecustomize.py, through the `_gilrec` extension module in this same library)
// has found the GIL and armed it: in bash, ls or any other process that inherits LD_PRELOAD it only forwards.
//
// Files: preload_core.c (process file, rings, emit, meta records, fork and exit), preload_gil.c (the GIL's
// mutex and condition variables), preload_locks.c (semaphores: threading.Lock/RLock), preload_io.c (blocking
// calls), preload_python.c (the `_gilrec` extension module: arming, names, Python-level waits).
#ifndef GILREC_PRELOAD_H
#define GILREC_PRELOAD_H

#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#include "gilrec_shared.h"

#define EXPORT __attribute__((visibility("default")))
#define HIDDEN __attribute__((visibility("hidden")))
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

// MARK: - The GIL's state as this thread sees it

enum { GIL_NONE = 0, GIL_REQUESTING = 1, GIL_HOLDING = 2 };

/// What this thread did since it last released the GIL, for the next request's reason.
enum { SINCE_NOTHING = 0, SINCE_IO = 1, SINCE_LOCK = 2 };

/// Everything per thread. Only the owning thread touches it (fork resets the forking thread's copy).
typedef struct thread_state {
    gilrec_ring *ring;        // NULL until this thread's first event
    gilrec_event *slots;
    int64_t head;             // next slot to write (published up to `head`, or `head - 1` with a pending release)
    int64_t limit;            // `head` may grow to here without looking at the consumer's `tail`
    uint64_t mask;
    int32_t tid;              // small tid; 0 = not yet known
    int32_t os_tid;
    uint32_t generation;      // the process generation this state belongs to (bumped by fork)
    uint8_t gil;              // GIL_NONE / GIL_REQUESTING / GIL_HOLDING
    uint8_t pending_release;  // slots[head - 1] is an unpublished gil_release whose reason the next event decides
    uint8_t forced_switch;    // drop_gil waited on switch_cond after the pending release: an interval drop
    uint8_t since_release;    // SINCE_*
    uint8_t released_by_interval;  // the last release was an interval drop: the next request is after_drop
    uint8_t requested_before; // this thread asked for the GIL before (else the first request is `start`)
    uint8_t in_call;          // inside one of our own calls: interposed functions pass through
    uint8_t dead;             // the thread-exit destructor ran
    int32_t python_wait_depth;  // Python-level waits open (Event.wait, Condition.wait…): their inner
                                // semaphore waits are theirs, not separate lock waits
    int64_t last_rusage_ns;
    int64_t vol_ctx, invol_ctx; // at the last os_ctx sample
    uintptr_t tstate;         // this thread's PyThreadState*, learnt at its first acquire
    uint32_t selftest_requests, selftest_acquires, selftest_releases;  // counted even before arming
    // An uncontended acquisition of a named lock, not written yet (preload_locks.c): its request and acquire
    // are written with its release if someone waited for the lock meanwhile (or always, GILREC_LOCK_HOLDS=all),
    // or before this thread's next other event; else it is only counted.
    int32_t deferred_lock;
    int64_t deferred_lock_ts;
    // Uncontended acquisitions that were counted, not written, by lock (a few locks per thread at most).
    struct { int32_t obj; uint32_t count; } counted[8];
    // Stacks (preload_stacks.c): the frames read last and their stack, the stack last announced, and whether
    // Python may have run since (it runs only while the thread holds the GIL).
    int32_t frame_count;
    int32_t frame_stack;
    int32_t announced_stack;
    uint8_t python_ran;
    uintptr_t frame_code[48];
    int64_t frame_offset[48];
} thread_state;

extern __thread thread_state T __attribute__((tls_model("initial-exec")));
extern uint32_t gilrec_generation;

/// The calling thread's state, reset first if it was inherited through fork (a new process generation).
static inline thread_state *gilrec_self(void) {
    thread_state *t = &T;
    if (__builtin_expect(t->generation != gilrec_generation, 0)) {
        memset(t, 0, sizeof *t);
        t->generation = gilrec_generation;
    }
    return t;
}

// MARK: - Process-wide state (preload_core.c)

extern gilrec_process_header *gilrec_process;  // the mapped process file; NULL until armed
extern volatile int gilrec_armed;              // 1 while events are recorded
extern uintptr_t gilrec_gil;                   // struct _gil_runtime_state *, 0 until found

/// Offsets inside `struct _gil_runtime_state` (CPython 3.2–3.13, x86-64, GIL builds).
enum {
    GIL_INTERVAL = 0, GIL_LAST_HOLDER = 8, GIL_LOCKED = 16, GIL_SWITCH_NUMBER = 24,
    GIL_COND = 32, GIL_MUTEX = 80, GIL_SWITCH_COND = 120, GIL_SWITCH_MUTEX = 168, GIL_SIZE = 208,
};

/// CLOCK_MONOTONIC nanoseconds (meta records: thread start and end).
HIDDEN int64_t gilrec_now(void);

/// Events' timestamps: the CPU's counter when gilrec asked for it (GILREC_CLOCK_TICKS), else monotonic ns.
extern int gilrec_ticks;
static inline int64_t gilrec_event_time(void) {
#if defined(__x86_64__)
    if (__builtin_expect(gilrec_ticks, 1)) {
        uint32_t lo, hi;
        __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
        return (int64_t)(((uint64_t)hi << 32) | lo);
    }
#elif defined(__aarch64__)
    if (__builtin_expect(gilrec_ticks, 1)) {
        uint64_t value;
        __asm__ __volatile__("mrs %0, cntvct_el0" : "=r"(value));
        return (int64_t)value;
    }
#endif
    return gilrec_now();
}
HIDDEN int32_t gilrec_gettid(void);

/// Makes sure the calling thread has a tid and a ring (emitting its thread_start): false when it cannot
/// record (not armed, or no free ring: the event is counted as dropped).
HIDDEN int gilrec_thread_ready(thread_state *t);

/// Records one event of the calling thread. A pending release is finished first (its reason decided by
/// `kind`). Returns without recording when the process is not armed.
HIDDEN void gilrec_emit(int kind, int32_t obj, int64_t arg);
/// The same at a timestamp already read (`at`, 0 = read it now): two events of one instant.
HIDDEN void gilrec_emit_at(int kind, int32_t obj, int64_t arg, int64_t at);

/// A named lock's uncontended acquisition, deferred (see thread_state.deferred_lock).
HIDDEN void gilrec_defer_lock_acquire(thread_state *t, int32_t obj);
/// The lock's release: request + acquire + release in one go when its acquisition is still deferred and
/// `contended` (someone waits now, or every hold is recorded); a deferred uncontended hold is only counted.
HIDDEN void gilrec_emit_lock_release(thread_state *t, int32_t obj, int contended);
/// Writes the thread's counts of uncontended acquisitions as meta records (thread or process end).
HIDDEN void gilrec_write_counts(thread_state *t);

/// Writes a gil_release whose reason the thread's next event decides (see `gilrec_emit`).
HIDDEN void gilrec_emit_release(int64_t now);

/// Decides a pending release's reason now, as if `next_kind` followed (still published by the next event).
HIDDEN void gilrec_settle_pending(thread_state *t, int next_kind);

/// Publishes a pending release as it stands (thread or process end).
HIDDEN void gilrec_flush_pending(thread_state *t);

/// Appends one record to the meta file: fields joined by tabs, tabs and newlines inside fields escaped.
/// Formats a decimal into `out` without stdio (exit and fork paths use it). Returns the length.
HIDDEN int gilrec_format_int(char *out, long long value);
HIDDEN void gilrec_meta(const char *type, int count, const char *const *fields);
HIDDEN void gilrec_meta_note(const char *text);

/// Creates the process file and meta file (state STARTING). 0 on success, else an errno.
HIDDEN int gilrec_open_process(void);
/// Starts recording: the process file's state becomes ARMED.
HIDDEN void gilrec_set_armed(void);
/// Stops recording for good in this process and says why in the notes.
HIDDEN void gilrec_disarm(const char *why);
/// pthread_atfork's child handler: the parent's files are the parent's; the child starts afresh.
HIDDEN void gilrec_after_fork_child(void);
/// From the GIL's interposers: a fork child of an armed parent opens its own files at its first GIL call.
HIDDEN int gilrec_rearm_if_forked(void);

/// Samples RUSAGE_THREAD and emits os_ctx when the counts moved (at most every 50 µs).
HIDDEN void gilrec_sample_context_switches(thread_state *t, int64_t now);

// MARK: - The GIL (preload_gil.c)

/// The small tid of the thread whose PyThreadState* is `tstate`, 0 if unknown.
HIDDEN int32_t gilrec_tid_of_tstate(uintptr_t tstate);
HIDDEN void gilrec_remember_tstate(uintptr_t tstate, int32_t tid);

// MARK: - Stacks (preload_stacks.c)

/// The calling thread's current Python stack, interned (0: none, or stacks are off).
HIDDEN int32_t gilrec_current_stack(thread_state *t);
HIDDEN int gilrec_stacks_enabled(void);
/// Selects the frame layout of CPython 3.`minor`; NULL when enabled, else why not.
HIDDEN const char *gilrec_enable_stacks(int minor, void *(*thread_state_function)(void));
HIDDEN void gilrec_disable_stacks(void);
/// The calling thread's frames as "file\tfunction\tline\n" lines, innermost first (the start-up code's check).
HIDDEN int gilrec_describe_frames(char *out, size_t size);
/// A fork child starts its own tables (its meta file describes its own locations and stacks).
HIDDEN void gilrec_reset_stacks(void);

// MARK: - Objects (preload_locks.c)

/// Maps a semaphore (a threading.Lock's or RLock's) to an object id; 0 forgets it.
HIDDEN void gilrec_map_semaphore(uintptr_t semaphore, int32_t obj);
/// A new object id (1, 2, …) for this process.
HIDDEN int32_t gilrec_new_object(void);

// MARK: - Real libc functions

/// The next definition of `name` after this library (RTLD_NEXT), preferring `version` when given.
HIDDEN void *gilrec_resolve(const char *name, const char *version);

#define REAL(fn) real_##fn
#define DECLARE_REAL(ret, fn, ...) HIDDEN extern ret (*real_##fn)(__VA_ARGS__)

DECLARE_REAL(int, pthread_mutex_lock, pthread_mutex_t *);
DECLARE_REAL(int, pthread_cond_signal, pthread_cond_t *);
DECLARE_REAL(int, pthread_cond_wait, pthread_cond_t *, pthread_mutex_t *);
DECLARE_REAL(int, pthread_cond_timedwait, pthread_cond_t *, pthread_mutex_t *, const struct timespec *);
DECLARE_REAL(int, nanosleep, const struct timespec *, struct timespec *);

/// Resolves every real function once (the constructor; again from a call that comes first).
HIDDEN void gilrec_resolve_all(void);
HIDDEN void gilrec_resolve_io(void);
HIDDEN void gilrec_resolve_locks(void);
HIDDEN void gilrec_resolve_gil(void);

#endif
