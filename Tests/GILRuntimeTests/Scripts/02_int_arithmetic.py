a = 17
b = 5
print(a + b, a - b, a * b)
print(a // b, a % b, a / b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(2 ** 10, 2 ** 0, (-2) ** 3)
print(divmod(17, 5), divmod(-17, 5))
print(abs(-9), pow(3, 4), pow(2, 10, 1000))
print(7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 10, 1024 >> 3)
print(0xFF, 0o17, 0b1011, 1_000_000)
print(int("42") + 1, int(3.9), int(-3.9))
print(hex(255), bin(10), oct(8))
