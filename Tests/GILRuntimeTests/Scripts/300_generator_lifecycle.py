# Generator and coroutine lifecycle: return values delivered once, finalisation of suspended frames,
# reuse of awaited coroutines, __name__/__qualname__.
import gc
import sys


def show(name, f):
    try:
        print(name, repr(f()))
    except BaseException as e:
        print(name, type(e).__name__, e)


# --- a return value is delivered once (StopIteration(value)), then StopIteration()
def five():
    yield 1
    return 5

x = five()
next(x)
show('first end', lambda: next(x))
show('again', lambda: next(x))
show('send', lambda: x.send(None))
show('throw after end', lambda: x.throw(ValueError('v')))
show('close after end', lambda: x.close())

def stop_value(g):
    try:
        next(g)
    except StopIteration as e:
        return e.value

x = five(); next(x)
print('value', stop_value(x), stop_value(x))

# yield from an exhausted generator: None at once, not the stale return value
def inner():
    yield 1
    return 'r'

i = inner()
def outer():
    x = yield from i
    yield x
o = outer()
print(next(o))
for _ in i:
    pass
print('stale?', next(o))

i = inner()
list(i)
def outer2():
    r = yield from i
    return r
print('exhausted yield from', list(outer2()), stop_value(outer2()))

# yield from a generator finished by another consumer in between
def counter():
    yield 1
    yield 2
    return 'counted'
c = counter()
def wrap():
    r = yield from c
    yield ('wrap got', r)
w = wrap()
print(next(w))
print(next(c))
print(next(w))
show('w after', lambda: next(w))
show('c after', lambda: next(c))

# a return value through two levels of delegation, several times
def leaf(n):
    for k in range(n):
        yield k
    return n * 10
def mid(n):
    a = yield from leaf(n)
    b = yield from leaf(0)
    return (a, b)
def top():
    r = yield from mid(2)
    yield r
print(list(top()))

# --- finally / with exits run when a suspended generator is deleted
class Manager:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, *exc):
        print('exit', self.name, exc[0].__name__ if exc[0] else None)
        return False

def with_finally(tag):
    try:
        with Manager(tag):
            yield 1
            yield 2
    finally:
        print('finally', tag)

g = with_finally('a')
next(g)
del g
print('after del a')

g = with_finally('b')
next(g); next(g)
g = None
print('after rebind b')

def gen_in_function():
    g = with_finally('c')
    next(g)
    return 'returned'
print(gen_in_function())
print('after function c')

# unstarted and finished generators run nothing
g = with_finally('d')
del g
g = with_finally('e')
list(g)
del g
print('unstarted/finished done')

# GeneratorExit seen by the generator, which handles it and returns
def catches():
    try:
        yield 1
    except GeneratorExit:
        print('caught GeneratorExit')
        raise

g = catches()
next(g)
del g
print('after catches')

# delegated: every level's finally runs, innermost first
def level(n):
    try:
        if n == 0:
            yield 'bottom'
        else:
            yield from level(n - 1)
    finally:
        print('finally level', n)

g = level(2)
print(next(g))
del g
print('after levels')

# a finally that raises: reported (as unraisable) and execution goes on
def raises_in_finally():
    try:
        yield 1
    finally:
        print('raising in finally')
        raise KeyError('k')

saved, sys.stderr = sys.stderr, __import__('io').StringIO()
try:
    g = raises_in_finally()
    next(g)
    del g
    gc.collect()
    print('after raising finally')
    # a generator that yields again when closed
    def stubborn():
        while True:
            try:
                yield 1
            except GeneratorExit:
                print('ignoring GeneratorExit')
    g = stubborn()
    next(g)
    del g
    gc.collect()
    print('after stubborn')
finally:
    sys.stderr = saved

# a generator kept alive by a container dies with it
def holder():
    try:
        yield 1
    finally:
        print('holder finally')
keep = [holder()]
next(keep[0])
keep.clear()
print('after clear')

# --- coroutines: cannot be awaited twice
async def answer():
    return 42

async def main():
    c = answer()
    print('awaited', await c)
    try:
        await c
    except RuntimeError as e:
        print('RuntimeError', e)

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

run(main())
co = answer()
show('c send', lambda: co.send(None))
show('c send again', lambda: co.send(None))
show('c throw again', lambda: co.throw(ValueError('v')))
show('c close again', lambda: co.close())
co = answer()
co.close()
show('closed send', lambda: co.send(None))

# a suspended coroutine deleted runs its finally
class Suspend:
    def __await__(self):
        yield 'suspended'

async def waits():
    try:
        await Suspend()
    finally:
        print('coroutine finally')

co = waits()
print(co.send(None))
del co
print('after coroutine del')

# --- __name__ and __qualname__
def plain():
    yield 1

class K:
    def method(self):
        yield 1
    async def coro(self):
        pass

async def agen():
    yield 1

def make_genexpr():
    return (i for i in ())

p = plain()
print(p.__name__, p.__qualname__)
m = K().method()
print(m.__name__, m.__qualname__, repr(m).split(' at ')[0])
m.__name__ = 'renamed'
m.__qualname__ = 'Q.renamed'
print(m.__name__, m.__qualname__, repr(m).split(' at ')[0])
print(K.method.__name__, K().method().__name__)
show('bad name', lambda: setattr(m, '__name__', 3))
show('bad qualname', lambda: setattr(m, '__qualname__', None))
show('del name', lambda: delattr(m, '__name__'))
c = K().coro()
print(c.__name__, c.__qualname__, repr(c).split(' at ')[0])
c.close()
a = agen()
print(a.__name__, a.__qualname__, repr(a).split(' at ')[0])
ge = (i for i in ())
print(ge.__name__, ge.__qualname__, make_genexpr().__qualname__)
