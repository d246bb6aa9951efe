# Comprehensions (nested, conditional, dict/set), for/while ... else, break/continue, star unpacking.
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
print([row[i] for i, row in enumerate(matrix)])
print([[row[c] for row in matrix] for c in range(3)])
print([x for row in matrix for x in row if x % 2 == 0])
print({x % 4 for x in range(10)})
print({k: v for k, v in zip("abc", range(3)) if v})
print({w: len(w) for w in "one two three".split()})
print([(x, y) for x in range(3) for y in range(x)])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])


def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found at", i)
            break
    else:
        print("not found")


find([5, 6, 7], 6)
find([5, 6, 7], 9)

n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)

while True:
    n -= 1
    if n == 0:
        break
else:
    print("never printed")

for i in range(10):
    if i % 3:
        continue
    print("multiple of 3:", i)

primes = []
for candidate in range(2, 30):
    for p in primes:
        if candidate % p == 0:
            break
    else:
        primes.append(candidate)
print(primes)

pairs = [(1, "one"), (2, "two")]
for number, (first, *rest) in pairs:
    print(number, first, rest)
for i, (a, b) in enumerate(zip("xy", "pq")):
    print(i, a + b)
print(list(map(lambda t: t[0] * t[1], [(2, 3), (4, 5)])))
x = [1, 2, 3]
x[1:2] = [7, 8, 9]
print(x)
del x[::2]
print(x)
print(any(v > 8 for v in x), all(v > 0 for v in x))
grid = list(range(8))
grid[::2] = [c * 10 for c in grid[::2]]
grid[-1:2:-3] = ["a", "b"]
print(grid)
try:
    grid[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
