// The `_gilrec` extension module: the start-up code (sitecustomize.py) loads this same library as an
// extension module to find and arm the GIL, name threads and objects, and bracket Python-level waits.
//
// No Python headers: the few C-API functions and structs used are declared here, as they have been since
// 3.3 (the stable ABI's PyModuleDef, METH_FASTCALL since 3.7). Every Python symbol is a weak reference, so the
// library still loads into processes that are not Python (bash, ls…), where none of this is ever called.
#include "preload.h"

#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct _object PyObject;
typedef ssize_t Py_ssize_t;
#define WEAK __attribute__((weak))
extern PyObject *PyLong_FromLongLong(long long) WEAK;
extern long long PyLong_AsLongLong(PyObject *) WEAK;
extern const char *PyUnicode_AsUTF8AndSize(PyObject *, Py_ssize_t *) WEAK;
extern PyObject *PyUnicode_FromString(const char *) WEAK;
extern PyObject *PyErr_Occurred(void) WEAK;
extern void PyErr_SetString(PyObject *, const char *) WEAK;
extern PyObject *PyExc_RuntimeError WEAK;
extern PyObject *PyExc_TypeError WEAK;
extern void *PyThreadState_Get(void) WEAK;
extern void *PyEval_SaveThread(void) WEAK;
extern void PyEval_RestoreThread(void *) WEAK;
extern PyObject *PyModule_Create2(void *, int) WEAK;
extern void *PyGILState_GetThisThreadState(void) WEAK;
extern void *PyInterpreterState_Get(void) WEAK;
extern void *PyInterpreterState_Main(void) WEAK;
extern PyObject *PyModuleDef_Init(void *) WEAK;
extern const unsigned long Py_Version WEAK;

typedef struct { Py_ssize_t refcount; void *type; } ObjectHead;
typedef struct { ObjectHead head; void *init; Py_ssize_t index; void *copy; } ModuleDefBase;
typedef struct { const char *name; void *function; int flags; const char *doc; } MethodDef;
typedef struct {
    ModuleDefBase base;
    const char *name;
    const char *doc;
    Py_ssize_t size;
    MethodDef *methods;
    void *slots, *traverse, *clear, *free;
} ModuleDef;
enum { METH_FASTCALL = 0x0080, PYTHON_API_VERSION = 1013 };

typedef PyObject *(*FastFunction)(PyObject *, PyObject *const *, Py_ssize_t);

// MARK: - Arguments

static int fail(PyObject *type, const char *message) {
    PyErr_SetString(type, message);
    return 0;
}

static int arguments(Py_ssize_t given, Py_ssize_t wanted, const char *function) {
    if (given == wanted) return 1;
    char message[128];
    snprintf(message, sizeof message, "_gilrec.%s takes %zd arguments (%zd given)", function, wanted, given);
    return fail(PyExc_TypeError, message);
}

static int integer(PyObject *value, long long *out) {
    *out = PyLong_AsLongLong(value);
    return !(*out == -1 && PyErr_Occurred());
}

static const char *text(PyObject *value) {
    Py_ssize_t length;
    return PyUnicode_AsUTF8AndSize(value, &length);
}

static PyObject *number(long long value) { return PyLong_FromLongLong(value); }

// MARK: - Finding the GIL

/// Addresses inside `_PyRuntime` that look like the GIL for every marker scanned so far.
enum { MAX_CANDIDATES = 64 };
static uintptr_t candidates[MAX_CANDIDATES];
static int candidate_count = -1;  // -1: nothing scanned yet

/// scan(marker_us): called while the only thread holds the GIL, after sys.setswitchinterval(marker_us / 1e6):
/// keeps the addresses with interval == marker, last_holder == this thread's state, locked == 1.
static PyObject *scan(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    long long marker;
    if (!arguments(nargs, 1, "scan") || !integer(args[0], &marker)) return NULL;
    char *runtime = dlsym(RTLD_DEFAULT, "_PyRuntime");
    Dl_info info;
    const ElfW(Sym) *symbol = NULL;
    if (!runtime || !dladdr1(runtime, &info, (void **)&symbol, RTLD_DL_SYMENT) || !symbol || symbol->st_size < GIL_SIZE) {
        return number(-1);
    }
    uintptr_t tstate = (uintptr_t)PyThreadState_Get();
    uintptr_t found[MAX_CANDIDATES];
    int count = 0;
    for (size_t offset = 0; offset + GIL_SIZE <= symbol->st_size; offset += 8) {
        char *p = runtime + offset;
        if (*(unsigned long *)(p + GIL_INTERVAL) != (unsigned long)marker) continue;
        if (*(uintptr_t *)(p + GIL_LAST_HOLDER) != tstate || *(int *)(p + GIL_LOCKED) != 1) continue;
        uintptr_t address = (uintptr_t)p;
        int keep = candidate_count < 0;
        for (int i = 0; !keep && i < candidate_count; i++) keep = candidates[i] == address;
        if (keep && count < MAX_CANDIDATES) found[count++] = address;
    }
    memcpy(candidates, found, sizeof(uintptr_t) * (size_t)count);
    candidate_count = count;
    return number(count);
}

/// The offset of the runtime's GIL inside `_PyRuntime` once found (for the notes), else -1.
static PyObject *gil_offset(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self, (void)args, (void)nargs;
    char *runtime = dlsym(RTLD_DEFAULT, "_PyRuntime");
    if (!gilrec_gil || !runtime) return number(-1);
    return number((long long)(gilrec_gil - (uintptr_t)runtime));
}

/// Where a `_thread.lock`/`RLock` object keeps its `PyThread_type_lock` (a `sem_t *`), 0 = not on this
/// version (3.13's PyMutex locks).
static size_t lock_offset;

/// open() → "" once this process's recording files exist in the session directory, else why not.
static PyObject *open_files(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self, (void)args;
    if (!arguments(nargs, 0, "open")) return NULL;
    if (gilrec_process) return PyUnicode_FromString("");
    int error = gilrec_open_process();
    if (!error) return PyUnicode_FromString("");
    char message[200];
    snprintf(message, sizeof message, "cannot create the recording files in $%s: %s", GILREC_ENV_SESSION, strerror(error));
    return PyUnicode_FromString(message);
}

/// disarm(why): nothing is recorded in this process; the run's notes say why.
static PyObject *disarm(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (!arguments(nargs, 1, "disarm")) return NULL;
    const char *why = text(args[0]);
    if (!why) return NULL;
    gilrec_disarm(why);
    return number(0);
}

/// lock_state(lock, offset) → the value of the semaphore a `_thread.lock` keeps at `offset` (1 free, 0 taken),
/// or -1 when there is no plausible pointer there: the start-up code's check of the lock layout.
static PyObject *lock_state(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    long long offset;
    if (!arguments(nargs, 2, "lock_state") || !integer(args[1], &offset)) return NULL;
    if (offset != 16 && offset != 32) return number(-1);
    uintptr_t semaphore = *(uintptr_t *)((char *)args[0] + offset);
    if (semaphore < 4096 || (semaphore & 7) != 0) return number(-1);
    int value = -1;
    if (sem_getvalue((sem_t *)semaphore, &value) != 0) return number(-1);
    return number(value);
}

/// thread_id() → the calling thread's tid in the run (0 when not recording).
static PyObject *thread_id(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self, (void)args, (void)nargs;
    thread_state *t = gilrec_self();
    return number(gilrec_thread_ready(t) ? t->tid : 0);
}

/// arm(lock_offset, parked_waits) → "" when recording, else why not. Needs exactly one candidate from scan.
/// Self-test first: one release and re-take of the GIL by this thread must be seen as exactly one release,
/// one request and one acquire, or nothing is recorded.
static PyObject *arm(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    long long offset, parked;
    if (!arguments(nargs, 2, "arm") || !integer(args[0], &offset) || !integer(args[1], &parked)) return NULL;
    if (gilrec_armed) return PyUnicode_FromString("");
    if (candidate_count != 1) {
        char message[160];
        snprintf(message, sizeof message, "the GIL was not found in _PyRuntime (%d candidates after the scans)",
                 candidate_count < 0 ? 0 : candidate_count);
        return PyUnicode_FromString(message);
    }
    if (getenv(GILREC_ENV_DISABLE) && !strcmp(getenv(GILREC_ENV_DISABLE), "layout")) {
        return PyUnicode_FromString("unrecognised GIL layout (simulated by " GILREC_ENV_DISABLE "=layout)");
    }
    thread_state *t = gilrec_self();
    gilrec_gil = candidates[0];
    t->gil = GIL_HOLDING;
    t->selftest_requests = t->selftest_acquires = t->selftest_releases = 0;
    void *state = PyEval_SaveThread();
    PyEval_RestoreThread(state);
    if (t->selftest_releases != 1 || t->selftest_requests != 1 || t->selftest_acquires != 1 || t->gil != GIL_HOLDING) {
        char message[200];
        snprintf(message, sizeof message,
                 "self-test failed: one GIL release and re-take was seen as %u releases, %u requests, %u acquires",
                 t->selftest_releases, t->selftest_requests, t->selftest_acquires);
        gilrec_gil = 0;
        t->gil = GIL_NONE;
        return PyUnicode_FromString(message);
    }
    if (!gilrec_process) {
        gilrec_gil = 0;
        t->gil = GIL_NONE;
        return PyUnicode_FromString("the recording files are not open (call open first)");
    }
    lock_offset = (size_t)offset;
    extern int gilrec_parked_waits;
    gilrec_parked_waits = (int)parked;
    gilrec_set_armed();
    // This thread held the GIL before recording began: its hold starts now, as if just taken.
    if (gilrec_thread_ready(t)) {
        t->requested_before = 1;
        t->python_ran = 1;
        t->tstate = (uintptr_t)PyThreadState_Get();
        gilrec_remember_tstate(t->tstate, t->tid);
        gilrec_emit(GILREC_GIL_REQUEST, 0, GILREC_REQUEST_START);
        gilrec_emit(GILREC_GIL_ACQUIRE, 0, (int64_t)*(unsigned long *)(gilrec_gil + GIL_SWITCH_NUMBER));
    }
    return PyUnicode_FromString("");
}

// MARK: - Names

/// thread(name, parent_tid, daemon) → this thread's tid: its name in the run (Thread._bootstrap calls it).
static PyObject *thread(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    long long parent, daemon;
    if (!arguments(nargs, 3, "thread") || !integer(args[1], &parent) || !integer(args[2], &daemon)) return NULL;
    const char *name = text(args[0]);
    if (!name) return NULL;
    thread_state *t = gilrec_self();
    if (!gilrec_thread_ready(t)) return number(0);
    char tid[24], parent_tid[24], is_daemon[4];
    snprintf(tid, sizeof tid, "%d", t->tid);
    snprintf(parent_tid, sizeof parent_tid, "%lld", parent);
    snprintf(is_daemon, sizeof is_daemon, "%d", daemon != 0);
    const char *fields[] = {tid, name, parent_tid, is_daemon};
    gilrec_meta("T", 4, fields);
    return number(t->tid);
}

static void describe(int32_t id, const char *kind, const char *name, long long line) {
    char number_text[24], line_text[24];
    snprintf(number_text, sizeof number_text, "%d", id);
    snprintf(line_text, sizeof line_text, "%lld", line);
    const char *fields[] = {number_text, kind, name, line_text};
    gilrec_meta("O", 4, fields);
}

/// register(kind, name, line) → object id, for objects recorded by Python-level brackets (Event, Condition…).
static PyObject *register_object(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    long long line;
    if (!arguments(nargs, 3, "register") || !integer(args[2], &line)) return NULL;
    const char *kind = text(args[0]), *name = kind ? text(args[1]) : NULL;
    if (!name) return NULL;
    if (!gilrec_armed) return number(0);
    int32_t id = gilrec_new_object();
    describe(id, kind, name, line);
    return number(id);
}

/// register_lock(lock, kind, name, line) → object id for a Lock or RLock; on versions with a semaphore per
/// lock it is mapped, so its acquisitions, waits and releases are recorded from C.
static PyObject *register_lock(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    long long line;
    if (!arguments(nargs, 4, "register_lock") || !integer(args[3], &line)) return NULL;
    const char *kind = text(args[1]), *name = kind ? text(args[2]) : NULL;
    if (!name) return NULL;
    if (!gilrec_armed) return number(0);
    int32_t id = gilrec_new_object();
    describe(id, kind, name, line);
    if (lock_offset) {
        uintptr_t semaphore = *(uintptr_t *)((char *)args[0] + lock_offset);
        if (semaphore && (semaphore & 7) == 0) gilrec_map_semaphore(semaphore, id);
    }
    return number(id);
}

/// rename(id, kind, name, line): a better name learnt later (a Queue names its mutex and conditions).
static PyObject *rename_object(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    long long id, line;
    if (!arguments(nargs, 4, "rename") || !integer(args[0], &id) || !integer(args[3], &line)) return NULL;
    const char *kind = text(args[1]), *name = kind ? text(args[2]) : NULL;
    if (!name) return NULL;
    if (gilrec_armed && id > 0) describe((int32_t)id, kind, name, line);
    return number(id);
}

/// forget(lock): a lock internal to another object (an Event's, a Semaphore's): its waits belong to that
/// object's Python-level brackets.
static PyObject *forget(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (!arguments(nargs, 1, "forget")) return NULL;
    if (lock_offset) {
        uintptr_t semaphore = *(uintptr_t *)((char *)args[0] + lock_offset);
        if (semaphore) gilrec_map_semaphore(semaphore, 0);
    }
    return number(0);
}

/// is_main_interpreter() → 1 unless the calling thread runs in a sub-interpreter (whose start-up code must not
/// arm: the process armed once, from the main interpreter).
static PyObject *is_main_interpreter(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self, (void)args;
    if (!arguments(nargs, 0, "is_main_interpreter")) return NULL;
    if (!PyInterpreterState_Get || !PyInterpreterState_Main) return number(1);
    return number(PyInterpreterState_Get() == PyInterpreterState_Main());
}

static PyObject *note(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (!arguments(nargs, 1, "note")) return NULL;
    const char *message = text(args[0]);
    if (!message) return NULL;
    gilrec_meta_note(message);
    return number(0);
}

// MARK: - Python-level waits

/// wait_begin(obj, timeout_ns) → token: lock_request, unless a wait is already open on this thread (a
/// Semaphore's acquire calls its Condition's wait: the outer object is what the program waits for).
static PyObject *wait_begin(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    long long obj, timeout;
    if (!arguments(nargs, 2, "wait_begin") || !integer(args[0], &obj) || !integer(args[1], &timeout)) return NULL;
    thread_state *t = gilrec_self();
    if (t->python_wait_depth++ > 0 || !gilrec_armed || obj <= 0) return number(0);
    gilrec_emit(GILREC_LOCK_REQUEST, (int32_t)obj, timeout);
    return number(1);
}

/// wait_end(obj, token, result, instant) — lock_acquire(result) for the outermost wait, and lock_release at
/// once for wait-only objects (Event, Condition, Barrier, join) when it succeeded.
static PyObject *wait_end(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    long long obj, token, result, instant;
    if (!arguments(nargs, 4, "wait_end") || !integer(args[0], &obj) || !integer(args[1], &token)
        || !integer(args[2], &result) || !integer(args[3], &instant)) {
        return NULL;
    }
    thread_state *t = gilrec_self();
    if (t->python_wait_depth > 0) t->python_wait_depth--;
    if (token && gilrec_armed) {
        gilrec_emit(GILREC_LOCK_ACQUIRE, (int32_t)obj, result);
        if (instant && result) gilrec_emit(GILREC_LOCK_RELEASE, (int32_t)obj, 0);
    }
    return number(0);
}

/// release(obj): lock_release(obj, 0) — a Semaphore released, an Event set.
static PyObject *release(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    long long obj;
    if (!arguments(nargs, 1, "release") || !integer(args[0], &obj)) return NULL;
    if (gilrec_armed && obj > 0) gilrec_emit(GILREC_LOCK_RELEASE, (int32_t)obj, 0);
    return number(0);
}

// MARK: - Stacks

/// enable_stacks(minor) → "" when the frame layout of CPython 3.minor is known (the start-up code then
/// checks it with frames()), else why not.
static PyObject *enable_stacks(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    long long minor;
    if (!arguments(nargs, 1, "enable_stacks") || !integer(args[0], &minor)) return NULL;
    if (!PyGILState_GetThisThreadState) return PyUnicode_FromString("PyGILState_GetThisThreadState is missing");
    const char *why = gilrec_enable_stacks((int)minor, PyGILState_GetThisThreadState);
    return PyUnicode_FromString(why ? why : "");
}

static PyObject *disable_stacks(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self, (void)args, (void)nargs;
    gilrec_disable_stacks();
    return number(0);
}

/// frames() → the calling thread's frames as read from C, "file\tfunction\tline" lines, innermost first.
static PyObject *frames(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self, (void)args, (void)nargs;
    static char text[16384];
    gilrec_describe_frames(text, sizeof text);
    return PyUnicode_FromString(text);
}

// MARK: - The module

static MethodDef methods[] = {
    {"open", (void *)(FastFunction)open_files, METH_FASTCALL, NULL},
    {"enable_stacks", (void *)(FastFunction)enable_stacks, METH_FASTCALL, NULL},
    {"disable_stacks", (void *)(FastFunction)disable_stacks, METH_FASTCALL, NULL},
    {"frames", (void *)(FastFunction)frames, METH_FASTCALL, NULL},
    {"disarm", (void *)(FastFunction)disarm, METH_FASTCALL, NULL},
    {"lock_state", (void *)(FastFunction)lock_state, METH_FASTCALL, NULL},
    {"thread_id", (void *)(FastFunction)thread_id, METH_FASTCALL, NULL},
    {"scan", (void *)(FastFunction)scan, METH_FASTCALL, NULL},
    {"gil_offset", (void *)(FastFunction)gil_offset, METH_FASTCALL, NULL},
    {"arm", (void *)(FastFunction)arm, METH_FASTCALL, NULL},
    {"thread", (void *)(FastFunction)thread, METH_FASTCALL, NULL},
    {"register", (void *)(FastFunction)register_object, METH_FASTCALL, NULL},
    {"register_lock", (void *)(FastFunction)register_lock, METH_FASTCALL, NULL},
    {"rename", (void *)(FastFunction)rename_object, METH_FASTCALL, NULL},
    {"forget", (void *)(FastFunction)forget, METH_FASTCALL, NULL},
    {"note", (void *)(FastFunction)note, METH_FASTCALL, NULL},
    {"is_main_interpreter", (void *)(FastFunction)is_main_interpreter, METH_FASTCALL, NULL},
    {"wait_begin", (void *)(FastFunction)wait_begin, METH_FASTCALL, NULL},
    {"wait_end", (void *)(FastFunction)wait_end, METH_FASTCALL, NULL},
    {"release", (void *)(FastFunction)release, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static ModuleDef module = {
    .base = {.head = {1, NULL}},
    .name = "_gilrec",
    .doc = "gilrec's recorder inside CPython (see gilrec's docs/cpython-engine.md).",
    .size = -1,
    .methods = methods,
};

// 3.12+: a sub-interpreter with its own GIL imports only multi-phase modules that say they support that
// (Py_mod_multiple_interpreters = Py_MOD_PER_INTERPRETER_GIL_SUPPORTED); its start-up code then loads this
// module to say, in the run's notes, that such an interpreter ran. Older versions reject the slot id.
typedef struct { int slot; void *value; } ModuleSlot;
static ModuleSlot isolated_slots[] = {{3, (void *)2}, {0, NULL}};
static ModuleDef isolated_module = {
    .base = {.head = {1, NULL}},
    .name = "_gilrec",
    .doc = "gilrec's recorder inside CPython (see gilrec's docs/cpython-engine.md).",
    .size = 0,
    .methods = methods,
    .slots = isolated_slots,
};

EXPORT PyObject *PyInit__gilrec(void) {
    if (&Py_Version && Py_Version >= 0x030C0000 && PyModuleDef_Init) return PyModuleDef_Init(&isolated_module);
    return PyModule_Create2(&module, PYTHON_API_VERSION);
}
