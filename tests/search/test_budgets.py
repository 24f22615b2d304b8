"""The search page's SQL cost does not grow with the number of results or the page size."""

import pytest
from django.conf import settings as django_settings

from tests.factories import ResourcePageFactory, publisher

# Restriction check 1, engine 1–3, titles of the filtered matches 1, the page's resources and
# their tags 2, every facet's counts 1 (one UNION ALL), attachment matches 1, log 1: at most 10.
SEARCH_PAGE_BUDGET = 10

PARAMS = [
    {},
    {"q": "neglect"},
    {"q": "neglect", "borough": "camden"},
    {"q": "neglect", "borough": "camden", "type": "practice-guidance", "stage": "section-47"},
    {"q": "neglect strategy", "tag": "neglect", "sos": "mapping", "audience": "health", "page": "2"},
    {"q": "neglect", "sort": "newest", "year": "2025"},
]


@pytest.fixture
def network(db, request, settings):
    """N resources that all match "neglect", spread over two publishers, two types and every facet
    (searched with the database backend, whichever engine the run has)."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": django_settings.DATABASE_SEARCH_BACKEND}
    for n in range(request.param):
        ResourcePageFactory(
            title=f"Neglect strategy guidance {n}",
            summary="Synthetic practice guidance about neglect and strategy discussions.",
            parent=publisher("camden" if n % 2 else "hackney"),
            resource_type="practice-guidance" if n % 3 else "sos-tool",
            tags=["neglect", f"topic {n % 7}"],
            stages=["section-47", "cp-plan"],
            sos=["mapping"],
            for_audiences=["health", "education"],
        )
    return request.param


@pytest.mark.parametrize("network", [10, 50], indirect=True)
@pytest.mark.parametrize("params", PARAMS)
def test_search_page_queries_are_bounded_at_10_and_50_results(client, network, params, django_assert_max_num_queries):
    client.get("/search/", params)  # warm caches (site, synonyms, vocabulary labels)
    with django_assert_max_num_queries(SEARCH_PAGE_BUDGET):
        response = client.get("/search/", params)
    assert response.status_code == 200
    if "q" in params and "page" not in params:
        assert response.context["search"].total > 0  # the budget is for a page that has results


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "conference"},
        {"q": "conference", "borough": "camden"},
        {"q": "plan", "type": "sos-tool", "stage": "cp-plan", "audience": "health"},
    ],
)
def test_search_page_queries_are_bounded_on_the_demo_network(client, params, django_assert_max_num_queries):
    client.get("/search/", params)  # warm caches (site, synonyms, vocabulary)
    with django_assert_max_num_queries(SEARCH_PAGE_BUDGET):
        response = client.get("/search/", params)
    assert response.status_code == 200


@pytest.mark.usefixtures("demo")
def test_typeahead_is_three_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # view restrictions, titles, tags
        assert client.get("/search/suggest/", {"q": "strat"}).status_code == 200


@pytest.mark.parametrize("network", [10, 50], indirect=True)
@pytest.mark.parametrize("params", [{"q": "hackney"}, {"q": "neglect camden"}, {"q": "camden", "borough": "camden"}])
def test_naming_a_borough_keeps_the_budget(client, network, params, django_assert_max_num_queries):
    # The borough's own resources are one more query (and, with other words, one engine call).
    client.get("/search/", params)
    with django_assert_max_num_queries(SEARCH_PAGE_BUDGET):
        response = client.get("/search/", params)
    assert response.context["search"].named_boroughs
    assert response.context["search"].total > 0
