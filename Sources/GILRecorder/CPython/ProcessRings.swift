import CGILRecShared
import Foundation
import GILTrace

/// One recorded process's ring file (`proc-<pid>.rings`, gilrec_shared.h), mapped shared: the consumer side
/// of its per-thread rings. Only the drain thread uses it.
final class ProcessRings: @unchecked Sendable {  // the drain thread only
    let path: String
    private let header: UnsafeMutablePointer<gilrec_process_header>
    private let length: Int
    let ringCount: UInt32
    let capacity: Int64

    /// nil while the file is not complete yet (the producer writes the magic last) or not ours.
    init?(path: String) {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var stats = stat()
        guard fstat(fd, &stats) == 0, stats.st_size >= MemoryLayout<gilrec_process_header>.size else { return nil }
        let length = Int(stats.st_size)
        guard let memory = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), memory != MAP_FAILED else { return nil }
        let header = memory.assumingMemoryBound(to: gilrec_process_header.self)
        let magic = withUnsafeMutablePointer(to: &header.pointee.magic) { __atomic_load_magic($0) }
        guard magic == GILREC_MAGIC, header.pointee.version == GILREC_FORMAT_VERSION,
              gilrec_file_bytes(header.pointee.ring_count, header.pointee.ring_capacity) == UInt64(length),
              header.pointee.ring_capacity > 0, header.pointee.ring_capacity & (header.pointee.ring_capacity - 1) == 0
        else {
            munmap(memory, length)
            return nil
        }
        self.path = path
        self.header = header
        self.length = length
        ringCount = header.pointee.ring_count
        capacity = Int64(header.pointee.ring_capacity)
    }

    deinit { munmap(header, length) }

    var pid: Int32 { header.pointee.pid }
    var parentPid: Int32 { header.pointee.ppid }
    /// CLOCK_MONOTONIC ns when the process armed: the run's time zero.
    var originNs: Int64 { header.pointee.origin_ns }
    var state: Int32 { gilrec_load32_acquire(&header.pointee.state) }
    var exitCode: Int32 { header.pointee.exit_code }
    var droppedEvents: Int64 { gilrec_load_acquire(&header.pointee.dropped) }
    /// Whether events carry the CPU's counter (converted by the consumer) rather than monotonic ns.
    var usesTicks: Bool { header.pointee.clock == Int32(GILREC_CLOCK_TICKS) }

    var hasExited: Bool { state == Int32(GILREC_PROCESS_EXITED) }
    /// The last sequence number the process handed out.
    var lastSeq: Int64 { gilrec_load_acquire(&header.pointee.next_seq) }

    /// After the process is gone: the GIL releases its threads wrote but had not published yet (a release is
    /// published with the thread's next event, which decides its reason — a thread that ended, or a process
    /// that was killed, never wrote one), with the `stack` event that may precede it. They sit from `head` on,
    /// with sequence numbers above the previous slot's and among those the process handed out.
    func unpublishedReleases() -> [Event] {
        var found: [Event] = []
        let slotsBase = gilrec_slots_of(header, 0)!
        let handedOut = lastSeq
        for index in 0..<ringCount {
            let ring = gilrec_ring_at(header, index)!
            guard gilrec_load32_acquire(&ring.pointee.state) != Int32(GILREC_RING_FREE) else { continue }
            let head = gilrec_load_acquire(&ring.pointee.head)
            let slots = UnsafeRawPointer(slotsBase + Int(index) * Int(capacity)).assumingMemoryBound(to: Event.self)
            var previousSeq = head > 0 ? slots[Int((head - 1) & (capacity - 1))].seq : 0
            var pending: [Event] = []
            for index in head..<(head + 2) {
                let candidate = slots[Int(index & (capacity - 1))]
                guard candidate.seq > previousSeq, candidate.seq <= handedOut, Int32(candidate.tid) == ring.pointee.tid,
                      candidate.kind == .gilRelease || candidate.kind == .stack else { break }
                pending.append(candidate)
                previousSeq = candidate.seq
                if candidate.kind == .gilRelease {
                    found += pending
                    break
                }
            }
        }
        return found
    }

    /// Copies every published event into `out` (timestamps still absolute), frees the slots, and frees rings
    /// whose thread ended once they are empty. Returns how many events it moved.
    @discardableResult
    func drain(into out: inout [Event]) -> Int {
        var moved = 0
        let slotsBase = gilrec_slots_of(header, 0)!
        for index in 0..<ringCount {
            let ring = gilrec_ring_at(header, index)!
            let ringState = gilrec_load32_acquire(&ring.pointee.state)
            if ringState == Int32(GILREC_RING_FREE) { continue }
            // Read the state before `head`: once it says retired, the thread's last event is published.
            let head = gilrec_load_acquire(&ring.pointee.head)
            var tail = ring.pointee.tail
            let slots = UnsafeRawPointer(slotsBase + Int(index) * Int(capacity)).assumingMemoryBound(to: Event.self)
            while tail < head {
                let slot = Int(tail & (capacity - 1))
                let count = Int(min(head - tail, capacity - Int64(slot)))
                out.append(contentsOf: UnsafeBufferPointer(start: slots + slot, count: count))
                tail += Int64(count)
                moved += count
            }
            gilrec_store_release(&ring.pointee.tail, tail)
            if ringState == Int32(GILREC_RING_RETIRED) {
                gilrec_store32_release(&ring.pointee.state, Int32(GILREC_RING_FREE))
            }
        }
        return moved
    }
}

/// The magic is written last with a release store; read it with acquire.
@inline(__always)
private func __atomic_load_magic(_ pointer: UnsafeMutablePointer<UInt64>) -> UInt64 {
    UInt64(bitPattern: gilrec_load_acquire(UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Int64.self)))
}
