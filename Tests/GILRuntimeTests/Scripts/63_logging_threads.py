# logging.basicConfig with %(threadName)s, then info/warning from several threads.
import logging
import sys
import threading

logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format="%(threadName)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")
log.info("starting %d workers", 2)
log.debug("not shown")


def work(n):
    logging.getLogger("app.worker").warning("worker %s done", n)


for n in range(2):
    t = threading.Thread(target=work, args=(n,), name=f"worker-{n}")
    t.start()
    t.join()
logging.info("root logger at info")
logging.warning("careful: %s", "warning")
logging.error("an error")
log.setLevel(logging.ERROR)
log.warning("suppressed")
log.error("shown at error")
print(logging.getLogger("app") is log, log.name, logging.INFO, logging.WARNING)
import io
captured = io.StringIO()
errors = logging.getLogger("errors")
errors.propagate = False
handler = logging.StreamHandler(captured)
handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
errors.addHandler(handler)
try:
    {}["k"]
except KeyError:
    errors.exception("lookup failed")
lines = captured.getvalue().splitlines()
print(lines[0], "|", lines[1], "|", lines[-1])
