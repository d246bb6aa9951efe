/// `setiter` (Objects/setobject.c): walks the set's live table in slot order. A change in size since the
/// iterator was made raises RuntimeError, and keeps raising (CPython makes that state sticky); exhausted, it
/// stays exhausted even if the set grows later (setiter drops its set). Its own tag, so `for c in fp` steps it
/// from the loop without a closure call, one lock per step for the size check and the slot read together.
final class PySetIterator: PyObject, @unchecked Sendable {
    private var set: PySet?
    private var position = 0
    private var expected: Int

    init(_ set: PySet) {
        self.set = set
        expected = set.count
        super.init(tag: .setIterator)
    }

    func next() throws -> Value? {
        guard let set else { return nil }
        let step = set.lock.withLock { () -> Value?? in
            guard set.table.pointee.used == expected else { return nil }
            return .some(SetTable.next(set.table, &position)?.pointee.key)
        }
        guard let step else {
            expected = -1  // never equal to a size again: every later step raises too
            throw PyException.make(.runtimeError, "Set changed size during iteration")
        }
        if step == nil { self.set = nil }
        return step
    }
}
