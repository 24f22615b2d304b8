import pytest
from django.core.cache import cache

from events.models import EventIndexPage


@pytest.fixture
def events_index(db) -> EventIndexPage:
    return EventIndexPage.objects.get()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def form_data(**overrides: str) -> dict[str, str]:
    data = {
        "name": "Test attendee",
        "email": "attendee@example.org",
        "organisation": "Camden",
        "role": "Social worker",
        "access_needs": "",
    }
    data.update(overrides)
    return data
