/// How the GIL hands itself over. Only `cpython3` exists so far; the others in DESIGN.md §4 (cpython2 ticks,
/// fifo hand-off, io-priority, free-threaded) are added as cases here and branches inside `GIL`, so callers
/// (`acquire`, `release`, `checkPoint`) never change.
public enum GILPolicy: String, CaseIterable, Sendable {
    /// CPython 3.2–3.13 (Python/ceval_gil.c): timed waits, drop requests, FORCE_SWITCHING.
    case cpython3
}
