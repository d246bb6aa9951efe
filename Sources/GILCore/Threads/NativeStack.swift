#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The native (C) stack of the calling thread. Python's recursion limit counts frames, but what overflows is
/// bytes: a frame of the interpreter, the compiler or `repr` takes more or less stack depending on the code and
/// the build, and the process main thread has only 8 MiB. Code that recurses on user input compares the stack
/// pointer with `lowerBound` and raises RecursionError first, as CPython 3.12 does with its C stack limit
/// (`_Py_ReachedRecursionLimitWithMargin`, Include/internal/pycore_ceval.h).
public enum NativeStack {
    /// Bytes kept free below the check: room for the deepest non-checking call chain (builtins, Foundation).
    public static let safetyMargin = 512 << 10

    /// The lowest address the calling thread may use plus `safetyMargin` (stacks grow down on every platform
    /// we run on); 0 when the bounds are unknown (then nothing is ever "too deep").
    public static func limitOfCurrentThread() -> UInt {
        #if canImport(Glibc)
        var attr = pthread_attr_t()
        guard gnuGetAttr(pthread_self(), &attr) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attr) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attr, &address, &size) == 0, let address else { return 0 }
        var low = UInt(bitPattern: address)
        // The main thread's attr reports the rlimit, but the kernel may map less (guard gap): stay well inside.
        if size > 64 << 20 { low = UInt(bitPattern: address) + UInt(size) - UInt(64 << 20) }
        return low + UInt(safetyMargin)
        #else
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        return top - size + UInt(safetyMargin)
        #endif
    }

    /// Roughly the current stack pointer: the address of a local.
    @inline(__always)
    public static func position() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Whether the calling thread's stack is down to `limit` (from `limitOfCurrentThread`).
    @inline(__always)
    public static func isExhausted(limit: UInt) -> Bool { position() < limit }

    /// Stack of the threads `run(onLargeStack:)` starts: the compiler's recursion on a deeply nested (but
    /// accepted) expression needs far more than 8 MiB in a debug build. Only touched pages cost memory.
    public static let largeStackSize = 512 << 20

    /// Runs `body` on a new OS thread with `largeStackSize` bytes of stack and waits for it: lets code that
    /// recurses on its input (the compiler) run from any thread, including one with a small stack.
    public static func run<T, E: Error>(onLargeStack body: () throws(E) -> T) throws(E) -> T {
        let box = ResultBox<T, E>()
        return try withoutActuallyEscaping(body) { (escapable: @escaping () throws(E) -> T) throws(E) -> T in
            nonisolated(unsafe) let work = escapable
            let thread = OSThread.start(stackSize: largeStackSize, detached: false) {
                do throws(E) { box.result = .success(try work()) } catch { box.result = .failure(error) }
            }
            guard let thread else { return try work() }  // no thread available: run here, as before
            OSThread.join(thread)
            return try box.result!.get()
        }
    }
}

/// Where `NativeStack.run(onLargeStack:)` leaves the body's result.
private final class ResultBox<T, E: Error>: @unchecked Sendable {  // written by the worker, read after it was joined
    var result: Result<T, E>?
}

#if canImport(Glibc)
/// glibc's `pthread_getattr_np` (a GNU extension the Glibc module does not export without _GNU_SOURCE).
@_silgen_name("pthread_getattr_np")
private func gnuGetAttr(_ thread: pthread_t, _ attr: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif
