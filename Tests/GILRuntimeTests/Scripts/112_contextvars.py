# contextvars (PEP 567): ContextVar/Token/Context/copy_context with CPython's errors; each thread starts in an
# empty context; Context.run isolates changes; decimal's per-thread context rides on it.
import contextvars
import threading
from contextvars import ContextVar, Context, Token, copy_context

request = ContextVar("request")
level = ContextVar("level", default=0)
print(request.name, level.get(), request.get("fallback"), level.get(7))
try:
    request.get()
except LookupError as e:
    print("LookupError:", type(e.args[0]).__name__, e.args[0].name)

token = request.set("r1")
print(request.get(), type(token).__name__, token.var is request, token.old_value is Token.MISSING, repr(Token.MISSING))
token2 = request.set("r2")
print(request.get(), token2.old_value)
request.reset(token2)
print(request.get())
try:
    request.reset(token2)
except RuntimeError as e:
    print("RuntimeError:", str(e).startswith("<Token used var=<ContextVar name='request'"), str(e).endswith("has already been used once"))
try:
    level.reset(token)
except ValueError as e:
    print("ValueError:", str(e).endswith("was created by a different ContextVar"))
try:
    request.reset("token")
except TypeError as e:
    print("TypeError:", e)

ctx = copy_context()
print(len(ctx), request in ctx, ctx[request], ctx.get(level, "none"), sorted(v.name for v in ctx))
try:
    ctx[level]
except KeyError as e:
    print("KeyError:", e.args[0] is level)
try:
    ctx["request"]
except TypeError as e:
    print("TypeError:", e)


def inside(x):
    request.set("changed in run")
    level.set(x)
    return request.get(), level.get()


print(ctx.run(inside, 5))
print("outside:", request.get(), level.get(), "ctx now:", ctx[request], ctx[level])
try:
    ctx.run(lambda: ctx.run(print, "nested"))
except RuntimeError as e:
    print("RuntimeError:", str(e).startswith("cannot enter context:"), str(e).endswith("is already entered"))
try:
    request.reset(token)  # token belongs to the main context, which is current again
    print("reset back:", request.get("unset"))
except ValueError as e:
    print("ValueError:", e)

empty = Context()
print(len(empty), empty.run(level.get), list(empty.items()), ctx == ctx.copy(), empty == Context())
try:
    ContextVar(1)
except TypeError as e:
    print("TypeError:", e)
print(ContextVar[int], Token[str])

seen = {}


def worker(name):
    seen[name] = (request.get("fresh"), level.get())
    level.set(len(name))
    seen[name] += (level.get(),)


threads = [threading.Thread(target=worker, args=(n,)) for n in ("a", "bb")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen.items()), level.get())

import decimal
decimal.getcontext().prec = 5
print(decimal.Decimal(1) / decimal.Decimal(7))
with decimal.localcontext() as c:
    c.prec = 12
    print(decimal.Decimal(1) / decimal.Decimal(7))
print(decimal.Decimal(2).sqrt(), decimal.getcontext().prec)
