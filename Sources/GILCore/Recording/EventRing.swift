import GILTrace
import Synchronization

/// A preallocated single-producer/single-consumer ring of events: one per Python thread.
///
/// The owning OS thread is the only producer (it writes a slot, then publishes `head` with a release store);
/// the recorder's drain is the only consumer (it reads `head` with an acquire load, copies the published
/// slots out, merged with the other rings' (`TraceRecorder.drainAll`), then frees them by a release store of
/// `tail`). Slots hold raw clock readings in `ts` (`TickClock`); the drain converts them to ns. `head` and `tail` grow without bound
/// and are masked into the storage, so `head - tail` is the fill level. No locks, no allocation per event.
///
/// The producer does not read `tail` per event: it writes freely up to `checkpoint`, a head position known to
/// be free, and only there looks at `tail` again (`TraceRecorder.makeRoom`): once when the ring is half full
/// (it wakes the drain) and once where the ring would be full. So the drain's stores of `tail` cost the
/// producer no cache-line transfer per event, and the drain needs no timer to keep up with a busy thread.
@usableFromInline
final class EventRing: @unchecked Sendable {  // SPSC discipline above: each index has one writer
    @usableFromInline let capacity: Int
    @usableFromInline let mask: Int
    @usableFromInline let storage: UnsafeMutablePointer<Event>
    /// Next slot the producer writes.
    @usableFromInline let head = Atomic<Int>(0)
    /// Producer only: `head` may grow up to here before the producer looks at `tail` again. Atomic only so
    /// that reading it needs no exclusivity check in GILCore (relaxed: a plain load and store).
    @usableFromInline let checkpoint: Atomic<Int>
    /// Next slot the consumer reads.
    @usableFromInline let tail = Atomic<Int>(0)
    /// Set by the producer after its last event (thread end): the drain forgets the ring once empty.
    let retired = Atomic<Bool>(false)
    /// Consumer only (under the recorder's rings lock): the last timestamp drained, so this thread's
    /// timestamps stay non-decreasing across tick-converter anchors.
    var lastDrainedTs: Int64 = 0

    /// - Parameter capacity: rounded up to a power of two, at least 2.
    init(capacity: Int) {
        var size = 2
        while size < capacity { size <<= 1 }
        self.capacity = size
        mask = size - 1
        checkpoint = Atomic(size / 2)
        storage = .allocate(capacity: size)
    }

    deinit { storage.deallocate() }

    /// Events published but not yet drained.
    var pending: Int { head.load(ordering: .acquiring) &- tail.load(ordering: .acquiring) }
}
