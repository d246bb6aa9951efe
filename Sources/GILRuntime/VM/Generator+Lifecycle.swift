/// What a generator object keeps for Python code beyond its frame: the return value handed out once
/// (`Resumed`), the names `__name__`/`__qualname__` (settable, as CPython's gen_set_name/gen_set_qualname), and
/// finalisation — a generator suspended inside `try`/`with` that dies is closed, so its `finally` blocks and
/// `__exit__`s run (Objects/genobject.c _PyGen_Finalize, PEP 442).
extension PyGenerator.Resumed {
    /// `next()`/`send()` as Python sees them: the yielded value, or StopIteration carrying the return value.
    func value() throws -> Value {
        switch self {
        case .yielded(let v): return v
        case .returned(let r): throw PyGenerator.stopIteration(returning: r)
        }
    }
}

/// A generator's `__name__` and `__qualname__` after Python code assigned either (Attributes reads and
/// writes them: str only, not deletable, with CPython's messages).
final class GeneratorNames: Sendable {
    let name: String
    let qualifiedName: String

    init(name: String, qualifiedName: String) {
        self.name = name
        self.qualifiedName = qualifiedName
    }

    static func mustBeString(_ attribute: String) -> PyException {
        PyException.make(.typeError, "\(attribute) must be set to a string object")
    }
}

extension PyGenerator {
    /// `g.__name__ = value` (`qualified`: `__qualname__`).
    func rename(_ qualified: Bool, to value: Value) throws {
        guard case .object(let s as PyStr) = value else {
            throw GeneratorNames.mustBeString(qualified ? "__qualname__" : "__name__")
        }
        // A new pair under the generator's lock: free-threaded readers (`repr`) never see one being replaced.
        lock.withLock {
            let old = assignedNames
            assignedNames = GeneratorNames(name: qualified ? old?.name ?? defaultName : s.value,
                                           qualifiedName: qualified ? s.value : old?.qualifiedName ?? defaultQualifiedName)
        }
    }

    /// From `deinit`: a generator or coroutine suspended where a handler covers it (`resumeChecks`: its body has
    /// `try`/`with`, or it delegates) is closed — GeneratorExit thrown in at its `yield` — as CPython does when
    /// the last reference goes. Not inside this deinit: it may run in the middle of a container's mutation, and
    /// Swift cannot resurrect a dying object. The frame moves to a new generator object (`init(takingOver:)`)
    /// that the next check point of a running thread closes (`PendingCalls`, as weak reference callbacks).
    /// Unstarted and finished generators have nothing to run; a generator without handlers could not observe
    /// its close. Asynchronous generators are finalised by their event loop (`aclose()`), not here.
    func finalizeIfSuspended() {
        guard !finished, !finalizing, resumeRegister >= 0, code.resumeChecks, kind != .asyncGenerator,
              let ctx = CurrentContext.get() else { return }
        let heir = PyGenerator(takingOver: self)
        ctx.runtime.pendingCalls.add(mainThreadOnly: false) { ctx in heir.closeAsFinalizer(ctx) }
    }

    /// `close()` for a generator nobody references: what it raises is reported as CPython's unraisable hook
    /// does ("Exception ignored in: <generator object …>"), and the frame is cleared whatever happened (a
    /// generator that yields again is not closed twice).
    private func closeAsFinalizer(_ ctx: ExecutionContext) {
        do {
            try GeneratorThrow.close(self, ctx)
        } catch {
            WeakReferences.reportUnraisable(Interpreter.convertError(error), in: .object(self), ctx)
        }
        if !finished { finish() }
    }
}
