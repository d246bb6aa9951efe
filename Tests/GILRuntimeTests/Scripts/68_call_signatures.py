# *args/**kwargs, keyword-only and positional-only parameters, defaults, unpacking in calls.
def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, sorted(kwargs.items()))


print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, z=0))
print(f(*[1, 2, 3], **{"c": 10, "x": 11}))


def pos_only(a, b, /, c, *, d):
    return a + b + c + d


print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
try:
    pos_only(1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, c=3, a=4)
except TypeError as e:
    print("TypeError:", e)


def kwonly(*, name="anon", **rest):
    return name, rest


print(kwonly(), kwonly(name="x", extra=1))


def collect(*args, **kwargs):
    return len(args), list(kwargs)


print(collect(), collect(1, 2, a=1, b=2), collect(*range(5), **dict(k=1)))


def defaults(x, items=None):
    if items is None:
        items = []
    items.append(x)
    return items


print(defaults(1), defaults(2))


def mutable_default(x, seen=[]):
    seen.append(x)
    return len(seen)


print(mutable_default(1), mutable_default(2), mutable_default(3))
args = (1, 2)
kwargs = {"sep": "+", "end": "=\n"}
print(*args, **kwargs)
print(max(3, 9, 4, key=lambda v: -v), min([5, 2, 8], default=0), max([], default="empty"))
print(sorted([3, 1, 2], reverse=True), "-".join(map(str, range(3))))
first, *middle, last = range(6)
print(first, middle, last)
*head, tail = "abc"
print(head, tail)
(a, b), c = (1, 2), 3
print(a, b, c)
print([*range(3), *"xy"], {**{"a": 1}, "b": 2}, (*[1], 2))
