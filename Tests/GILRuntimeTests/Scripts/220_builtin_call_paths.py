# Builtin calls by the VM's direct path (arguments moved out of the call block): results, errors, nested
# calls, isinstance's inline answer and the cases it leaves to the body, type(x), bound methods with defaults.
import abc


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "yes"


class Checked(metaclass=Meta):
    pass


class Base:
    pass


class Derived(Base):
    pass


class Abstract(abc.ABC):
    pass


Abstract.register(int)


def show(*values):
    print(*values)


d = Derived()
show(isinstance(d, Derived), isinstance(d, Base), isinstance(d, object), isinstance(d, int))
show(isinstance(3, int), isinstance(True, int), isinstance(3, bool), isinstance("s", str), isinstance(b"", str))
show(isinstance("yes", Checked), isinstance("no", Checked), isinstance(d, Checked))
show(isinstance(5, Abstract), isinstance("x", Abstract), isinstance(d, (int, Base)), isinstance(3, int | str))
show(isinstance(d, type), isinstance(Derived, type), isinstance(Meta, type), isinstance(Checked, Meta))
for bad in [3, (int, 3), "str"]:
    try:
        isinstance(1, bad)
    except TypeError as e:
        print("TypeError", e)
try:
    isinstance(1)
except TypeError as e:
    print("TypeError", e)

show(type(d) is Derived, type(3), type(True), type("s"), type(None), type(type), type(Checked), type(print))
try:
    type()
except TypeError as e:
    print("TypeError", e)

# Arguments stay intact for the caller and for nested calls (a builtin calling back into Python).
items = [3, 1, 2]
key_calls = []


def key(x):
    key_calls.append(len(key_calls))
    return -x


show(sorted(items, key=key), items, key_calls)
show(max(items), min(3, 1, 2), max(items, key=key), sum(items), len(items), abs(-4), id(items) == id(items))
show(list(map(abs, [-1, -2])), "".join(map(str, items)), divmod(7, 2), pow(2, 10), round(2.5), hash(7))
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
show(counts, counts.get("z"), counts.get("z", "none"))

# A builtin that raises: the arguments it had are released, the loop goes on.
log = []
for k in ["a", "q", "b"]:
    try:
        log.append(counts[k] if k in counts else int(k))
    except ValueError as e:
        log.append(str(e))
show(log)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    len(5)
except TypeError as e:
    print("TypeError", e)

# list.append / pop through the method cache and as a bound method.
out = []
push = out.append
for i in range(5):
    out.append(i)
    push(i * 10)
show(out, out.pop(), out.pop(0), len(out))


# Bound methods with defaults, keywords and *args.
class Saver:
    def __init__(self):
        self.seen = []

    def save(self, obj, persistent=True, *, tag="t"):
        self.seen.append((obj, persistent, tag))
        return len(self.seen)

    def plain(self, a, b=2, c=3):
        return a + b + c

    def many(self, *args):
        return args


s = Saver()
save, plain, many = s.save, s.plain, s.many
show(save(1), save(2, False), save(3, tag="x"), s.seen)
show(plain(1), plain(1, 10), plain(1, 10, 100), many(), many(1, 2))
try:
    plain()
except TypeError as e:
    print("TypeError", e)
try:
    plain(1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)
Saver.plain.__defaults__ = (20, 30)
show(plain(1), s.plain(1, 2))
print(globals()["Saver"] is Saver, sorted(k for k in globals() if k.startswith("sa")))

# Builtin value types called directly, and generator functions whose frame is made on the heap at once.
pairs = [(1, "a"), (2, "b")]
show(int("12"), int(3.9), int("ff", 16), float("1.5"), str(12), str(b"x", "ascii"), bool([]), bool(pairs))
show(tuple(p[0] for p in pairs), list(range(3)), dict(pairs), set("aba") == {"a", "b"}, frozenset([1, 1]))
show(bytes(3), bytearray(b"ab"), range(1, 9, 3), list(x * 2 for x in range(3)), tuple(), str())
try:
    int("q", 99)
except ValueError as e:
    print("ValueError", e)


def counter(n, step=1):
    while n > 0:
        yield n
        n -= step


def with_cell(n):
    def peek():
        return n
    yield peek()
    n += 1
    yield peek()


gens = [counter(3), counter(6, 2), with_cell(5), (c for c in "ab")]
show([list(g) for g in gens], [type(g).__name__ for g in gens])
g = counter(2)
show(next(g), next(g), next(g, "done"), g.gi_code.co_name if hasattr(g, "gi_code") else "counter")
