# os as CPython's os.py runs it over our posix module: paths, files, directories, descriptors, environ.
import os
import os.path
import stat
import sys

base = os.path.join("/tmp", "gilrec_158_%d" % os.getpid())
print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, os.linesep == "\n", os.devnull)
print(os.path.join("a", "b", "c"), os.path.join("a", "/b"), os.path.normpath("a//b/./c/../d"))
print(os.path.split("/x/y/z.txt"), os.path.splitext("archive.tar.gz"), os.path.basename("/a/b/"), os.path.dirname("/a/b/c"))
print(os.path.isabs("/a"), os.path.isabs("a"), os.path.abspath("/a/b/../c"), os.path.relpath("/a/b/c", "/a"))
print(os.path.commonpath(["/a/b/c", "/a/b/d"]), os.path.commonprefix(["interstate", "internet"]))
print(os.getcwd() == os.path.abspath("."), os.getcwdb() == os.getcwd().encode())

# environ: str keys and values, writes reach getenv and putenv.
os.environ["GILREC_158"] = "value"
print(os.environ["GILREC_158"], os.getenv("GILREC_158"), os.environb[b"GILREC_158"], "GILREC_158" in os.environ)
del os.environ["GILREC_158"]
print(os.getenv("GILREC_158", "gone"), os.environ.get("GILREC_158"))
try:
    os.environ[1] = "x"
except TypeError as e:
    print("TypeError:", e)

# Directories and files.
os.makedirs(os.path.join(base, "sub", "deeper"))
os.makedirs(os.path.join(base, "sub"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "sub"))
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror)
with open(os.path.join(base, "sub", "f.txt"), "w") as f:
    f.write("hello world\n")
fd = os.open(os.path.join(base, "raw.bin"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
print(os.write(fd, b"0123456789"), os.lseek(fd, 0, os.SEEK_CUR), os.get_inheritable(fd))
os.close(fd)
fd = os.open(os.path.join(base, "raw.bin"), os.O_RDONLY)
print(os.read(fd, 4), os.lseek(fd, 2, os.SEEK_CUR), os.read(fd, 100), os.read(fd, 100))
st = os.fstat(fd)
os.close(fd)
print(st.st_size, stat.S_ISREG(st.st_mode), stat.filemode(st.st_mode), len(st), type(st.st_mtime).__name__, type(st[8]).__name__)
print(st.st_mtime_ns // 10**9 == st[stat.ST_MTIME], os.stat_result.n_sequence_fields)
print(sorted(os.listdir(base)), sorted(os.listdir(base.encode())))
with os.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path == os.path.join(base, e.name), e.is_dir(), e.is_file(), e.is_symlink(), os.fspath(e) == e.path)
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(os.path.relpath(root, base), dirs, sorted(files))
print([os.path.relpath(r, base) for r, d, f in os.walk(base, topdown=False)])
os.symlink("raw.bin", os.path.join(base, "link"))
print(os.readlink(os.path.join(base, "link")), os.path.islink(os.path.join(base, "link")), os.path.realpath(os.path.join(base, "link")) == os.path.join(base, "raw.bin"))
print(os.lstat(os.path.join(base, "link")).st_size, os.stat(os.path.join(base, "link")).st_size)
os.rename(os.path.join(base, "raw.bin"), os.path.join(base, "renamed.bin"))
print(os.path.exists(os.path.join(base, "link")), os.path.lexists(os.path.join(base, "link")))
os.chmod(os.path.join(base, "renamed.bin"), 0o640)
print(oct(stat.S_IMODE(os.stat(os.path.join(base, "renamed.bin")).st_mode)))
os.utime(os.path.join(base, "renamed.bin"), (1000000000, 1500000000.5))
st = os.stat(os.path.join(base, "renamed.bin"))
print(st.st_atime, st.st_mtime, st.st_mtime_ns)
print(os.access(os.path.join(base, "renamed.bin"), os.R_OK), os.access(os.path.join(base, "nope"), os.F_OK))
os.truncate(os.path.join(base, "renamed.bin"), 3)
print(os.path.getsize(os.path.join(base, "renamed.bin")))

# Errors carry errno, strerror and the file names.
for call in (lambda: os.stat(os.path.join(base, "missing")), lambda: os.rmdir(os.path.join(base, "sub")),
             lambda: os.listdir(os.path.join(base, "renamed.bin")), lambda: os.mkdir(base),
             lambda: os.rename(os.path.join(base, "missing"), os.path.join(base, "other"))):
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, os.path.relpath(e.filename, base), e.filename2 and os.path.relpath(e.filename2, base))
for bad in (None, 3.5, [1]):
    try:
        os.stat(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    os.stat("a\0b")
except ValueError as e:
    print("ValueError:", e)

# Pipes and descriptors.
r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r))
os.write(w, b"through the pipe")
os.close(w)
print(os.read(r, 7), os.read(r, 100), os.read(r, 100))
os.close(r)
try:
    os.close(r)
except OSError as e:
    print(type(e).__name__, e.errno)
print(os.WEXITSTATUS(256 * 3), os.WIFEXITED(256 * 3), os.WIFSIGNALED(9), os.WTERMSIG(9), os.waitstatus_to_exitcode(9), os.waitstatus_to_exitcode(512))
print(os.fsencode("é"), os.fsdecode(b"\xc3\xa9"), os.fspath(b"bytes"), os.strerror(2))

class P:
    def __fspath__(self):
        return base
print(os.path.isdir(P()), os.path.join(P(), "x") == base + "/x")

os.unlink(os.path.join(base, "link"))
os.remove(os.path.join(base, "renamed.bin"))
os.remove(os.path.join(base, "sub", "f.txt"))
os.removedirs(os.path.join(base, "sub", "deeper"))
print(os.path.exists(base))
