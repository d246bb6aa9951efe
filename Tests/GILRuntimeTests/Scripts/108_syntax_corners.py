# Syntax corners CPython 3.11 accepts: triple-quoted strings inside f-string fields, starred subscripts (PEP 646),
# starred bases, a class body rebinding a name its methods take from the enclosing function.
print(f'{"""a"b"""}', f"{'''x'y'''}")
d = {(1, 2, 3): "t", (1,): "one"}
x = (2, 3)
print(d[1, *x], d[*(1,)])


class G:
    def __getitem__(self, k):
        return k


g = G()
print(g[*x], g[1, *x, 4], g[*x, 5:6])
bases = (dict,)


class A(*bases):
    pass


print(A.__mro__[1].__name__)


def outer():
    x = 1

    class C:
        x = 2

        def g(self):
            return x

        y = [x for _ in range(1)]
    return C().g(), C.x, C.y


print(outer())
