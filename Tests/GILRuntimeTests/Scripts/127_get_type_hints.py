# typing.get_type_hints evaluates string annotations (functions, classes along the MRO), equal aliases
import typing
from typing import Optional, List


class Node:
    value: int
    label: "str"
    children: "List[Node]"


class Leaf(Node):
    weight: float = 1.0


def f(x: "int", y: Optional[str] = None, *rest: "Node") -> None:
    pass


print(typing.get_type_hints(f) == {"x": int, "y": Optional[str], "rest": Node, "return": type(None)})
print(sorted(typing.get_type_hints(Leaf)), typing.get_type_hints(Leaf)["weight"], typing.get_type_hints(Node)["label"])
print(typing.get_type_hints(Node)["value"] is int, typing.get_type_hints(lambda: 0))
try:
    typing.get_type_hints(5)
except TypeError as e:
    print("TypeError:", e)
print(hash(typing.Callable[[int], str]) == hash(typing.Callable[[int], str]), List[int] == List[int], List[int] != List[str])
