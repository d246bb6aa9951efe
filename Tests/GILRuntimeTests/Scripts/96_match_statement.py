from dataclasses import dataclass

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def describe(v):
    match v:
        case None:
            return "none"
        case True | False:
            return f"bool {v}"
        case 0:
            return "zero"
        case -1 | 1:
            return "unit"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float():
            return f"number {v}"
        case "":
            return "empty str"
        case str(s):
            return f"str {s!r}"
        case []:
            return "empty list"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"two {x} {y}"
        case [first, *rest] if len(rest) > 3:
            return f"long, first {first}, rest {rest}"
        case (a, b, *mid, c):
            return f"seq {a} {b} {mid} {c}"
        case {"action": "move", "to": (x, y)}:
            return f"move to {x},{y}"
        case {"action": str(act), **others}:
            return f"action {act} others {others}"
        case {}:
            return "some mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, y) as p if x == y:
            return f"diagonal {p.x}"
        case Point(x=px):
            return f"point x={px}"
        case _:
            return f"other {type(v).__name__}"

for v in [None, True, False, 0, 1, -1, 7, 1000, 2.5, "", "hi", [], [1], [1, 2], (1, 2, 3), [1, 2, 3, 4, 5, 6],
          (1, 2, 3, 4), {"action": "move", "to": (3, 4)}, {"action": "move", "to": [3, 4, 5]}, {"action": "stop", "x": 1},
          {"x": 1}, Point(0, 0), Point(0, 5), Point(3, 3), Point(4, 5), object(), range(3), b"ab"]:
    print(describe(v))

def http(status):
    match status:
        case 200 | 201 as code:
            return f"ok {code}"
        case 404:
            return "not found"
        case code if 500 <= code < 600:
            return f"server error {code}"
        case code:
            return f"other {code}"
print([http(s) for s in (200, 201, 404, 503, 302)])

import collections
match collections.deque([1, 2]):
    case [a, b]:
        print("deque", a, b)
match collections.defaultdict(int, {"k": 1}):
    case {"k": v}:
        print("defaultdict", v)
match collections.OrderedDict(a=1):
    case {"a": v, **rest}:
        print("ordered", v, rest)

@dataclass
class Item:
    name: str
    qty: int = 1

match Item("bolt", 3):
    case Item(name, qty=q) if q > 2:
        print("many", name, q)

match 3, "x":
    case (n, "x"):
        print("tuple subject", n)

match {"a": 1}:
    case {"b": _}:
        print("no")
    case {"a": 1 | 2 as one}:
        print("alt in mapping", one)

class Color:
    RED = "red"
    GREEN = "green"
match "green":
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green via value pattern")

def g(x):
    match x:
        case [int() as a, *_]:
            return a
    return "fell through"
print(g([5, "x"]), g(["y"]), g("str"))
match "abc":
    case [*_]:
        print("str is a sequence?!")
    case _:
        print("str is not a sequence pattern")
try:
    match 5:
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match Point(1, 2):
        case Point(1, x=1):
            pass
except TypeError as e:
    print("TypeError", e)
match = 3
case = 4
print(match + case)
