/// `importlib.machinery` (Lib/importlib/machinery.py): the spec, finder and loader classes over our import
/// system (`ModuleRegistry`), which `runpy`, `pkgutil`, `modulefinder` and `pydoc` import. Our runtime runs
/// Python source only: the bytecode and extension loaders exist as names and refuse to load with a clear
/// ImportError, and EXTENSION_SUFFIXES is empty.
enum ImportlibMachinerySource {
    static let text = #"""
        import importlib.util as _util

        ModuleSpec = _util._ModuleSpec
        BuiltinImporter = _util._BuiltinImporter
        FrozenImporter = _util._FrozenImporter
        SourceFileLoader = _util._SourceFileLoader
        NamespaceLoader = _util._NamespaceLoader

        SOURCE_SUFFIXES = [".py"]
        DEBUG_BYTECODE_SUFFIXES = [".pyc"]
        OPTIMIZED_BYTECODE_SUFFIXES = [".pyc"]
        BYTECODE_SUFFIXES = [".pyc"]
        EXTENSION_SUFFIXES = []


        def all_suffixes():
            return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


        class PathFinder:
            @classmethod
            def find_spec(cls, fullname, path=None, target=None):
                return _util._find_spec_on(fullname, None if path is None else list(path))

            @classmethod
            def invalidate_caches(cls):
                pass


        class FileFinder:
            def __init__(self, path, *loader_details):
                self.path = path or "."

            def find_spec(self, fullname, target=None):
                return _util._find_spec_on(fullname, [self.path])

            def invalidate_caches(self):
                pass

            @classmethod
            def path_hook(cls, *loader_details):
                def path_hook_for_FileFinder(path):
                    return cls(path, *loader_details)
                return path_hook_for_FileFinder

            def __repr__(self):
                return f"FileFinder({self.path!r})"


        class WindowsRegistryFinder:
            @classmethod
            def find_spec(cls, fullname, path=None, target=None):
                return None


        class _UnsupportedFileLoader:
            _what = ""

            def __init__(self, fullname, path):
                self.name = fullname
                self.path = path

            def get_filename(self, fullname=None):
                return self.path

            def create_module(self, spec):
                raise ImportError(f"not supported yet: {self._what} ({self.path})", name=self.name, path=self.path)

            def exec_module(self, module):
                raise ImportError(f"not supported yet: {self._what} ({self.path})", name=self.name, path=self.path)

            def __eq__(self, other):
                return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

            def __hash__(self):
                return hash(self.name) ^ hash(self.path)


        class SourcelessFileLoader(_UnsupportedFileLoader):
            _what = "loading a module from bytecode"


        class ExtensionFileLoader(_UnsupportedFileLoader):
            _what = "loading a C extension module"
        """#
}
