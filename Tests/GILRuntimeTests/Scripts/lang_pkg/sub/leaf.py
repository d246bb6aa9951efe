from ..shapes import area, Square
from .. import VERSION, registry as reg
from . import sibling


def describe():
    return (__name__, __package__, area(Square(3)), VERSION, sorted(reg.KINDS), sibling.WHO)
