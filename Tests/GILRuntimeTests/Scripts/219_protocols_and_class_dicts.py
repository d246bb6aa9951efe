# isinstance() against runtime-checkable protocols (typing's __instancecheck__ reads every base's
# __dict__), class __dict__ proxies after the class changes, and str prefix/suffix tests.
from typing import Protocol, runtime_checkable


@runtime_checkable
class HasX(Protocol):
    x: int


@runtime_checkable
class SupportsClose(Protocol):
    def close(self): ...


@runtime_checkable
class Both(SupportsClose, Protocol):
    def flush(self): ...


class File:
    def close(self):
        return "closed"

    def flush(self):
        return "flushed"


class OnlyClose:
    def close(self):
        pass


class WithX:
    def __init__(self):
        self.x = 1


class Blocked(File):
    flush = None


objs = [File(), OnlyClose(), WithX(), Blocked(), 3, "s"]
for proto in (HasX, SupportsClose, Both):
    print(proto.__name__, [isinstance(o, proto) for o in objs])
    print(proto.__name__, [isinstance(o, proto) for o in objs])
OnlyClose.flush = lambda self: None
print([isinstance(o, Both) for o in objs])
del OnlyClose.flush
print([isinstance(o, Both) for o in objs])
print(issubclass(File, SupportsClose), issubclass(int, SupportsClose))


class K:
    a = 1

    def m(self):
        return 2


d1 = K.__dict__
print([k for k in d1 if not k.startswith("__")], "a" in d1, d1["a"])
K.b = 3
d2 = K.__dict__
print([k for k in d2 if not k.startswith("__")], "b" in d2, d2.get("b"), d2.get("zz", "none"))
K.a = 10
print(K.__dict__["a"], len([k for k in K.__dict__ if not k.startswith("__")]))
del K.b
print("b" in K.__dict__, sorted(k for k in K.__dict__.keys() if not k.startswith("__")))

words = ["é", "e\u0301", "abc", "", "_abc_registry", "x", "ab\u00e9", "日本語"]
for w in words:
    print(repr(w), w.startswith("e"), w.startswith(""), w.endswith("\u00e9"), w.startswith("_abc_"),
          w.endswith("xx"), w.startswith(("a", "日")), w.endswith("語"), w.startswith("b", 1), w.endswith("a", 0, 1))
