"""Kept search answers: a repeated search skips the engine and the facet counts, and no kept
answer ever outlives a change or crosses from one kind of reader to another."""

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext

from resources.services.visibility import set_members_only
from search import answers
from search.params import SearchParams
from search.services import search
from tests.caching.conftest import use_cache_backend
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import member

pytestmark = pytest.mark.django_db

SECRET = "Members-only escalation protocol"


@pytest.fixture(autouse=True)
def database_engine(settings):
    """Keeping answers is the same for every engine; the database backend indexes each page as it
    is saved, so these tests need not wait for an engine's refresh (CI also runs them with
    SEARCH_URL set)."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": django_settings.DATABASE_SEARCH_BACKEND}


@pytest.fixture(params=["locmem", "redis"])
def kept(request, settings):
    """Answers kept (SEARCH_CACHE_SECONDS=600) in each cache backend, emptied around the test."""
    use_cache_backend(request.param, settings)
    settings.SEARCH_CACHE_SECONDS = 600
    cache.clear()
    yield request.param
    cache.clear()


@pytest.fixture
def guides(camden, hackney):
    pages = [
        ResourcePageFactory(parent=camden, title=f"Escalation guide {n}", tags=["escalation"], stages=["section-47"])
        for n in range(3)
    ]
    pages.append(ResourcePageFactory(parent=hackney, title="Escalation checklist", tags=["escalation"]))
    return pages


def ask(query: str, user=None):
    return search(SearchParams.from_querydict(QueryDict(query)), log=False, user=user)


def titles(response) -> list[str]:
    return [result.resource.title for result in response.results]


def queries(query: str, user=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        ask(query, user)
    return len(captured.captured_queries)


def test_a_repeated_search_skips_the_engine_and_the_facet_counts_and_answers_the_same(kept, guides):
    query = "q=escalation&borough=camden&stage=section-47"
    first = ask(query)
    again = ask(query)
    assert first.timings["kept_answer"] is False and again.timings["kept_answer"] is True
    assert titles(again) == titles(first) and len(titles(first)) == 3
    assert again.facets == first.facets and again.total == first.total == 3
    cold = queries("q=escalation&borough=hackney")
    warm = queries("q=escalation&borough=hackney")
    # The engine call and the facet counts are gone; the page's own rows are still read fresh.
    assert warm <= cold - 3


def test_every_page_number_shares_one_answer_but_shows_its_own_results(kept, settings, guides, camden):
    for n in range(25):
        ResourcePageFactory(parent=camden, title=f"Escalation note {n}", tags=["escalation"])
    page_one = ask("q=escalation")
    page_two = ask("q=escalation&page=2")
    assert page_two.timings["kept_answer"] is True
    assert page_one.total == page_two.total == 29
    assert not set(titles(page_one)) & set(titles(page_two))


def test_publishing_a_matching_resource_shows_in_the_next_search(kept, guides, hackney):
    assert ask("q=escalation").total == 4
    page = ResourcePageFactory(parent=hackney, title="Escalation flowchart", tags=["escalation"])
    page.save_revision().publish()
    after = ask("q=escalation")
    assert after.timings["kept_answer"] is False
    assert after.total == 5 and "Escalation flowchart" in titles(after)


def test_unpublishing_retagging_and_renaming_each_change_the_answer(kept, guides):
    guide = guides[0]
    assert ask("tag=escalation").total == 4
    guide.tags.set(["thresholds"])
    guide.save_revision().publish()
    assert ask("tag=escalation").total == 3
    guides[1].unpublish()
    assert ask("tag=escalation").total == 2
    guides[2].title = "Renamed escalation route"
    guides[2].save_revision().publish()
    assert "Renamed escalation route" in titles(ask("q=escalation"))


def test_a_members_answer_never_reaches_an_anonymous_reader_and_back(kept, guides, camden):
    restricted = ResourcePageFactory(parent=camden, title=SECRET, tags=["escalation"])
    set_members_only(restricted, True)
    reader = member()
    assert SECRET in titles(ask("q=escalation", user=reader))
    anonymous = ask("q=escalation")
    assert SECRET not in titles(anonymous) and anonymous.total == 4
    assert SECRET in titles(ask("q=escalation", user=reader))
    # Over HTTP too, including the JSON other tools read.
    client = Client()
    client.force_login(reader)
    assert SECRET in client.get("/search/?q=escalation").content.decode()
    for url in ("/search/?q=escalation", "/search/?q=escalation&format=json"):
        assert SECRET not in Client().get(url).content.decode(), url


def test_making_a_resource_members_only_takes_it_out_of_kept_answers_at_once(kept, guides):
    assert "Escalation checklist" in titles(ask("q=escalation"))
    set_members_only(guides[3], True)
    assert "Escalation checklist" not in titles(ask("q=escalation"))


def test_answers_are_not_kept_when_switched_off(settings, guides):
    settings.SEARCH_CACHE_SECONDS = 0
    ask("q=escalation")
    assert ask("q=escalation").timings["kept_answer"] is False


def test_an_unreachable_cache_means_answers_are_not_kept_not_an_error(settings):
    # (Synonyms and Wagtail's site-root paths read the same cache, so with CACHE_URL set the
    # cache is part of the site anyway; kept answers add no new way to fail.)
    working = settings.CACHES
    settings.SEARCH_CACHE_SECONDS = 600
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    try:
        params = SearchParams.from_querydict(QueryDict("q=escalation"))
        assert answers.key_for(params, None) is None
        assert answers.get("search:answer:1:x") is None
        answers.put("search:answer:1:x", answers.Answer(None, None, None, {}))
    finally:
        settings.CACHES = working  # before tests/conftest.py's clean-up clears the cache
