# Type hints: typing imports, annotated functions and classes, TypeVar/Generic, class-syntax NamedTuple.
from typing import Any, Callable, Dict, Generic, List, NamedTuple, Optional, Tuple, TypeVar, Union, cast
import typing

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None


def apply(fn: Callable[[int], int], values: List[int]) -> Dict[str, Union[int, float]]:
    return {"total": sum(fn(v) for v in values), "mean": sum(values) / len(values)}


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"


s: Stack[int] = Stack()
s.push(1)
s.push(2)
print(s.pop(), s.pop(), s.pop())
print(apply(lambda v: v * v, [1, 2, 3]))
p = Point(3)
q = p._replace(y=4, label="q")
print(p, q, q.x + q.y, list(q), q == (3, 4, "q"), Point._fields, p._asdict())
x, y, label = q
print(x, y, label, len(q), cast(int, "not checked"), typing.TYPE_CHECKING)
pair: Tuple[int, str] = (1, "a")
anything: Any = [pair]
print(anything, T, Optional[int] is not None)
