# Calling exception classes: raise of a class or an instance, args, user subclasses with and without
# __init__/__new__, classes changed after use, metaclasses, OSError's errno subclasses, keyword errors.
import errno


def show(e):
    print(type(e).__name__, repr(e.args), repr(str(e)), repr(e))


for cls in (ValueError, KeyError, StopIteration, LookupError, ZeroDivisionError, Exception, BaseException):
    try:
        raise cls
    except BaseException as e:
        show(e)
    try:
        raise cls("m", 2)
    except BaseException as e:
        show(e)
    show(cls())
    show(cls("only"))


class Plain(Exception):
    pass


class Deeper(Plain, LookupError):
    pass


class WithInit(Exception):
    def __init__(self, value):
        self.value = value


class WithSuperInit(ValueError):
    def __init__(self, a, b=5):
        super().__init__(a * 2)
        self.b = b


class WithNew(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, "from new")
        self.tag = "new"
        return self


for make in (lambda: Plain(), lambda: Plain(1, 2), lambda: Deeper("d"), lambda: WithInit(7), lambda: WithSuperInit(3),
             lambda: WithSuperInit(3, b=9), lambda: WithNew(1, 2)):
    e = make()
    show(e)
    print(sorted(k for k in vars(e)))
    try:
        raise e
    except Plain as p:
        print("caught as Plain", type(p).__name__)
    except Exception as x:
        print("caught as Exception", type(x).__name__, getattr(x, "value", None), getattr(x, "tag", None))

for i in range(3):
    try:
        raise WithInit(i)
    except WithInit as e:
        print("loop", e.args, e.value)

# A class changed after it was called: the new __init__ is used from then on.
for round in range(2):
    for i in range(2):
        e = Plain("x", i)
        print("round", round, e.args, getattr(e, "extra", None))
    Plain.__init__ = lambda self, *a: setattr(self, "extra", len(a))
del Plain.__init__
print(Plain("back").args, getattr(Plain("back"), "extra", None))
Exception.__dict__  # builtin classes cannot be changed; reading is fine

# Keywords: BaseException takes none.
for call in (lambda: ValueError(x=1), lambda: Plain("a", k=2), lambda: KeyError(key=1)):
    try:
        call()
    except TypeError as t:
        print("TypeError:", t)

# OSError picks a subclass by errno; subclasses keep their fields.
e = OSError(errno.ENOENT, "No such file")
print(type(e).__name__, e.errno, e.strerror, e.args)


class MyOSError(OSError):
    pass


m = MyOSError(errno.EACCES, "denied")
print(type(m).__name__, m.errno, m.strerror, m.args)
try:
    raise MyOSError
except OSError as o:
    print(type(o).__name__, o.args, o.errno)


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class Metaed(Exception, metaclass=Meta):
    pass


try:
    raise Metaed("via meta")
except Metaed as e:
    show(e)
try:
    raise Metaed
except Metaed as e:
    show(e)

# Setting args afterwards, context and cause.
e = ValueError("a")
e.args = ("b", "c")
show(e)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer")
except ValueError as v:
    print(repr(v.__context__), v.__cause__, v.__suppress_context__)
try:
    try:
        raise KeyError
    except KeyError as k:
        raise Plain("outer") from k
except Plain as v:
    print(repr(v.__cause__), v.__suppress_context__)
try:
    raise 3
except TypeError as t:
    print("TypeError:", t)
try:
    raise int
except TypeError as t:
    print("TypeError:", t)

# __dict__ holds the instance's own attributes, not args; copies and pickles keep both.
import copy
import pickle
w = WithInit(5)
w.extra = "e"
print(w.__dict__, vars(ValueError("v")), "args" in w.__dict__)
for clone in (copy.copy(w), copy.deepcopy(w), pickle.loads(pickle.dumps(w))):
    print(type(clone).__name__, clone.args, clone.value, clone.extra)
for orig in (ValueError("p", 1), Plain("q"), KeyError("k")):
    back = pickle.loads(pickle.dumps(orig))
    print(type(back).__name__, back.args, repr(back), back.__dict__)
print(BaseException.__new__(ValueError, 1, 2).args, Exception.__new__(Plain).args)
try:
    BaseException.__new__(int)
except TypeError as t:
    print("TypeError:", t)
print(ValueError("a").__reduce__(), WithInit(3).__reduce__())
s = ValueError("s")
s.__setstate__({"note": 1})
s.__setstate__(None)
print(s.note, s.args)
try:
    s.__setstate__(3)
except TypeError as t:
    print("TypeError:", t)


class KwInit(Exception):
    def __init__(self, *, code):
        super().__init__("code", code)
        self.code = code


k = KwInit(code=4)
print(k.args, k.code)
