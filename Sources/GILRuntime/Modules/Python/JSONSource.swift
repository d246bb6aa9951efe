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


        _ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


        def _encode_string(s, ensure_ascii):
            out = []
            for ch in s:
                if ch in _ESCAPES:
                    out.append(_ESCAPES[ch])
                elif ord(ch) < 0x20 or (ensure_ascii and ord(ch) > 0x7E):
                    n = ord(ch)
                    if n > 0xFFFF:
                        n -= 0x10000
                        out.append("\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
                    else:
                        out.append("\\u%04x" % n)
                else:
                    out.append(ch)
            return '"' + "".join(out) + '"'


        def _float_text(f, allow_nan):
            if f != f:
                text = "NaN"
            elif f == float("inf"):
                text = "Infinity"
            elif f == float("-inf"):
                text = "-Infinity"
            else:
                return repr(f)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON compliant")
            return text


        def _encode(o, indent, separators, sort_keys, ensure_ascii, allow_nan, default, level):
            item_sep, key_sep = separators
            if o is None:
                return "null"
            if o is True:
                return "true"
            if o is False:
                return "false"
            if isinstance(o, str):
                return _encode_string(o, ensure_ascii)
            if isinstance(o, int):
                return str(o)
            if isinstance(o, float):
                return _float_text(o, allow_nan)
            if isinstance(o, (list, tuple)):
                if not o:
                    return "[]"
                parts = [_encode(x, indent, separators, sort_keys, ensure_ascii, allow_nan, default, level + 1) for x in o]
                return _wrap("[", "]", parts, indent, item_sep, level)
            if isinstance(o, dict):
                if not o:
                    return "{}"
                items = list(o.items())
                if sort_keys:
                    items = sorted(items, key=lambda kv: kv[0])
                parts = []
                for k, v in items:
                    if isinstance(k, str):
                        key = k
                    elif k is True:
                        key = "true"
                    elif k is False:
                        key = "false"
                    elif k is None:
                        key = "null"
                    elif isinstance(k, float):
                        key = _float_text(k, allow_nan)
                    elif isinstance(k, int):
                        key = str(k)
                    else:
                        raise TypeError("keys must be str, int, float, bool or None, not %s" % type(k).__name__)
                    value = _encode(v, indent, separators, sort_keys, ensure_ascii, allow_nan, default, level + 1)
                    parts.append(_encode_string(key, ensure_ascii) + key_sep + value)
                return _wrap("{", "}", parts, indent, item_sep, level)
            if default is not None:
                return _encode(default(o), indent, separators, sort_keys, ensure_ascii, allow_nan, default, level)
            raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)


        def _wrap(open_, close, parts, indent, item_sep, level):
            if indent is None:
                return open_ + item_sep.join(parts) + close
            pad = indent if isinstance(indent, str) else " " * indent
            inner = "\n" + pad * (level + 1)
            return open_ + inner + (item_sep.rstrip(" ") + inner).join(parts) + "\n" + pad * level + close


        def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
                  indent=None, separators=None, default=None, sort_keys=False):
            if separators is None:
                separators = (", ", ": ") if indent is None else (",", ": ")
            return _encode(obj, indent, separators, sort_keys, ensure_ascii, allow_nan, default, 0)


        def dump(obj, fp, **kwargs):
            fp.write(dumps(obj, **kwargs))


        _WS = " \t\n\r"


        class _Parser:
            def __init__(self, text):
                self.s = text
                self.i = 0

            def fail(self, msg, pos=None):
                raise JSONDecodeError(msg, self.s, self.i if pos is None else pos)

            def skip(self):
                while self.i < len(self.s) and self.s[self.i] in _WS:
                    self.i += 1

            def value(self):
                self.skip()
                if self.i >= len(self.s):
                    self.fail("Expecting value")
                c = self.s[self.i]
                if c == "{":
                    return self.obj()
                if c == "[":
                    return self.arr()
                if c == '"':
                    return self.string()
                for word, val in (("true", True), ("false", False), ("null", None), ("NaN", float("nan")),
                                  ("Infinity", float("inf")), ("-Infinity", float("-inf"))):
                    if self.s.startswith(word, self.i):
                        self.i += len(word)
                        return val
                return self.number()

            def number(self):
                start = self.i
                s = self.s
                if self.i < len(s) and s[self.i] == "-":
                    self.i += 1
                digits = self.i
                while self.i < len(s) and s[self.i].isdigit():
                    self.i += 1
                if self.i == digits:
                    self.fail("Expecting value", start)
                is_float = False
                if self.i < len(s) and s[self.i] == ".":
                    is_float = True
                    self.i += 1
                    while self.i < len(s) and s[self.i].isdigit():
                        self.i += 1
                if self.i < len(s) and s[self.i] in "eE":
                    is_float = True
                    self.i += 1
                    if self.i < len(s) and s[self.i] in "+-":
                        self.i += 1
                    while self.i < len(s) and s[self.i].isdigit():
                        self.i += 1
                text = s[start:self.i]
                return float(text) if is_float else int(text)

            def string(self):
                self.i += 1
                out = []
                s = self.s
                while True:
                    if self.i >= len(s):
                        self.fail("Unterminated string starting at", self.i)
                    c = s[self.i]
                    if c == '"':
                        self.i += 1
                        return "".join(out)
                    if c == "\\":
                        e = s[self.i + 1:self.i + 2]
                        if e == "u":
                            n = int(s[self.i + 2:self.i + 6], 16)
                            self.i += 6
                            if 0xD800 <= n < 0xDC00 and s[self.i:self.i + 2] == "\\u":
                                low = int(s[self.i + 2:self.i + 6], 16)
                                n = 0x10000 + ((n - 0xD800) << 10) + (low - 0xDC00)
                                self.i += 6
                            out.append(chr(n))
                            continue
                        mapping = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
                        if e not in mapping:
                            self.fail("Invalid \\escape", self.i)
                        out.append(mapping[e])
                        self.i += 2
                        continue
                    out.append(c)
                    self.i += 1

            def arr(self):
                self.i += 1
                items = []
                self.skip()
                if self.s[self.i:self.i + 1] == "]":
                    self.i += 1
                    return items
                while True:
                    items.append(self.value())
                    self.skip()
                    c = self.s[self.i:self.i + 1]
                    self.i += 1
                    if c == "]":
                        return items
                    if c != ",":
                        self.fail("Expecting ',' delimiter", self.i - 1)

            def obj(self):
                self.i += 1
                out = {}
                self.skip()
                if self.s[self.i:self.i + 1] == "}":
                    self.i += 1
                    return out
                while True:
                    self.skip()
                    if self.s[self.i:self.i + 1] != '"':
                        self.fail("Expecting property name enclosed in double quotes")
                    key = self.string()
                    self.skip()
                    if self.s[self.i:self.i + 1] != ":":
                        self.fail("Expecting ':' delimiter")
                    self.i += 1
                    out[key] = self.value()
                    self.skip()
                    c = self.s[self.i:self.i + 1]
                    self.i += 1
                    if c == "}":
                        return out
                    if c != ",":
                        self.fail("Expecting ',' delimiter", self.i - 1)


        def loads(s, **kwargs):
            if isinstance(s, bytes):
                s = s.decode()
            p = _Parser(s)
            value = p.value()
            p.skip()
            if p.i != len(s):
                p.fail("Extra data")
            return value


        def load(fp, **kwargs):
            return loads(fp.read(), **kwargs)
        """#
}
