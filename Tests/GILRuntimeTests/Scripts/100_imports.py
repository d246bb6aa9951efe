# Imports like CPython: packages, relative imports, circular imports, sys.path, sys.modules, importlib,
# __future__, ImportError messages, a module that does not compile, a latin-1 module (helper: lang_pkg/).
from __future__ import annotations, division

import os
import sys
import importlib
import importlib.util

here = os.path.dirname(__file__)


def clean(text):
    return str(text).replace(here, "<dir>")


print(__name__, __package__, __spec__, os.path.basename(__file__))
print(sys.path[0] == here)

import lang_pkg
import lang_pkg.shapes
from lang_pkg import Square, shapes, registry
from lang_pkg.shapes import area
import lang_pkg.sub.leaf as leaf

print(lang_pkg.VERSION, Square(2), area(Square(5)), shapes is lang_pkg.shapes)
print(leaf.describe())
print(sorted(k for k in sys.modules if k.startswith("lang_pkg")))
print(lang_pkg.__name__, lang_pkg.__package__, clean(lang_pkg.__file__), [clean(p) for p in lang_pkg.__path__])
print(shapes.__name__, shapes.__package__, clean(shapes.__file__), hasattr(shapes, "__path__"))
print(clean(repr(shapes)))
print(lang_pkg.__spec__.name, lang_pkg.__spec__.parent, shapes.__spec__.parent, clean(shapes.__spec__.origin))

# Circular imports: the partially initialised module is in sys.modules.
from lang_pkg import cyc_a, cyc_b
print(cyc_a.describe())
print(cyc_b.PROBLEM)

# The same module object every time; sys.modules is the cache and can be changed.
import lang_pkg.registry as again
print(again is registry, sys.modules["lang_pkg.registry"] is registry)


class Fake:
    answer = 42


sys.modules["fake_module"] = Fake()
import fake_module
print(fake_module.answer)
sys.modules["blocked_module"] = None
try:
    import blocked_module
except ImportError as e:
    print(type(e).__name__, e)

# sys.path is searched in order and can be extended.
try:
    import extra_mod
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
sys.path.insert(0, os.path.join(here, "lang_pkg", "extra_path"))
import extra_mod
print(extra_mod.ORIGIN, extra_mod.triple(4))

# importlib
print(importlib.import_module("lang_pkg.shapes") is shapes)
print(importlib.import_module(".registry", "lang_pkg") is registry)
print(importlib.import_module("..sibling", "lang_pkg.sub.leaf").WHO)
try:
    importlib.import_module(".registry")
except TypeError as e:
    print(type(e).__name__, e)
print(importlib.util.find_spec("lang_pkg.nothing"), importlib.util.find_spec("lang_pkg").name)
spec = importlib.util.spec_from_file_location("by_path", os.path.join(here, "lang_pkg", "extra_path", "extra_mod.py"))
by_path = importlib.util.module_from_spec(spec)
spec.loader.exec_module(by_path)
print(by_path.__name__, by_path.triple(5), "by_path" in sys.modules)
print(__import__("lang_pkg.sub.leaf").__name__, __import__("lang_pkg.sub", fromlist=["leaf"]).__name__)

# ImportError and ModuleNotFoundError as CPython words them.
for name in ["lang_pkg.missing_module", "no_such_module_at_all"]:
    try:
        importlib.import_module(name)
    except ImportError as e:
        print(type(e).__name__, e, e.name)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .. import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    from lang_pkg import missing_name
except ImportError as e:
    print(type(e).__name__, clean(e), e.name, clean(e.path))
try:
    import lang_pkg.shapes.inner
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from os import no_such_function
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])

# A module that does not compile raises SyntaxError at the import, and is not cached.
try:
    import lang_pkg.broken
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, os.path.basename(e.filename), "lang_pkg.broken" in sys.modules)

# PEP 263: a latin-1 source file.
from lang_pkg.latin import WORD
print(WORD, len(WORD), [hex(ord(c)) for c in WORD if ord(c) > 127])

# __future__
import __future__
print(__future__.annotations, __future__.division.getMandatoryRelease(), len(__future__.all_feature_names))
