# Traceback and frame objects (exc.__traceback__, sys.exc_info()[2], with_traceback, tb_next chains),
# exception attributes that change what tracebacks print, the types module from CPython's Lib,
# PEP 585 generic aliases (list[int]) and PEP 604 unions (int | None).
import sys
import types
import collections.abc


def inner():
    raise ValueError("inner")


def middle():
    inner()


def walk(tb):
    out = []
    while tb is not None:
        f = tb.tb_frame
        out.append((tb.tb_lineno, f.f_code.co_name, f.f_globals["__name__"], type(tb).__name__, type(f).__name__))
        tb = tb.tb_next
    return out


try:
    middle()
except ValueError as e:
    tb = e.__traceback__
    for row in walk(tb):
        print(row)
    print("same object:", e.__traceback__ is tb, sys.exc_info()[2] is tb, tb.tb_next is tb.tb_next)
    print("f_back links the frames:", tb.tb_next.tb_next.tb_frame.f_back is tb.tb_next.tb_frame)
    print("tb_lasti is an int:", isinstance(tb.tb_lasti, int))
    saved = e

print(ValueError().__traceback__)
copy = KeyError("k").with_traceback(saved.__traceback__)
print([row[0] for row in walk(copy.__traceback__)])
try:
    raise copy
except KeyError as e:
    print("re-raised adds the raising line:", [row[0] for row in walk(e.__traceback__)])
copy.__traceback__ = None
print(copy.__traceback__)
for bad in (5, "tb"):
    try:
        copy.__traceback__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    tb.tb_next = 3
except TypeError as e:
    print("TypeError:", e)
try:
    tb.tb_next.tb_next.tb_next = tb
except ValueError as e:
    print("ValueError:", e)


def rethrow():
    try:
        raise OSError("disk")
    except OSError as first:
        second = RuntimeError("wrapped")
        second.__cause__ = first
        print(second.__suppress_context__, repr(second.__cause__))
        second.__suppress_context__ = False
        second.__context__ = None
        print(second.__suppress_context__, second.__context__)
        try:
            second.__cause__ = "not an exception"
        except TypeError as e:
            print("TypeError:", e)
        try:
            second.__suppress_context__ = 1
        except TypeError as e:
            print("TypeError:", e)


rethrow()

# types: every name it defines from the objects of the running interpreter.
print(types.TracebackType, types.FrameType, types.GenericAlias, types.UnionType)
print(types.FunctionType, types.LambdaType, types.CodeType, types.GeneratorType, types.CoroutineType)
print(types.AsyncGeneratorType, types.MethodType, types.BuiltinFunctionType, types.ModuleType, types.NoneType)
print(types.EllipsisType, types.NotImplementedType, types.SimpleNamespace(b=2, a=1))
print(isinstance(saved.__traceback__, types.TracebackType), isinstance(middle, types.FunctionType))
Point = types.new_class("Point", (tuple,), exec_body=lambda ns: ns.update(size=2))
print(Point.size, Point.__bases__, types.resolve_bases((int, list[int])))

# PEP 585: generic aliases.
alias = list[int]
print(alias, dict[str, list[int]], tuple[()], tuple[int, ...], type[int], collections.abc.Callable[[int], str])
print(type(alias), alias.__origin__, alias.__args__, alias.__parameters__)
print(alias == list[int], alias == list[str], alias == list, hash(alias) == hash(list[int]))
print(alias([3, 1, 2]), alias.__name__, alias.append is list.append)


class Numbers(list[int]):
    pass


print(Numbers.__mro__, Numbers.__orig_bases__, Numbers([1]))
for check in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]), lambda: list[int][str]):
    try:
        check()
    except TypeError as e:
        print("TypeError:", e)

# PEP 604: unions.
u = int | str
print(u, type(u), u.__args__, u.__parameters__)
print(int | None, None | int, int | int, int | str | float, (int | str) | (float | int), int | list[int], u | None)
print(u == (str | int), u == (int | float), hash(u) == hash(str | int))
print(isinstance(3, u), isinstance("s", u), isinstance(3.0, u), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str))
for check in (lambda: int | 3, lambda: 3 | int, lambda: isinstance([], int | list[int]), lambda: isinstance(1, 5)):
    try:
        check()
    except TypeError as e:
        print("TypeError:", e)


class Meta(type):
    def __or__(cls, other):
        return "Meta.__or__(%s, %s)" % (cls.__name__, other.__name__)


class WithMeta(metaclass=Meta):
    pass


print(WithMeta | int, int | WithMeta)
