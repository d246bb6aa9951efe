// Blocking calls a Python thread makes with the GIL released (Py_BEGIN_ALLOW_THREADS): io_begin(kind, bytes
// asked or ns to sleep) · the call · io_end(kind, result or -1). Calls made while holding the GIL, or by
// threads that never ran Python, pass straight through.
#include "preload.h"

#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>

int (*real_nanosleep)(const struct timespec *, struct timespec *);
static int (*real_clock_nanosleep)(clockid_t, int, const struct timespec *, struct timespec *);
static ssize_t (*real_read)(int, void *, size_t);
static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_readv)(int, const struct iovec *, int);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static ssize_t (*real_pread64)(int, void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static ssize_t (*real_recv)(int, void *, size_t, int);
static ssize_t (*real_recvfrom)(int, void *, size_t, int, struct sockaddr *, socklen_t *);
static ssize_t (*real_recvmsg)(int, struct msghdr *, int);
static ssize_t (*real_send)(int, const void *, size_t, int);
static ssize_t (*real_sendto)(int, const void *, size_t, int, const struct sockaddr *, socklen_t);
static ssize_t (*real_sendmsg)(int, const struct msghdr *, int);
static int (*real_connect)(int, const struct sockaddr *, socklen_t);
static int (*real_accept)(int, struct sockaddr *, socklen_t *);
static int (*real_accept4)(int, struct sockaddr *, socklen_t *, int);
static int (*real_poll)(struct pollfd *, nfds_t, int);
static int (*real_ppoll)(struct pollfd *, nfds_t, const struct timespec *, const sigset_t *);
static int (*real_select)(int, fd_set *, fd_set *, fd_set *, struct timeval *);
static int (*real_pselect)(int, fd_set *, fd_set *, fd_set *, const struct timespec *, const sigset_t *);
static int (*real_epoll_wait)(int, struct epoll_event *, int, int);
static int (*real_epoll_pwait)(int, struct epoll_event *, int, int, const sigset_t *);
static pid_t (*real_waitpid)(pid_t, int *, int);
static pid_t (*real_wait4)(pid_t, int *, int, struct rusage *);

void gilrec_resolve_io(void) {
    real_nanosleep = gilrec_resolve("nanosleep", NULL);
    real_clock_nanosleep = gilrec_resolve("clock_nanosleep", NULL);
    real_read = gilrec_resolve("read", NULL);
    real_write = gilrec_resolve("write", NULL);
    real_readv = gilrec_resolve("readv", NULL);
    real_writev = gilrec_resolve("writev", NULL);
    real_pread64 = gilrec_resolve("pread64", NULL);
    real_pwrite64 = gilrec_resolve("pwrite64", NULL);
    real_recv = gilrec_resolve("recv", NULL);
    real_recvfrom = gilrec_resolve("recvfrom", NULL);
    real_recvmsg = gilrec_resolve("recvmsg", NULL);
    real_send = gilrec_resolve("send", NULL);
    real_sendto = gilrec_resolve("sendto", NULL);
    real_sendmsg = gilrec_resolve("sendmsg", NULL);
    real_connect = gilrec_resolve("connect", NULL);
    real_accept = gilrec_resolve("accept", NULL);
    real_accept4 = gilrec_resolve("accept4", NULL);
    real_poll = gilrec_resolve("poll", NULL);
    real_ppoll = gilrec_resolve("ppoll", NULL);
    real_select = gilrec_resolve("select", NULL);
    real_pselect = gilrec_resolve("pselect", NULL);
    real_epoll_wait = gilrec_resolve("epoll_wait", NULL);
    real_epoll_pwait = gilrec_resolve("epoll_pwait", NULL);
    real_waitpid = gilrec_resolve("waitpid", NULL);
    real_wait4 = gilrec_resolve("wait4", NULL);
}

void gilrec_resolve_all(void) {
    gilrec_resolve_gil();
    gilrec_resolve_locks();
    gilrec_resolve_io();
}

/// Whether this call is one to record: a Python thread, the GIL released, recording armed.
static inline int recorded(thread_state *t) {
    return UNLIKELY(gilrec_armed) && t->ring && t->gil == GIL_NONE && !t->in_call && t->generation == gilrec_generation;
}

static inline void io_begin(thread_state *t, int kind, int64_t request) {
    gilrec_emit(GILREC_IO_BEGIN, kind, request);
    t->since_release = SINCE_IO;
}

static inline void io_end(int kind, int64_t result) {
    int error = errno;
    gilrec_emit(GILREC_IO_END, kind, result < 0 ? -1 : result);
    errno = error;
}

static int64_t span_ns(const struct timespec *span) {
    return span ? (int64_t)span->tv_sec * 1000000000 + span->tv_nsec : -1;
}

/// `return real(args)`, bracketed by io_begin/io_end when recorded. `result` is the call's return value.
#define BRACKET(kind, request, type, call)                      \
    do {                                                        \
        thread_state *t = gilrec_self();                                   \
        if (LIKELY(!recorded(t))) return call;                  \
        io_begin(t, kind, (int64_t)(request));                  \
        type result = call;                                     \
        io_end(kind, (int64_t)result);                          \
        return result;                                          \
    } while (0)

#define ENSURE(fn) if (UNLIKELY(!real_##fn)) gilrec_resolve_io()

EXPORT ssize_t read(int fd, void *buffer, size_t count) {
    ENSURE(read);
    BRACKET(GILREC_IO_FILE_READ, count, ssize_t, real_read(fd, buffer, count));
}

EXPORT ssize_t write(int fd, const void *buffer, size_t count) {
    ENSURE(write);
    BRACKET(GILREC_IO_FILE_WRITE, count, ssize_t, real_write(fd, buffer, count));
}

static size_t iov_bytes(const struct iovec *vector, int count) {
    size_t bytes = 0;
    for (int i = 0; i < count; i++) bytes += vector[i].iov_len;
    return bytes;
}

EXPORT ssize_t readv(int fd, const struct iovec *vector, int count) {
    ENSURE(readv);
    BRACKET(GILREC_IO_FILE_READ, iov_bytes(vector, count), ssize_t, real_readv(fd, vector, count));
}

EXPORT ssize_t writev(int fd, const struct iovec *vector, int count) {
    ENSURE(writev);
    BRACKET(GILREC_IO_FILE_WRITE, iov_bytes(vector, count), ssize_t, real_writev(fd, vector, count));
}

EXPORT ssize_t pread64(int fd, void *buffer, size_t count, off_t offset) {
    ENSURE(pread64);
    BRACKET(GILREC_IO_FILE_READ, count, ssize_t, real_pread64(fd, buffer, count, offset));
}

EXPORT ssize_t pread(int fd, void *buffer, size_t count, off_t offset) { return pread64(fd, buffer, count, offset); }

EXPORT ssize_t pwrite64(int fd, const void *buffer, size_t count, off_t offset) {
    ENSURE(pwrite64);
    BRACKET(GILREC_IO_FILE_WRITE, count, ssize_t, real_pwrite64(fd, buffer, count, offset));
}

EXPORT ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) { return pwrite64(fd, buffer, count, offset); }

EXPORT ssize_t recv(int fd, void *buffer, size_t count, int flags) {
    ENSURE(recv);
    BRACKET(GILREC_IO_RECV, count, ssize_t, real_recv(fd, buffer, count, flags));
}

EXPORT ssize_t recvfrom(int fd, void *buffer, size_t count, int flags, struct sockaddr *from, socklen_t *length) {
    ENSURE(recvfrom);
    BRACKET(GILREC_IO_RECV, count, ssize_t, real_recvfrom(fd, buffer, count, flags, from, length));
}

EXPORT ssize_t recvmsg(int fd, struct msghdr *message, int flags) {
    ENSURE(recvmsg);
    BRACKET(GILREC_IO_RECV, iov_bytes(message->msg_iov, (int)message->msg_iovlen), ssize_t, real_recvmsg(fd, message, flags));
}

EXPORT ssize_t send(int fd, const void *buffer, size_t count, int flags) {
    ENSURE(send);
    BRACKET(GILREC_IO_SEND, count, ssize_t, real_send(fd, buffer, count, flags));
}

EXPORT ssize_t sendto(int fd, const void *buffer, size_t count, int flags, const struct sockaddr *to, socklen_t length) {
    ENSURE(sendto);
    BRACKET(GILREC_IO_SEND, count, ssize_t, real_sendto(fd, buffer, count, flags, to, length));
}

EXPORT ssize_t sendmsg(int fd, const struct msghdr *message, int flags) {
    ENSURE(sendmsg);
    BRACKET(GILREC_IO_SEND, iov_bytes(message->msg_iov, (int)message->msg_iovlen), ssize_t, real_sendmsg(fd, message, flags));
}

EXPORT int connect(int fd, const struct sockaddr *address, socklen_t length) {
    ENSURE(connect);
    BRACKET(GILREC_IO_CONNECT, 0, int, real_connect(fd, address, length));
}

EXPORT int accept(int fd, struct sockaddr *address, socklen_t *length) {
    ENSURE(accept);
    BRACKET(GILREC_IO_ACCEPT, 0, int, real_accept(fd, address, length));
}

EXPORT int accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
    ENSURE(accept4);
    BRACKET(GILREC_IO_ACCEPT, 0, int, real_accept4(fd, address, length, flags));
}

EXPORT int poll(struct pollfd *fds, nfds_t count, int timeout_ms) {
    ENSURE(poll);
    BRACKET(GILREC_IO_POLL, timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000000, int, real_poll(fds, count, timeout_ms));
}

EXPORT int ppoll(struct pollfd *fds, nfds_t count, const struct timespec *timeout, const sigset_t *mask) {
    ENSURE(ppoll);
    BRACKET(GILREC_IO_POLL, span_ns(timeout), int, real_ppoll(fds, count, timeout, mask));
}

EXPORT int select(int count, fd_set *readable, fd_set *writable, fd_set *failed, struct timeval *timeout) {
    ENSURE(select);
    // CPython 3.8–3.10's time.sleep is select(0, NULL, NULL, NULL, &timeout).
    int kind = count == 0 && !readable && !writable && !failed ? GILREC_IO_SLEEP : GILREC_IO_POLL;
    int64_t request = timeout ? (int64_t)timeout->tv_sec * 1000000000 + (int64_t)timeout->tv_usec * 1000 : -1;
    BRACKET(kind, request, int, real_select(count, readable, writable, failed, timeout));
}

EXPORT int pselect(int count, fd_set *readable, fd_set *writable, fd_set *failed, const struct timespec *timeout,
                   const sigset_t *mask) {
    ENSURE(pselect);
    int kind = count == 0 && !readable && !writable && !failed ? GILREC_IO_SLEEP : GILREC_IO_POLL;
    BRACKET(kind, span_ns(timeout), int, real_pselect(count, readable, writable, failed, timeout, mask));
}

EXPORT int epoll_wait(int fd, struct epoll_event *events, int count, int timeout_ms) {
    ENSURE(epoll_wait);
    BRACKET(GILREC_IO_POLL, timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000000, int, real_epoll_wait(fd, events, count, timeout_ms));
}

EXPORT int epoll_pwait(int fd, struct epoll_event *events, int count, int timeout_ms, const sigset_t *mask) {
    ENSURE(epoll_pwait);
    BRACKET(GILREC_IO_POLL, timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000000, int,
            real_epoll_pwait(fd, events, count, timeout_ms, mask));
}

EXPORT int nanosleep(const struct timespec *span, struct timespec *remaining) {
    ENSURE(nanosleep);
    BRACKET(GILREC_IO_SLEEP, span_ns(span), int, real_nanosleep(span, remaining));
}

EXPORT int clock_nanosleep(clockid_t clock, int flags, const struct timespec *request, struct timespec *remaining) {
    ENSURE(clock_nanosleep);
    int64_t ns = span_ns(request);
    if (request && (flags & TIMER_ABSTIME)) {
        // CPython 3.11+ sleeps until an absolute CLOCK_MONOTONIC deadline.
        struct timespec now;
        clock_gettime(clock, &now);
        ns -= (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
        if (ns < 0) ns = 0;
    }
    BRACKET(GILREC_IO_SLEEP, ns, int, real_clock_nanosleep(clock, flags, request, remaining));
}

EXPORT pid_t waitpid(pid_t pid, int *status, int options) {
    ENSURE(waitpid);
    BRACKET(GILREC_IO_PROCESS_WAIT, pid, pid_t, real_waitpid(pid, status, options));
}

EXPORT pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage) {
    ENSURE(wait4);
    BRACKET(GILREC_IO_PROCESS_WAIT, pid, pid_t, real_wait4(pid, status, options, usage));
}
