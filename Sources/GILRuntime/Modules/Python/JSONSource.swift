/// `json` (Lib/json, simplified): dumps/dump with CPython's separators, indent, sort_keys, ensure_ascii and
/// default; a recursive-descent loads/load with JSONDecodeError positions.
/// Compiled by our own compiler at first import (`SourceModules`).
enum JSONSource {
    static let text = #"""
        class JSONDecodeError(ValueError):
            def __init__(self, msg, doc, pos):
                lineno = doc.count("\n", 0, pos) + 1
                colno = pos - doc.rfind("\n", 0, pos)
                ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
                self.msg = msg
                self.doc = doc
                self.pos = pos
                self.lineno = lineno
                self.colno = colno


        import _json


        def _coerce(o, default):
            """What the native encoder (_json.encode) writes in place of an object it does not know: a subclass
            of a builtin type as its base value, else default(o) (Lib/json/encoder.py's order of checks)."""
            if isinstance(o, str):
                return str.__str__(o)
            if isinstance(o, int):
                return int(o)
            if isinstance(o, float):
                return float(o)
            if isinstance(o, (list, tuple)):
                return list(o)
            if isinstance(o, dict):
                return dict(o)
            if default is not None:
                return default(o)
            raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)


        def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
                  indent=None, separators=None, default=None, sort_keys=False, **kw):
            if separators is None:
                separators = (", ", ": ") if indent is None else (",", ": ")
            item_sep, key_sep = separators
            return _json.encode(obj, indent, item_sep, key_sep, sort_keys, skipkeys, ensure_ascii, allow_nan,
                                check_circular, _coerce, default)


        def dump(obj, fp, **kwargs):
            fp.write(dumps(obj, **kwargs))


        def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                  object_pairs_hook=None, strict=True, **kw):
            if isinstance(s, bytes):
                s = s.decode()
            elif not isinstance(s, str):
                raise TypeError("the JSON object must be str, bytes or bytearray, not %s" % type(s).__name__)
            return _json.decode(s, strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant,
                                JSONDecodeError)


        def load(fp, **kwargs):
            return loads(fp.read(), **kwargs)
        """#
}
