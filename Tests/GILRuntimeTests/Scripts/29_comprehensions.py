print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(3)] for i in range(3)])
print({x: x ** 2 for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print(sorted({c for c in "mississippi"}))
print(sum(x for x in range(101)))
print(list(x.upper() for x in "hey"))
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in matrix for i in range(len(row)) if i != 1])
print([list(col) for col in zip(*matrix)])
words = ["apple", "bob", "kayak", "level", "xyz"]
print([w for w in words if w == w[::-1]])
print({len(w) for w in words})
x = 10
print([x for x in range(3)], x)
print(any(n > 4 for n in [1, 5]), all(n > 0 for n in [1, 0]), any([]), all([]))
