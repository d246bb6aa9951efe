# Class machinery: metaclasses (__new__, __init__, __call__, __prepare__, properties and methods on the
# metaclass, conflicts), class keywords and __init_subclass__, __set_name__, __new__, __class__ cells and
# super(), starred bases, __mro_entries__, __class_getitem__, __instancecheck__/__subclasscheck__, qualnames.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["created_by"] = mcs.__name__
        cls = super().__new__(mcs, name, bases, ns)
        cls.extra = kw
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.initialised = True

    def __call__(cls, *args, **kw):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kw)

    def describe(cls):
        return f"<{cls.__name__} via {type(cls).__name__}>"

    @property
    def shout(cls):
        return cls.__name__.upper()


class Base(metaclass=Meta, flavour="x"):
    def __init__(self, v):
        self.v = v


class Child(Base):
    pass


b = Child(3)
print(type(Base).__name__, type(Child).__name__, Base.created_by, Base.extra, Child.extra, Child.initialised, b.v)
print(Child.describe(), Child.shout, isinstance(Child, Meta), isinstance(b, Base))


class Plugin:
    registry = []

    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__
        Plugin.registry.append(cls.plugin_name)


class A(Plugin, name="alpha"):
    pass


class B(Plugin):
    pass


print(Plugin.registry, A.plugin_name)
try:
    class C(Plugin, bogus=1):
        pass
except TypeError as e:
    print(e)


class Desc:
    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__

    def __get__(self, obj, objtype=None):
        return f"{self.owner}.{self.name}"


class D:
    attr = Desc()


print(D.__dict__["attr"].name, D.__dict__["attr"].owner)


class Single:
    _inst = None

    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst

    def __init__(self, x):
        self.x = x


s1 = Single(1)
s2 = Single(2)
print(s1 is s2, s1.x)


bases = (A, )
class E(*bases):
    pass
print(E.__mro__[1].__name__, E.plugin_name)


def outer():
    x = 1
    class C:
        x = 2
        def g(self):
            return x
    return C().g(), C.x

print(outer())


class Q:
    def f(self):
        return __class__

    def g(self):
        def inner():
            return __class__.__name__
        return inner()

print(Q().f() is Q, Q().g(), Q.__qualname__)


class Outer:
    class Inner:
        pass
    def m(self):
        class Local:
            pass
        return Local

print(Outer.Inner.__qualname__, Outer().m().__qualname__, repr(Outer.Inner))


class P:
    def hello(self):
        return "P"

class R(P):
    def hello(self):
        return "R+" + (lambda: super(R, self).hello())()
    def h2(self):
        return [super().hello() for _ in range(2)]

print(R().hello())
try:
    class X:
        pass
    X(1)
except TypeError as e:
    print(e)
print(type("Dyn", (A,), {"z": 1}).plugin_name)


class Recorder(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        return {"prepared": True}

    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)


class WithPrepare(metaclass=Recorder, option=1):
    x = 1


print(WithPrepare.prepared, WithPrepare.x)


class M1(type):
    pass


class M2(type):
    pass


class U(metaclass=M1):
    pass


class V(metaclass=M2):
    pass


try:
    class W(U, V):
        pass
except TypeError as e:
    print(e)


class Alias:
    def __mro_entries__(self, bases):
        return (P,)


class FromAlias(Alias()):
    pass


print(FromAlias.__mro__[1].__name__, FromAlias.__orig_bases__[0].__class__.__name__, FromAlias().hello())


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Box[int])


class EvenMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0

    def __subclasscheck__(cls, sub):
        return sub is bool


class Even(metaclass=EvenMeta):
    pass


print(isinstance(4, Even), isinstance(3, Even), isinstance("x", (Even, str)), issubclass(bool, Even), issubclass(int, Even))


class Counter:
    def bump(self):
        nonlocal_check = __class__
        return nonlocal_check.__name__


def make():
    class Holder:
        def get(self):
            return __class__.__qualname__
    return Holder


print(Counter().bump(), make()().get())


class Registry(type):
    classes = []

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls

    def __len__(cls):
        return len(cls.members)

    def __iter__(cls):
        return iter(cls.members)

    def __getitem__(cls, key):
        return cls.members[key]

    def __contains__(cls, item):
        return item in cls.members

    def __repr__(cls):
        return f"<Registry {cls.__name__}>"


class Colors(metaclass=Registry):
    members = ["red", "green"]


print(len(Colors), list(Colors), Colors[1], "red" in Colors, repr(Colors), Registry.classes)
Dyn = Registry("Dyn", (), {"members": [1]})
print(type(Dyn).__name__, Dyn.members, Registry.classes)
