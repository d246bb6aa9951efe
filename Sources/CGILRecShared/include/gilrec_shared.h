// The files the preloaded library (libgilrec.so, inside a real CPython process) and gilrec share while a
// program records: declared once here, included by the C producer (Sources/GILRecPreload) and imported by
// the Swift consumer (GILRecorder's CPython engine). See docs/cpython-engine.md.
//
// One session directory per `gilrec run --python`, one pair of files per recorded process in it:
//   proc-<pid>.rings  a gilrec_process_header, then ring_count gilrec_ring headers, then the rings' slots
//                     (ring_count × ring_capacity × 32 bytes); mapped MAP_SHARED by both sides, so events the
//                     producer published survive a kill -9 of either process.
//   proc-<pid>.meta   append-only text records (threads, objects, notes, exit), one line each, tab-separated.
#ifndef GILREC_SHARED_H
#define GILREC_SHARED_H

#include <stdint.h>

#define GILREC_MAGIC 0x3143455252494C47ULL  /* "GLIRREC1" little-endian: any other value is not ours */
#define GILREC_FORMAT_VERSION 1

/// One event: the same 32 bytes, field for field, as GILTrace's `Event` (a test checks the offsets).
typedef struct gilrec_event {
    int64_t seq;    // per-process order, from 1
    int64_t ts;     // CLOCK_MONOTONIC ns, or counter ticks (`clock` of the header): the consumer converts
    int64_t arg;
    int32_t obj;
    uint16_t tid;   // small thread id in first-event order; the arming thread is 1
    uint8_t kind;   // GILTrace.EventKind raw value
    uint8_t reserved;
} gilrec_event;

/// Ring states.
enum {
    GILREC_RING_FREE = 0,     // no owner; a thread may claim it (CAS to OWNED)
    GILREC_RING_OWNED = 1,    // a thread writes it
    GILREC_RING_RETIRED = 2,  // its thread ended; the consumer frees it once drained
};

/// A single-producer/single-consumer ring: the owning thread stores slots then `head` (release); the
/// consumer copies slots below `head` (acquire) and then stores `tail`. Both only grow; slot = index & mask.
/// `head` and `tail` live on separate cache lines so neither side's stores bounce the other's line.
typedef struct gilrec_ring {
    int64_t head;
    char pad_head[56];
    int64_t tail;
    char pad_tail[56];
    int32_t state;
    int32_t tid;      // small tid of the current owner
    int32_t os_tid;   // gettid() of the current owner
    char pad_state[52];
} gilrec_ring;

/// What events' timestamps are: gilrec asks for the CPU's counter (GILREC_ENV_CLOCK=ticks) where its own
/// recorder trusts it (GILCore's TickClock: the kernel's clocksource is the TSC); the consumer converts.
enum {
    GILREC_CLOCK_MONOTONIC = 0,  // CLOCK_MONOTONIC nanoseconds
    GILREC_CLOCK_TICKS = 1,      // rdtsc / cntvct_el0
};

/// Process states.
enum {
    GILREC_PROCESS_STARTING = 0,  // file created, GIL not found yet: no events
    GILREC_PROCESS_ARMED = 1,     // recording
    GILREC_PROCESS_DISARMED = 2,  // gave up (see the meta file's notes); the program runs on unrecorded
    GILREC_PROCESS_EXITED = 3,    // exit() or _exit() was called: `exit_code` is set
};

typedef struct gilrec_process_header {
    uint64_t magic;
    uint32_t version;
    uint32_t header_bytes;     // sizeof(gilrec_process_header): where the ring headers begin
    uint32_t ring_count;
    uint32_t ring_capacity;    // slots per ring, a power of two
    int32_t pid;
    int32_t ppid;
    int64_t origin_ns;         // CLOCK_MONOTONIC when the file was created: the run's time zero
    int64_t next_seq;          // atomic: the last sequence number handed out
    int64_t dropped;           // atomic: events that found no ring or no room
    int32_t next_tid;          // atomic: the last small tid handed out
    int32_t state;             // atomic: GILREC_PROCESS_*
    int32_t exit_code;         // valid once state == EXITED
    int32_t consumer_pid;      // gilrec's pid: a producer stops waiting for room once it is gone
    int32_t clock;             // GILREC_CLOCK_*: what events' `ts` holds
    int32_t reserved_int;
    int64_t origin_ticks;      // the counter when the file was created (GILREC_CLOCK_TICKS only)
    char reserved[40];
} gilrec_process_header;

/// Where ring `index`'s header and slots are in a mapped process file.
static inline gilrec_ring *gilrec_ring_at(gilrec_process_header *header, uint32_t index) {
    return (gilrec_ring *)((char *)header + header->header_bytes) + index;
}

static inline gilrec_event *gilrec_slots_of(gilrec_process_header *header, uint32_t index) {
    char *slots = (char *)gilrec_ring_at(header, header->ring_count);
    return (gilrec_event *)slots + (uint64_t)index * header->ring_capacity;
}

static inline uint64_t gilrec_file_bytes(uint32_t ring_count, uint32_t ring_capacity) {
    return sizeof(gilrec_process_header) + (uint64_t)ring_count * sizeof(gilrec_ring)
        + (uint64_t)ring_count * ring_capacity * sizeof(gilrec_event);
}

// Atomics for the consumer (Swift has no atomic view of foreign memory); the producer uses the same builtins.
static inline int64_t gilrec_load_acquire(const int64_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static inline void gilrec_store_release(int64_t *p, int64_t v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }
static inline int32_t gilrec_load32_acquire(const int32_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static inline void gilrec_store32_release(int32_t *p, int32_t v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }
static inline int gilrec_cas32(int32_t *p, int32_t expected, int32_t desired) {
    return __atomic_compare_exchange_n(p, &expected, desired, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

/// Environment variables gilrec sets for the program (children inherit them).
#define GILREC_ENV_SESSION "GILREC_SESSION"          // the session directory
#define GILREC_ENV_CONSUMER "GILREC_CONSUMER_PID"    // gilrec's pid
#define GILREC_ENV_RING_CAPACITY "GILREC_RING_CAPACITY"  // optional: slots per ring (tests use small rings)
#define GILREC_ENV_DISABLE "GILREC_DISABLE"          // tests: pretend the layout is unknown ("layout") or the build free-threaded ("nogil")
#define GILREC_ENV_CLOCK "GILREC_CLOCK"              // "ticks": timestamp events with the CPU's counter
#define GILREC_ENV_STACKS "GILREC_STACKS"          // "off": no stacks (`gilrec run --no-stacks`)
#define GILREC_ENV_LOCK_HOLDS "GILREC_LOCK_HOLDS"    // "all": record every hold of a named lock, not only
                                                     // those another thread waited through

#endif

#ifndef GILREC_CODES_H
#define GILREC_CODES_H
// The codes of GILTrace's enums the producer writes (EventKind, GILRequestReason, GILReleaseReason, IOKind,
// ObjectKind order of `gilrec_object_kind_names`). GILRecorderTests checks each against its Swift twin.
enum {
    GILREC_THREAD_START = 1, GILREC_THREAD_END = 2, GILREC_GIL_REQUEST = 3, GILREC_GIL_ACQUIRE = 4,
    GILREC_GIL_DROP_REQUEST = 5, GILREC_GIL_RELEASE = 6, GILREC_LOCK_REQUEST = 7, GILREC_LOCK_ACQUIRE = 8,
    GILREC_LOCK_RELEASE = 9, GILREC_IO_BEGIN = 10, GILREC_IO_END = 11, GILREC_OS_CTX = 12, GILREC_MARK = 13,
    // arg = the thread's stack id from here on (a meta record describes it first); see EventKind.stack.
    GILREC_STACK = 14,
};
enum {
    GILREC_REQUEST_START = 1, GILREC_REQUEST_IO = 2, GILREC_REQUEST_AFTER_DROP = 3,
    GILREC_REQUEST_BLOCKING_CALL = 4, GILREC_REQUEST_NATIVE = 5,
};
enum {
    GILREC_RELEASE_INTERVAL = 1, GILREC_RELEASE_IO = 2, GILREC_RELEASE_BLOCKING_CALL = 3, GILREC_RELEASE_EXIT = 4,
    GILREC_RELEASE_YIELD = 5, GILREC_RELEASE_NATIVE = 6,
};
enum {
    GILREC_IO_SLEEP = 1, GILREC_IO_FILE_READ = 2, GILREC_IO_FILE_WRITE = 3, GILREC_IO_CONNECT = 4,
    GILREC_IO_ACCEPT = 5, GILREC_IO_RECV = 6, GILREC_IO_SEND = 7, GILREC_IO_URLOPEN = 8, GILREC_IO_HASH = 9,
    GILREC_IO_POLL = 10, GILREC_IO_PROCESS_WAIT = 11,
};
#endif
