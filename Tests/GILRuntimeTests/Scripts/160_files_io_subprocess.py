# open() as _io.open checks it (modes, encodings, descriptors, closefd), seek/tell/truncate, io.TextIOWrapper over a pipe,
# FileIO/BufferedReader, select.select/poll, _posixsubprocess.fork_exec (what subprocess.py calls) with CPython's error protocol.
import io
import os
p = '/tmp/modt/f1_%d.txt' % os.getpid()
with open(p, 'w', encoding='utf-8') as f:
    print(f.write('line one\nline two\nthird\n'), f.tell(), f.writable(), f.readable(), f.encoding, f.mode)
with open(p) as f:
    print(repr(f.readline()), f.tell(), repr(f.read(4)), f.tell())
    f.seek(0); print(repr(f.read()))
    print(f.seek(0, 2), f.tell())
with open(p, 'rb') as f:
    f.seek(5); print(f.read(3), f.tell(), f.seek(-3, 2), f.read(), f.fileno() > 2, f.seekable())
with open(p, 'r+b') as f:
    print(f.truncate(4), f.read())
fd = os.open(p, os.O_RDONLY)
f = open(fd, 'rb', closefd=False); print(f.read(), f.name == fd); f.close(); print(os.read(fd, 2)); os.close(fd)
with open(p, 'w', encoding='latin-1') as f: f.write('é€' if False else 'éa')
with open(p, 'rb') as f: print(f.read())
with open(p, encoding='latin-1') as f: print(f.read())
with open(p, 'a') as f: f.write('Z')
with open(p, 'rb') as f: print(f.read())
for bad in ['rw', 'rr', 'bt', 'q']:
    try: open(p, bad)
    except ValueError as e: print(e)
try: open(p, 'rb', encoding='utf-8')
except ValueError as e: print(e)
try: open(123456)
except OSError as e: print(type(e).__name__, e.errno)
try: open(os.path.dirname(p))
except IsADirectoryError as e: print(type(e).__name__)

r, w = os.pipe()
out = io.TextIOWrapper(io.open(w, 'wb', -1), encoding='utf-8', write_through=True)
print(out.write('héllo\r\nworld\nlast'), out.encoding, out.errors)
out.close()
inp = io.TextIOWrapper(io.open(r, 'rb', -1), encoding='utf-8')
print(repr(inp.readline()), repr(inp.read(3)), repr(inp.read()), inp.closed)
inp.close(); print(inp.closed)
with open(p, "w") as f: f.write("import io, os and more")
b = io.BufferedReader(io.FileIO(p))
print(b.read(6), b.peek(3)[:3], b.read1(5))
b.close()
os.remove(p)

import _posixsubprocess, select
def run(args, cwd=None, inp=None):
    p2cr, p2cw = os.pipe(); c2pr, c2pw = os.pipe(); er, ew = os.pipe()
    pid = _posixsubprocess.fork_exec([a.encode() for a in args], [os.fsencode(d + args[0]) for d in ('/usr/bin/', '/bin/')], True, (ew,), cwd, None,
        p2cr, p2cw, c2pr, c2pw, -1, c2pw, er, ew, True, False, -1, None, None, None, -1, None, True)
    os.close(ew); os.close(p2cr); os.close(c2pw)
    err = os.read(er, 1000); os.close(er)
    if inp: os.write(p2cw, inp)
    os.close(p2cw)
    out = b''
    while True:
        r, _, _ = select.select([c2pr], [], [], 5)
        chunk = os.read(c2pr, 1000)
        if not chunk: break
        out += chunk
    os.close(c2pr)
    if err:
        return err
    p, st = os.waitpid(pid, 0)
    return out, os.waitstatus_to_exitcode(st), p == pid
print(run(['echo', 'hi', 'there']))
print(run(['sh', '-c', 'echo $0; pwd; exit 3'], cwd=b'/tmp'))
print(run(['cat'], inp=b'piped'))
print(run(['nonexistent_cmd_x']))
print(run(['pwd'], cwd=b'/nonexistent'))
print(run(['sh', '-c', 'kill -9 $$']))
poller = select.poll(); r, w = os.pipe(); poller.register(r, select.POLLIN)
print(poller.poll(10)); os.write(w, b'x'); print([ev for fd, ev in poller.poll(10)], select.select([r], [w], [], 0) == ([r], [w], []))
poller.unregister(r)
try: poller.unregister(r)
except KeyError as e: print('KeyError', e.args == (r,))
os.close(r); os.close(w)
