"""Twenty people booking at once: every booking is written and answered (no 500 "database is locked"),
on SQLite (the embedded default `make run` uses) and on PostgreSQL."""

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection

from core.database_busy import DatabaseBusyMiddleware
from events.enums import BookingStatus
from events.models import Booking
from tests.factories import EventPageFactory
from tests.security.concurrent_bookings import book_at_once

ROOT = Path(__file__).resolve().parents[2]
AT_ONCE = 20
CAPACITY = 5


def _assert_every_booking_answered(statuses: list[int]) -> None:
    assert len(statuses) == AT_ONCE
    assert all(status == 302 for status in statuses), statuses  # each redirected on, none 500 or 503


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite half; the PostgreSQL half is below")
def test_simultaneous_bookings_on_sqlite_wait_and_succeed(tmp_path):
    """The test database (in memory) is copied to a file, and a separate process books on it from
    twenty threads: SQLite's file lock is what the threads contend for, as under `make run`."""
    event = EventPageFactory(capacity=CAPACITY)
    copy = tmp_path / "exchange.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(copy) as target:
        connection.connection.backup(target)
    target.close()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{copy}", "DJANGO_SETTINGS_MODULE": "exchange.settings.test"}
    run = subprocess.run(  # noqa: S603 - our own helper
        [sys.executable, "-m", "tests.security.concurrent_bookings", event.url + "book/", str(AT_ONCE)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    _assert_every_booking_answered(json.loads(run.stdout.strip().splitlines()[-1]))
    with sqlite3.connect(copy) as written:
        rows = written.execute("SELECT status, COUNT(*) FROM events_booking GROUP BY status").fetchall()
    written.close()
    counts = dict(rows)
    assert counts == {BookingStatus.CONFIRMED.value: CAPACITY, BookingStatus.WAITLISTED.value: AT_ONCE - CAPACITY}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL half; the SQLite half is above")
def test_simultaneous_bookings_on_postgresql_all_succeed(monkeypatch):
    from events.services import bookings

    real = bookings.place_counts
    monkeypatch.setattr(bookings, "place_counts", lambda event: (real(event), time.sleep(0.05))[0])
    event = EventPageFactory(capacity=CAPACITY)
    _assert_every_booking_answered(book_at_once(event.url + "book/", AT_ONCE))
    statuses = list(Booking.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(BookingStatus.CONFIRMED) == CAPACITY
    assert statuses.count(BookingStatus.WAITLISTED) == AT_ONCE - CAPACITY


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own options")
def test_sqlite_settings_queue_writers_instead_of_failing():
    from django.conf import settings

    options = settings.DATABASES[DEFAULT_DB_ALIAS]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5


def test_a_write_that_still_cannot_get_the_lock_is_a_503_try_again_page(rf):
    middleware = DatabaseBusyMiddleware(lambda request: None)
    response = middleware.process_exception(rf.post("/events/x/book/"), OperationalError("database is locked"))
    response.render()
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "try again" in response.content.decode()
    assert middleware.process_exception(rf.get("/"), OperationalError("no such table: x")) is None
