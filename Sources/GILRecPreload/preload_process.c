// The process file (rings mapped from /dev/shm, its header), the meta log beside it, arming and disarming, and
// a fork child's fresh start. The rings' writers are in preload_core.c.
#include "preload.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static int meta_fd = -1;
/// Set in a fork child that inherited an armed parent: the child re-arms at its first GIL call.
static volatile int rearm_after_fork;

enum { DEFAULT_RING_COUNT = 256, DEFAULT_RING_CAPACITY = 32768 };

// MARK: - Meta records

/// Formats a decimal into `out` (no stdio: this runs in exit and fork paths too). Returns the length.
int gilrec_format_int(char *out, long long value) {
    char digits[24];
    int n = 0;
    unsigned long long v = value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    int length = 0;
    if (value < 0) out[length++] = '-';
    while (n) out[length++] = digits[--n];
    out[length] = 0;
    return length;
}

void gilrec_meta(const char *type, int count, const char *const *fields) {
    if (meta_fd < 0) return;
    char line[4096];
    size_t length = 0;
    for (const char *c = type; *c && length < sizeof line - 8; c++) line[length++] = *c;
    for (int i = 0; i < count; i++) {
        line[length++] = '\t';
        for (const char *c = fields[i] ? fields[i] : ""; *c && length < sizeof line - 8; c++) {
            // Tabs, newlines and backslashes inside a field are escaped, so a record is always one line.
            if (*c == '\t' || *c == '\n' || *c == '\\') {
                line[length++] = '\\';
                line[length++] = *c == '\t' ? 't' : *c == '\n' ? 'n' : '\\';
            } else {
                line[length++] = *c;
            }
        }
    }
    line[length++] = '\n';
    // One write of O_APPEND: records of several threads never interleave inside a line.
    syscall(SYS_write, meta_fd, line, length);
}

void gilrec_meta_note(const char *text) {
    const char *fields[] = {text};
    gilrec_meta("N", 1, fields);
}

// MARK: - Opening the process file

static uint32_t ring_capacity_from_environment(void) {
    const char *text = getenv(GILREC_ENV_RING_CAPACITY);
    long value = text ? strtol(text, NULL, 10) : 0;
    uint32_t capacity = 64;
    if (value < 64) return DEFAULT_RING_CAPACITY;
    while (capacity < (uint32_t)value && capacity < (1u << 24)) capacity <<= 1;
    return capacity;
}

int gilrec_open_process(void) {
    const char *session = getenv(GILREC_ENV_SESSION);
    if (!session || !*session) return ENOENT;
    const char *consumer = getenv(GILREC_ENV_CONSUMER);
    int32_t consumer_pid = consumer ? (int32_t)strtol(consumer, NULL, 10) : 0;
    char pid[24], path[4096];
    gilrec_format_int(pid, getpid());
    uint32_t capacity = ring_capacity_from_environment();
    uint64_t bytes = gilrec_file_bytes(DEFAULT_RING_COUNT, capacity);

    snprintf(path, sizeof path, "%s/proc-%s.meta", session, pid);
    int meta = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (meta < 0) return errno;
    snprintf(path, sizeof path, "%s/proc-%s.rings", session, pid);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        int error = errno;
        close(meta);
        return error;
    }
    // A sparse file: pages exist once a ring's slots are written.
    if (ftruncate(fd, (off_t)bytes) != 0) {
        int error = errno;
        close(fd);
        close(meta);
        return error;
    }
    void *memory = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (memory == MAP_FAILED) {
        close(meta);
        return errno;
    }
    gilrec_process_header *header = memory;
    header->version = GILREC_FORMAT_VERSION;
    header->header_bytes = sizeof(gilrec_process_header);
    header->ring_count = DEFAULT_RING_COUNT;
    header->ring_capacity = capacity;
    header->pid = getpid();
    header->ppid = getppid();
    const char *clock = getenv(GILREC_ENV_CLOCK);
    gilrec_ticks = 0;
#if defined(__x86_64__) || defined(__aarch64__)
    gilrec_ticks = clock && !strcmp(clock, "ticks");
#endif
    header->clock = gilrec_ticks ? GILREC_CLOCK_TICKS : GILREC_CLOCK_MONOTONIC;
    header->origin_ns = gilrec_now();
    header->origin_ticks = gilrec_ticks ? gilrec_event_time() : 0;
    header->consumer_pid = consumer_pid;
    // The magic goes last: a consumer that sees it sees a complete header.
    __atomic_store_n(&header->magic, GILREC_MAGIC, __ATOMIC_RELEASE);
    meta_fd = meta;
    gilrec_process = header;

    // P pid ppid executable argv…: the command line names the child runs of subprocess and multiprocessing.
    char ppid[24], executable[1024], command_line[2048];
    gilrec_format_int(ppid, header->ppid);
    ssize_t n = readlink("/proc/self/exe", executable, sizeof executable - 1);
    executable[n > 0 ? n : 0] = 0;
    const char *fields[3 + 32] = {pid, ppid, executable};
    int count = 3;
    int cmdline = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
    if (cmdline >= 0) {
        ssize_t length = syscall(SYS_read, cmdline, command_line, sizeof command_line - 1);
        close(cmdline);
        if (length > 0) {
            command_line[length] = 0;
            for (ssize_t at = 0; at < length && count < 3 + 32; at += (ssize_t)strlen(command_line + at) + 1) {
                fields[count++] = command_line + at;
            }
        }
    }
    gilrec_meta("P", count, fields);
    return 0;
}

void gilrec_set_armed(void) {
    __atomic_store_n(&gilrec_process->state, GILREC_PROCESS_ARMED, __ATOMIC_RELEASE);
    gilrec_armed = 1;
}

void gilrec_disarm(const char *why) {
    if (!gilrec_process) return;
    gilrec_armed = 0;
    gilrec_meta_note(why);
    __atomic_store_n(&gilrec_process->state, GILREC_PROCESS_DISARMED, __ATOMIC_RELEASE);
}

// MARK: - fork

/// In the child of a fork, the parent's mapping is the parent's: never write it. The child gets its own
/// files (and run) when CPython takes the GIL again in PyOS_AfterFork_Child; a child that execs at once
/// (subprocess) never does and leaves nothing behind.
void gilrec_after_fork_child(void) {
    int was_armed = gilrec_armed;
    gilrec_armed = 0;
    gilrec_generation++;
    memset(&T, 0, sizeof T);
    T.generation = gilrec_generation;
    if (gilrec_process) {
        munmap(gilrec_process, gilrec_file_bytes(gilrec_process->ring_count, gilrec_process->ring_capacity));
        gilrec_process = NULL;
    }
    if (meta_fd >= 0) {
        close(meta_fd);
        meta_fd = -1;
    }
    gilrec_reset_stacks();
    rearm_after_fork = was_armed;
}

/// Called from the GIL's interposers when a fork child takes the GIL the first time.
int gilrec_rearm_if_forked(void) {
    if (!rearm_after_fork) return 0;
    rearm_after_fork = 0;
    if (gilrec_open_process() != 0) return 0;
    gilrec_meta_note("forked child: recorded from its first GIL request after the fork");
    gilrec_set_armed();
    return 1;
}
