"""Which pages the anonymous page cache serves, at what cost, and with which headers."""

import pytest
from django.core.cache import cache

from events.forms import BookingForm
from events.services.bookings import book_place
from events.services.tokens import booking_url
from tests.caching.helpers import NONCE, state, without_nonce
from tests.factories import EventPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(camden):
    resource = ResourcePageFactory(parent=camden, title="Cached strategy guide", tags=["strategy meetings"])
    event = EventPageFactory(title="Cached practice day")
    return resource, event


def public_urls(resource, event) -> list[str]:
    return [
        "/",
        "/boroughs/",
        "/boroughs/camden/",
        resource.url,
        "/resources/",
        "/resources/?borough=camden",
        "/tags/strategy-meetings/",
        "/search/?q=strategy&format=json",
        "/search/suggest/?q=strat",
        "/events/",
        "/events/feed/",
        "/events/calendar.ics",
        f"{event.url}calendar/",
    ]


def test_second_anonymous_request_is_served_from_cache_with_no_queries(
    page_cache, anonymous, network, django_assert_num_queries
):
    for url in public_urls(*network):
        first = anonymous.get(url)
        assert first.status_code == 200, url
        assert state(first) == "miss", url
        with django_assert_num_queries(0):
            second = anonymous.get(url)
        assert state(second) == "hit", url
        assert second.status_code == 200
        assert without_nonce(second) == without_nonce(first), url
        assert second["Content-Type"] == first["Content-Type"]


def test_hits_carry_the_security_headers_and_a_fresh_nonce(page_cache, anonymous, network):
    first = anonymous.get("/")
    hits = [anonymous.get("/") for _ in range(2)]
    nonces = {NONCE.search(response.content.decode()).group(1) for response in [first, *hits]}
    assert len(nonces) == 3  # every response its own nonce
    for response in hits:
        nonce = NONCE.search(response.content.decode()).group(1)
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "no-cache" in response["Cache-Control"]  # shared caches in front must revalidate
        assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("path", ["/admin/", "/django-admin/", "/search/?q=strategy", "/no-such-page/"])
def test_never_cached_paths(page_cache, anonymous, network, path):
    anonymous.get(path)
    assert state(anonymous.get(path)) == ""


def test_event_page_with_a_booking_form_is_not_cached(page_cache, anonymous, network):
    _, event = network
    first = anonymous.get(event.url)
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert state(first) == "" and state(anonymous.get(event.url)) == ""


def test_booking_page_is_not_cached(page_cache, anonymous, network):
    _, event = network
    form = BookingForm(
        {"name": "Test attendee", "email": "a@example.org", "organisation": "Camden", "role": "SW", "access_needs": ""}
    )
    assert form.is_valid(), form.errors
    url = booking_url(book_place(event, form.details()).booking)
    for _ in range(2):
        response = anonymous.get(url)
        assert response.status_code == 200
        assert state(response) == ""


def test_posts_are_never_cached_or_answered_from_cache(page_cache, anonymous, network):
    anonymous.get("/")
    assert state(anonymous.post("/")) == ""


def test_any_cookie_but_csrf_bypasses_the_cache(page_cache, anonymous, network, settings):
    anonymous.get("/")
    anonymous.cookies[settings.CSRF_COOKIE_NAME] = "x" * 32
    assert state(anonymous.get("/")) == "hit"
    anonymous.cookies["messages"] = "anything"
    response = anonymous.get("/")
    assert state(response) == ""
    assert "private" in response["Cache-Control"]


def test_cache_off_when_cache_seconds_is_zero(anonymous, network, settings):
    settings.CACHE_SECONDS = 0
    cache.clear()
    anonymous.get("/")
    assert state(anonymous.get("/")) == ""


def test_unreachable_cache_serves_pages_uncached(anonymous, settings):
    # A port nothing listens on: every cache call fails at once. (Wagtail's own page serving
    # reads site root paths from the same cache, so /robots.txt, outside the page tree, shows
    # that the page cache itself degrades to serving uncached.)
    working = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.CACHE_SECONDS = 600
    try:
        response = anonymous.get("/robots.txt")
    finally:
        # Back before tests/conftest.py's clean-up clears the cache (it runs before `settings` is undone).
        settings.CACHES = working
    assert response.status_code == 200
    assert state(response) == ""
