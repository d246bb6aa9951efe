import Foundation
import GILRuntime

/// The recorded program as a child process: spawned with `posix_spawnp`, its stdout and stderr either the
/// terminal's own (exactly what it writes, when it writes it) or piped into an `OutputCapture` (tests, the
/// demo), waited for with its resource usage.
final class ChildProcess: @unchecked Sendable {  // pid is immutable; readers own their pipes
    let pid: pid_t
    private var readers: [Thread] = []
    private let readersDone = DispatchSemaphore(value: 0)

    /// How the child ended.
    struct Exit {
        /// `exit(code)`'s code, or nil when a signal killed it.
        var code: Int32?
        /// The signal that killed it.
        var signal: Int32?
        /// User + system CPU of the child (and of grandchildren it waited for).
        var cpuNs: Int64

        /// As a shell reports it: the code, or 128 + signal.
        var shellStatus: Int32 { code ?? (128 + (signal ?? 0)) }
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    init(arguments: [String], environment: [String: String], output: OutputTarget) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipes: [(read: Int32, write: Int32)] = []
        if case .capture = output {
            for target in [STDOUT_FILENO, STDERR_FILENO] {
                var ends: [Int32] = [0, 0]
                guard pipe(&ends) == 0 else { throw SpawnError(description: "cannot create a pipe: \(String(cString: strerror(errno)))") }
                // Neither end may leak into other children; the dup2 onto 1 and 2 in this child clears the flag.
                for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
                posix_spawn_file_actions_adddup2(&actions, ends[1], target)
                pipes.append((ends[0], ends[1]))
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // gilrec blocks SIGINT/SIGTERM in every thread (its watcher takes them with sigwait); the program
        // must start with them unblocked and at their default actions.
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        for ends in pipes { close(ends.write) }
        guard code == 0 else {
            for ends in pipes { close(ends.read) }
            throw SpawnError(description: "cannot start \(arguments[0]): \(String(cString: strerror(code)))")
        }
        self.pid = pid
        if case .capture(let capture) = output {
            for (index, ends) in pipes.enumerated() {
                let thread = Thread { [readersDone] in
                    Self.copy(ends.read, into: capture, standardError: index == 1)
                    close(ends.read)
                    readersDone.signal()
                }
                thread.start()
                readers.append(thread)
            }
        }
    }

    private static func copy(_ fd: Int32, into capture: OutputCapture, standardError: Bool) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var pending: [UInt8] = []
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            pending += buffer[0..<n]
            let end = completeUTF8Prefix(pending)
            let text = String(decoding: pending[0..<end], as: UTF8.self)
            pending.removeFirst(end)
            if standardError { capture.append(err: text) } else { capture.append(out: text) }
        }
        if !pending.isEmpty {
            let text = String(decoding: pending, as: UTF8.self)
            if standardError { capture.append(err: text) } else { capture.append(out: text) }
        }
    }

    /// How many leading bytes form whole UTF-8 sequences: a character split across two reads waits for the next.
    static func completeUTF8Prefix(_ bytes: [UInt8]) -> Int {
        var index = bytes.count
        while index > 0 && bytes.count - index < 4 {
            let byte = bytes[index - 1]
            if byte & 0x80 == 0 { return bytes.count }
            if byte & 0xC0 == 0xC0 {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                return bytes.count - (index - 1) >= length ? bytes.count : index - 1
            }
            index -= 1
        }
        return bytes.count
    }

    /// Blocks until the child ends (retrying on EINTR), then until its output is read — at most a second more
    /// when a grandchild keeps the pipes open.
    func wait() -> Exit {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        for _ in readers { _ = readersDone.wait(timeout: .now() + 1) }
        let cpu = Int64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000_000
            + Int64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1_000
        // WIFEXITED/WIFSIGNALED, which Swift does not import (macros).
        if status & 0x7f == 0 { return Exit(code: (status >> 8) & 0xff, signal: nil, cpuNs: cpu) }
        return Exit(code: nil, signal: status & 0x7f, cpuNs: cpu)
    }

    func send(_ signal: Int32) { kill(pid, signal) }
}
