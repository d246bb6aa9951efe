# Exception groups (PEP 654): ExceptionGroup/BaseExceptionGroup construction rules and messages, split, subgroup,
# derive, except* (several clauses, naked exceptions, the unhandled rest, raising and re-raising in a clause),
# add_note/__notes__, traceback's group format.
def show(label, g):
    print(label, repr(g) if g is None else (type(g).__name__, str(g), [repr(e) for e in getattr(g, "exceptions", [g])]))


eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(type(eg).__name__, str(eg), repr(eg), len(eg.exceptions), eg.message)
match, rest = eg.split(ValueError)
show("match", match)
show("rest", rest)
show("sub", eg.subgroup(lambda e: isinstance(e, KeyError)))
show("none", eg.subgroup(OSError))
print(eg.subgroup(ExceptionGroup) is eg)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__, type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
for args in [("x", []), ("x", [1]), (1, [ValueError()]), ("x", ValueError())]:
    try:
        BaseExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)


def raiser():
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"), OSError("o")])


try:
    raiser()
except* ValueError as e:
    print("values:", [str(x) for x in e.exceptions], type(e).__name__)
except* TypeError as e:
    print("types:", e.exceptions)
except* OSError:
    print("oserror handled")

try:
    try:
        raiser()
    except* ValueError:
        print("only values")
except ExceptionGroup as rest:
    print("left:", repr(rest.exceptions))

try:
    try:
        raise KeyError("naked")
    except* KeyError as e:
        print("naked wrapped:", type(e).__name__, repr(e.exceptions))
except Exception as x:
    print("unexpected", x)

try:
    try:
        raise KeyError("naked2")
    except* ValueError:
        print("never")
except KeyError as e:
    print("naked passes through:", repr(e))

try:
    try:
        raiser()
    except* ValueError:
        raise RuntimeError("new")
except ExceptionGroup as g:
    print("combined:", [type(x).__name__ for x in g.exceptions])

try:
    try:
        raiser()
    except* TypeError:
        raise
except ExceptionGroup as g:
    print("reraised:", [repr(x) for x in g.exceptions])

try:
    try:
        raise ExceptionGroup("x", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)

e = ValueError("noted")
e.add_note("first note")
e.add_note("second")
print(e.__notes__)


import traceback
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except ExceptionGroup as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
    print(traceback.format_exception_only(type(e), e))
