"""A real `manage.py db_worker` process: queued work survives a worker restart and runs once.

Each test talks to the worker through a database of the module's own (a SQLite file, or a
PostgreSQL database beside the suite's when DATABASE_URL names one), because the suite's test
database lives inside this process's transaction where another process cannot see it.
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _fresh_database(tmp: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp / 'worker.sqlite3'}"
    import psycopg

    base, _, _ = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS exchange_worker_test")
        conn.execute("CREATE DATABASE exchange_worker_test")
    return f"{base}/exchange_worker_test"


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("worker")
    mail = tmp / "mail"
    mail.mkdir()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.background.worker_settings",
        "DATABASE_URL": _fresh_database(tmp),
        "WORKER_TEST_MAIL_DIR": str(mail),
        "TEST_MEDIA_ROOT": str(tmp / "media"),
    }
    manage(environment, "migrate", "--no-input", "-v0")
    return environment


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - this project's own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def queue_emails(env: dict[str, str], subjects: list[str]) -> None:
    code = "from notifications.services import queue_email\n" + "".join(
        f"queue_email('lead@borough.example', {subject!r}, 'A body.')\n" for subject in subjects
    )
    manage(env, "shell", "-c", code)


def sql(env: dict[str, str], query: str) -> str:
    code = (
        "from django.db import connection\n"
        "with connection.cursor() as c:\n"
        f"    c.execute({query!r})\n"
        "    print(repr(c.fetchall()))\n"
    )
    return manage(env, "shell", "-c", code).strip().splitlines()[-1]


def sent_subjects(env: dict[str, str]) -> list[str]:
    subjects = []
    for path in Path(env["WORKER_TEST_MAIL_DIR"]).iterdir():
        subjects += [line[len("Subject: ") :] for line in path.read_text().splitlines() if line.startswith("Subject: ")]
    return sorted(subjects)


def wait_for(condition, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.2)


@pytest.fixture
def worker(env) -> Iterator:
    started: list[subprocess.Popen] = []

    def start() -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_queued_email_survives_a_worker_restart_and_is_sent_once(env, worker):
    first = worker()
    queue_emails(env, ["Before the restart"])
    wait_for(lambda: sent_subjects(env) == ["Before the restart"], "the running worker to send the first email")

    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=30) == 0, first.stderr.read()

    # Queued while no worker runs: nothing is lost and nothing runs inside this process.
    queue_emails(env, ["While stopped 1", "While stopped 2"])
    assert sent_subjects(env) == ["Before the restart"]

    worker()
    wait_for(lambda: len(sent_subjects(env)) >= 3, "the restarted worker to send the queued emails")
    time.sleep(1)  # give a wrongly repeated task the chance to show itself
    assert sent_subjects(env) == ["Before the restart", "While stopped 1", "While stopped 2"]
    statuses = sql(env, "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status")
    assert statuses == "[('SUCCESSFUL', 3)]"
    attempts = sql(env, "SELECT status, attempts FROM notifications_outboundemail ORDER BY id")
    assert attempts == "[('sent', 1), ('sent', 1), ('sent', 1)]"


def test_two_workers_never_run_the_same_task_twice(env, worker):
    before = len(sent_subjects(env))
    subjects = [f"Concurrent {n:02}" for n in range(12)]
    queue_emails(env, subjects)
    worker()
    worker()
    wait_for(lambda: len(sent_subjects(env)) >= before + len(subjects), "two workers to drain the queue")
    time.sleep(1)
    concurrent = [subject for subject in sent_subjects(env) if subject.startswith("Concurrent")]
    assert concurrent == subjects
