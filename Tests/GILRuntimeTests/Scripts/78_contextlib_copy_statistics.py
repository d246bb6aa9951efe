# contextlib.contextmanager/suppress/ExitStack, copy/deepcopy, statistics, string constants, time tuples.
import contextlib
import copy
import statistics
import string
import time
from contextlib import contextmanager, suppress, ExitStack

events = []


@contextmanager
def tag(name):
    events.append("<" + name + ">")
    yield name.upper()
    events.append("</" + name + ">")


with tag("b") as value:
    events.append(value)
with tag("outer"), tag("inner"):
    events.append("text")
print(events)
with suppress(KeyError, IndexError):
    {}["missing"]
print("suppressed")
with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ("x", "y")]
    stack.callback(events.append, "callback")
print(names, events[-5:])
with contextlib.nullcontext(5) as five:
    print(five)

original = {"a": [1, 2], "b": {"c": [3]}}
shallow = copy.copy(original)
deep = copy.deepcopy(original)
original["a"].append(99)
original["b"]["c"].append(100)
print(shallow["a"], deep["a"], deep["b"], shallow is original, shallow == original)


class Box:
    def __init__(self, items):
        self.items = items


b1 = Box([1])
b2 = copy.copy(b1)
b3 = copy.deepcopy(b1)
b1.items.append(2)
print(b2.items, b3.items, type(b3).__name__)

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data))
print(statistics.median([1, 3, 2]), statistics.mean([1, 2]), round(statistics.stdev(data), 6), statistics.variance([1, 2, 3, 4]))
print(string.ascii_lowercase[:5], string.digits, len(string.punctuation), string.capwords("hello big world"))
t = time.localtime(0)
print(len(t), time.strftime("%Y-%m-%d", time.gmtime(86400 * 365)), time.gmtime(0)[:6])
