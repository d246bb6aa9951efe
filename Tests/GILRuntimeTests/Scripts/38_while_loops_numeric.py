def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

print([collatz_steps(n) for n in range(1, 16)])
best = max(range(1, 3000), key=collatz_steps)
print(best, collatz_steps(best))

total = 0
i = 0
while i < 20000:
    total += i * i
    i += 1
print(total)

def sqrt_newton(x):
    guess = x / 2
    for _ in range(20):
        guess = (guess + x / guess) / 2
    return guess

print(round(sqrt_newton(2), 10), round(sqrt_newton(144), 6))
acc = 0.0
for k in range(1000):
    acc += (-1) ** k / (2 * k + 1)
print(round(4 * acc, 6))
print(sum(range(1, 101)) == 100 * 101 // 2)
