def add(a, b):
    return a + b

def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

def nothing():
    pass

print(add(2, 3), add("a", "b"), add([1], [2]))
print(greet("Bob"))
print(greet("Bob", "Hi"))
print(greet("Bob", punct="?"))
print(greet(punct=".", name="Eve", greeting="Bye"))
print(nothing())

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(10), fact(25))

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print([fib(i) for i in range(15)])

def multi():
    return 1, "two", [3]

x, y, z = multi()
print(x, y, z, multi())

def swap(a, b):
    a, b = b, a
    return a, b

print(swap(1, 2))
