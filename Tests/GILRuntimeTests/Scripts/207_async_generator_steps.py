# The awaitables of async generators driven by await / async for without StopIteration objects (speed,
# issue 16): own yields, inner awaits passing out, the end, asend/athrow/aclose, and range slicing.


class Pause:
    def __await__(self):
        got = yield "paused"
        return got


async def agen(n):
    for i in range(n):
        got = await Pause()
        yield (i, got)
    return


async def nested(depth, n):
    if depth == 0:
        async for v in agen(n):
            yield v
    else:
        async for v in nested(depth - 1, n):
            yield (depth, v)


def drive(coro, sends):
    out = []
    it = iter(sends)
    value = None
    while True:
        try:
            out.append(coro.send(value))
        except StopIteration as e:
            out.append(("return", e.value, e.args))
            return out
        value = next(it, None)


async def collect(gen):
    return [v async for v in gen]


print(drive(collect(agen(3)), ["a", "b", "c"]))
print(drive(collect(nested(3, 2)), ["x", "y"]))

# __anext__ awaitables by hand: StopIteration carries the yielded value, the end is StopAsyncIteration.
g = agen(2)
step = g.__anext__()
print(step.send(None))
try:
    step.send("hello")
except StopIteration as e:
    print("StopIteration", e.value, e.args)
try:
    step.send(None)
except RuntimeError as e:
    print("RuntimeError", e)


async def plain():
    yield None
    yield 1


p = plain()
for _ in range(3):
    try:
        p.__anext__().send(None)
    except StopIteration as e:
        print("stop", e.args)
    except StopAsyncIteration as e:
        print("end", type(e).__name__, e.args)


async def with_asend():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    yield received


a = with_asend()
for value in [None, 10, 20, None]:
    try:
        a.asend(value).send(None)
    except StopIteration as e:
        print("asend", value, e.value)


async def catcher():
    try:
        yield 1
    except ValueError as e:
        yield ("caught", str(e))
    yield 3


c = catcher()
try:
    c.__anext__().send(None)
except StopIteration as e:
    print("first", e.value)
try:
    c.athrow(ValueError("boom")).send(None)
except StopIteration as e:
    print("athrow", e.value)
try:
    c.aclose().send(None)
except StopIteration as e:
    print("aclose", e.args)


async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2


d = ignores_exit()
try:
    d.__anext__().send(None)
except StopIteration:
    pass
try:
    d.aclose().send(None)
except RuntimeError as e:
    print("RuntimeError", e)


async def raises_stop():
    yield 1
    raise StopIteration("inside")


try:
    drive(collect(raises_stop()), [])
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

# Range slices and lengths on the 64-bit path and past it.
r = range(100000)
print(r[:50000], r[50001:], r[::3][1000:2000:7], len(r[::-7]), r[-1:-50:-3])
big = range(-2**62, 2**62, 2**40)
print(len(big), big[5:9], big[::-2**20][:3])
huge = range(-2**63, 2**63 - 1)
try:
    len(huge)
except OverflowError as e:
    print("OverflowError", e)
print(range(0, 10, 3)[::-1], range(10, 0, -4)[1:], len(range(5, 5)), len(range(9, 1, 2)))
