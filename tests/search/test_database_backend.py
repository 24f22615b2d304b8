"""search.backends.database answers exactly as Wagtail's stock database backend, on whichever database runs."""

import pytest
from modelsearch.backends.database import SearchBackend as stock_backend
from modelsearch.query import And, Or, PlainText
from wagtail.search.models import IndexEntry

from resources.models import ResourcePage
from search.backends.database import SearchBackend
from search.query import parse
from tests.factories import ResourcePageFactory

QUERIES = [
    PlainText("neglect"),
    PlainText("neglect strategy", operator="or"),
    And([PlainText("neglect"), Or([PlainText("strategy"), PlainText("conference")])]),
    PlainText("nothing-matches-this"),
]


@pytest.fixture
def resources(db):
    """Synthetic resources where "neglect" appears in titles and summaries to different degrees."""
    made = [
        ResourcePageFactory(title="Neglect", summary="Neglect neglect neglect in strategy meetings."),
        ResourcePageFactory(title="Strategy meetings", summary="Recording neglect concerns."),
        ResourcePageFactory(title="Conference reports", summary="Writing for the initial conference."),
        ResourcePageFactory(title="Neglect toolkit", summary="A toolkit for neglect."),
        ResourcePageFactory(
            title="Neglect toolkit", slug="neglect-toolkit-2", summary="A toolkit for neglect."
        ),  # a tie
    ]
    for page in made:  # indexed on save too; again here so the entries are this backend's own
        SearchBackend({}).add(page)
    return made


def _ranked(backend, query, **kwargs):
    results = backend.search(query, ResourcePage.objects.live(), **kwargs).annotate_score("_score")
    return [(page.pk, round(page._score or 0, 6)) for page in results]


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_same_matches_scores_and_order_as_the_stock_backend(resources, query):
    ours, stock = SearchBackend({}), stock_backend({})
    assert _ranked(ours, query) == _ranked(stock, query)
    live = ResourcePage.objects.live()
    assert ours.search(query, live).count() == stock.search(query, live).count()


def test_slices_and_ids_only_agree_with_the_objects(resources):
    ours = SearchBackend({})
    results = ours.search(PlainText("neglect"), ResourcePage.objects.live()).annotate_score("_score")
    everything = [(page.pk, page._score) for page in results]
    assert len(everything) == 4
    assert results[1:3].pks_and_scores() == everything[1:3]
    assert [pk for pk, _ in results[:2].pks_and_scores()] == [pk for pk, _ in everything[:2]]


def test_only_resources_in_the_given_queryset_are_returned(resources):
    hidden = resources[0]
    hidden.unpublish()
    results = SearchBackend({}).search(PlainText("neglect"), ResourcePage.objects.live())
    assert hidden.pk not in [pk for pk, _ in results.pks_and_scores()]
    assert hidden.pk not in [page.pk for page in results]


def test_indexing_writes_what_the_stock_indexer_writes(resources):
    page = ResourcePage.objects.get(pk=resources[1].pk)
    stock_backend({}).add(page)
    stock_entry = IndexEntry.objects.filter(object_id=str(page.pk)).values("title", "body", "autocomplete").get()
    SearchBackend({}).add(page)
    assert (
        IndexEntry.objects.filter(object_id=str(page.pk)).values("title", "body", "autocomplete").get() == stock_entry
    )


def test_one_word_queries_need_only_the_ranking_query(db):
    assert parse("neglect").rank_decides
    assert not parse("neglect strategy").rank_decides
