"""PostgreSQL restarted under traffic: requests fail only while it is down, then recover without restarting the app.

The test starts its own throwaway cluster (scripts/postgres.sh on a free port), migrates it,
serves the site from gunicorn (one worker, four threads, persistent connections), sends
requests from four threads, restarts PostgreSQL with two seconds down, and checks every
request's outcome against when the server was down. With persistent connections and no
CONN_HEALTH_CHECKS, each thread's first request after the restart would fail on its dead
connection; with them, Django reconnects before the request.

Runs when the suite itself runs on PostgreSQL (DATABASE_URL, CI's third stage), where
scripts/postgres.sh has what it needs (Debian's postgresql, root to run it as postgres).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.notifications.smtp_servers import free_port

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "postgres.sh"
DOWN_SECONDS = 2
# A request already waiting on the database when it comes back may still fail; none after this.
GRACE_SECONDS = 1.0
GUNICORN_OPTIONS = ["--workers", "1", "--threads", "4", "--timeout", "60"]

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="runs when the suite runs on PostgreSQL (DATABASE_URL; .ci/run stage 3)",
    ),
]


@dataclass
class Outcome:
    started: float
    finished: float
    status: int  # 0: no HTTP answer at all


@pytest.fixture
def cluster():
    """A throwaway PostgreSQL cluster of the test's own, so restarting it disturbs nothing else."""
    folder = tempfile.mkdtemp(prefix="exchange-pg-restart-")
    env = {**os.environ, "PG_PORT": str(free_port()), "PG_DIR": folder, "PG_DB": "restart"}
    url = subprocess.run(  # noqa: S603 - our own script
        [str(SCRIPT), "start"], env=env, capture_output=True, text=True, check=True, timeout=180
    ).stdout.strip()
    try:
        yield url, env
    finally:
        subprocess.run([str(SCRIPT), "stop"], env=env, capture_output=True, check=False, timeout=60)  # noqa: S603
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def site(cluster, tmp_path):
    """gunicorn serving the migrated site on that cluster, with persistent database connections."""
    url, _ = cluster
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "exchange.settings.test",
        "DB_CONN_MAX_AGE": "600",
        "TEST_MEDIA_ROOT": str(tmp_path / "media"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "gunicorn", "exchange.wsgi", "--bind", f"127.0.0.1:{port}", *GUNICORN_OPTIONS],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while get(base + "/") != 200:
        assert server.poll() is None, "gunicorn exited"
        assert time.monotonic() < deadline, "the site did not come up"
        time.sleep(0.2)
    try:
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback test server
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


class Traffic:
    """Four client threads requesting pages until stopped, recording every outcome."""

    PATHS = ("/", "/boroughs/camden/")

    def __init__(self, base: str) -> None:
        self.base = base
        self.outcomes: list[Outcome] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run) for _ in range(4)]

    def _run(self) -> None:
        n = 0
        while not self._stop.is_set():
            started = time.monotonic()
            status = get(self.base + self.PATHS[n % len(self.PATHS)])
            self.outcomes.append(Outcome(started, time.monotonic(), status))
            n += 1

    def __enter__(self) -> "Traffic":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)


def restart(env: dict, down_seconds: int) -> tuple[float, float]:
    down_at = time.monotonic()
    subprocess.run(  # noqa: S603 - our own script
        [str(SCRIPT), "restart"],
        env={**env, "PG_DOWN_SECONDS": str(down_seconds)},
        check=True,
        capture_output=True,
        timeout=120,
    )
    return down_at, time.monotonic()


def test_requests_fail_only_while_postgresql_is_down_then_recover(cluster, site):
    _, env = cluster
    base, server = site

    # Restarted under continuous traffic.
    with Traffic(base) as traffic:
        time.sleep(2)
        down_at, up_at = restart(env, DOWN_SECONDS)
        time.sleep(3)
    outcomes = traffic.outcomes
    before = [o for o in outcomes if o.finished < down_at]
    during = [o for o in outcomes if o.finished >= down_at and o.started < up_at + GRACE_SECONDS]
    after = [o for o in outcomes if o.started >= up_at + GRACE_SECONDS]
    assert before and after
    assert {o.status for o in before} == {200}
    # The fault was real: requests while the server was down were refused (500), not hung.
    assert any(o.status == 500 for o in during)
    assert all(o.finished - o.started < 10 for o in outcomes)
    assert {o.status for o in after} == {200}, [o.status for o in after if o.status != 200]
    assert len(after) > 20

    # Restarted while the site was idle: every worker thread still holds a connection to the
    # old server. The first requests afterwards must not fail on them (CONN_HEALTH_CHECKS).
    with Traffic(base) as warm:
        time.sleep(1)
    assert {o.status for o in warm.outcomes} == {200}
    restart(env, 0)
    with Traffic(base) as resumed:
        time.sleep(2)
    assert {o.status for o in resumed.outcomes} == {200}, [o.status for o in resumed.outcomes]

    assert server.poll() is None  # the same gunicorn throughout, never restarted
