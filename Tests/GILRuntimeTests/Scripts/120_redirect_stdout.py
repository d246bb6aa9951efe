# contextlib.redirect_stdout/redirect_stderr, and print() writing to whatever sys.stdout is now
import sys, io, contextlib
buf = io.StringIO()
with contextlib.redirect_stdout(buf) as target:
    print("hidden", 1, sep="-")
    print("more", end="")
print(repr(buf.getvalue()), target is buf)
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print("to err", file=sys.stderr)
print(repr(err.getvalue()))
saved = sys.stdout
sys.stdout = None
print("dropped")
sys.stdout = saved
print("back")
