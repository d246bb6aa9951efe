// The GIL, seen through the pthread calls of take_gil and drop_gil (Python/ceval_gil.c, 3.2–3.13):
//
//   take_gil:  mutex_lock(gil.mutex)                         → gil_request (by a thread not holding it)
//              cond_timedwait(gil.cond) → ETIMEDOUT, still locked, same switch number → gil_drop_request
//              mutex_lock(gil.switch_mutex); locked = 1; last_holder = tstate; ++switch_number;
//              cond_signal(gil.switch_cond)                  → gil_acquire (the switch number is final here)
//   drop_gil:  mutex_lock(gil.mutex); locked = 0;
//              cond_signal(gil.cond)                         → gil_release (by the holder)
//              [FORCE_SWITCHING: cond_wait(gil.switch_cond)  → the release was a forced (interval) drop]
#include "preload.h"

/// A waiter asked the holder to drop since the last acquire: the holder's next release is an interval drop.
volatile int gilrec_drop_pending;

int (*real_pthread_mutex_lock)(pthread_mutex_t *);
int (*real_pthread_cond_signal)(pthread_cond_t *);
int (*real_pthread_cond_wait)(pthread_cond_t *, pthread_mutex_t *);
int (*real_pthread_cond_timedwait)(pthread_cond_t *, pthread_mutex_t *, const struct timespec *);

void gilrec_resolve_gil(void) {
    // libpython binds the condition variables at GLIBC_2.3.2 (the NPTL ones); the mutex is unversioned.
    real_pthread_mutex_lock = gilrec_resolve("pthread_mutex_lock", NULL);
    real_pthread_cond_signal = gilrec_resolve("pthread_cond_signal", "GLIBC_2.3.2");
    real_pthread_cond_wait = gilrec_resolve("pthread_cond_wait", "GLIBC_2.3.2");
    real_pthread_cond_timedwait = gilrec_resolve("pthread_cond_timedwait", "GLIBC_2.3.2");
}

static inline uintptr_t field(int offset) { return gilrec_gil + (uintptr_t)offset; }
static inline int gil_locked(void) { return __atomic_load_n((int *)field(GIL_LOCKED), __ATOMIC_RELAXED); }
static inline unsigned long switch_number(void) { return *(volatile unsigned long *)field(GIL_SWITCH_NUMBER); }
static inline uintptr_t last_holder(void) { return __atomic_load_n((uintptr_t *)field(GIL_LAST_HOLDER), __ATOMIC_RELAXED); }

// MARK: - tstate → tid

enum { TSTATE_SLOTS = 1024 };
static uintptr_t tstate_keys[TSTATE_SLOTS];
static int32_t tstate_tids[TSTATE_SLOTS];

void gilrec_remember_tstate(uintptr_t tstate, int32_t tid) {
    uint32_t slot = (uint32_t)((tstate >> 4) * 2654435761u) % TSTATE_SLOTS;
    for (int probe = 0; probe < TSTATE_SLOTS; probe++, slot = (slot + 1) % TSTATE_SLOTS) {
        uintptr_t key = __atomic_load_n(&tstate_keys[slot], __ATOMIC_ACQUIRE);
        if (key == tstate) {
            __atomic_store_n(&tstate_tids[slot], tid, __ATOMIC_RELEASE);  // a freed tstate reused
            return;
        }
        if (key == 0) {
            uintptr_t empty = 0;
            if (__atomic_compare_exchange_n(&tstate_keys[slot], &empty, tstate, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
                __atomic_store_n(&tstate_tids[slot], tid, __ATOMIC_RELEASE);
                return;
            }
            if (empty == tstate) return;
        }
    }
}

int32_t gilrec_tid_of_tstate(uintptr_t tstate) {
    uint32_t slot = (uint32_t)((tstate >> 4) * 2654435761u) % TSTATE_SLOTS;
    for (int probe = 0; probe < TSTATE_SLOTS; probe++, slot = (slot + 1) % TSTATE_SLOTS) {
        uintptr_t key = __atomic_load_n(&tstate_keys[slot], __ATOMIC_ACQUIRE);
        if (key == tstate) return __atomic_load_n(&tstate_tids[slot], __ATOMIC_ACQUIRE);
        if (key == 0) return 0;
    }
    return 0;
}

// MARK: - The interposers

static int request_reason(thread_state *t) {
    if (!t->requested_before) return GILREC_REQUEST_START;
    if (t->released_by_interval) return GILREC_REQUEST_AFTER_DROP;
    switch (t->since_release) {
    case SINCE_IO: return GILREC_REQUEST_IO;
    case SINCE_LOCK: return GILREC_REQUEST_BLOCKING_CALL;
    default: return t->python_wait_depth > 0 ? GILREC_REQUEST_BLOCKING_CALL : GILREC_REQUEST_NATIVE;
    }
}

static void on_request(thread_state *t) {
    t->gil = GIL_REQUESTING;
    t->selftest_requests++;
    if (!gilrec_armed && !gilrec_rearm_if_forked()) return;
    if (!gilrec_thread_ready(t)) return;
    gilrec_settle_pending(t, GILREC_GIL_REQUEST);
    int reason = request_reason(t);
    t->requested_before = 1;
    gilrec_emit(GILREC_GIL_REQUEST, 0, reason);
}

EXPORT int pthread_mutex_lock(pthread_mutex_t *mutex) {
    if (UNLIKELY((uintptr_t)mutex == field(GIL_MUTEX)) && gilrec_gil) {
        thread_state *t = gilrec_self();
        // The holder locks the mutex too, in drop_gil: that is not a request.
        if (t->gil != GIL_HOLDING) on_request(t);
    }
    if (UNLIKELY(!real_pthread_mutex_lock)) gilrec_resolve_gil();
    return real_pthread_mutex_lock(mutex);
}

EXPORT int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex, const struct timespec *abstime) {
    if (UNLIKELY(!real_pthread_cond_timedwait)) gilrec_resolve_gil();
    if (LIKELY((uintptr_t)cond != field(GIL_COND) || !gilrec_gil || !gilrec_armed)) {
        return real_pthread_cond_timedwait(cond, mutex, abstime);
    }
    // take_gil's timed wait, under gil.mutex: the same test CPython makes afterwards.
    unsigned long before = switch_number();
    int result = real_pthread_cond_timedwait(cond, mutex, abstime);
    if (result == ETIMEDOUT && gil_locked() && switch_number() == before && gilrec_self()->gil == GIL_REQUESTING) {
        gilrec_drop_pending = 1;
        gilrec_emit(GILREC_GIL_DROP_REQUEST, 0, gilrec_tid_of_tstate(last_holder()));
    }
    return result;
}

EXPORT int pthread_cond_signal(pthread_cond_t *cond) {
    if (UNLIKELY(!real_pthread_cond_signal)) gilrec_resolve_gil();
    if (LIKELY(!gilrec_gil) || (uintptr_t)cond < field(GIL_COND) || (uintptr_t)cond > field(GIL_SWITCH_COND)) {
        return real_pthread_cond_signal(cond);
    }
    thread_state *t = gilrec_self();
    if ((uintptr_t)cond == field(GIL_SWITCH_COND) && t->gil == GIL_REQUESTING) {
        // take_gil, after `locked = 1` and the switch number's update.
        t->gil = GIL_HOLDING;
        t->python_ran = 1;
        t->selftest_acquires++;
        if (gilrec_armed && t->ring) {
            t->since_release = SINCE_NOTHING;
            t->released_by_interval = 0;
            gilrec_drop_pending = 0;
            uintptr_t tstate = last_holder();
            if (tstate != t->tstate) {
                t->tstate = tstate;
                gilrec_remember_tstate(tstate, t->tid);
            }
            gilrec_emit(GILREC_GIL_ACQUIRE, 0, (int64_t)switch_number());
        }
    } else if ((uintptr_t)cond == field(GIL_COND) && t->gil == GIL_HOLDING) {
        // drop_gil, right after `locked = 0`.
        t->gil = GIL_NONE;
        t->selftest_releases++;
        if (gilrec_armed && t->ring) {
            int64_t now = gilrec_event_time();  // one reading for the sample's throttle and the release
            gilrec_sample_context_switches(t, now);
            gilrec_emit_release(now);
        }
    }
    return real_pthread_cond_signal(cond);
}

EXPORT int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex) {
    if (UNLIKELY(!real_pthread_cond_wait)) gilrec_resolve_gil();
    // FORCE_SWITCHING in drop_gil: the thread that just released waits until another one took the GIL.
    if (UNLIKELY((uintptr_t)cond == field(GIL_SWITCH_COND)) && gilrec_gil) gilrec_self()->forced_switch = 1;
    return real_pthread_cond_wait(cond, mutex);
}
