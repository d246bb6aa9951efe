# json through the native _json encoder/decoder: layout options, escapes, errors with CPython's messages and
# positions, hooks, cycles, default and skipkeys, round trips.
import json
print(json.dumps({"a": [1, 2.5, None, True, False, "x\ny\"\\"], "b": {"c": (1, 2)}, 3: "ĉ😀", 1.5: -0.0, None: 10**30, False: []}))
print(json.dumps({"a": [1, {"b": []}], "z": {}}, indent=2, sort_keys=True))
print(json.dumps(["ĉ😀\x7f\x1f"], ensure_ascii=False))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
for bad in [lambda: json.dumps(float("nan"), allow_nan=False), lambda: json.dumps({(1,2): 3}), lambda: json.dumps(object())]:
    try: bad()
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
l = [1]; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
print(json.dumps({(1,2): 3, "a": 1}, skipkeys=True))
print(json.dumps({"a": 1, "b": [1, 2]}, indent="\t", separators=(", ", " = ")))
class P:
    def __init__(s, x): s.x = x
print(json.dumps([P(1), P(2)], default=lambda o: {"x": o.x}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True, indent=0))
try: json.dumps({1: 2, "a": 3}, sort_keys=True)
except TypeError as e: print(e)
print(json.dumps(""), json.dumps([]), json.dumps({}), json.dumps(-5), json.dumps(12345678901234567890))
cases = ['', '[', '[1,]', '{"a":1,}', '{"a" 1}', '{1:2}', '"abc', '"a\x01b"', '"a\\qb"', '"\\u12"', '"\\u12zz"', '[1 2]', '01', '1.', '-', '-x', 'nul',
         '[1] x', '  {"a": [1, 2.5e3, -0, 1E+2, true, null]}  ', '"\\ud83d\\ude00"', 'NaN', '-Infinity', '{"a":1, "a":2}', '"\\', '["a" ,',
         '1e5', '-0.0', '123456789012345678901234567890', '\t\n  ', '{"é": "ĉ😀\\n\\t\\"\\/\\b\\f\\r\\\\"}', '[[[]], {}, {"x": {"y": [1, {"z": null}]}}]',
         '{"a": 1}\n{"b": 2}', 'ĉ[1]', '"ĉĉ\x02"', '1.5e', '2E-3', '-12.25e+2', '[-1, -0, 0.5, 1e400]', 'true false']
for s in cases:
    try:
        print(repr(s), '->', repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), 'ERR', e, e.pos, e.lineno, e.colno)
print(json.loads('{"a": [1, 2]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=lambda p: p))
print(json.loads('[1.5, 2, NaN]', parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s, parse_constant=lambda s: "C" + s))
print(json.loads('"a\x01b"', strict=False) == "a\x01b")
print(json.loads(b'[1, "x"]'))
try:
    json.loads(5)
except TypeError as e:
    print(e)
doc = {"k%d" % i: [i, i * 0.5, "v" * (i % 7), None, i % 2 == 0] for i in range(200)}
print(json.loads(json.dumps(doc)) == doc, json.loads(json.dumps(doc, indent=1, sort_keys=True)) == doc)
