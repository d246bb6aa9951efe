def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())

def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]

print([f(10) for f in make_multipliers()])

def outer():
    x = "outer"
    def middle():
        def inner():
            return x + "!"
        return inner()
    return middle()

print(outer())

def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]

print(late_binding())

def accumulator():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    return add, items

add, items = accumulator()
add("a"); add("b")
print(items)
