import CGILRecShared
import GILTrace
import Testing
@testable import GILRecorder

/// The file format the preloaded C library writes and gilrec reads is declared once (gilrec_shared.h); its
/// codes and its event layout must stay those of GILTrace, which the store and every analysis use.
@Suite struct SharedFormatTests {
    @Test func eventLayoutIsGILTracesEvent() {
        #expect(MemoryLayout<gilrec_event>.size == MemoryLayout<Event>.stride)
        #expect(MemoryLayout<gilrec_event>.offset(of: \.seq) == MemoryLayout<Event>.offset(of: \.seq))
        #expect(MemoryLayout<gilrec_event>.offset(of: \.ts) == MemoryLayout<Event>.offset(of: \.ts))
        #expect(MemoryLayout<gilrec_event>.offset(of: \.arg) == MemoryLayout<Event>.offset(of: \.arg))
        #expect(MemoryLayout<gilrec_event>.offset(of: \.obj) == MemoryLayout<Event>.offset(of: \.obj))
        #expect(MemoryLayout<gilrec_event>.offset(of: \.tid) == MemoryLayout<Event>.offset(of: \.tid))
        #expect(MemoryLayout<gilrec_event>.offset(of: \.kind) == MemoryLayout<Event>.offset(of: \.kindCode))
    }

    @Test func codesAreGILTracesCodes() {
        let kinds: [(Int, EventKind)] = [
            (Int(GILREC_THREAD_START), .threadStart), (Int(GILREC_THREAD_END), .threadEnd),
            (Int(GILREC_GIL_REQUEST), .gilRequest), (Int(GILREC_GIL_ACQUIRE), .gilAcquire),
            (Int(GILREC_GIL_DROP_REQUEST), .gilDropRequest), (Int(GILREC_GIL_RELEASE), .gilRelease),
            (Int(GILREC_LOCK_REQUEST), .lockRequest), (Int(GILREC_LOCK_ACQUIRE), .lockAcquire),
            (Int(GILREC_LOCK_RELEASE), .lockRelease), (Int(GILREC_IO_BEGIN), .ioBegin),
            (Int(GILREC_IO_END), .ioEnd), (Int(GILREC_OS_CTX), .osCtx), (Int(GILREC_MARK), .mark),
            (Int(GILREC_STACK), .stack),
        ]
        for (code, kind) in kinds { #expect(code == Int(kind.rawValue), "\(kind)") }
        let requests: [(Int, GILRequestReason)] = [
            (Int(GILREC_REQUEST_START), .threadStart), (Int(GILREC_REQUEST_IO), .io),
            (Int(GILREC_REQUEST_AFTER_DROP), .afterDrop),
            (Int(GILREC_REQUEST_BLOCKING_CALL), .blockingCall), (Int(GILREC_REQUEST_NATIVE), .native),
        ]
        for (code, reason) in requests { #expect(code == Int(reason.rawValue), "\(reason)") }
        let releases: [(Int, GILReleaseReason)] = [
            (Int(GILREC_RELEASE_INTERVAL), .interval), (Int(GILREC_RELEASE_IO), .io),
            (Int(GILREC_RELEASE_BLOCKING_CALL), .blockingCall), (Int(GILREC_RELEASE_EXIT), .exit),
            (Int(GILREC_RELEASE_YIELD), .yield), (Int(GILREC_RELEASE_NATIVE), .native),
        ]
        for (code, reason) in releases { #expect(code == Int(reason.rawValue), "\(reason)") }
        let io: [(Int, IOKind)] = [
            (Int(GILREC_IO_SLEEP), .sleep), (Int(GILREC_IO_FILE_READ), .fileRead),
            (Int(GILREC_IO_FILE_WRITE), .fileWrite), (Int(GILREC_IO_CONNECT), .connect),
            (Int(GILREC_IO_ACCEPT), .accept), (Int(GILREC_IO_RECV), .recv),
            (Int(GILREC_IO_SEND), .send), (Int(GILREC_IO_URLOPEN), .urlopen),
            (Int(GILREC_IO_HASH), .hash), (Int(GILREC_IO_POLL), .poll),
            (Int(GILREC_IO_PROCESS_WAIT), .processWait),
        ]
        for (code, kind) in io { #expect(code == Int(kind.rawValue), "\(kind)") }
    }

    @Test func metaRecordsParse() {
        #expect(MetaRecord(line: "T\t3\tworker\\tone\t1\t0") == .threadNamed(tid: 3, name: "worker\tone", parentTid: 1, daemon: false))
        #expect(MetaRecord(line: "O\t5\tlock\tq\\\\n\t12") == .object(id: 5, kind: "lock", name: "q\\n", line: 12))
        #expect(MetaRecord(line: "X\t0") == .exited(code: 0))
        #expect(MetaRecord(line: "Z\t1") == nil)
        #expect(MetaRecord(line: "E\t2\tnot a number\t0\t0\t0") == nil)
    }

    @Test func splitUTF8WaitsForItsLastBytes() {
        let bytes = Array("aé€😀".utf8)
        #expect(ChildProcess.completeUTF8Prefix(bytes) == bytes.count)
        #expect(ChildProcess.completeUTF8Prefix(Array(bytes.dropLast())) == bytes.count - 4)
        #expect(ChildProcess.completeUTF8Prefix(Array(bytes.dropLast(5))) == 3)
    }
}
