# Builtins called with too few arguments raise TypeError worded as CPython words it for that builtin:
# METH_O ("hex() takes exactly one argument (0 given)"), positional checks ("getattr expected at least 2
# arguments, got 1"), Argument Clinic ("pow() missing required argument 'exp' (pos 2)"), Python functions
# ("Random.randint() missing 1 required positional argument: 'b'") and bound methods of builtin types.
import math
import os
import os.path
import queue
import random
import sys
import threading

functions = [
    (divmod, 2), (pow, 2), (hex, 1), (oct, 1), (bin, 1), (ord, 1), (chr, 1), (id, 1), (hash, 1), (getattr, 2),
    (setattr, 3), (delattr, 2), (hasattr, 2), (next, 1), (round, 1), (filter, 2), (format, 1), (sum, 1),
    (issubclass, 2), (callable, 1), (math.sqrt, 1), (math.log, 1), (math.atan2, 2), (math.floor, 1),
    (math.ceil, 1), (math.trunc, 1), (math.isnan, 1), (math.isinf, 1), (math.isfinite, 1), (math.isclose, 2),
    (math.copysign, 2), (math.degrees, 1), (math.radians, 1), (math.comb, 2), (math.factorial, 1), (math.prod, 1),
    (math.fsum, 1), (math.sin, 1), (math.cos, 1), (math.exp, 1), (math.fabs, 1), (math.log2, 1), (math.log10, 1),
    (math.tanh, 1), (random.uniform, 2), (random.randint, 2), (random.randrange, 1), (random.choice, 1),
    (random.shuffle, 1), (os.getenv, 1), (os.path.basename, 1), (os.path.dirname, 1), (os.path.exists, 1),
    (sys.setswitchinterval, 1),
]
for f, n in functions:
    for given in range(n):
        try:
            f(*[1] * given)
            print("no error", given)
        except TypeError as e:
            print(e)

methods = [
    ([], "append", 1), ([], "extend", 1), ([], "insert", 2), ([], "remove", 1), ([], "index", 1), ([], "count", 1),
    ((), "index", 1), ((), "count", 1), ({}, "get", 1), ({}, "pop", 1), ({}, "setdefault", 1), (set(), "add", 1),
    (set(), "discard", 1), (set(), "remove", 1), (set(), "issubset", 1), ("abc", "join", 1),
    ("abc", "startswith", 1), ("abc", "endswith", 1), ("abc", "find", 1), ("abc", "index", 1), ("abc", "rfind", 1),
    ("abc", "count", 1), ("abc", "ljust", 1), ("abc", "rjust", 1), ("abc", "center", 1), ("abc", "zfill", 1),
    ("abc", "partition", 1), ("abc", "removeprefix", 1), ("abc", "removesuffix", 1),
    (property(len), "setter", 1), (threading.Thread(), "setName", 1), (threading.Condition(), "wait_for", 1),
    (queue.Queue(), "put", 1), (queue.Queue(), "put_nowait", 1),
]
for obj, name, n in methods:
    bound = getattr(obj, name)
    for given in range(n):
        try:
            bound(*[1] * given)
            print("no error", name, given)
        except TypeError as e:
            print(e)

# Enough arguments: no error from the count.
print(divmod(7, 2), getattr(math, "pi") > 3, sum([1, 2]), [1].index(1), {}.get(1), "ab".center(4, "*"))
print(sorted(set([1, 2]).intersection()), vars(threading.local()), math.gcd())
