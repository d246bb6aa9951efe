// Where a thread was, for real-CPython runs (issue #14): before an event that carries a stack (GIL request,
// acquire and release, lock events, io_begin), the emitting thread reads its own Python frames — without
// calling into Python, with or without the GIL: the frames are its own and stand still while it is inside a C
// call — interns their code locations and the stack, and announces a changed stack with a `stack` event
// (GILREC_STACK), after meta records that describe new locations ("L") and stacks ("K").
//
// Layouts (x86-64 release builds, from each version's Include/internal/pycore_frame.h, cpython/frameobject.h,
// cpython/code.h and cpython/pystate.h): 3.11 and 3.12 reach the innermost frame through
// tstate->cframe->current_frame, 3.13 through tstate->current_frame; 3.8–3.10 keep frames as PyFrameObjects
// linked by f_back from tstate->frame, the instruction in f_lasti. The start-up code checks the reading against
// sys._getframe() before trusting it (else the run's notes say why there are no stacks).
#include "preload.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    size_t cframe;          // PyThreadState.cframe (3.11, 3.12), or (size_t)-1
    size_t current_frame;   // _PyCFrame.current_frame, or PyThreadState.current_frame (3.13)
    size_t code, previous, instr, owner;
    int cstack_owner;       // FRAME_OWNED_BY_CSTACK (3.12+), or -1
    size_t filename, qualname, linetable, firstlineno, firsttraceable, code_units;
    size_t ascii_header, compact_header;
    // 3.8–3.10 (frame objects): PyFrameObject.f_lasti, and how many bytes one step of it is (0: 3.11+).
    size_t lasti;
    int lasti_scale;
    int table;              // the line table's format: TABLE_LOCATIONS (3.11+), TABLE_LINETABLE, TABLE_LNOTAB
} layout;

enum { TABLE_LOCATIONS = 0, TABLE_LINETABLE = 1, TABLE_LNOTAB = 2 };

static const layout layouts[] = {
    // 3.8, 3.9: tstate->frame, f_back, f_code, f_lasti in bytes; co_filename, co_name (no co_qualname), co_lnotab
    {(size_t)-1, 24, 32, 24, 0, 0, -1, 104, 112, 120, 40, 0, 0, 48, 72, 104, 1, TABLE_LNOTAB},
    {(size_t)-1, 24, 32, 24, 0, 0, -1, 104, 112, 120, 40, 0, 0, 48, 72, 104, 1, TABLE_LNOTAB},
    // 3.10: f_lasti counts code units (2 bytes); co_linetable
    {(size_t)-1, 24, 32, 24, 0, 0, -1, 104, 112, 120, 40, 0, 0, 48, 72, 96, 2, TABLE_LINETABLE},
    // 3.11
    {56, 8, 32, 48, 56, 69, -1, 112, 128, 136, 72, 168, 184, 48, 72, 0, 0, TABLE_LOCATIONS},
    // 3.12
    {56, 0, 0, 8, 56, 70, 3, 112, 128, 136, 68, 176, 192, 40, 56, 0, 0, TABLE_LOCATIONS},
    // 3.13
    {(size_t)-1, 72, 0, 8, 56, 70, 3, 112, 128, 136, 68, 184, 200, 40, 56, 0, 0, TABLE_LOCATIONS},
};

static const layout *L;  // NULL: no stacks
enum { OWNED_BY_GENERATOR = 1, MAX_FRAMES = 48 };

/// The calling thread's PyThreadState (its own, fresh even when a C extension made a new one).
static void *(*get_thread_state)(void);

// MARK: - Interning

/// (code object, its line table, instruction offset) → location id, and (parent stack, location) → stack id.
/// Guarded by a spin lock: only a stack that changed reaches these maps.
enum { LOCATION_SLOTS = 1 << 16, STACK_SLOTS = 1 << 16 };
typedef struct { uintptr_t code, table; int64_t offset; int32_t id; } location_key;
typedef struct { int32_t parent, location, id; } stack_key;
static location_key *locations;
static stack_key *stacks;
static int32_t next_location, next_stack;
static int intern_lock;

static void lock_interning(void) {
    while (__atomic_exchange_n(&intern_lock, 1, __ATOMIC_ACQUIRE)) __builtin_ia32_pause();
}
static void unlock_interning(void) { __atomic_store_n(&intern_lock, 0, __ATOMIC_RELEASE); }

static inline uint32_t mix(uint64_t a, uint64_t b) {
    uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
    return (uint32_t)(h ^ (h >> 31));
}

// MARK: - Reading CPython's objects

#define AT(pointer, offset, type) (*(type *)((char *)(pointer) + (offset)))

/// A str's text as UTF-8 into `out` (compact strings only: code objects' names always are).
static void string_of(void *object, char *out, size_t size) {
    out[0] = 0;
    if (!object || size < 8) return;
    uint32_t state = AT(object, 32, uint32_t);
    unsigned kind = (state >> 2) & 7, compact = (state >> 5) & 1, ascii = (state >> 6) & 1;
    int64_t length = AT(object, 16, int64_t);
    if (!compact || length < 0) return;
    const unsigned char *data = (const unsigned char *)object + (ascii ? L->ascii_header : L->compact_header);
    size_t n = 0;
    for (int64_t i = 0; i < length && n + 5 < size; i++) {
        uint32_t c = kind == 1 ? data[i] : kind == 2 ? ((const uint16_t *)data)[i] : ((const uint32_t *)data)[i];
        if (c < 0x80) {
            out[n++] = (char)c;
        } else if (c < 0x800) {
            out[n++] = (char)(0xC0 | (c >> 6));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[n++] = (char)(0xE0 | (c >> 12));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[n++] = (char)(0xF0 | (c >> 18));
            out[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[n] = 0;
}

static uint32_t varint(const unsigned char **p, const unsigned char *end) {
    uint32_t value = 0;
    int shift = 0;
    while (*p < end) {
        unsigned char b = *(*p)++;
        value |= (uint32_t)(b & 63) << shift;
        if (!(b & 64)) break;
        shift += 6;
    }
    return value;
}

static int32_t signed_varint(const unsigned char **p, const unsigned char *end) {
    uint32_t value = varint(p, end);
    return (value & 1) ? -(int32_t)(value >> 1) : (int32_t)(value >> 1);
}

/// 3.8/3.9 `PyCode_Addr2Line` over co_lnotab: (address increment, signed line increment) byte pairs.
static int32_t line_of_lnotab(const unsigned char *p, int64_t size, int32_t line, int64_t address) {
    int64_t at = 0;
    for (int64_t i = 0; i + 1 < size; i += 2) {
        at += p[i];
        if (at > address) break;
        line += (signed char)p[i + 1];
    }
    return line;
}

/// 3.10 `PyCode_Addr2Line` over co_linetable: (range length in bytes, signed line delta or -128 for "no
/// line") byte pairs; a range with no line reports the line before it, as tracebacks do.
static int32_t line_of_linetable(const unsigned char *p, int64_t size, int32_t line, int64_t address) {
    int64_t start = 0;
    int32_t shown = line;
    for (int64_t i = 0; i + 1 < size; i += 2) {
        int64_t end = start + p[i];
        int delta = (signed char)p[i + 1];
        if (delta != -128) {
            line += delta;
            shown = line;
        }
        if (start <= address && address < end) return shown;
        start = end;
    }
    return shown;
}

/// The line of instruction `offset` (3.11+: code units; 3.8–3.10: bytes, -1 before the first) from the code
/// object's line table (3.11+: Objects/locations.md).
static int32_t line_of(void *code, int64_t offset) {
    void *table = AT(code, L->linetable, void *);
    int32_t line = AT(code, L->firstlineno, int32_t);
    if (!table) return line;
    if (L->table != TABLE_LOCATIONS) {
        if (offset < 0) return line;
        const unsigned char *bytes = (const unsigned char *)table + 32;
        int64_t size = AT(table, 16, int64_t);
        return L->table == TABLE_LNOTAB ? line_of_lnotab(bytes, size, line, offset) : line_of_linetable(bytes, size, line, offset);
    }
    int64_t size = AT(table, 16, int64_t);
    const unsigned char *p = (const unsigned char *)table + 32, *end = p + size;
    int64_t address = 0;
    while (p < end) {
        unsigned char first = *p++;
        int code_kind = (first >> 3) & 15;
        int length = (first & 7) + 1;
        int32_t delta = 0;
        if (code_kind == 15) {
            delta = 0;  // no location: keep the line
        } else if (code_kind == 14) {
            delta = signed_varint(&p, end);
            varint(&p, end);
            varint(&p, end);
            varint(&p, end);
        } else if (code_kind == 13) {
            delta = signed_varint(&p, end);
        } else if (code_kind >= 10) {
            delta = code_kind - 10;
            p += 2;
        } else {
            p += 1;
        }
        line += delta;
        if (offset < address + length) return line;
        address += length;
    }
    return line;
}

static int32_t intern_location(void *code, int64_t offset) {
    uintptr_t table = (uintptr_t)AT(code, L->linetable, void *);
    uint32_t slot = mix((uintptr_t)code ^ table, (uint64_t)offset) & (LOCATION_SLOTS - 1);
    for (int probe = 0; probe < LOCATION_SLOTS; probe++, slot = (slot + 1) & (LOCATION_SLOTS - 1)) {
        location_key *entry = &locations[slot];
        if (entry->id && entry->code == (uintptr_t)code && entry->table == table && entry->offset == offset) return entry->id;
        if (!entry->id) {
            int32_t id = ++next_location;
            char file[512], function[256], number[24], line[24], first[24];
            string_of(AT(code, L->filename, void *), file, sizeof file);
            string_of(AT(code, L->qualname, void *), function, sizeof function);
            snprintf(number, sizeof number, "%d", id);
            snprintf(line, sizeof line, "%d", line_of(code, offset));
            snprintf(first, sizeof first, "%d", AT(code, L->firstlineno, int32_t));
            const char *fields[] = {number, file, line, function, first};
            gilrec_meta("L", 5, fields);
            *entry = (location_key){(uintptr_t)code, table, offset, id};
            return id;
        }
    }
    return 0;  // full: the frame stays unknown
}

static int32_t intern_stack(int32_t parent, int32_t location, int32_t depth) {
    uint32_t slot = mix((uint64_t)(uint32_t)parent, (uint64_t)(uint32_t)location) & (STACK_SLOTS - 1);
    for (int probe = 0; probe < STACK_SLOTS; probe++, slot = (slot + 1) & (STACK_SLOTS - 1)) {
        stack_key *entry = &stacks[slot];
        if (entry->id && entry->parent == parent && entry->location == location) return entry->id;
        if (!entry->id) {
            int32_t id = ++next_stack;
            char number[24], up[24], at[24], level[24];
            snprintf(number, sizeof number, "%d", id);
            snprintf(up, sizeof up, "%d", parent);
            snprintf(at, sizeof at, "%d", location);
            snprintf(level, sizeof level, "%d", depth);
            const char *fields[] = {number, up, at, level};
            gilrec_meta("K", 4, fields);
            *entry = (stack_key){parent, location, id};
            return id;
        }
    }
    return parent;
}

// MARK: - The frames

/// The calling thread's frames, innermost first: (code, instruction offset in code units). Returns how many.
static int read_frames(void **codes, int64_t *offsets) {
    void *tstate = get_thread_state ? get_thread_state() : NULL;
    if (!tstate) return 0;
    void *frame;
    if (L->cframe != (size_t)-1) {
        void *cframe = AT(tstate, L->cframe, void *);
        if (!cframe) return 0;
        frame = AT(cframe, L->current_frame, void *);
    } else {
        frame = AT(tstate, L->current_frame, void *);
    }
    int count = 0;
    if (L->lasti) {
        // Frame objects: every one in the f_back chain is a Python frame.
        for (int guard = 0; frame && guard < 4096 && count < MAX_FRAMES; guard++) {
            void *code = AT(frame, L->code, void *);
            int lasti = AT(frame, L->lasti, int);
            if (code) {
                codes[count] = code;
                offsets[count] = lasti < 0 ? -1 : (int64_t)lasti * L->lasti_scale;
                count++;
            }
            frame = AT(frame, L->previous, void *);
        }
        return count;
    }
    for (int guard = 0; frame && guard < 4096 && count < MAX_FRAMES; guard++) {
        char owner = AT(frame, L->owner, char);
        void *code = AT(frame, L->code, void *);
        char *instr = AT(frame, L->instr, char *);
        if (owner != L->cstack_owner && code && instr) {
            char *start = (char *)code + L->code_units;
            int64_t offset = (instr - start) / 2;
            int32_t first_traceable = AT(code, L->firsttraceable, int32_t);
            // Incomplete frames (still being set up) are not shown, as CPython does not show them.
            if (owner == OWNED_BY_GENERATOR || offset >= first_traceable) {
                codes[count] = code;
                offsets[count] = offset < 0 ? 0 : offset;
                count++;
            }
        }
        frame = AT(frame, L->previous, void *);
    }
    return count;
}

int32_t gilrec_current_stack(thread_state *t) {
    if (!L) return 0;
    void *codes[MAX_FRAMES];
    int64_t offsets[MAX_FRAMES];
    int count = read_frames(codes, offsets);
    // The common case: the same frames at the same instructions as the thread's previous reading.
    if (count == t->frame_count && count > 0) {
        int same = 1;
        for (int i = 0; i < count && same; i++) same = t->frame_code[i] == (uintptr_t)codes[i] && t->frame_offset[i] == offsets[i];
        if (same) return t->frame_stack;
    }
    int32_t stack = 0;
    lock_interning();
    for (int i = count - 1, depth = 0; i >= 0; i--, depth++) {
        int32_t location = intern_location(codes[i], offsets[i]);
        if (location) stack = intern_stack(stack, location, depth);
    }
    unlock_interning();
    t->frame_count = count;
    for (int i = 0; i < count; i++) {
        t->frame_code[i] = (uintptr_t)codes[i];
        t->frame_offset[i] = offsets[i];
    }
    t->frame_stack = stack;
    return stack;
}

int gilrec_stacks_enabled(void) { return L != NULL; }

int gilrec_describe_frames(char *out, size_t size) {
    if (!L) return 0;
    void *codes[MAX_FRAMES];
    int64_t offsets[MAX_FRAMES];
    int count = read_frames(codes, offsets);
    size_t used = 0;
    out[0] = 0;
    for (int i = 0; i < count && used + 1 < size; i++) {
        char file[512], function[256];
        string_of(AT(codes[i], L->filename, void *), file, sizeof file);
        string_of(AT(codes[i], L->qualname, void *), function, sizeof function);
        int n = snprintf(out + used, size - used, "%s\t%s\t%d\n", file, function, line_of(codes[i], offsets[i]));
        if (n < 0) break;
        used += (size_t)n;
    }
    return count;
}

void gilrec_reset_stacks(void) {
    if (locations) memset(locations, 0, sizeof(location_key) * LOCATION_SLOTS);
    if (stacks) memset(stacks, 0, sizeof(stack_key) * STACK_SLOTS);
    next_location = next_stack = 0;
    intern_lock = 0;
}

const char *gilrec_enable_stacks(int minor, void *(*thread_state_function)(void)) {
    if (minor < 8 || minor > 13) return "stacks are read on CPython 3.8–3.13 only";
    if (!locations) {
        locations = calloc(LOCATION_SLOTS, sizeof(location_key));
        stacks = calloc(STACK_SLOTS, sizeof(stack_key));
        if (!locations || !stacks) return "no memory for the stack tables";
    }
    get_thread_state = thread_state_function;
    L = &layouts[minor - 8];
    return NULL;
}

void gilrec_disable_stacks(void) { L = NULL; }
