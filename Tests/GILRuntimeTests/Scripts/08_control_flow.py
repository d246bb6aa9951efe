def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for v in [-5, 0, 3, 42]:
    print(v, classify(v))

total = 0
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    total += i
print("total", total)

n = 0
while n < 5:
    n += 1
else:
    print("while finished with", n)

for i in range(3):
    pass
else:
    print("for finished with", i)

for i in range(10):
    if i == 4:
        print("found", i)
        break
else:
    print("not found")

k = 10
while True:
    k -= 3
    if k < 0:
        break
print("k", k)
for ch in "hey":
    print(ch, end=" ")
print()
for x, y in [(1, 2), (3, 4)]:
    print(x * y, end=";")
print()
