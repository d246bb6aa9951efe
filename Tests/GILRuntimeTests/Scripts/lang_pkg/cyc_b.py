import os

NAME = "b"
from . import cyc_a

EARLY = cyc_a.NAME
try:
    from .cyc_a import describe
except ImportError as e:
    PROBLEM = str(e).replace(os.path.dirname(__file__), "<dir>")
