import GILRecorder

/// Interpreter speed workloads (issue #6): each program times its own hot part with `time.perf_counter()`
/// and prints the elapsed seconds on its last line, so gilrec and CPython 3.11 are compared on the same
/// source without process start-up. Every source runs unchanged under CPython.
extension Benchmarks {
    /// (name, Python source) pairs, in the order the gilbench table lists them.
    package static let interpreterWorkloads: [(name: String, source: String)] = [
        ("loop", loopSource), ("fib", fibSource), ("dict-list", dictListSource),
        ("methods", methodSource), ("strings", stringSource),
        ("objects", objectsSource), ("floats", floatsSource), ("regex", regexSource), ("json", jsonSource),
        ("bigint", bigintSource), ("generators", generatorsSource),
    ]

    /// The seed's `cpu_bound()`: 10**7 `count += 1` over `range`.
    static let loopSource = """
        import time

        def cpu_bound():
            count = 0
            for i in range(10**7):
                count += 1
            return count

        start = time.perf_counter()
        assert cpu_bound() == 10**7
        print(time.perf_counter() - start)
        """

    /// Recursive calls and small-int arithmetic: `fib(27)`, five times.
    static let fibSource = """
        import time

        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)

        start = time.perf_counter()
        for _ in range(5):
            assert fib(27) == 196418
        print(time.perf_counter() - start)
        """

    /// Word counting in a dict keyed by str and int, list appends, indexing and `in`.
    static let dictListSource = """
        import time

        def work(rounds):
            words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
            total = 0
            for r in range(rounds):
                counts = {}
                squares = {}
                items = []
                for i in range(200):
                    w = words[i % 8]
                    if w in counts:
                        counts[w] += 1
                    else:
                        counts[w] = 1
                    squares[i] = i * i
                    items.append(squares[i] % 7)
                total += counts["gamma"] + len(items) + items[-1] + squares.get(199, 0) % 3
            return total

        start = time.perf_counter()
        print(work(6000))
        print(time.perf_counter() - start)
        """

    /// A class with attributes and methods calling methods; `self.x += 1`, object creation.
    static let methodSource = """
        import time

        class Counter:
            def __init__(self, step):
                self.value = 0
                self.step = step
                self.calls = 0

            def bump(self):
                self.value += self.step
                self.calls += 1

            def twice(self):
                self.bump()
                self.bump()
                return self.value

        class Point:
            def __init__(self, x, y):
                self.x = x
                self.y = y

            def dot(self, other):
                return self.x * other.x + self.y * other.y

        def work(n):
            c = Counter(3)
            acc = 0
            origin = Point(1, 2)
            for i in range(n):
                acc += c.twice()
                p = Point(i, i + 1)
                acc += p.dot(origin)
            return acc + c.calls

        start = time.perf_counter()
        print(work(300000))
        print(time.perf_counter() - start)
        """

    /// String building: `+=`, f-strings, `''.join`, `str()` and method calls on str.
    static let stringSource = """
        import time

        def work(n):
            total = 0
            for r in range(n):
                s = ""
                for i in range(20):
                    s += str(i)
                parts = []
                for i in range(20):
                    parts.append(f"{i}:{i * 2}")
                joined = ",".join(parts)
                total += len(s) + len(joined) + len(joined.upper().split(","))
            return total

        start = time.perf_counter()
        print(work(20000))
        print(time.perf_counter() - start)
        """
}
