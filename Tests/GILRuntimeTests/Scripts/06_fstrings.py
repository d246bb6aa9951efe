x = 3.14159
n = 1234567
name = "Ada"
print(f"{x:.2f}")
print(f"{x=}")
print(f"{name:>8}|{name:<8}|{name:^8}|")
print(f"{n:,}")
print(f"{n:_}")
print(f"{name!r} {name!s}")
print(f"{42:5d}|{42:<5d}|{42:05d}")
print(f"{255:x} {255:X} {255:o} {255:b} {255:#x}")
print(f"{0.5:%} {0.25:.1%}")
print(f"{1234.5:e} {1234.5:.2e}")
print(f"{{literal}} {x:.{2}f}")
width = 10
print(f"[{name:*^{width}}]")
print(f"{n = :,}")
print(f"{'quoted'} {len(name)} {name.upper()}")
print(f"{[1, 2]} {(1, 'a')} {None}")
print(f"{-5:+d} {5:+d} {3.0:g} {1e20:g}")
