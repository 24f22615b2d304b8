"""Search engine faults caused for real: a closed port and a server that accepts but never answers.

Search answers from the database within the engine timeout (SEARCH_TIMEOUT, 2 s), saving
and publishing still succeed, and the queued index update goes through once the engine is back.
"""

import io
import socket
import threading
import time

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from indexing.models import PendingIndexUpdate
from resources.models import ResourcePage
from tests.factories import ResourcePageFactory

SEARCH_TIMEOUT = 2  # the production default (exchange/settings/base.py)


class BlackHole:
    """A TCP server on loopback that accepts connections and never sends a byte."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self) -> None:
        self.server.close()
        for connection in self.connections:
            connection.close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def engine_at(port: int) -> dict:
    return {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": [f"http://127.0.0.1:{port}"],
        "INDEX_PREFIX": "fault-",
        "TIMEOUT": SEARCH_TIMEOUT,
        "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
    }


@pytest.fixture(params=["closed port", "never answers"])
def faulty_engine(request, settings):
    hole = BlackHole() if request.param == "never answers" else None
    port = hole.port if hole else closed_port()
    settings.WAGTAILSEARCH_BACKENDS = {"default": engine_at(port), "database": django_settings.DATABASE_SEARCH_BACKEND}
    yield request.param
    if hole:
        hole.close()


def test_search_answers_from_the_database_within_the_timeout(faulty_engine, demo_network, db, client):
    started = time.monotonic()
    response = client.get("/search/", {"q": "strategy discussion"})
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert response.context["search"].degraded
    assert response.context["search"].total > 0
    # The engine is given SEARCH_TIMEOUT once; the database answer adds well under a second.
    assert elapsed < SEARCH_TIMEOUT + 1.0, f"{faulty_engine}: {elapsed:.2f} s"


def test_typeahead_still_answers(faulty_engine, demo_network, db, client):
    started = time.monotonic()
    response = client.get("/search/suggest/", {"q": "strat"})
    assert response.status_code == 200
    assert time.monotonic() - started < SEARCH_TIMEOUT + 1.0


def test_publishing_succeeds_and_the_index_catches_up_when_the_engine_returns(faulty_engine, settings, camden):
    # The engine as a second auto-updated backend, as in production with SEARCH_URL set.
    engine = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": django_settings.DATABASE_SEARCH_BACKEND, "engine": engine}
    started = time.monotonic()
    resource = ResourcePageFactory(title="Quillwort fault drill")
    resource.save_revision().publish()
    # One publish saves several times; after the first failure the engine is skipped (and the
    # update queued) for a while, so the editor waits for at most one engine timeout.
    assert time.monotonic() - started < SEARCH_TIMEOUT + 1.5
    assert ResourcePage.objects.live().filter(pk=resource.pk).exists()
    assert PendingIndexUpdate.objects.filter(object_id=str(resource.pk), backend="engine").exists()

    # The engine comes back (the same backend name, now answering) and the retry catches up.
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": django_settings.DATABASE_SEARCH_BACKEND,
        "engine": django_settings.DATABASE_SEARCH_BACKEND,
    }
    out = io.StringIO()
    call_command("retry_index_updates", stdout=out, stderr=io.StringIO())
    assert not PendingIndexUpdate.objects.filter(object_id=str(resource.pk)).exists()
    assert list(ResourcePage.objects.live().search("quillwort fault drill", backend="engine")) == [resource]
