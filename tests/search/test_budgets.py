"""The search page's SQL cost does not grow with the number of results or the page size."""

import pytest


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
def test_search_page_queries_are_bounded(client, params, django_assert_max_num_queries):
    client.get("/search/", params)  # warm caches (site, synonyms, vocabulary)
    # Engine calls: 2–3; page and its prefetches: 3; seven facet counts: 7; attachment matches: 1; log: 1.
    with django_assert_max_num_queries(18):
        response = client.get("/search/", params)
    assert response.status_code == 200


@pytest.mark.usefixtures("demo")
def test_typeahead_is_three_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # view restrictions, titles, tags
        assert client.get("/search/suggest/", {"q": "strat"}).status_code == 200
