# An uncaught exception group: CPython's tree of tracebacks on stderr, exit status 1.
def a():
    raise ValueError("one")


def b():
    try:
        a()
    except ValueError as e:
        raise TypeError("two") from e


errors = []
for f in (a, b):
    try:
        f()
    except Exception as e:
        errors.append(e)
e = KeyError("k")
e.add_note("a note")
errors.append(e)
raise ExceptionGroup("outer", [ExceptionGroup("inner", errors), OSError("o")])
