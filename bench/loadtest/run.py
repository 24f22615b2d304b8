"""The bounded load test: `make loadtest` (python -m bench.loadtest.run).

Mixed traffic (searches, typeahead, page views, bookings; bench/loadtest/locustfile.py) from
Locust pinned to core 1 against gunicorn on PostgreSQL pinned to core 0, loopback only.
1. Finds the highest rate the machine sustains: short steps of rising request rates, stopping
   at the first step with p95 >= 500 ms, any error, or a rate the server could not keep up.
2. Holds 70% of that rate (LOAD_RATE to choose it instead) for LOAD_SECONDS (default 300).
3. Passes only with zero errors, p95 under 500 ms, and every confirmed booking in the database.
Every run stops by itself; results go to bench/loadtest-results.json.

Needs DATABASE_URL pointing at PostgreSQL (scripts/postgres.sh start prints one); the demo
network is loaded into it first. Bookings made by the test use @load-test.example addresses.
"""

import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.http_load import free_port, pinned

ROOT = Path(__file__).resolve().parents[2]
P95_LIMIT_MS = 500
STEP_SECONDS = int(os.environ.get("LOAD_STEP_SECONDS", "20"))
HOLD_SECONDS = int(os.environ.get("LOAD_SECONDS", "300"))
STEPS = (2, 5, 10, 20, 30, 45, 60, 80, 100, 130, 160, 200)  # requests per second
RESULTS = ROOT / "bench" / "loadtest-results.json"
# The hold runs below the highest step that passed, so a five-minute run on a shared machine
# is not failed by noise at the edge; README reports both figures.
HOLD_SHARE = 0.7


def _say(message: str) -> None:
    print(f"[loadtest {time.strftime('%H:%M:%S')}] {message}", flush=True)


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603 -- our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


PATHS_SCRIPT = """
import json
from events.models import EventPage
from resources.models import BoroughPage, ResourcePage
from django.utils import timezone
resources = [p.url for p in ResourcePage.objects.live().public().order_by("pk")[:200]]
boroughs = [p.url for p in BoroughPage.objects.live().public().order_by("pk")]
upcoming = EventPage.objects.live().public().filter(start__gt=timezone.now(), cancelled_at__isnull=True)
events = [e.url for e in upcoming if not e.registration_closed_reason()]
searches = ["/search/?q=strategy+meeting", "/search/?q=S47", "/search/?q=plan&stage=section-47",
            "/search/?q=neglect&borough=camden&type=practice-guidance&stage=section-47",
            "/search/?type=audit-tool", "/search/?q=conference&audience=conference-chairs", "/tags/strategy-meetings/"]
import os
with open(os.environ["LOAD_PATHS"], "w") as file:
    json.dump({"resources": resources, "boroughs": boroughs, "events": events, "searches": searches,
               "prefixes": ["str", "sec", "sig", "con", "neg", "plan"]}, file)
"""


def _wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited before it was ready")
        try:
            with urllib.request.urlopen(base + "/robots.txt", timeout=2):  # noqa: S310 -- loopback only
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer within a minute")


def _locust(base: str, rate: int, seconds: int, workdir: Path, env: dict[str, str]) -> dict[str, float]:
    """One Locust run at `rate` requests per second (one request per second per simulated user)."""
    prefix = workdir / f"step-{rate}-{seconds}"
    command = [
        sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "loadtest" / "locustfile.py"), "--headless",
        "--users", str(rate), "--spawn-rate", str(rate), "--run-time", f"{seconds}s", "--host", base,
        "--csv", str(prefix), "--only-summary", "--stop-timeout", "10", "--loglevel", "WARNING",
    ]  # fmt: skip
    done = subprocess.run(pinned(1, command), cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if not Path(f"{prefix}_stats.csv").exists():
        raise SystemExit(f"Locust did not run:\n{done.stdout}\n{done.stderr}")
    with open(f"{prefix}_stats.csv", newline="") as file:
        rows = list(csv.DictReader(file))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    by_name = {row["Name"]: {"requests": int(row["Request Count"]), "p95_ms": float(row["95%"])} for row in rows}
    by_name.pop("Aggregated")
    with open(f"{prefix}_failures.csv", newline="") as file:
        failures = [
            f"{row['Occurrences']}× {row['Method']} {row['Name']}: {row['Error']}" for row in csv.DictReader(file)
        ]
    return {
        "failures": failures,
        "target_rps": rate,
        "seconds": seconds,
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "rps": round(float(total["Requests/s"]), 1),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "by_name": by_name,
    }


def _healthy(result: dict[str, float]) -> bool:
    return result["errors"] == 0 and result["p95_ms"] < P95_LIMIT_MS and result["rps"] >= 0.9 * result["target_rps"]


HELD_SCRIPT = (
    "import json; from events.models import Booking; "
    "held = Booking.objects.filter(email__endswith='@load-test.example').values_list('email', flat=True); "
    "print('HELD', json.dumps(list(held)))"
)


def _lost_bookings(env: dict[str, str], booked_file: Path) -> tuple[int, int]:
    """(confirmed by the server but missing from the database, bookings the database holds)."""
    booked = set(json.loads(booked_file.read_text())) if booked_file.exists() else set()
    output = _manage(env, "shell", "-c", HELD_SCRIPT)
    held = set(json.loads(output[output.index("HELD ") + 5 :]))
    return len(booked - held), len(held)


def main() -> None:
    # The demo's own generated attachments are the only uploads (the test books, it does not
    # upload), so no virus scanner is needed here.
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "exchange.settings.bench",
        "SEARCH_URL": "",
        "CLAMAV_ENABLED": "false",
    }
    if not env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("The load test runs on PostgreSQL: set DATABASE_URL (scripts/postgres.sh start prints one).")
    env["RATELIMIT_IP_META_KEY"] = "HTTP_X_LOAD_CLIENT"  # one simulated person per address
    if not env.get("CACHE_URL"):
        # Two workers with local-memory caches would not see each other's purges (a booking in
        # one leaves the other's copy of the event list stale): no page cache without Redis.
        env["CACHE_SECONDS"] = "0"
    workdir = Path(tempfile.mkdtemp(prefix="exchange-load-"))
    env["LOAD_PATHS"], env["LOAD_BOOKED"] = str(workdir / "paths.json"), str(workdir / "booked.json")
    _say("migrating and loading the demo network into PostgreSQL")
    _manage(env, "migrate", "--no-input")
    _manage(env, "load_demo")
    _manage(env, "shell", "-c", "from events.models import Booking; "
            "Booking.objects.filter(email__endswith='@load-test.example').delete()")  # fmt: skip
    _manage(env, "shell", "-c", PATHS_SCRIPT)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workers = os.environ.get("LOAD_WORKERS", "2")
    gunicorn = [sys.executable, "-m", "gunicorn", "exchange.wsgi", "--workers", workers, "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(pinned(0, gunicorn), cwd=ROOT, env=env, stderr=subprocess.DEVNULL)  # noqa: S603
    steps: list[dict[str, float]] = []
    try:
        _wait_until_up(base, server)
        rate = int(os.environ["LOAD_RATE"]) if os.environ.get("LOAD_RATE") else 0
        if not rate:
            for target in STEPS:
                result = _locust(base, target, STEP_SECONDS, workdir, env)
                steps.append(result)
                _say(f"step {target} req/s: {result['rps']} req/s, p95 {result['p95_ms']:.0f} ms, "
                     f"{result['errors']} errors {result['failures']}")  # fmt: skip
                if not _healthy(result):
                    break
            sustained = [s["target_rps"] for s in steps if _healthy(s)]
            if not sustained:
                raise SystemExit(f"not even {STEPS[0]} req/s kept p95 under {P95_LIMIT_MS} ms with no errors")
            rate = max(1, int(max(sustained) * HOLD_SHARE))
        _say(f"holding {rate} req/s for {HOLD_SECONDS} s (gunicorn, {workers} workers on core 0; Locust on core 1)")
        hold = _locust(base, rate, HOLD_SECONDS, workdir, env)
    finally:
        server.terminate()
        server.wait(timeout=20)
    booked = workdir / "booked.json"
    missing, held = _lost_bookings(env, booked)
    report = {
        "machine": f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores",
        "database": "PostgreSQL",
        "sustained_rps": max((s["target_rps"] for s in steps if _healthy(s)), default=None),
        "steps": steps,
        "hold": hold,
        "bookings_confirmed": len(json.loads(booked.read_text())) if booked.exists() else 0,
        "bookings_in_database": held,
        "bookings_lost": missing,
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    _say(f"held {hold['rps']} req/s for {hold['seconds']} s: {hold['requests']} requests, {hold['errors']} errors, "
         f"p50 {hold['p50_ms']:.0f} ms, p95 {hold['p95_ms']:.0f} ms, p99 {hold['p99_ms']:.0f} ms; "
         f"{report['bookings_confirmed']} bookings confirmed, {missing} lost")  # fmt: skip
    problems = []
    if hold["errors"]:
        problems.append(f"{hold['errors']} errors")
    if hold["p95_ms"] >= P95_LIMIT_MS:
        problems.append(f"p95 {hold['p95_ms']:.0f} ms")
    if missing:
        problems.append(f"{missing} confirmed bookings missing from the database")
    if problems:
        raise SystemExit("load test failed: " + "; ".join(problems))


if __name__ == "__main__":
    main()
