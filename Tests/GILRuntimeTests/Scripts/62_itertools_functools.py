# itertools (count, islice, chain, ...) and functools (partial, wraps, reduce, lru_cache).
import itertools
from itertools import count, islice, chain, cycle, repeat, accumulate, product, permutations, combinations
from itertools import groupby, zip_longest, takewhile, dropwhile, starmap
import functools
from functools import partial, wraps, reduce, lru_cache

print(list(islice(count(10, 5), 4)))
print(list(islice(count(), 2, 10, 3)))
print(list(chain([1, 2], (3,), "ab")))
print(list(chain.from_iterable([[1], [2, 3]])))
print(list(islice(cycle("xyz"), 7)))
print(list(repeat("r", 3)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)))
print(list(product("ab", [1, 2])))
print(list(permutations([1, 2, 3], 2)))
print(list(combinations("abcd", 2)))
print([(k, list(g)) for k, g in groupby("aaabccdd")])
print(list(zip_longest([1, 2, 3], "ab", fillvalue="-")))
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.pairwise([1, 2, 3, 4])) if hasattr(itertools, "pairwise") else "no pairwise")


def power(base, exponent):
    return base ** exponent


square = partial(power, exponent=2)
two_to = partial(power, 2)
print(square(7), two_to(10), square.func is power, square.keywords)


def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        return ("logged", fn(*args, **kwargs))
    return wrapper


@logged
def greet(name):
    """Say hello."""
    return "hello " + name


print(greet("ann"), greet.__name__, greet.__doc__, greet.__wrapped__("bob"))
print(reduce(lambda a, b: a * b, range(1, 8)), reduce(lambda a, b: a + b, [], 100))

calls = []


@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), len(calls))
print(fib.cache_info().hits > 0)


@functools.cache
def double(n):
    return n * 2


print(double(21), double(21))
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
