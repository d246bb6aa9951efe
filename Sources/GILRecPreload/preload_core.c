// The per-thread rings, the hot `gilrec_emit`, thread and process ends (the process file, meta records and
// fork: preload_process.c).
#include "preload.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

__thread thread_state T __attribute__((tls_model("initial-exec")));

gilrec_process_header *gilrec_process;
volatile int gilrec_armed;
uint32_t gilrec_generation = 1;
uintptr_t gilrec_gil;
int gilrec_ticks;

static pthread_key_t exit_key;

int64_t gilrec_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

int32_t gilrec_gettid(void) { return (int32_t)syscall(SYS_gettid); }

void *gilrec_resolve(const char *name, const char *version) {
    void *function = version ? dlvsym(RTLD_NEXT, name, version) : NULL;
    return function ? function : dlsym(RTLD_NEXT, name);
}

// MARK: - Threads and rings

static int claim_ring(thread_state *t) {
    gilrec_process_header *header = gilrec_process;
    for (uint32_t i = 0; i < header->ring_count; i++) {
        gilrec_ring *ring = gilrec_ring_at(header, i);
        if (__atomic_load_n(&ring->state, __ATOMIC_ACQUIRE) != GILREC_RING_FREE) continue;
        if (!gilrec_cas32(&ring->state, GILREC_RING_FREE, GILREC_RING_OWNED)) continue;
        ring->tid = t->tid;
        ring->os_tid = t->os_tid;
        t->ring = ring;
        t->slots = gilrec_slots_of(header, i);
        t->mask = header->ring_capacity - 1;
        // The consumer freed the ring only once it had drained it: head == tail, both where they were.
        t->head = __atomic_load_n(&ring->head, __ATOMIC_RELAXED);
        t->limit = __atomic_load_n(&ring->tail, __ATOMIC_ACQUIRE) + header->ring_capacity;
        return 1;
    }
    return 0;
}

/// Room for `slots` more slots: waits while the ring is too full (back-pressure, as in gilrec's own recorder),
/// unless gilrec is gone, in which case recording stops and the program runs on.
static int make_room(thread_state *t, int slots) {
    uint64_t capacity = t->mask + 1;
    int64_t tail = gilrec_load_acquire(&t->ring->tail);
    int spins = 0;
    while ((uint64_t)(t->head + slots - tail) > capacity) {
        if (!gilrec_armed) return 0;
        if (++spins < 64) {
            sched_yield();
        } else {
            struct timespec pause = {0, 50000};
            REAL(nanosleep)(&pause, NULL);
            if (spins % 2000 == 0 && gilrec_process->consumer_pid > 0 && kill(gilrec_process->consumer_pid, 0) != 0 && errno == ESRCH) {
                gilrec_disarm("gilrec stopped draining (it is gone): recording stopped, the program ran on");
                return 0;
            }
        }
        tail = gilrec_load_acquire(&t->ring->tail);
    }
    t->limit = tail + (int64_t)capacity;
    return 1;
}

static inline void write_slot(thread_state *t, int kind, int32_t obj, int64_t arg, int64_t ts) {
    gilrec_event *event = &t->slots[(uint64_t)t->head & t->mask];
    event->seq = __atomic_add_fetch(&gilrec_process->next_seq, 1, __ATOMIC_RELAXED);
    event->ts = ts;
    event->arg = arg;
    event->obj = obj;
    event->tid = (uint16_t)t->tid;
    event->kind = (uint8_t)kind;
    event->reserved = 0;
    t->head++;
}

static inline void publish(thread_state *t) { gilrec_store_release(&t->ring->head, t->head); }

int gilrec_thread_ready(thread_state *t) {
    if (!gilrec_armed) return 0;
    if (t->ring) return 1;
    if (t->dead) return 0;
    if (!t->tid) {
        t->tid = __atomic_add_fetch(&gilrec_process->next_tid, 1, __ATOMIC_RELAXED);
        t->os_tid = gilrec_gettid();
    }
    if (!claim_ring(t)) {
        __atomic_add_fetch(&gilrec_process->dropped, 1, __ATOMIC_RELAXED);
        return 0;
    }
    pthread_setspecific(exit_key, (void *)1);
    if (t->head >= t->limit && !make_room(t, 1)) return 0;
    write_slot(t, GILREC_THREAD_START, 0, 0, gilrec_event_time());
    publish(t);
    char tid[24], os_tid[24], start[24];
    gilrec_format_int(tid, t->tid);
    gilrec_format_int(os_tid, t->os_tid);
    gilrec_format_int(start, gilrec_now() - gilrec_process->origin_ns);
    const char *fields[] = {tid, os_tid, start};
    gilrec_meta("S", 3, fields);
    return 1;
}

/// The pending release's reason, decided by the event that follows it on the same thread.
static void finish_release(thread_state *t, int next_kind) {
    gilrec_event *release = &t->slots[(uint64_t)(t->head - 1) & t->mask];
    int64_t reason;
    switch (next_kind) {
    case GILREC_IO_BEGIN: reason = GILREC_RELEASE_IO; break;
    case GILREC_LOCK_REQUEST: reason = GILREC_RELEASE_BLOCKING_CALL; break;
    case GILREC_THREAD_END: reason = GILREC_RELEASE_EXIT; break;
    default:
        if (t->forced_switch || release->arg == GILREC_RELEASE_INTERVAL) {
            reason = GILREC_RELEASE_INTERVAL;
        } else if (t->python_wait_depth > 0) {
            reason = GILREC_RELEASE_BLOCKING_CALL;
        } else {
            reason = GILREC_RELEASE_NATIVE;
        }
    }
    release->arg = reason;
    t->released_by_interval = reason == GILREC_RELEASE_INTERVAL;
    t->pending_release = 0;
    t->forced_switch = 0;
}

/// Room for `slots` more slots, or the events are counted as dropped.
static inline int reserve(thread_state *t, int slots) {
    if (LIKELY(t->head + slots <= t->limit)) return 1;
    if (make_room(t, slots)) return 1;
    __atomic_add_fetch(&gilrec_process->dropped, slots, __ATOMIC_RELAXED);
    return 0;
}

/// Writes a deferred lock acquisition's request and acquire (at its own time), before any later event.
static void announce_stack(thread_state *t, int64_t at);

static void write_deferred_lock(thread_state *t) {
    int32_t obj = t->deferred_lock;
    t->deferred_lock = 0;
    announce_stack(t, t->deferred_lock_ts);
    if (!reserve(t, 2)) return;
    write_slot(t, GILREC_LOCK_REQUEST, obj, -1, t->deferred_lock_ts);
    write_slot(t, GILREC_LOCK_ACQUIRE, obj, 1, t->deferred_lock_ts);
}

/// Whether a `stack` event goes before this kind when the thread's stack changed (GILTrace's carriesStack).
static inline int carries_stack(int kind) {
    return kind == GILREC_GIL_REQUEST || kind == GILREC_GIL_ACQUIRE || kind == GILREC_GIL_RELEASE
        || kind == GILREC_LOCK_REQUEST || kind == GILREC_LOCK_ACQUIRE || kind == GILREC_LOCK_RELEASE
        || kind == GILREC_IO_BEGIN || kind == GILREC_MARK;
}

/// Writes a `stack` event when the thread's stack changed since the one it announced last. Python runs only
/// while the thread holds the GIL: after its release, the stack stands still until its next acquire.
static void announce_stack(thread_state *t, int64_t at) {
    if (!gilrec_stacks_enabled() || (t->gil != GIL_HOLDING && !t->python_ran)) return;
    if (t->gil != GIL_HOLDING) t->python_ran = 0;
    int32_t stack = gilrec_current_stack(t);
    if (stack == t->announced_stack) return;
    t->announced_stack = stack;
    if (!reserve(t, 1)) return;
    write_slot(t, GILREC_STACK, 0, stack, at ? at : gilrec_event_time());
}

void gilrec_emit(int kind, int32_t obj, int64_t arg) { gilrec_emit_at(kind, obj, arg, 0); }

void gilrec_emit_at(int kind, int32_t obj, int64_t arg, int64_t at) {
    if (UNLIKELY(!gilrec_armed)) return;
    thread_state *t = gilrec_self();
    if (UNLIKELY(!t->ring)) {
        if (!gilrec_thread_ready(t)) return;
    }
    if (t->pending_release) finish_release(t, kind);
    if (UNLIKELY(t->deferred_lock)) write_deferred_lock(t);
    if (carries_stack(kind)) announce_stack(t, at);
    if (!reserve(t, 1)) return;
    write_slot(t, kind, obj, arg, at ? at : gilrec_event_time());
    publish(t);
}

void gilrec_defer_lock_acquire(thread_state *t, int32_t obj) {
    if (t->deferred_lock) {
        // A second lock taken while the first is held: the first's acquisition goes out now.
        if (t->pending_release) finish_release(t, GILREC_LOCK_REQUEST);
        write_deferred_lock(t);
        publish(t);
    }
    t->deferred_lock = obj;
    t->deferred_lock_ts = gilrec_event_time();
}

/// Counts one uncontended acquisition of `obj` that is not written.
static void count_uncontended(thread_state *t, int32_t obj) {
    for (int i = 0; i < 8; i++) {
        if (t->counted[i].obj == obj || t->counted[i].obj == 0) {
            t->counted[i].obj = obj;
            t->counted[i].count++;
            return;
        }
    }
    // More than eight locks on one thread: the least counted one's count goes out now.
    int least = 0;
    for (int i = 1; i < 8; i++) if (t->counted[i].count < t->counted[least].count) least = i;
    char object[24], count[24];
    gilrec_format_int(object, t->counted[least].obj);
    gilrec_format_int(count, t->counted[least].count);
    const char *fields[] = {object, count};
    gilrec_meta("C", 2, fields);
    t->counted[least].obj = obj;
    t->counted[least].count = 1;
}

void gilrec_write_counts(thread_state *t) {
    for (int i = 0; i < 8 && t->counted[i].obj; i++) {
        char object[24], count[24];
        gilrec_format_int(object, t->counted[i].obj);
        gilrec_format_int(count, t->counted[i].count);
        const char *fields[] = {object, count};
        gilrec_meta("C", 2, fields);
        t->counted[i].obj = 0;
        t->counted[i].count = 0;
    }
}

void gilrec_emit_lock_release(thread_state *t, int32_t obj, int contended) {
    if (t->deferred_lock != obj) {
        gilrec_emit(GILREC_LOCK_RELEASE, obj, 0);
        return;
    }
    if (!contended) {
        // Nobody waited for the lock while this thread held it, and nothing else happened on the thread.
        t->deferred_lock = 0;
        count_uncontended(t, obj);
        return;
    }
    // A `with lock:` someone waited on, with nothing else recorded inside: three events, one sequence-number add.
    if (t->pending_release) finish_release(t, GILREC_LOCK_REQUEST);
    t->deferred_lock = 0;
    announce_stack(t, t->deferred_lock_ts);
    if (!reserve(t, 3)) return;
    int64_t seq = __atomic_add_fetch(&gilrec_process->next_seq, 3, __ATOMIC_RELAXED);
    int64_t now = gilrec_event_time();
    gilrec_event *slots = t->slots;
    uint64_t mask = t->mask;
    int64_t head = t->head;
    slots[head & mask] = (gilrec_event){seq - 2, t->deferred_lock_ts, -1, obj, (uint16_t)t->tid, GILREC_LOCK_REQUEST, 0};
    slots[(head + 1) & mask] = (gilrec_event){seq - 1, t->deferred_lock_ts, 1, obj, (uint16_t)t->tid, GILREC_LOCK_ACQUIRE, 0};
    slots[(head + 2) & mask] = (gilrec_event){seq, now, 0, obj, (uint16_t)t->tid, GILREC_LOCK_RELEASE, 0};
    t->head = head + 3;
    publish(t);
}

void gilrec_emit_release(int64_t now) {
    if (UNLIKELY(!gilrec_armed)) return;
    thread_state *t = gilrec_self();
    if (UNLIKELY(!t->ring)) {
        if (!gilrec_thread_ready(t)) return;
    }
    if (t->pending_release) finish_release(t, GILREC_GIL_RELEASE);
    if (UNLIKELY(t->deferred_lock)) {
        write_deferred_lock(t);
        publish(t);
    }
    announce_stack(t, now);
    if (!reserve(t, 1)) return;
    // Provisional reason: interval when a waiter asked for a drop; the next event may say otherwise.
    extern volatile int gilrec_drop_pending;
    write_slot(t, GILREC_GIL_RELEASE, 0, gilrec_drop_pending ? GILREC_RELEASE_INTERVAL : GILREC_RELEASE_NATIVE, now);
    t->pending_release = 1;
    t->since_release = SINCE_NOTHING;
    // Not published: the next event of this thread publishes both.
}

void gilrec_settle_pending(thread_state *t, int next_kind) {
    if (t->pending_release) finish_release(t, next_kind);
}

void gilrec_flush_pending(thread_state *t) {
    if (t->ring && t->pending_release) {
        t->pending_release = 0;
        publish(t);
    }
}

void gilrec_sample_context_switches(thread_state *t, int64_t now) {
    // At most every 50 µs (getrusage costs ~1 µs); in counter ticks, 200k is 50 µs at 4 GHz or more.
    if (now - t->last_rusage_ns < (gilrec_ticks ? 200000 : 50000)) return;
    t->last_rusage_ns = now;
    struct rusage usage;
    if (getrusage(RUSAGE_THREAD, &usage) != 0) return;
    int64_t voluntary = usage.ru_nvcsw - t->vol_ctx, involuntary = usage.ru_nivcsw - t->invol_ctx;
    if (!voluntary && !involuntary) return;
    t->vol_ctx = usage.ru_nvcsw;
    t->invol_ctx = usage.ru_nivcsw;
    gilrec_emit_at(GILREC_OS_CTX, 0, (voluntary << 32) | (involuntary & 0xffffffff), now);
}

/// The thread's end record: CPU time and context switches of the whole thread.
static void write_thread_end(thread_state *t) {
    struct rusage usage;
    struct timespec cpu;
    memset(&usage, 0, sizeof usage);
    getrusage(RUSAGE_THREAD, &usage);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    char tid[24], end[24], cpu_ns[24], voluntary[24], involuntary[24];
    gilrec_format_int(tid, t->tid);
    gilrec_format_int(end, gilrec_now() - gilrec_process->origin_ns);
    gilrec_format_int(cpu_ns, (long long)cpu.tv_sec * 1000000000 + cpu.tv_nsec);
    gilrec_format_int(voluntary, usage.ru_nvcsw);
    gilrec_format_int(involuntary, usage.ru_nivcsw);
    const char *fields[] = {tid, end, cpu_ns, voluntary, involuntary};
    gilrec_meta("E", 5, fields);
}

/// pthread key destructor: the OS thread ends (after CPython's last drop_gil for it).
static void thread_exit(void *unused) {
    (void)unused;
    thread_state *t = gilrec_self();
    if (!gilrec_armed || !t->ring || t->dead) return;
    gilrec_emit(GILREC_THREAD_END, 0, 0);
    write_thread_end(t);
    gilrec_write_counts(t);
    t->dead = 1;
    gilrec_store32_release(&t->ring->state, GILREC_RING_RETIRED);
    t->ring = NULL;
}

/// The process ends: the exiting thread's last events, then the exit code (exit() and a return from main
/// come through on_exit; os._exit through `_exit`).
static void process_exit(int status, void *unused) {
    (void)unused;
    if (!gilrec_process || !gilrec_armed) return;
    thread_state *t = gilrec_self();
    if (t->ring && !t->dead) {
        // CPython never drops the GIL at the very end (it is destroyed): close the hold here.
        if (t->gil == GIL_HOLDING) gilrec_emit_release(gilrec_event_time());
        gilrec_emit(GILREC_THREAD_END, 0, status != 0);
        write_thread_end(t);
        gilrec_write_counts(t);
        t->dead = 1;
    }
    gilrec_armed = 0;
    gilrec_process->exit_code = status;
    char code[24];
    gilrec_format_int(code, status);
    const char *fields[] = {code};
    gilrec_meta("X", 1, fields);
    __atomic_store_n(&gilrec_process->state, GILREC_PROCESS_EXITED, __ATOMIC_RELEASE);
}

EXPORT void _exit(int status) {
    static void (*real_exit)(int);
    if (!real_exit) real_exit = (void (*)(int))gilrec_resolve("_exit", NULL);
    process_exit(status, NULL);
    real_exit(status);
    __builtin_unreachable();
}

EXPORT void _Exit(int status) { _exit(status); }

// MARK: - Load

__attribute__((constructor)) static void preload_init(void) {
    gilrec_resolve_all();
    pthread_key_create(&exit_key, thread_exit);
    pthread_atfork(NULL, NULL, gilrec_after_fork_child);
    on_exit(process_exit, NULL);
}
