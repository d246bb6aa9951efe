def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"

print(list(countdown(5)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

g = fib()
print([next(g) for _ in range(10)])

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], "ab", range(3))))

gen = countdown(2)
print(next(gen), next(gen))
try:
    next(gen)
except StopIteration as e:
    print("StopIteration", e.value)

def evens(limit):
    for i in range(limit):
        if i % 2 == 0:
            yield i

print(sum(evens(10)), max(evens(10)), list(zip(evens(6), countdown(3))))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "exhausted"))
squares = (x * x for x in range(4))
print(list(squares), list(squares))
