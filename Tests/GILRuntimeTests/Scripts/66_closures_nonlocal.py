# Closures, nonlocal, late binding, counters and accumulators.
def make_counter(start=0):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


inc, get = make_counter(10)
inc()
inc(5)
print(get())


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x

    return middle(), x


print(outer())

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])


def averager():
    total = 0
    n = 0

    def add(value):
        nonlocal total, n
        total += value
        n += 1
        return total / n

    return add


avg = averager()
print([avg(v) for v in (10, 20, 60)])
print(avg.__closure__ is not None, len(avg.__closure__), make_counter.__closure__)

x = "global"


def read_global():
    return x


def shadow():
    x = "local"
    return x, read_global()


print(shadow())


def make_multipliers():
    return {name: (lambda k: lambda v: v * k)(k) for name, k in [("double", 2), ("triple", 3)]}


m = make_multipliers()
print(m["double"](7), m["triple"](7))


def fibs():
    a, b = 0, 1

    def step():
        nonlocal a, b
        a, b = b, a + b
        return a
    return step


s = fibs()
print([s() for _ in range(10)])
