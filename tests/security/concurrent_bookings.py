"""Post N bookings to one event at the same moment, each thread with its own client and database
connection. Imported by tests/security/test_concurrent_writes.py, and run as a script against a
SQLite file (python -m tests.security.concurrent_bookings URL N) so the writes contend for a real lock.
"""

import json
import sys
import threading
import time


def book_at_once(book_url: str, count: int) -> list[int]:
    from django.db import connections
    from django.test import Client

    barrier = threading.Barrier(count)
    statuses: list[int] = [0] * count

    def book(n: int) -> None:
        try:
            client = Client(raise_request_exception=False)
            data = {
                "name": f"Synthetic attendee {n}",
                "email": f"synthetic-{n}@example.org",
                "organisation": "Synthetic borough",
                "role": "Social worker",
                "access_needs": "",
            }
            barrier.wait()
            statuses[n] = client.post(book_url, data).status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


def slow_down_counting(seconds: float) -> None:
    """Hold each booking's transaction a little longer, so the writes certainly overlap."""
    from events.services import bookings

    real = bookings.place_counts

    def slow(event):
        counts = real(event)
        time.sleep(seconds)
        return counts

    bookings.place_counts = slow


if __name__ == "__main__":
    import django

    django.setup()
    slow_down_counting(0.05)
    print(json.dumps(book_at_once(sys.argv[1], int(sys.argv[2]))))
