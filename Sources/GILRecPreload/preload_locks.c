// threading.Lock and RLock through their POSIX semaphores (Python/thread_pthread.h, USE_SEMAPHORES, 3.8–3.12):
// `acquire` first tries without releasing the GIL (sem_trywait), then releases the GIL and blocks
// (sem_wait, sem_timedwait, or sem_clockwait on 3.11+); `release` is sem_post.
//
// A semaphore registered by the start-up code (a Lock or RLock the program created, with its name) gets
// every event: request and acquire at one instant when sem_trywait succeeds, a wait when it blocks, a release
// at sem_post. Any other semaphore a Python thread blocks on (a lock created in C, or before recording
// started) is recorded as a wait on an unnamed object with a stable id, closed at once (its holds are not
// seen) — unless a Python-level wait (Condition.wait, Event.wait…: preload_python.c) is open, whose inner
// waiter lock it is.
#include "preload.h"

#include <stdio.h>
#include <stdlib.h>

static int (*real_sem_wait)(sem_t *);
static int (*real_sem_timedwait)(sem_t *, const struct timespec *);
static int (*real_sem_clockwait)(sem_t *, clockid_t, const struct timespec *);
static int (*real_sem_trywait)(sem_t *);
static int (*real_sem_post)(sem_t *);
static int (*real_sem_destroy)(sem_t *);

void gilrec_resolve_locks(void) {
    real_sem_wait = gilrec_resolve("sem_wait", NULL);
    real_sem_timedwait = gilrec_resolve("sem_timedwait", NULL);
    real_sem_clockwait = gilrec_resolve("sem_clockwait", NULL);
    real_sem_trywait = gilrec_resolve("sem_trywait", NULL);
    real_sem_post = gilrec_resolve("sem_post", NULL);
    real_sem_destroy = gilrec_resolve("sem_destroy", NULL);
}

// MARK: - Objects

static int32_t next_object;
/// On CPython 3.13 locks are PyMutex: a blocked thread parks on its own semaphore, so the lock is unknown.
HIDDEN int gilrec_parked_waits;
static int32_t parked_object;

int32_t gilrec_new_object(void) { return __atomic_add_fetch(&next_object, 1, __ATOMIC_RELAXED); }

/// semaphore address → object id: > 0 a registered (named) lock, < 0 an unnamed one (waits only).
enum { SLOTS = 16384 };
static uintptr_t keys[SLOTS];
static int32_t objects[SLOTS];
/// Threads blocked on the slot's semaphore right now: its holder records its hold when it lets go.
static int32_t waiting[SLOTS];
static int32_t mapped;
/// GILREC_LOCK_HOLDS=all: every hold of a named lock is recorded, not only those someone waited through.
static int all_holds = -1;
#define TOMBSTONE ((uintptr_t)1)

static inline uint32_t slot_of(uintptr_t key) { return (uint32_t)((key >> 4) * 2654435761u) & (SLOTS - 1); }

/// The object of `semaphore` (0 when not mapped) and, through `at`, its slot.
static int32_t lookup_slot(uintptr_t semaphore, uint32_t *at) {
    if (!__atomic_load_n(&mapped, __ATOMIC_RELAXED)) return 0;
    uint32_t slot = slot_of(semaphore);
    for (int probe = 0; probe < SLOTS; probe++, slot = (slot + 1) & (SLOTS - 1)) {
        uintptr_t key = __atomic_load_n(&keys[slot], __ATOMIC_ACQUIRE);
        if (key == semaphore) {
            *at = slot;
            return __atomic_load_n(&objects[slot], __ATOMIC_ACQUIRE);
        }
        if (key == 0) return 0;
    }
    return 0;
}

static inline int32_t lookup(uintptr_t semaphore) {
    uint32_t slot;
    return lookup_slot(semaphore, &slot);
}

void gilrec_map_semaphore(uintptr_t semaphore, int32_t obj) {
    uint32_t slot = slot_of(semaphore);
    uint32_t reusable = SLOTS;
    for (int probe = 0; probe < SLOTS; probe++, slot = (slot + 1) & (SLOTS - 1)) {
        uintptr_t key = __atomic_load_n(&keys[slot], __ATOMIC_ACQUIRE);
        if (key == semaphore) {
            __atomic_store_n(&objects[slot], obj, __ATOMIC_RELEASE);
            if (!obj) __atomic_store_n(&keys[slot], TOMBSTONE, __ATOMIC_RELEASE);
            return;
        }
        if (key == TOMBSTONE && reusable == SLOTS) reusable = slot;
        if (key == 0) {
            if (!obj) return;
            uint32_t target = reusable != SLOTS ? reusable : slot;
            uintptr_t expected = keys[target];
            // Registration runs with the GIL held (start-up code) or in a semaphore wait; a lost race only
            // leaves one lock unnamed.
            __atomic_store_n(&objects[target], obj, __ATOMIC_RELEASE);
            if (__atomic_compare_exchange_n(&keys[target], &expected, semaphore, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
                __atomic_add_fetch(&mapped, 1, __ATOMIC_RELAXED);
            }
            return;
        }
    }
}

/// The object a Python thread blocks on when the semaphore is not registered.
static int32_t unnamed_object(uintptr_t semaphore) {
    if (gilrec_parked_waits) {
        if (!parked_object) {
            int32_t id = gilrec_new_object();
            char number[24];
            snprintf(number, sizeof number, "%d", id);
            const char *fields[] = {number, "lock", "PyMutex wait (3.13: which lock is not visible)", "0"};
            gilrec_meta("O", 4, fields);
            parked_object = id;
        }
        return parked_object;
    }
    int32_t id = gilrec_new_object();
    char number[24], name[64];
    snprintf(number, sizeof number, "%d", id);
    snprintf(name, sizeof name, "unnamed lock %d", id);
    const char *fields[] = {number, "lock", name, "0"};
    gilrec_meta("O", 4, fields);
    gilrec_map_semaphore(semaphore, -id);
    return id;
}

// MARK: - The interposers

/// Whether the calling thread's semaphore calls are recorded: a Python thread, recording armed.
static inline int recording(thread_state *t) {
    return gilrec_armed && t->ring && t->generation == gilrec_generation && !t->in_call;
}

static int64_t timeout_ns(clockid_t clock, const struct timespec *deadline) {
    if (!deadline) return -1;
    struct timespec now;
    clock_gettime(clock, &now);
    int64_t ns = ((int64_t)deadline->tv_sec - now.tv_sec) * 1000000000 + (deadline->tv_nsec - now.tv_nsec);
    return ns < 0 ? 0 : ns;
}

/// A blocking wait with the GIL released: lock_request · (the wait) · lock_acquire (· lock_release at once
/// for an unnamed object, whose holds are not seen).
static int32_t begin_wait(thread_state *t, sem_t *semaphore, int64_t timeout, uint32_t *slot) {
    if (!recording(t) || t->gil == GIL_HOLDING) return 0;
    int32_t obj = lookup_slot((uintptr_t)semaphore, slot);
    if (obj == 0) {
        if (t->python_wait_depth > 0) return 0;
        obj = -unnamed_object((uintptr_t)semaphore);
    } else if (obj > 0) {
        __atomic_add_fetch(&waiting[*slot], 1, __ATOMIC_RELAXED);
    }
    gilrec_emit(GILREC_LOCK_REQUEST, obj > 0 ? obj : -obj, timeout);
    t->since_release = SINCE_LOCK;
    return obj;
}

static void end_wait(int32_t obj, int result, uint32_t slot) {
    if (!obj) return;
    if (obj > 0) __atomic_sub_fetch(&waiting[slot], 1, __ATOMIC_RELAXED);
    gilrec_emit(GILREC_LOCK_ACQUIRE, obj > 0 ? obj : -obj, result == 0);
    if (obj < 0 && result == 0) gilrec_emit(GILREC_LOCK_RELEASE, -obj, 0);
}

EXPORT int sem_wait(sem_t *semaphore) {
    if (UNLIKELY(!real_sem_wait)) gilrec_resolve_locks();
    uint32_t slot = 0;
    int32_t obj = begin_wait(gilrec_self(), semaphore, -1, &slot);
    int result = real_sem_wait(semaphore);
    int error = errno;
    end_wait(obj, result, slot);
    errno = error;
    return result;
}

EXPORT int sem_timedwait(sem_t *semaphore, const struct timespec *deadline) {
    if (UNLIKELY(!real_sem_timedwait)) gilrec_resolve_locks();
    uint32_t slot = 0;
    int32_t obj = begin_wait(gilrec_self(), semaphore, timeout_ns(CLOCK_REALTIME, deadline), &slot);
    int result = real_sem_timedwait(semaphore, deadline);
    int error = errno;
    end_wait(obj, result, slot);
    errno = error;
    return result;
}

EXPORT int sem_clockwait(sem_t *semaphore, clockid_t clock, const struct timespec *deadline) {
    if (UNLIKELY(!real_sem_clockwait)) gilrec_resolve_locks();
    if (!real_sem_clockwait) {
        errno = ENOSYS;
        return -1;
    }
    uint32_t slot = 0;
    int32_t obj = begin_wait(gilrec_self(), semaphore, timeout_ns(clock, deadline), &slot);
    int result = real_sem_clockwait(semaphore, clock, deadline);
    int error = errno;
    end_wait(obj, result, slot);
    errno = error;
    return result;
}

EXPORT int sem_trywait(sem_t *semaphore) {
    if (UNLIKELY(!real_sem_trywait)) gilrec_resolve_locks();
    int result = real_sem_trywait(semaphore);
    if (result == 0) {
        thread_state *t = gilrec_self();
        if (recording(t)) {
            int32_t obj = lookup((uintptr_t)semaphore);
            // An uncontended acquire of a named lock: request and acquire at one instant, as gilrec's runtime,
            // written with the release (or before anything else this thread records meanwhile).
            if (obj > 0) gilrec_defer_lock_acquire(t, obj);
        }
    }
    return result;
}

EXPORT int sem_post(sem_t *semaphore) {
    if (UNLIKELY(!real_sem_post)) gilrec_resolve_locks();
    thread_state *t = gilrec_self();
    if (recording(t)) {
        uint32_t slot = 0;
        int32_t obj = lookup_slot((uintptr_t)semaphore, &slot);
        if (obj > 0) {
            int error = errno;
            if (all_holds < 0) {
                const char *holds = getenv(GILREC_ENV_LOCK_HOLDS);
                all_holds = holds && !strcmp(holds, "all");
            }
            gilrec_emit_lock_release(t, obj, all_holds || __atomic_load_n(&waiting[slot], __ATOMIC_RELAXED) > 0);
            errno = error;
        }
    }
    return real_sem_post(semaphore);
}

EXPORT int sem_destroy(sem_t *semaphore) {
    if (UNLIKELY(!real_sem_destroy)) gilrec_resolve_locks();
    // The lock is freed; its address may come back as another lock's.
    if (__atomic_load_n(&mapped, __ATOMIC_RELAXED)) gilrec_map_semaphore((uintptr_t)semaphore, 0);
    return real_sem_destroy(semaphore);
}
