/// `copy` (Lib/copy.py, simplified): shallow and deep copies of builtin containers and plain instances.
/// Compiled by our own compiler at first import (`SourceModules`).
enum CopySource {
    static let text = #"""
        from _copy import deepcopy as _deepcopy_native


        class Error(Exception):
            pass


        # Sets, not tuples: a type's hash is its identity, so `cls in` costs one probe instead of up to nine
        # comparisons (every object deepcopy hands back to Python asks).
        _IMMUTABLE = frozenset({int, float, bool, str, bytes, type(None), range, frozenset})
        _IMMUTABLE_OR_TUPLE = _IMMUTABLE | {tuple}


        def copy(x):
            cls = type(x)
            if cls in _IMMUTABLE_OR_TUPLE or callable(x) and not hasattr(x, "__dict__"):
                return x
            if cls is list:
                return list(x)
            if cls is dict:
                return dict(x)
            if cls is set:
                return set(x)
            if hasattr(x, "__copy__"):
                return x.__copy__()
            if _reduces(cls):
                return _reconstruct(x, None, *x.__reduce_ex__(4))
            if hasattr(x, "__dict__") and not isinstance(x, type):
                new = object.__new__(cls) if hasattr(object, "__new__") else cls.__new__(cls)
                for k, v in x.__dict__.items():
                    setattr(new, k, v)
                return new
            return x


        def deepcopy(x, memo=None):
            if memo is None:
                memo = {}
            return _deepcopy_native(x, memo, _deepcopy_other)


        def _reduces(cls):
            # Classes with state of their own (a native base such as StringIO or BytesIO, __setstate__, their
            # own reduction) copy through the reduce protocol, as Lib/copy.py copies every class.
            # A tuple subclass (a namedtuple) is rebuilt by its own __new__ (copyreg.__newobj__).
            return (issubclass(cls, tuple) or hasattr(cls, "__setstate__")
                    or getattr(cls, "__reduce_ex__", None) is not object.__reduce_ex__
                    or getattr(cls, "__reduce__", None) is not object.__reduce__)


        def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
            # Lib/copy.py's _reconstruct.
            deep = memo is not None
            if deep and args:
                args = deepcopy(args, memo)
            y = func(*args)
            if deep:
                memo[id(x)] = y
            if state is not None:
                if deep:
                    state = deepcopy(state, memo)
                if hasattr(y, "__setstate__"):
                    y.__setstate__(state)
                else:
                    if isinstance(state, tuple) and len(state) == 2:
                        state, slotstate = state
                    else:
                        slotstate = None
                    if state is not None:
                        y.__dict__.update(state)
                    if slotstate is not None:
                        for key, value in slotstate.items():
                            setattr(y, key, value)
            if listiter is not None:
                for item in listiter:
                    y.append(deepcopy(item, memo) if deep else item)
            if dictiter is not None:
                for key, value in dictiter:
                    if deep:
                        key = deepcopy(key, memo)
                        value = deepcopy(value, memo)
                    y[key] = value
            return y


        def _keep_alive(x, memo):
            try:
                memo[id(memo)].append(x)
            except KeyError:
                memo[id(memo)] = [x]


        def _deepcopy_other(x, memo):
            # What _copy.deepcopy leaves to Python: anything but exact lists, tuples, dicts and atomic values
            # (all of them when memo is not a plain dict).
            key = id(x)
            if key in memo:
                return memo[key]
            cls = type(x)
            if cls in _IMMUTABLE or isinstance(x, type) or callable(x) and not hasattr(x, "__dict__"):
                return x
            if cls is list:
                y = []
                memo[key] = y
                for item in x:
                    y.append(deepcopy(item, memo))
                return y
            if cls is tuple:
                y = tuple(deepcopy(item, memo) for item in x)
                memo[key] = y
                return y
            if cls is dict:
                y = {}
                memo[key] = y
                for k, v in x.items():
                    y[deepcopy(k, memo)] = deepcopy(v, memo)
                return y
            if cls is set:
                y = set(deepcopy(item, memo) for item in x)
                memo[key] = y
                return y
            if hasattr(x, "__deepcopy__"):
                return x.__deepcopy__(memo)
            if _reduces(cls) and not isinstance(x, type):
                y = _reconstruct(x, memo, *x.__reduce_ex__(4))
                _keep_alive(x, memo)
                return y
            if isinstance(x, (list, dict)) and not isinstance(x, type):
                # copyreg's reduction of a list or dict subclass: cls.__new__, the instance dict, then the items.
                new = cls.__new__(cls)
                memo[key] = new
                state = getattr(x, "__dict__", None)
                if state:
                    for k, v in deepcopy(state, memo).items():
                        setattr(new, k, v)
                if isinstance(x, list):
                    for item in x:
                        new.append(deepcopy(item, memo))
                else:
                    for k, v in x.items():
                        new[deepcopy(k, memo)] = deepcopy(v, memo)
                _keep_alive(x, memo)
                return new
            if hasattr(x, "__dict__"):
                new = object.__new__(cls)
                memo[key] = new
                for k, v in x.__dict__.items():
                    setattr(new, k, deepcopy(v, memo))
                _keep_alive(x, memo)
                return new
            return x
        """#
}
