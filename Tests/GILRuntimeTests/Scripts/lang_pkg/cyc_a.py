NAME = "a"
from . import cyc_b


def describe():
    return f"a sees {cyc_b.NAME} (b saw {cyc_b.EARLY})"
