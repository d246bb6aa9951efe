import GILRecorder

/// The programs `gilbench fidelity` runs under gilrec and under real CPython 3 and 2.7, unchanged: no
/// f-strings, `print` of one string, `xrange` when there is one, `time.time()` (2.7 has no
/// `perf_counter`). Each ends with one line `RESULT key=value …` that `FidelityScenario.parse` reads; the
/// phenomena and the reference figures are DESIGN.md §6.
enum FidelityScenario {
    /// The seed's `cpu_bound()` twice: `serial` (one after the other) or `threaded` (on two threads).
    /// argv: mode, iterations.
    static let seed = """
        import sys
        import threading
        import time
        try:
            range = xrange
        except NameError:
            pass

        N = int(sys.argv[2])


        def cpu_bound():
            count = 0
            for i in range(N):
                count += 1


        start = time.time()
        if sys.argv[1] == "serial":
            cpu_bound()
            cpu_bound()
        else:
            t1 = threading.Thread(target=cpu_bound)
            t2 = threading.Thread(target=cpu_bound)
            t1.start()
            t2.start()
            t1.join()
            t2.join()
        print("RESULT seconds=%.6f" % (time.time() - start))
        """

    /// 4 threads × N `counter += 1` on a global. argv: N.
    static let race = """
        import sys
        import threading
        try:
            range = xrange
        except NameError:
            pass

        N = int(sys.argv[1])
        THREADS = 4
        counter = 0


        def work():
            global counter
            for _ in range(N):
                counter += 1


        threads = [threading.Thread(target=work) for _ in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print("RESULT lost=%d expected=%d" % (THREADS * N - counter, THREADS * N))
        """

    /// 8 × 5 sleeps of D seconds, serially and then on 8 threads. argv: D.
    static let sleep = """
        import sys
        import threading
        import time

        D = float(sys.argv[1])


        def sleeper():
            for _ in range(5):
                time.sleep(D)


        start = time.time()
        for _ in range(8):
            sleeper()
        serial = time.time() - start
        start = time.time()
        threads = [threading.Thread(target=sleeper) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        threaded = time.time() - start
        print("RESULT serial=%.6f threaded=%.6f" % (serial, threaded))
        """

    /// HTTP round-trips to the loopback server ($GILREC_HTTP, `/echo/ping`) over raw sockets, first alone,
    /// then beside one CPU-bound thread; the switch interval is set where the interpreter has one.
    /// argv: switch interval (s), rounds. Times are per round-trip.
    static let echo = """
        import os
        import socket
        import sys
        import threading
        import time

        hostport = os.environ["GILREC_HTTP"].split("//")[1].split("/")[0]
        HOST = hostport.split(":")[0]
        PORT = int(hostport.split(":")[1])
        ROUNDS = int(sys.argv[2])
        if hasattr(sys, "setswitchinterval"):
            sys.setswitchinterval(float(sys.argv[1]))


        def round_trip():
            s = socket.create_connection((HOST, PORT))
            s.sendall(b"GET /echo/ping HTTP/1.0\\r\\n\\r\\n")
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
            s.close()


        def timed(n):
            out = []
            for _ in range(n):
                t0 = time.time()
                round_trip()
                out.append(time.time() - t0)
            return out


        done = [False]


        def spin():
            while not done[0]:
                pass


        timed(3)
        alone = timed(ROUNDS)
        spinner = threading.Thread(target=spin)
        spinner.start()
        contended = timed(ROUNDS)
        done[0] = True
        spinner.join()


        def nearest_rank(values, p):
            v = sorted(values)
            return v[max(1, (p * len(v) + 99) // 100) - 1]


        print("RESULT alone=%.7f contended=%.7f p50=%.7f p99=%.7f" % (
            sum(alone) / len(alone), sum(contended) / len(contended), nearest_rank(contended, 50),
            nearest_rank(contended, 99)))
        """

    /// Short sleeps beside one CPU-bound thread: every wake-up waits for the GIL (the convoy). argv: sleeps,
    /// seconds per sleep.
    static let convoy = """
        import sys
        import threading
        import time

        SLEEPS = int(sys.argv[1])
        D = float(sys.argv[2])
        done = [False]


        def spin():
            while not done[0]:
                pass


        def sleeper():
            for _ in range(SLEEPS):
                time.sleep(D)


        spinner = threading.Thread(target=spin)
        spinner.start()
        start = time.time()
        s = threading.Thread(target=sleeper)
        s.start()
        s.join()
        elapsed = time.time() - start
        done[0] = True
        spinner.join()
        print("RESULT seconds=%.6f" % elapsed)
        """

    /// 4 threads × N `with lock:` around `total += 1`: lock waits come only from a holder switched out inside
    /// its critical section (issue #13's recorder-perturbation comparison). argv: N.
    static let lockHeavy = """
        import sys
        import threading
        import time
        try:
            range = xrange
        except NameError:
            pass

        N = int(sys.argv[1])
        lock = threading.Lock()
        total = [0]


        def work():
            for _ in range(N):
                with lock:
                    total[0] += 1


        start = time.time()
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print("RESULT seconds=%.6f total=%d" % (time.time() - start, total[0]))
        """

    /// `RESULT a=1 b=2.5` → ["a": 1, "b": 2.5] from the last such line of `output`.
    static func parse(_ output: String) -> [String: Double]? {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") }) else { return nil }
        var out: [String: Double] = [:]
        for pair in line.dropFirst("RESULT ".count).split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1]) else { return nil }
            out[String(parts[0])] = value
        }
        return out
    }
}
