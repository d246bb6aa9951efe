# json.dumps/loads: separators, indent, sort_keys, ensure_ascii, round trips and decode errors.
import json

doc = {"name": "gil", "threads": [1, 2, 3], "ok": True, "none": None, "ratio": 0.25, "nested": {"b": [], "a": {}}}
text = json.dumps(doc)
print(text)
print(json.dumps(doc, sort_keys=True, indent=2))
print(json.dumps([1, "é", "\n\"q\"", 1e100, -0.5], ensure_ascii=True), json.dumps("é", ensure_ascii=False))
print(json.dumps({"a": 1, "b": 2}, separators=(",", ":")), json.dumps({1: "int key", 2.5: "float"}))
back = json.loads(text)
print(back == doc, back["threads"], type(back["ratio"]).__name__)
print(json.loads('  {"x": [1, 2.5e3, -7, "s\\u00e9\\n", true, false, null]}  '))
print(json.loads("[]"), json.loads('"\\ud83d\\ude00"') == "\U0001F600", json.loads("12"), json.loads("-0.0"))
for bad in ['{"a" 1}', "[1, 2", "", '{"a": 1} x']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"s": {3}}, default=sorted))
