"""Feeds and calendars answer conditional GETs with 304, cached or not, until something changes."""

import pytest
from django.core.cache import cache

from tests.caching.helpers import state
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    return EventPageFactory(title="Conditional practice day")


def feed_urls(event) -> list[str]:
    return ["/events/feed/", "/events/calendar.ics", f"{event.url}calendar/"]


@pytest.mark.parametrize("cached", [False, True])
def test_feeds_answer_304_while_nothing_changes(event, anonymous, settings, cached, django_assert_num_queries):
    settings.CACHE_SECONDS = 600 if cached else 0
    cache.clear()
    for url in feed_urls(event):
        first = anonymous.get(url)
        assert first.status_code == 200, url
        assert first["ETag"] and first["Last-Modified"], url
        again = anonymous.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
        assert again.content == b""
        since = anonymous.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304, url
        if cached:
            assert state(again) == "hit"
            with django_assert_num_queries(0):
                anonymous.get(url, HTTP_IF_NONE_MATCH=first["ETag"])


def test_a_change_gives_feeds_a_new_etag(event, anonymous, settings):
    settings.CACHE_SECONDS = 600
    cache.clear()
    before = {url: anonymous.get(url)["ETag"] for url in feed_urls(event)}
    event.title = "Conditional practice day (moved)"
    event.save_revision().publish()
    for url, etag in before.items():
        response = anonymous.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200, url
        assert response["ETag"] != etag
        assert "(moved)" in response.content.decode()


def test_html_pages_carry_no_validators(event, anonymous, settings):
    """A 304 would pair the browser's old page with a new CSP nonce, so pages are always sent whole."""
    settings.CACHE_SECONDS = 600
    anonymous.get("/")
    response = anonymous.get("/")
    assert state(response) == "hit"
    assert "ETag" not in response and "Last-Modified" not in response
