# Coroutines: async def, await through several frames, throw()/close() reaching the innermost await, async
# generators and async for, async comprehensions, async with (exceptions swallowed or not, break), await inside
# except blocks, yield from delegating send()/throw() (PEP 380), coroutines driven by hand with send().


class Future:
    def __init__(self):
        self.done = False
        self.result = None

    def __await__(self):
        if not self.done:
            yield self
        return self.result


async def inner(x):
    f = Future()
    got = await f
    return x + got


async def middle():
    total = 0
    for i in range(3):
        total += await inner(i)
    try:
        await inner(100)
    finally:
        print("middle finally")
    return total


def run(coro):
    value = None
    steps = 0
    while True:
        try:
            fut = coro.send(value)
        except StopIteration as e:
            return e.value, steps
        steps += 1
        fut.done = True
        fut.result = 10
        value = None


print(run(middle()))
c = middle()
print(type(c).__name__)
c.close()


async def agen(n):
    for i in range(n):
        await inner(0)
        yield i * 2
    print("agen end")


async def use_agen():
    out = []
    async for v in agen(3):
        out.append(v)
    comp = [v + 1 async for v in agen(2)]
    return out, comp


print(run(use_agen()))


class CM:
    async def __aenter__(self):
        print("enter")
        await inner(1)
        return "resource"

    async def __aexit__(self, et, e, tb):
        print("exit", et.__name__ if et else None)
        await inner(2)
        return et is KeyError


async def use_cm():
    async with CM() as r:
        print("inside", r)
    async with CM():
        raise KeyError("k")
    try:
        async with CM():
            raise ValueError("v")
    except ValueError as e:
        print("caught", e)
    for i in range(3):
        async with CM():
            if i == 1:
                break
    return "done"


print(run(use_cm()))


async def thrower():
    try:
        await inner(0)
    except RuntimeError as e:
        print("inner caught", e)
        return "recovered"


t = thrower()
t.send(None)
try:
    t.throw(RuntimeError("boom"))
except StopIteration as e:
    print("result", e.value)


def gen():
    x = yield 1
    print("got", x)
    try:
        yield 2
    except ValueError:
        yield "handled"
    return "gen-ret"


def outer():
    r = yield from gen()
    print("returned", r)
    yield "after"


g = outer()
print(next(g), g.send("hello"), g.throw(ValueError), next(g))
never = middle()
try:
    for x in never:
        pass
except TypeError as e:
    print(e)
never.close()


async def aw_in_except():
    try:
        raise KeyError("a")
    except KeyError:
        await inner(0)
        try:
            raise
        except KeyError as e:
            return repr(e)


print(run(aw_in_except()))
