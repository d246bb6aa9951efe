# object's methods as attributes (object.__repr__/__format__/__reduce_ex__/__getstate__), Lib's enum and
# pickle on top of them, functools.cached_property, importlib.machinery.
import copyreg
import enum
import functools
import importlib.machinery
import pickle


class Plain:
    pass


p = Plain()
text = object.__repr__(p)
print(text.startswith("<__main__.Plain object at 0x"), text == repr(p), str(p) == repr(p))
print(format(p, "") == str(p), object.__format__(p, "") == str(p))
for spec in ("x", 5):
    try:
        format(p, spec) if spec == "x" else object.__format__(p, spec)
    except TypeError as e:
        print("TypeError:", e)
print(repr(NotImplemented), repr(Ellipsis), object.__repr__(NotImplemented).startswith("<NotImplementedType object at 0x"))
p.a = 1
p.b = [2]
reduced = object.__reduce_ex__(p, 2)
print(reduced[0] is copyreg.__newobj__, reduced[1] == (Plain,), reduced[2], reduced[3:], p.__getstate__(), Plain().__getstate__())


class Custom:
    def __reduce__(self):
        return (Custom, ())


print(object.__reduce_ex__(Custom(), 2), Custom().__reduce_ex__(4))
for proto in range(0, 4):  # 4 and 5 frame through BytesIO.getbuffer (not yet ours)
    print(proto, pickle.dumps([1, {"a": (True, None)}, "é", 2**70, 2.5], protocol=proto))


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(Color.RED, repr(Color.GREEN), Color(2), Color["RED"], list(Color), Color.RED.value, Color.GREEN.name)
print(repr(Perm.R | Perm.W), repr(Perm.R | Perm.X), repr(Perm(7)), Perm.R in (Perm.R | Perm.W), int(Perm.W | Perm.X), format(Color.RED))
print(isinstance(Color.RED, Color), Color.RED is Color(1), len(Color), Color.__members__.keys())


class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @functools.cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, c.computed, "area" in vars(c), Circle.area.attrname, type(Circle.area).__name__)
try:
    class Twice:
        @functools.cached_property
        def x(self):
            return 1
        y = x
except (TypeError, RuntimeError) as e:
    print(type(e).__name__, e)

m = importlib.machinery
print(m.SOURCE_SUFFIXES, m.BYTECODE_SUFFIXES, m.all_suffixes()[:2])
spec = m.PathFinder.find_spec("lang_pkg")
print(spec.name, type(spec.loader).__name__, spec.origin.endswith("lang_pkg/__init__.py"), spec.parent)
print(m.PathFinder.find_spec("no_such_module_here"), m.FileFinder(".").find_spec("no_such_module_here"))
print(m.ModuleSpec("x", None), m.ModuleSpec("x", None, origin="here"), m.ModuleSpec("p", None, is_package=True).parent)
print(m.ModuleSpec, m.SourceFileLoader, m.BuiltinImporter, m.FrozenImporter)
