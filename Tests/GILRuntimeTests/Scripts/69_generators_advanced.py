# Generators: yield from, send, return values, generator expressions, close, infinite generators.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def wrapper():
    result = yield from countdown(3)
    yield result


print(list(wrapper()))


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))


def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


acc = accumulator()
print(next(acc), acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as stop:
    print("returned", stop.value)

squares = (x * x for x in range(10) if x % 2)
print(type(squares).__name__, next(squares), list(squares))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(list(zip(countdown(3), "abc")))


def naturals():
    n = 0
    while True:
        yield n
        n += 1


gen = naturals()
print([next(gen) for _ in range(5)])
gen.close()
print(next(gen, "closed"))


def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")


g = with_cleanup()
print(next(g), list(g))


def pipeline():
    nums = (i for i in range(20))
    evens = (n for n in nums if n % 2 == 0)
    return [e * 10 for e in evens if e > 10]


print(pipeline())
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))
g2 = countdown(2)
print(iter(g2) is g2, list(enumerate(g2, start=1)))
