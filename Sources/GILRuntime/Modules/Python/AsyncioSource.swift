/// `asyncio`: an event loop, futures and tasks with the behaviour and messages of CPython 3.11's
/// Lib/asyncio (task stepping with `send`/`throw`, cancellation delivered at the innermost `await`,
/// `gather`, `wait_for`, `wait`, `as_completed`, `shield`, `timeout`, `TaskGroup`, `Queue`, `Lock`,
/// `Event`, `Condition`, `Semaphore`), written here for our runtime. The loop is one Python thread; its idle
/// wait is the native `Waker` (recorded as poll I/O, as CPython's `epoll_wait` is), and `to_thread` /
/// `run_in_executor` run on our `concurrent.futures.ThreadPoolExecutor`, real threads in the trace.
enum AsyncioSource {
    /// The module's source: the parts below, in order (one module; split only to keep files readable).
    static let text = [loopAndFutures, tasks, synchronization].joined(separator: "\n")
}
