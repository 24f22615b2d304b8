"""python -m bench.load_client URL SECONDS CONCURRENCY [COOKIE] → prints "<requests per second> <errors>".

With COOKIE, every request sends that Cookie header (the page cache never answers a request
with a cookie, so this measures the uncached page over the same HTTP path).

A small closed-loop load generator (threads, one request at a time each), enough to keep a
single sync gunicorn worker busy; loopback only.
"""

import http.client
import sys
import threading
import time
from urllib.parse import urlsplit


def main() -> None:
    url, seconds, concurrency = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    headers = {"Cookie": sys.argv[4]} if len(sys.argv) > 4 else {}
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    counts = {"ok": 0, "errors": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        while time.monotonic() < deadline:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            try:
                connection.request("GET", target, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
            finally:
                connection.close()
            with lock:
                counts["ok" if ok else "errors"] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    print(f"{counts['ok'] / elapsed:.1f} {counts['errors']}")


if __name__ == "__main__":
    main()
