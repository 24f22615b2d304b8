"""The demo network, loaded once per test module and rolled back afterwards, for search tests.

Search behaviour is only meaningful over realistic content, and loading it per test would
take most of the suite's time.
"""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo_network(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            cache.clear()
            call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def demo(demo_network, db):
    """Use in a test to see the demo network (each test still rolls back its own changes)."""
    cache.clear()
    return demo_network
