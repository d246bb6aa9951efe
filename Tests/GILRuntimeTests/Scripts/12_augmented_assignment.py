x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
f = 1.5
f /= 2; f += 0.25
print(f)
s = "ab"
s += "cd"; s *= 2
print(s)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 4
lst += [4]
print(lst)
d = {"n": 1}
d["n"] += 41
d["m"] = 0
d["m"] -= 1
print(d)

class Box:
    pass

b = Box()
b.v = 3
b.v += 4
b.v <<= 2
print(b.v)
bits = 0b1100
bits &= 0b1010; bits |= 1; bits ^= 0b11; bits >>= 1
print(bits)
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
print(grid)
