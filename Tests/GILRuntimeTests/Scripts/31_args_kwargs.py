def f(*args, **kwargs):
    return args, sorted(kwargs.items())

print(f())
print(f(1, 2, a=3, b=4))
print(f(*[1, 2], *(3,), **{"x": 1}, y=2))

def g(a, b, *rest, sep="-", **opts):
    return sep.join(str(v) for v in (a, b) + rest) + str(sorted(opts))

print(g(1, 2))
print(g(1, 2, 3, 4, sep="+"))
print(g(*range(5), flag=True))

def kwonly(a, *, b, c=3):
    return a + b + c

print(kwonly(1, b=2), kwonly(1, c=10, b=2))
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError raised")

def defaults(x, items=None):
    if items is None:
        items = []
    items.append(x)
    return items

print(defaults(1), defaults(2))
args = (3, 4)
kw = {"sep": ":"}
print(g(*args, **kw))
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
a, (b, c) = 1, (2, 3)
print(a, b, c)
print([*range(3), *"xy"], {**{"a": 1}, "b": 2})
