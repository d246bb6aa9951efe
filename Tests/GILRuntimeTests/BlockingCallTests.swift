import Foundation
import GILTrace
import Testing
@testable import GILRuntime

/// Every blocking call a Python program makes must release the GIL and say so in the trace: sync waits as
/// `lock_request` → `gil_release(blocking_call)` → `lock_acquire(obj, 1)`, I/O as `io_begin` →
/// `gil_release(io)` → `io_end` (Python/ceval.c Py_BEGIN_ALLOW_THREADS).
@Suite(.serialized)
struct BlockingCallTests {
    static let program = """
        import os
        import queue
        import socket
        import threading
        import time
        from concurrent.futures import ThreadPoolExecutor

        jobs = queue.Queue()
        cond = threading.Condition()
        ready = []


        def slow_put():
            time.sleep(0.02)
            jobs.put("job")


        def notifier():
            time.sleep(0.02)
            with cond:
                ready.append(1)
                cond.notify()


        def slow_answer():
            time.sleep(0.02)
            return 42


        producer = threading.Thread(target=slow_put)
        producer.start()
        print(jobs.get())
        producer.join()
        waker = threading.Thread(target=notifier)
        waker.start()
        with cond:
            while not ready:
                cond.wait()
        waker.join()
        print("notified")
        with ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(slow_answer)
            print(future.result())

        path = "/tmp/gilrec_blocking_%d.txt" % os.getpid()
        with open(path, "w") as f:
            f.write("hello\\n")
        with open(path) as f:
            print(f.read().strip())
        os.remove(path)

        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]


        def echo():
            conn, _ = listener.accept()
            with conn:
                conn.sendall(conn.recv(16))


        server = threading.Thread(target=echo)
        server.start()
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(b"ping")
            print(s.recv(16).decode())
        server.join()
        listener.close()
        """

    /// Main thread (tid 1) events of one recording, shared by the checks below.
    static func record() throws -> (RunResult, [Event], [String: Int32]) {
        let result = try runProgram(program)
        let ids = Dictionary(result.sink.objects.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        return (result, result.sink.events.filter { $0.tid == 1 }, ids)
    }

    /// The main thread waited on `obj`, released the GIL for it (reason blocking_call), and got it.
    static func waitedWithoutGIL(_ events: [Event], obj: Int32) -> Bool {
        var requested = false
        var released = false
        for e in events {
            switch e.kind {
            case .lockRequest? where e.obj == obj:
                requested = true
                released = false
            case .gilRelease? where requested && e.arg == Int64(GILReleaseReason.blockingCall.rawValue):
                released = true
            case .lockAcquire? where e.obj == obj && requested:
                if released && e.arg == 1 { return true }
                requested = false
            default: break
            }
        }
        return false
    }

    /// The main thread did blocking I/O of `kind` with the GIL released (reason io) inside the bracket.
    static func ioWithoutGIL(_ events: [Event], _ kind: IOKind) -> Bool {
        var open = false
        var released = false
        for e in events {
            switch e.kind {
            case .ioBegin? where e.obj == kind.rawValue:
                open = true
                released = false
            case .gilRelease? where open && e.arg == Int64(GILReleaseReason.io.rawValue):
                released = true
            case .ioEnd? where e.obj == kind.rawValue && open:
                if released { return true }
                open = false
            default: break
            }
        }
        return false
    }

    @Test func queueConditionFutureFileAndSocketWaitsReleaseTheGIL() throws {
        let (result, main, ids) = try Self.record()
        #expect(result.stdout == "job\nnotified\n42\nhello\nping\n", "stderr: \(result.stderr)")
        #expect(result.outcome.exitCode == 0)
        let notEmpty = try #require(ids["jobs.not_empty"])
        let cond = try #require(ids["cond"])
        let futureDone = try #require(ids["_condition"])
        #expect(Self.waitedWithoutGIL(main, obj: notEmpty), "queue.get")
        #expect(Self.waitedWithoutGIL(main, obj: cond), "Condition.wait")
        #expect(Self.waitedWithoutGIL(main, obj: futureDone), "Future.result")
        #expect(Self.ioWithoutGIL(main, .fileWrite))
        #expect(Self.ioWithoutGIL(main, .fileRead))
        #expect(Self.ioWithoutGIL(main, .connect))
        #expect(Self.ioWithoutGIL(main, .recv))
        #expect(Self.ioWithoutGIL(main, .sleep) == false, "the main thread never sleeps here")
    }

    @Test func parallelDownloadsFromTheLoopbackServerReleaseTheGIL() throws {
        let source = """
            import os
            import threading
            import urllib.request
            base = os.environ["GILREC_HTTP"]
            sizes = {}
            def fetch(n):
                with urllib.request.urlopen("%s/bytes/%d" % (base, n * 10)) as response:
                    sizes[n] = len(response.read())
            threads = [threading.Thread(target=fetch, args=(n,)) for n in range(1, 5)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            print(sorted(sizes.items()))
            """
        let result = try runProgram(source)
        #expect(result.stdout == "[(1, 10), (2, 20), (3, 30), (4, 40)]\n", "stderr: \(result.stderr)")
        let byThread = Dictionary(grouping: result.sink.events, by: \.tid)
        let fetchers = byThread.filter { $0.key != 1 }.values.filter { Self.ioWithoutGIL($0, .urlopen) }
        #expect(fetchers.count == 4, "every worker's urlopen runs with the GIL released")
    }

    /// hashlib releases the GIL from 2 KiB on, as CPython's C code does (`HASHLIB_GIL_MINSIZE`), and keeps it
    /// for smaller inputs, where releasing would cost more than hashing.
    @Test func hashingLargeBuffersReleasesTheGIL() throws {
        let source = """
            import hashlib
            print(hashlib.sha256(b"x" * 2047).hexdigest()[:8])
            h = hashlib.md5()
            h.update(b"y" * 4096)
            print(h.hexdigest()[:8])
            """
        let result = try runProgram(source)
        #expect(result.stdout == "bce5e0f4\n19dfeac8\n", "stderr: \(result.stderr)")
        let main = result.sink.events.filter { $0.tid == 1 }
        #expect(Self.ioWithoutGIL(main, .hash))
        let hashed = main.filter { $0.kind == .ioBegin && $0.obj == IOKind.hash.rawValue }.map(\.arg)
        #expect(hashed == [4096], "only the 4 KiB update went without the GIL")
    }

    @Test func uncaughtExceptionInAThreadIsReportedAndTheProgramGoesOn() throws {
        let source = """
            import threading
            def work(n):
                if n == 1:
                    raise ValueError("bad item %d" % n)
                print("ok", n)
            for n in range(3):
                t = threading.Thread(target=work, args=(n,), name="worker-%d" % n)
                t.start()
                t.join()
            print("main done")
            """
        let result = try runProgram(source, fileName: "threads.py")
        #expect(result.stdout == "ok 0\nok 2\nmain done\n")
        #expect(result.outcome.exitCode == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "Exception in thread worker-1:", "stderr: \(result.stderr)")
        #expect(lines.contains("Traceback (most recent call last):"))
        #expect(lines.contains { $0.hasPrefix("  File \"threads.py\", line 4, in work") })
        #expect(lines.last == "ValueError: bad item 1")
    }
}
