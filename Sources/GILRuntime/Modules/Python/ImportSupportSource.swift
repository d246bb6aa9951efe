/// The small C modules CPython's own importlib files import at the top (Lib/importlib/_bootstrap_external.py:
/// `_imp`, `_warnings`, `marshal`), written for our runtime so that `importlib._bootstrap(_external)`, and with
/// them `importlib.abc`, `importlib.resources`, `pydoc`, `py_compile`, `modulefinder`, `imp`, import from CPython's
/// Lib. What they cannot do raises a clear exception: we load no extension modules, freeze nothing and have no
/// bytecode files (`marshal` has nothing to read or write).
enum ImportSupportSource {
    static let imp = #"""
        import sys as _sys

        check_hash_based_pycs = "default"


        def extension_suffixes():
            return []


        def is_builtin(name):
            return 1 if name in _sys.builtin_module_names else 0


        def is_frozen(name):
            return False


        def is_frozen_package(name):
            return False


        def find_frozen(name, withdata=False):
            return None


        def get_frozen_object(name, data=None):
            raise ImportError("No such frozen object named %r" % (name,), name=name)


        def _frozen_module_names():
            return []


        def init_frozen(name):
            return None


        def acquire_lock():
            pass


        def release_lock():
            pass


        def lock_held():
            return False


        def _fix_co_filename(code, path):
            pass


        def source_hash(key, source):
            raise NotImplementedError("not supported yet: _imp.source_hash (no bytecode files)")


        def create_builtin(spec):
            __import__(spec.name)
            return _sys.modules[spec.name]


        def exec_builtin(module):
            return 0


        def create_dynamic(spec, file=None):
            raise ImportError("not supported yet: extension modules (%s)" % (spec.name,), name=spec.name)


        def exec_dynamic(module):
            return 0
        """#

    static let warnings = #"""
        # Only what importlib's files call; warnings.py finds no `filters` here and keeps its own Python half.
        def warn(message, category=None, stacklevel=1, source=None):
            import warnings
            warnings.warn(message, category, stacklevel + 1, source)


        def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
            import warnings
            warnings.warn_explicit(message, category, filename, lineno, module, registry, module_globals, source)
        """#

    /// `_io`: our io module's names, plus `open_code` (CPython's hook for opening code files).
    static let io = #"""
        from io import *
        from io import open


        def open_code(path):
            return open(path, "rb")
        """#

    static let marshal = #"""
        version = 4


        def _unsupported(*args, **kwargs):
            raise NotImplementedError("not supported yet: marshal (our runtime has no bytecode files)")


        dumps = loads = dump = load = _unsupported
        """#
}
