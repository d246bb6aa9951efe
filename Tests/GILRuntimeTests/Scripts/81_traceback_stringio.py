# traceback.format_exc/print_exc(file=…) in threads, and io.StringIO as a print target.
import io
import threading
import traceback


def parse(text):
    return int(text)


def worker(text, reports, lock):
    try:
        parse(text)
    except ValueError:
        report = traceback.format_exc()
        with lock:
            reports.append(report)


reports = []
lock = threading.Lock()
threads = [threading.Thread(target=worker, args=(t, reports, lock)) for t in ("12", "x1", "7")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(reports))
lines = reports[0].splitlines()
print(lines[0])
print(lines[-1])
print([line.strip() for line in lines if line.strip().startswith("File")] == [] or "in parse" in reports[0])

buffer = io.StringIO()
print("hello", "world", file=buffer)
print(42, file=buffer, end="!")
buffer.write("\nlast line\n")
print(repr(buffer.getvalue()))
buffer.seek(0)
print(buffer.readline().rstrip(), "|", buffer.read().split())
with io.StringIO("a\nb\nc\n") as source:
    print([line.strip() for line in source])
print(source.closed)

sink = io.StringIO()
try:
    {}["missing"]
except KeyError:
    traceback.print_exc(file=sink)
print(sink.getvalue().splitlines()[-1])
print(traceback.format_exc().strip())
try:
    raise RuntimeError("given")
except RuntimeError as e:
    print("".join(traceback.format_exception(e)).splitlines()[-1])
    print(traceback.format_exception_only(e))
data = io.BytesIO()
data.write(b"abc")
data.seek(1)
print(data.read(), data.getvalue())
