# Threads do help for I/O: the GIL is released while a thread waits for the network.
# Each request asks gilrec's loopback server for a reply delayed by 100 ms.
#   gilrec run Examples/io_fetch.py -- threaded   (or serial)
import os
import sys
import threading
import time
import urllib.request

BASE = os.environ.get("GILREC_HTTP", "http://127.0.0.1:8000")
URLS = [f"{BASE}/delay/100" for _ in range(8)]
mode = sys.argv[1] if len(sys.argv) > 1 else "both"


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return len(response.read())


if mode in ("serial", "both"):
    start = time.time()
    for url in URLS:
        fetch(url)
    print(f"Serial: {len(URLS)} fetches in {time.time() - start:.2f}s")

if mode in ("threaded", "both"):
    start = time.time()
    threads = [threading.Thread(target=fetch, args=(url,)) for url in URLS]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"Threaded: {len(URLS)} fetches in {time.time() - start:.2f}s")
