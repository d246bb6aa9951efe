/// The representative programs of issue 16 (`gilbench interpreter` rows beside the seed loop): each one the kind of
/// code a pyperformance benchmark stands for, small enough to time in a second, printing a result that CPython 3.11
/// must print too and the elapsed seconds of its hot part on its last line.
extension Benchmarks {
    /// Object-heavy, like richards: a scheduler of task objects with overridden `run` methods, packets in linked lists.
    static let objectsSource = #"""
        import time

        class Packet:
            def __init__(self, link, ident, kind):
                self.link = link
                self.ident = ident
                self.kind = kind
                self.datum = 0

            def append_to(self, lst):
                self.link = None
                if lst is None:
                    return self
                p = lst
                while p.link is not None:
                    p = p.link
                p.link = self
                return lst

        class Task:
            def __init__(self, ident, priority):
                self.ident = ident
                self.priority = priority
                self.queue = None
                self.count = 0

            def run(self, packet):
                self.count += 1
                return packet

        class Worker(Task):
            def run(self, packet):
                self.count += 1
                packet.datum = (packet.datum + self.priority) % 26
                return packet

        class Handler(Task):
            def run(self, packet):
                self.count += 1
                fresh = Packet(None, packet.ident, packet.kind)
                fresh.datum = packet.datum
                self.queue = fresh.append_to(self.queue)
                if self.queue.link is not None and self.queue.link.link is not None:
                    p = self.queue
                    self.queue = p.link
                    return p
                return None

        def schedule(rounds):
            tasks = [Worker(i, i + 1) if i % 3 else Handler(i, i + 1) for i in range(12)]
            total = 0
            for r in range(rounds):
                packet = Packet(None, r % 12, r % 2)
                for t in tasks:
                    result = t.run(packet)
                    if result is not None:
                        packet = result
                        total += packet.datum
            return total + sum(t.count for t in tasks)

        start = time.perf_counter()
        print(schedule(60000))
        print(time.perf_counter() - start)
        """#

    /// Float loops, like nbody: five bodies in lists of floats, pairwise forces, 15000 steps.
    static let floatsSource = #"""
        import time

        def advance(bodies, pairs, dt, steps):
            for _ in range(steps):
                for (p1, v1, m1), (p2, v2, m2) in pairs:
                    dx = p1[0] - p2[0]
                    dy = p1[1] - p2[1]
                    dz = p1[2] - p2[2]
                    mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
                    b1 = m1 * mag
                    b2 = m2 * mag
                    v1[0] -= dx * b2
                    v1[1] -= dy * b2
                    v1[2] -= dz * b2
                    v2[0] += dx * b1
                    v2[1] += dy * b1
                    v2[2] += dz * b1
                for p, v, m in bodies:
                    p[0] += dt * v[0]
                    p[1] += dt * v[1]
                    p[2] += dt * v[2]

        def energy(bodies):
            e = 0.0
            for i, (p1, v1, m1) in enumerate(bodies):
                e += 0.5 * m1 * (v1[0] * v1[0] + v1[1] * v1[1] + v1[2] * v1[2])
                for p2, v2, m2 in bodies[i + 1:]:
                    d = ((p1[0] - p2[0]) ** 2 + (p1[1] - p2[1]) ** 2 + (p1[2] - p2[2]) ** 2) ** 0.5
                    e -= m1 * m2 / d
            return e

        bodies = [([float(i), float(i * i % 7), float(i % 3)], [0.01 * i, -0.02 * i, 0.005], 1.0 + i / 10) for i in range(5)]
        pairs = [(bodies[i], bodies[j]) for i in range(5) for j in range(i + 1, 5)]
        start = time.perf_counter()
        advance(bodies, pairs, 0.001, 15000)
        print(round(energy(bodies), 6))
        print(time.perf_counter() - start)
        """#

    /// `re` over text: alternations, greedy and lazy repeats, classes, captures, `findall`/`search`/`sub`/`split`.
    static let regexSource = #"""
        import re
        import time

        patterns = [re.compile(p) for p in [r"Python|Perl|Tcl", r"(\w+)@(\w+)\.com", r".*(Python)", r"[a-z]+ing\b", r"\d{3}-\d{4}", r"(?i)hello\s+world"]]
        text = " ".join(["alpha beta -- Python " * 3, "mail bob@example.com or ann@test.com", "singing and ringing " * 4,
                         "call 555-1234 or 555-9876", "HeLLo   World"] * 20)

        def work(rounds):
            total = 0
            for _ in range(rounds):
                for p in patterns:
                    total += len(p.findall(text))
                    m = p.search(text)
                    total += m.end() if m else 0
                total += len(re.sub(r"\s+", " ", text))
                total += len(re.split(r"[,.;]\s*|\s--\s", text))
            return total

        start = time.perf_counter()
        print(work(300))
        print(time.perf_counter() - start)
        """#

    /// `json.dumps` / `json.loads` round trips of nested records (str escapes, floats, `indent`, `sort_keys`).
    static let jsonSource = #"""
        import json
        import time

        record = {"id": 12345, "name": "gilrec \u00e9t\u00e9 \"quoted\"", "tags": ["a", "b", "c", "lock", "gil"],
                  "ratio": 1.2345678, "ok": True, "missing": None,
                  "nested": {"values": list(range(30)), "pairs": [[i, str(i)] for i in range(10)], "text": "line\nbreak\ttab"}}
        data = [dict(record, id=i) for i in range(40)]

        def work(rounds):
            total = 0
            for _ in range(rounds):
                s = json.dumps(data)
                back = json.loads(s)
                total += len(s) + len(back) + back[-1]["id"]
                total += len(json.dumps(record, indent=2, sort_keys=True))
            return total

        start = time.perf_counter()
        print(work(150))
        print(time.perf_counter() - start)
        """#

    /// Big ints, like pidigits: the spigot for 1500 digits of pi (multiplication, addition, floor division).
    static let bigintSource = #"""
        import time

        def pi_digits(n):
            q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
            out = []
            while len(out) < n:
                if 4 * q + r - t < m * t:
                    out.append(m)
                    q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
                else:
                    q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
            return out

        start = time.perf_counter()
        digits = pi_digits(1500)
        print("".join(map(str, digits[:20])), sum(digits), 3 ** 2000 % (10 ** 40 + 7), len(str((2 ** 4000 - 1) // (3 ** 500))))
        print(time.perf_counter() - start)
        """#

    /// Generator pipelines: chained generators, `yield from` a generator expression, generator expressions in `sum` and comprehensions.
    static let generatorsSource = #"""
        import time

        def numbers(n):
            for i in range(n):
                yield i

        def evens(source):
            for x in source:
                if x % 2 == 0:
                    yield x

        def squares(source):
            yield from (x * x for x in source)

        def windows(source, size):
            window = []
            for x in source:
                window.append(x)
                if len(window) == size:
                    yield tuple(window)
                    window.pop(0)

        def work(n):
            total = 0
            for w in windows(squares(evens(numbers(n))), 3):
                total += w[0] + w[2] - w[1]
            total += sum(x for x in range(n) if x % 3 == 0)
            total += len([c for c in (str(i) for i in range(n // 10)) if "7" in c])
            return total

        start = time.perf_counter()
        print(work(400000))
        print(time.perf_counter() - start)
        """#
}
