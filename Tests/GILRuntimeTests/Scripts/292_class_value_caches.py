# Class attributes that are instances: plain values (cached) until their class gains __get__, then descriptors.
class Flavour:
    sep = "/"
class D:
    def __get__(self, obj, owner):
        return ("got", obj is not None)
class P:
    _flavour = Flavour()
    d = D()
    def f(self):
        return self._flavour.sep, self.d, type(self)._flavour.sep, P.d
p = P()
for i in range(3):
    print(p.f())
Flavour.__get__ = lambda self, obj, owner: "now a descriptor"
for i in range(2):
    print(p.f()[0] if False else (p._flavour, P._flavour))
del Flavour.__get__
print(p._flavour.sep, P._flavour.sep)
p._flavour = "own"
print(p._flavour, P._flavour.sep)
class E:
    pass
e = E()
P.z = e
def g(): return P.z, p.z
print(g() == (e, e))
E.__get__ = lambda self, obj, owner: 42
print(g())
