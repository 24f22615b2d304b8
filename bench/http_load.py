"""Requests per second over real HTTP: one gunicorn worker pinned to core 0, load from a separate
process pinned to core 1 (bench/load_client.py), so server and load never share a core."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "8"))
# name → (path, cookie). Anonymous requests of a public page are answered by the page cache
# (caching/); the same page with a cookie is rendered every time, as for a signed-in member.
UNCACHED_COOKIE = "bench=uncached"
URLS = {
    "hello": ("/_bench/hello/", ""),
    "home, cached": ("/", ""),
    "borough page, cached": ("/boroughs/camden/", ""),
    "listing, cached": ("/resources/", ""),
    "home, uncached": ("/", UNCACHED_COOKIE),
    # HTML searches are never cached (each is logged for coordinators).
    "search, 3 facets": ("/search/?q=neglect&borough=camden&type=practice-guidance&stage=section-47", ""),
}


def pinned(core: int, command: list[str]) -> list[str]:
    """`command` run on one core only (when taskset exists and there is more than one core)."""
    if shutil.which("taskset") and (os.cpu_count() or 1) > 1:
        return ["taskset", "-c", str(core), *command]
    return command


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(base: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited before it was ready")
        try:
            with urllib.request.urlopen(base + URLS["hello"][0], timeout=2):  # noqa: S310 -- loopback only
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer within a minute")


def _assert_cached(url: str) -> None:
    """A "cached" figure must come from the cache: the second anonymous request has to be a hit."""
    for _ in range(2):
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 -- loopback only
            state = response.headers.get("X-Page-Cache", "")
    if state != "hit":
        raise RuntimeError(f"{url} is not served from the page cache (X-Page-Cache: {state or 'absent'})")


def _worker_pid(master: int) -> int:
    """The one worker gunicorn's master forked (Linux /proc)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.1)
    raise RuntimeError("gunicorn started no worker")


def _memory_mb(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS", "VmHWM")):
            name, value = line.split(":")
            fields[name] = round(int(value.split()[0]) / 1024, 1)
    return {"rss_mb": fields.get("VmRSS", 0.0), "peak_mb": fields.get("VmHWM", 0.0)}


def measure_worker_memory(env: dict[str, str], urls: list[str], rounds: int = 3) -> dict[str, float]:
    """Resident memory of a real gunicorn worker after every page scenario, rendered (with a cookie)
    and from the page cache (anonymous), `rounds` times over: what each worker of a deployment holds."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = [sys.executable, "-m", "gunicorn", "exchange.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(pinned(0, gunicorn), env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(base, server)
        worker = _worker_pid(server.pid)
        before = _memory_mb(worker)["rss_mb"]
        for _ in range(rounds):
            for url in urls:
                for cookie in ("", UNCACHED_COOKIE):
                    headers = {"Cookie": cookie} if cookie else {}
                    request = urllib.request.Request(base + url, headers=headers)  # noqa: S310 -- loopback only
                    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 -- loopback only
                        response.read()
        return {"started_mb": before, **_memory_mb(worker), "pages": len(urls)}
    finally:
        server.terminate()
        server.wait(timeout=10)


def measure_throughput(env: dict[str, str]) -> dict[str, float]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = [sys.executable, "-m", "gunicorn", "exchange.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(pinned(0, gunicorn), env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
    results: dict[str, float] = {}
    try:
        _wait_until_up(base, server)
        for name, (path, cookie) in URLS.items():
            if name.endswith(", cached"):
                _assert_cached(base + path)
            load = [sys.executable, "-m", "bench.load_client", base + path, str(SECONDS), "4"]
            load += [cookie] if cookie else []
            output = subprocess.run(pinned(1, load), capture_output=True, text=True, check=True, cwd=ROOT)
            rate, errors = output.stdout.split()
            if int(errors):
                raise RuntimeError(f"{name}: {errors} failed requests under load")
            results[name] = float(rate)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return results
