"""Search tests run once per engine: the database backend always, Elasticsearch when SEARCH_URL is set.

The demo network is loaded once per test module (inside a transaction rolled back at the
end) because search behaviour is only meaningful over realistic content.
Set REQUIRE_ELASTICSEARCH=1 (CI does) to make a missing engine a failure, not a skip.
"""

import io
import os

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from wagtail.search.backends import get_search_backends
from wagtail.search.index import get_indexed_models

ENGINES = ["database", "elasticsearch"]


def refresh_search_indexes() -> None:
    """Make what was just indexed searchable (Elasticsearch publishes new documents about once a second)."""
    for backend in get_search_backends():
        backend.refresh_indexes()


@pytest.fixture(scope="session", autouse=True)
def _fresh_engine_indexes(django_db_setup, django_db_blocker):
    """Start from empty indexes: an engine's index outlives test databases, whose ids are reused."""
    if os.environ.get("SEARCH_URL"):
        with django_db_blocker.unblock():
            for backend in get_search_backends():
                backend.reset_indexes()
                # An empty index needs Wagtail's mappings before documents arrive, or the engine
                # guesses them and nothing is searchable.
                for model in get_indexed_models():
                    backend.get_index_for_model(model).add_model(model)


@pytest.fixture(params=ENGINES)
def engine(request, settings) -> str:
    if request.param == "elasticsearch":
        if not os.environ.get("SEARCH_URL"):
            if os.environ.get("REQUIRE_ELASTICSEARCH") == "1":
                pytest.fail("REQUIRE_ELASTICSEARCH=1 but SEARCH_URL is not set: Elasticsearch did not start")
            pytest.skip("Elasticsearch runs with SEARCH_URL set (make test-search, CI)")
    else:
        settings.WAGTAILSEARCH_BACKENDS = {"default": django_settings.DATABASE_SEARCH_BACKEND}
    return request.param


@pytest.fixture(scope="module")
def demo_network(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            cache.clear()
            # Text extraction runs after commit; this transaction never commits, so run it here.
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
            refresh_search_indexes()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def demo(demo_network, engine, db):
    """The demo network, searched with each engine in turn (each test rolls back its own changes)."""
    cache.clear()
    return engine
