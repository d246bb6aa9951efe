import math
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.floor(-2.5))
print(math.pi, math.e)
print(math.gcd(48, 18), math.factorial(20), math.isclose(0.1 + 0.2, 0.3))
print(round(math.sin(math.pi / 2), 6), round(math.log(math.e), 6), math.log(8, 2), math.log10(1000))
print(math.inf > 10 ** 100, math.isnan(float("nan")), math.fabs(-3), math.trunc(-3.7))
print(math.hypot(3, 4), math.pow(2, 10), math.copysign(1, -0.0))
