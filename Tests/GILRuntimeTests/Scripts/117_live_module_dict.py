# module __dict__ / globals() / vars(module) / f.__globals__ are the module's live namespace
import sys
import types

x = 1
g = globals()
g["x"] = 2
print(x, g["x"], g is globals(), type(g).__name__, isinstance(g, dict))
x = 3
print(g["x"], "x" in g)
g["fresh"] = "made through globals()"
print(fresh)
g.update(alpha=10, beta=20)
print(alpha + beta)
del g["alpha"]
try:
    alpha
except NameError as e:
    print("NameError:", e)
print(g.pop("beta"), "beta" in g, g.setdefault("gamma", 7), gamma)


def reads_late():
    return late_value


globals()["late_value"] = "late"
print(reads_late())
print(reads_late.__globals__ is g, sorted(k for k in g if k in ("x", "fresh", "gamma")))

this = sys.modules[__name__]
this.__dict__["via_module_dict"] = 5
print(via_module_dict, vars(this)["x"], this.__dict__ is g)
setattr(this, "via_setattr", 6)
print(g["via_setattr"], via_setattr)

# a module object made at run time
m = types.ModuleType("made")
m.__dict__["a"] = 1
m.b = 2
print(sorted(k for k in vars(m) if not k.startswith("__")), m.a)

# enum's _convert_ writes members through sys.modules[name].__dict__ (signal.Signals)
import enum


class Color(enum.IntEnum):
    RED = 1
    GREEN = 2


vars(this).update(Color.__members__)
print(RED, GREEN + 1, repr(GREEN))

import signal
print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(2).name, isinstance(signal.SIGINT, signal.Signals))
print(signal.SIG_DFL, signal.Handlers.SIG_IGN.value)

exec_ns = {k: v for k, v in g.items() if k in ("x", "gamma")}
print(sorted(exec_ns.items()))
keys = list(g)
print(keys.index("x") < keys.index("fresh"))
for k in list(g):
    if k.startswith("via_"):
        del g[k]
print([k for k in g if k.startswith("via_")], hasattr(this, "via_setattr"))
