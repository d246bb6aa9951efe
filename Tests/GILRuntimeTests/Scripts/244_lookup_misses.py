# getattr(o, name, default) and hasattr answer a missing name without building the AttributeError,
# but an AttributeError raised by a property, a descriptor or __getattr__ still counts as missing
# and any other error propagates; id() is the address shown by default reprs; struct's format cache.
import struct


class Plain:
    x = 1

    def method(self):
        return "m"


class Hooked:
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name.upper()
        raise AttributeError(name)


class Props:
    @property
    def missing(self):
        raise AttributeError("inside property")

    @property
    def broken(self):
        raise KeyError("not an AttributeError")


p = Plain()
print(getattr(p, "x", None), getattr(p, "nope", "default"), hasattr(p, "method"), hasattr(p, "nope"))
print(getattr(Plain, "x", 0), getattr(Plain, "nope", 0), hasattr(Plain, "method"), hasattr(Plain, "zzz"))
print(getattr(struct, "pack", None) is struct.pack, getattr(struct, "nope", "no"), hasattr(struct, "nope"))
h = Hooked()
print(getattr(h, "dyn_a", None), getattr(h, "other", "fallback"), hasattr(h, "dyn_b"), hasattr(h, "x"))
q = Props()
print(getattr(q, "missing", "caught"), hasattr(q, "missing"))
for f in (lambda: getattr(q, "broken", 1), lambda: hasattr(q, "broken"), lambda: getattr(p, "nope"),
          lambda: getattr(Plain, "nope"), lambda: getattr(struct, "nope"), lambda: getattr(super(Plain, p), "nope"),
          lambda: getattr(5, "nope"), lambda: getattr(p, 5, None)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(getattr(super(Plain, p), "nope", "super-default"), getattr(5, "real", None), getattr(5, "nope", None))

o = object()
print(hex(id(o)) in repr(o), id(o) == id(o), id(p) != id(o), hash(o) == hash(o))
print(len({object() for _ in range(1000)}), len({id(x) for x in [Plain() for _ in range(50)]}))

# more formats than the cache keeps: still right after it is cleared
for n in range(1, 130):
    assert struct.unpack(">%dB" % n, struct.pack(">%dB" % n, *range(n))) == tuple(range(n))
print(struct.pack("<I", 7), struct.pack(">hh", 1, -2), struct.calcsize("<q"))
