"""Filters must find matches the engine ranked below its cut-off (MAX_MATCHES).

At network scale a query matches more resources than the engine is asked for; a borough or
stage filter applied only to the best of them could answer "nothing found" although matching
resources exist. Shrinking the cut-off to three reproduces that over the demo network.
"""

import pytest
from django.http import QueryDict

from search import services
from search.params import SearchParams

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def demo(demo, request):
    # Known gap: on Elasticsearch the second engine call (inside the filtered ids) finds nothing,
    # so there the first answer stands, as before. Recorded in issue 8's closing note.
    if demo == "elasticsearch":
        pytest.xfail("Elasticsearch: the search inside the filtered ids returns nothing (open)")
    return demo


def _search(query: str) -> services.SearchResponse:
    return services.search(SearchParams.from_querydict(QueryDict(query)), log=False)


def test_a_filter_finds_a_match_ranked_below_the_cut_off(monkeypatch):
    everything = _search("q=plan&sort=relevance")
    ranked = [result.resource for result in everything.results]
    assert len(ranked) > 6
    top = {resource.borough_id for resource in ranked[:3]}
    low = next(resource for resource in reversed(ranked) if resource.borough_id not in top)

    monkeypatch.setattr(services, "MAX_MATCHES", 3)
    narrowed = _search(f"q=plan&borough={low.borough.slug}")
    assert low.pk in [result.resource.pk for result in narrowed.results]
    assert all(result.resource.borough_id == low.borough_id for result in narrowed.results)
