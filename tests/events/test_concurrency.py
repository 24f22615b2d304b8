"""Two people booking the last place at the same moment: exactly one gets it.

Real concurrent transactions, each thread on its own database connection. SQLite
serialises every write anyway (and has no row locks), so this runs on PostgreSQL, as CI does.
"""

import threading
import time

import pytest
from django.db import connection, connections

from events.enums import BookingStatus
from events.models import Booking
from events.services import bookings
from events.services.bookings import BookingDetails, book_place
from tests.factories import EventPageFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL row locks; CI runs this file on PostgreSQL (.ci/run step 2)",
    ),
]

THREADS = 6


@pytest.fixture
def slow_counting(monkeypatch):
    """Widen the gap between counting places and writing the booking, so a missing lock would show."""
    real = bookings.place_counts

    def slow(event):
        counts = real(event)
        time.sleep(0.2)
        return counts

    monkeypatch.setattr(bookings, "place_counts", slow)


def run_at_once(work) -> list[BaseException]:
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def target(n: int) -> None:
        try:
            barrier.wait()
            work(n)
        except BaseException as error:  # every failure is reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_simultaneous_last_place_bookings_never_both_get_the_place(slow_counting):
    event = EventPageFactory(capacity=1)

    def book(n: int) -> None:
        book_place(event, BookingDetails(f"Test attendee {n}", f"attendee-{n}@example.org", "Camden", "Social worker"))

    assert run_at_once(book) == []
    statuses = sorted(Booking.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(BookingStatus.CONFIRMED) == 1
    assert statuses.count(BookingStatus.WAITLISTED) == THREADS - 1


def test_simultaneous_bookings_with_one_address_make_one_booking(slow_counting):
    event = EventPageFactory(capacity=10)

    def book(n: int) -> None:
        book_place(event, BookingDetails(f"Test attendee {n}", "same@example.org", "Camden", "Social worker"))

    assert run_at_once(book) == []
    assert Booking.objects.filter(event=event).count() == 1
