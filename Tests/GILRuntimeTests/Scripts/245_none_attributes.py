# None stored where Swift's Optional.none was meant: sys.pycache_prefix, ImportError.name/.path, an unhashable
# mappingproxy, eval of None, threading.excepthook's exc_traceback
import sys, types, threading
print(sys.pycache_prefix)
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e.name, e.path)
try:
    from os import no_such_name_xyz
except ImportError as e:
    print(type(e).__name__, e.name, e.path.endswith("os.py"))
try:
    hash(types.MappingProxyType({}))
except TypeError as e:
    print("TypeError", e)
print(eval("None"), eval("1 if 0 else None"))
seen = []
threading.excepthook = lambda a: seen.append((a.exc_type.__name__, a.exc_traceback is not None))
t = threading.Thread(target=lambda: 1 / 0); t.start(); t.join()
print(seen)
