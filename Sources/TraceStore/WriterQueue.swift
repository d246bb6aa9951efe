#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GILTrace

/// The hand-off between threads that record and the writer thread that owns the connection: a FIFO under
/// a pthread mutex, with one condition for "items ready" and one for "space free" (back-pressure).
/// `@unchecked Sendable`: every field is read and written only with `mutex` held.
final class WriterQueue: @unchecked Sendable {
    enum Item {
        case events([Event])
        case thread(ThreadInfo)
        case object(ObjectInfo)
        case label(Int32, String)
        case location(CodeLocation)
        case stack(StackEntry)
    }

    /// Bytes of events that may be queued before `push` blocks; a single chunk is always accepted
    /// when the queue is below it, so nothing is ever dropped and no chunk can deadlock.
    let limitBytes: Int
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let itemsReady: UnsafeMutablePointer<pthread_cond_t>
    private let spaceFree: UnsafeMutablePointer<pthread_cond_t>
    private var items: [Item] = []
    private var queuedBytes = 0
    private var closed = false
    private var paused = false
    private var blockedPushes = 0
    private var waiting = 0
    private var rejected: Int64 = 0

    init(limitBytes: Int) {
        self.limitBytes = limitBytes
        mutex = .allocate(capacity: 1)
        itemsReady = .allocate(capacity: 1)
        spaceFree = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(itemsReady, nil)
        pthread_cond_init(spaceFree, nil)
    }

    deinit {
        pthread_cond_destroy(spaceFree)
        pthread_cond_destroy(itemsReady)
        pthread_mutex_destroy(mutex)
        spaceFree.deallocate()
        itemsReady.deallocate()
        mutex.deallocate()
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Queues an item. With `bytes > 0` (events) it first waits while the queue holds `limitBytes` or more.
    /// After `close()` the item is refused and its events counted in `rejectedEvents`.
    func push(_ item: Item, bytes: Int) {
        locked {
            if bytes > 0, queuedBytes >= limitBytes, !closed {
                blockedPushes += 1
                waiting += 1
                while queuedBytes >= limitBytes, !closed { pthread_cond_wait(spaceFree, mutex) }
                waiting -= 1
            }
            guard !closed else {
                if case .events(let events) = item { rejected += Int64(events.count) }
                return
            }
            items.append(item)
            queuedBytes += bytes
            pthread_cond_signal(itemsReady)
        }
    }

    /// Everything queued, waiting while the queue is empty (or paused); nil once closed and drained.
    func takeAll() -> [Item]? {
        locked {
            while (items.isEmpty || paused), !closed { pthread_cond_wait(itemsReady, mutex) }
            if items.isEmpty { return nil }
            let taken = items
            items = []
            return taken
        }
    }

    /// The writer stored `bytes` of events: wake submitters blocked on back-pressure.
    func release(bytes: Int) {
        locked {
            queuedBytes -= bytes
            pthread_cond_broadcast(spaceFree)
        }
    }

    /// No more items: the writer drains what is queued and stops; blocked submitters return.
    func close() {
        locked {
            closed = true
            pthread_cond_broadcast(itemsReady)
            pthread_cond_broadcast(spaceFree)
        }
    }

    /// Blocks until the writer has stored everything queued so far (benchmarks time ingest with it).
    func waitUntilDrained() {
        locked {
            while queuedBytes > 0 || !items.isEmpty, !closed { pthread_cond_wait(spaceFree, mutex) }
        }
    }

    /// Tests: hold the writer back so back-pressure is exercised deterministically.
    func setPaused(_ value: Bool) {
        locked {
            paused = value
            pthread_cond_broadcast(itemsReady)
        }
    }

    /// How many pushes had to wait for space, and how many are waiting now.
    var backPressure: (blocked: Int, waiting: Int) { locked { (blockedPushes, waiting) } }
    var rejectedEvents: Int64 { locked { rejected } }
}
