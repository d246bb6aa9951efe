# subprocess (CPython's subprocess.py over _posixsubprocess/select/_signal), tempfile/shutil/pathlib over posix,
# collections.ChainMap/UserDict/UserList/UserString, _locale through locale.
import subprocess, sys, signal, tempfile, shutil, pathlib, os
r = subprocess.run(["echo", "hi"], capture_output=True, text=True)
print(r)
print(subprocess.check_output(["sh", "-c", "echo out; echo err >&2"], stderr=subprocess.STDOUT))
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b"through cat", timeout=5), p.returncode)
try: subprocess.run(["sleep", "2"], timeout=0.2)
except subprocess.TimeoutExpired as e: print("timeout", e.cmd)
try: subprocess.run(["no_such_prog_q"])
except FileNotFoundError as e: print(e)
try: subprocess.check_call(["false"])
except subprocess.CalledProcessError as e: print(e)
with tempfile.TemporaryDirectory() as d:
    p = pathlib.Path(d) / "a" / "b.txt"
    p.parent.mkdir(parents=True)
    p.write_text("hello")
    print(p.read_text(), p.name, p.suffix, sorted(x.name for x in pathlib.Path(d).iterdir()))
    shutil.copy(p, pathlib.Path(d) / "c.txt"); print(sorted(os.listdir(d)))
with tempfile.NamedTemporaryFile("w+") as f:
    f.write("x"); f.seek(0); print(f.read())
import collections, locale
c = collections.ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(c, c['a'], c['b'], len(c), sorted(c), dict(c.items()), 'b' in c, c.get('z', 0))
c['z'] = 9; print(c.maps[0], c.parents, c.new_child({'q': 0})['q'])
try: del c['b']
except KeyError as e: print(e)
print(locale.getencoding(), locale.getpreferredencoding(False), locale.setlocale(locale.LC_NUMERIC))
u = collections.UserDict({'a': 1}, b=2); u['c'] = 3
print(u, len(u), u.get('z', 5), sorted(u.keys()), u == {'a': 1, 'b': 2, 'c': 3}, u | {'d': 4})
l = collections.UserList([3, 1, 2]); l.append(0); l.sort()
print(l, l[1:], type(l[1:]).__name__, l + [9], len(l), 2 in l)
s = collections.UserString("hello"); print(s.upper(), type(s.upper()).__name__, s[1:3], s + "!", s.split("l"))
print(int(bytearray(b"ff"), 16), int(b"11", 2))
