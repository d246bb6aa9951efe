import GILCore
import GILRuntime

extension GILPolicy {
    /// The check points a policy runs with unless told otherwise: CPython 2 counted ticks at every bytecode,
    /// 3.10+ checks only at backward jumps, calls and function entry.
    package var defaultCheckMode: CheckMode { self == .cpython2 ? .every : .py310 }
}
