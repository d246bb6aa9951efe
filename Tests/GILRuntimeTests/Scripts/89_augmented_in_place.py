# Augmented assignment mutates lists and calls __iadd__ in place (the VM shares add/subtract/multiply with +=, -=, *=).
a = [1]
b = a
a += [2]
print(b, a is b)
class V:
    def __init__(self): self.log = []
    def __add__(self, o): return "add"
    def __iadd__(self, o): self.log.append(o); return self
v = V()
w = v
v += 5
print(v is w, w.log)
n = 5
n += 2
n -= 1
n *= 3
s = "ab"
s += "cd"
t = s
s += "e"
print(n, s, t, "x" + "y", [1] + [2])
m = [0]
k = m
m *= 2
print(m, k)
z = [1, 2]
alias = z
z *= 0
print(z, alias, z is alias)
y = [3]
y *= -2
print(y)
g = (1,)
h = g
g += (2,)
print(g, h)
