import Foundation
import GILCore

/// CPython's per-module import locks (Lib/importlib/_bootstrap.py `_ModuleLock`): while one thread runs a
/// module's body, another thread importing the same module waits for it — without the GIL, so the first
/// thread can finish — instead of seeing a half-initialised module. The owner itself (a circular import)
/// never waits. Two threads each waiting for the other's module would deadlock; as in CPython, the second
/// one is then given the partially initialised module instead of waiting.
final class ModuleInitLocks: @unchecked Sendable {  // state behind `condition`
    private let condition = NSCondition()
    /// Module name → (owning thread id, nesting depth).
    private var owners: [String: (tid: Int32, depth: Int)] = [:]
    /// Thread id → the module it is waiting for (deadlock detection).
    private var waiting: [Int32: String] = [:]

    enum Acquired {
        /// The caller owns the lock: release it when done.
        case owned
        /// Waiting would deadlock: proceed with what `sys.modules` holds, do not release.
        case deadlock
    }

    /// Takes `name`'s lock for the calling thread, waiting (GIL released) while another thread owns it.
    func acquire(_ name: String, _ ctx: ExecutionContext) throws -> Acquired {
        let me = ctx.ts.tid
        condition.lock()
        if try take(name, me) {
            condition.unlock()
            return .owned
        }
        if wouldDeadlock(name, me) {
            condition.unlock()
            return .deadlock
        }
        condition.unlock()
        return try ctx.ts.withoutGIL { () throws -> Acquired in
            condition.lock()
            defer { condition.unlock() }
            waiting[me] = name
            defer { waiting[me] = nil }
            while true {
                if try take(name, me) { return .owned }
                if wouldDeadlock(name, me) { return .deadlock }
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05))
                do { try ctx.ts.throwIfInterrupted() } catch { throw PyException.make(.keyboardInterrupt) }
            }
        }
    }

    func release(_ name: String, _ ctx: ExecutionContext) {
        condition.lock()
        defer { condition.unlock() }
        guard var o = owners[name], o.tid == ctx.ts.tid else { return }
        o.depth -= 1
        if o.depth == 0 {
            owners[name] = nil
            condition.broadcast()
        } else {
            owners[name] = o
        }
    }

    /// The thread running `name`'s body, if any.
    func owner(of name: String) -> Int32? {
        condition.lock()
        defer { condition.unlock() }
        return owners[name]?.tid
    }

    /// Called with `condition` locked.
    private func take(_ name: String, _ me: Int32) throws -> Bool {
        guard let o = owners[name] else {
            owners[name] = (me, 1)
            return true
        }
        guard o.tid == me else { return false }
        owners[name] = (me, o.depth + 1)
        return true
    }

    /// Whether the owner of `name` waits, directly or through others, for a module `me` owns. Called locked.
    private func wouldDeadlock(_ name: String, _ me: Int32) -> Bool {
        var module = name
        var seen: Set<Int32> = []
        while let owner = owners[module]?.tid {
            if owner == me { return true }
            guard seen.insert(owner).inserted, let next = waiting[owner] else { return false }
            module = next
        }
        return false
    }
}

/// The source lines of compiled module files, for traceback lines (CPython reads them through linecache).
final class SourceLineCache: @unchecked Sendable {  // state behind `lock`
    private let lock = NSLock()
    private var files: [String: SourceLines] = [:]

    func store(_ fileName: String, _ lines: SourceLines) {
        lock.lock()
        defer { lock.unlock() }
        files[fileName] = lines
    }

    func line(_ fileName: String, _ line: Int32) -> String? {
        lock.lock()
        let lines = files[fileName]
        lock.unlock()
        return lines?.line(line)
    }
}
