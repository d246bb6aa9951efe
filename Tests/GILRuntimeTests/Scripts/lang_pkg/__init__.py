"""Helper package of script 100_imports (relative imports, circular imports, sys.modules)."""
from .shapes import Square
from . import registry

VERSION = (1, 2)
print("lang_pkg init:", __name__, __package__, __doc__.split(" ")[0])
