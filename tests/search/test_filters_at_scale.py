"""Filters must find matches the engine ranked below its cut-off (MAX_MATCHES).

At network scale a query matches more resources than the engine is asked for; a borough or
stage filter applied only to the best of them could answer "nothing found" although matching
resources exist. Shrinking the cut-off to three reproduces that over the demo network.
"""

from collections import Counter

import pytest
from django.http import QueryDict

from resources.models import BoroughPage, ResourcePage
from search import services
from search.params import SearchParams

pytestmark = pytest.mark.usefixtures("demo")


def _search(query: str) -> services.SearchResponse:
    return services.search(SearchParams.from_querydict(QueryDict(query)), log=False)


def test_a_filter_finds_every_match_ranked_below_the_cut_off(monkeypatch):
    everything = _search("q=plan&sort=relevance")
    # In relevance order the paginator holds every match as (pk, score), best first.
    ranked = [pk for pk, _ in everything.page.paginator.object_list]
    assert len(ranked) > 6
    publisher_of = dict(ResourcePage.objects.filter(pk__in=ranked).values_list("pk", "borough_id"))
    top = {publisher_of[pk] for pk in ranked[:3]}
    matches_per_publisher = Counter(publisher_of.values())
    # A publisher none of the best three belong to, with no more matches than a second answer holds.
    low = next(
        pk for pk in reversed(ranked) if publisher_of[pk] not in top and matches_per_publisher[publisher_of[pk]] <= 3
    )
    publisher = BoroughPage.objects.get(pk=publisher_of[low])

    monkeypatch.setattr(services, "MAX_MATCHES", 3)
    narrowed = _search(f"q=plan&borough={publisher.slug}")
    assert {result.resource.pk for result in narrowed.results} == {
        pk for pk in ranked if publisher_of[pk] == publisher.pk
    }
