"""Every change to a resource purges every cached page that shows it: its own page, its borough
page, listings, tag pages, home, search JSON, typeahead and feeds."""

import datetime

import pytest
from django.core.cache import cache
from taggit.models import Tag

from caching import services
from resources.models import CPStage
from tests.caching.helpers import state
from tests.factories import BookingFactory, EventPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

TITLE = "Cached strategy guide"


@pytest.fixture
def resource(camden):
    page = ResourcePageFactory(parent=camden, title=TITLE, tags=["strategy meetings"], stages=["section-47"])
    page.save_revision().publish()
    return page


def showing_pages(resource) -> list[str]:
    return [
        resource.url,
        "/",
        "/boroughs/camden/",
        "/resources/",
        "/resources/?borough=camden",
        "/tags/strategy-meetings/",
        "/search/?q=strategy&format=json",
        "/search/suggest/?q=strategy",
    ]


def warm(client, urls: list[str], text: str) -> None:
    """Fetch each page twice, so it is certainly cached and certainly shows ``text``."""
    for url in urls:
        client.get(url)
        response = client.get(url)
        assert state(response) == "hit", url
        assert text in response.content.decode(), url


def body(client, url: str) -> str:
    """The page as an anonymous visitor now sees it ('' when it is gone)."""
    response = client.get(url)
    return response.content.decode() if response.status_code == 200 else ""


def test_publishing_a_change_purges_every_page_showing_it(page_cache, anonymous, resource):
    urls = showing_pages(resource)
    warm(anonymous, urls, TITLE)
    resource.title = "Renamed strategy guide"
    resource.save_revision().publish()
    for url in urls:
        response = anonymous.get(url)
        assert state(response) == "miss", url
        assert "Renamed strategy guide" in response.content.decode(), url
        assert TITLE not in response.content.decode(), url


def test_unpublishing_purges(page_cache, anonymous, resource):
    urls = showing_pages(resource)
    warm(anonymous, urls, TITLE)
    resource.unpublish()
    assert anonymous.get(resource.url).status_code == 404
    for url in urls[1:]:
        assert TITLE not in body(anonymous, url), url


def test_deleting_purges(page_cache, anonymous, resource):
    urls = showing_pages(resource)
    warm(anonymous, urls, TITLE)
    url = resource.url
    resource.delete()
    assert anonymous.get(url).status_code == 404
    for other in urls[1:]:
        assert TITLE not in body(anonymous, other), other


def test_moving_to_another_borough_purges(page_cache, anonymous, resource, hackney):
    warm(anonymous, ["/boroughs/camden/", "/resources/?borough=camden", resource.url], TITLE)
    anonymous.get("/boroughs/hackney/")
    old_url = resource.url
    resource.move(hackney, pos="last-child")
    resource.refresh_from_db()
    assert TITLE not in body(anonymous, "/boroughs/camden/")
    assert TITLE not in body(anonymous, "/resources/?borough=camden")
    assert TITLE in body(anonymous, "/boroughs/hackney/")
    moved = anonymous.get(old_url)  # no longer the cached page: Wagtail's redirect to the new address
    assert moved.status_code == 301 and moved["Location"] == resource.url
    assert TITLE in body(anonymous, resource.url)


def test_changing_tags_purges_tag_pages(page_cache, anonymous, resource):
    warm(anonymous, ["/tags/strategy-meetings/", resource.url], TITLE)
    resource.tags.set(["network meetings"])
    resource.save_revision().publish()
    assert anonymous.get("/tags/strategy-meetings/").status_code == 404  # no resource carries it now
    assert TITLE in body(anonymous, "/tags/network-meetings/")
    assert "network meetings" in body(anonymous, resource.url)


def test_changing_the_review_date_purges(page_cache, anonymous, resource):
    warm(anonymous, [resource.url], TITLE)
    resource.review_due = datetime.date(2031, 3, 14)
    resource.save_revision().publish()
    assert "14 March 2031" in body(anonymous, resource.url)


def test_renaming_a_tag_or_a_vocabulary_term_purges(page_cache, anonymous, resource):
    warm(anonymous, [resource.url], "strategy meetings")
    tag = Tag.objects.get(slug="strategy-meetings")
    tag.name = "strategy discussions"
    tag.save()
    assert "strategy discussions" in body(anonymous, resource.url)
    stage = CPStage.objects.get(slug="section-47")
    anonymous.get(resource.url)
    stage.name = "Section 47 enquiry (renamed)"
    stage.save()
    assert state(anonymous.get(resource.url)) == "miss"


def test_a_booking_purges_the_pages_showing_places_left(page_cache, anonymous):
    event = EventPageFactory(title="Cached practice day", capacity=1)
    warm(anonymous, ["/events/", "/events/feed/", "/"], "Cached practice day")
    BookingFactory(event=event)
    response = anonymous.get("/events/")
    assert state(response) == "miss" and "Fully booked" in response.content.decode()
    # The home page lists upcoming events too (without places left today): purged all the same,
    # so showing places there later cannot serve a stale count.
    assert state(anonymous.get("/")) == "miss"


def test_a_booking_leaves_resource_pages_listings_and_search_cached(page_cache, anonymous, resource):
    event = EventPageFactory(title="Cached practice day", capacity=5)
    urls = [url for url in showing_pages(resource) if url != "/"]
    warm(anonymous, urls, TITLE)
    BookingFactory(event=event)
    for url in urls:
        assert state(anonymous.get(url)) == "hit", url


def test_publishing_an_event_purges_the_pages_showing_places_too(page_cache, anonymous):
    event = EventPageFactory(title="Cached practice day", capacity=1)
    warm(anonymous, ["/events/", "/"], "Cached practice day")
    event.title = "Renamed practice day"
    event.save_revision().publish()
    for url in ("/events/", "/"):
        assert "Renamed practice day" in body(anonymous, url), url


def test_bookings_and_content_queue_their_own_after_commit_purges(page_cache, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.purge_all("a publish")
        services.purge_bookings("a booking")
        services.purge_bookings("its confirmation")
    assert len(callbacks) == 2
    assert services.is_purge_callback(callbacks[0], services.GENERATION_KEY)
    assert services.is_purge_callback(callbacks[1], services.BOOKINGS_KEY)


def test_a_change_inside_a_transaction_purges_again_after_commit(page_cache, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        before = services.generation()
        services.purge_all("test")
        services.purge_all("another signal of the same publish")
        during = services.generation()
    assert during != before
    assert len(callbacks) == 1 and services.is_purge_callback(callbacks[0])  # once per transaction
    for callback in callbacks:
        callback()
    assert services.generation() not in (before, during)


def test_a_lost_generation_never_comes_back(page_cache):
    first = services.generation()
    cache.delete(services.GENERATION_KEY)  # a Redis restart or an eviction
    assert services.generation() > first


def test_extracted_document_text_purges(page_cache):
    from resources.services.extraction import extract_document_text
    from tests.factories import DocumentFactory

    document = DocumentFactory()
    before = services.generation()
    extract_document_text(document)  # stores with queryset.update, which sends no signal
    assert services.generation() != before
