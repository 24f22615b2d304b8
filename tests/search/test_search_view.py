"""The search page goes through search.services; the full faceted search is the search issue's."""

import pytest

from search.services import MAX_QUERY_LENGTH, clean_query, search_resources
from tests.factories import ResourcePageFactory


@pytest.mark.django_db
class TestSearchPage:
    @pytest.fixture
    def resources(self, camden):
        return [
            ResourcePageFactory(title="Strategy meeting record template", summary="Recording strategy discussions."),
            ResourcePageFactory(title="Three houses guide", summary="Hearing the child's worries and dreams."),
            ResourcePageFactory(title="Draft strategy note", live=False),
        ]

    def test_finds_live_resources_by_words_in_title_and_summary(self, client, resources):
        response = client.get("/search/?q=strategy")
        assert response.status_code == 200
        found = [r.title for r in response.context["page_obj"]]
        assert found == ["Strategy meeting record template"]
        assert "1 result for “strategy”" in response.content.decode()

    def test_empty_query_lists_everything_newest_first(self, client, resources):
        response = client.get("/search/")
        assert len(response.context["page_obj"]) == 2

    def test_no_results_says_so(self, client, resources):
        html = client.get("/search/?q=zzzunmatched").content.decode()
        assert "No resources match" in html

    @pytest.mark.parametrize(
        "query",
        ['"unbalanced', "(a OR b", "a && b || c", "*~:^[]{}\\/!", "😀", "שלום", "x\x00y", "'; DROP TABLE x; --"],
    )
    def test_awkward_input_never_errors(self, client, resources, query):
        assert client.get("/search/", {"q": query}).status_code == 200

    def test_long_queries_are_cut_with_a_notice(self, client, resources):
        response = client.get("/search/", {"q": "strategy " * 60})
        assert response.status_code == 200
        assert len(response.context["query"]) == MAX_QUERY_LENGTH
        assert "shortened" in response.content.decode()


def test_clean_query_strips_control_characters_and_cuts():
    assert clean_query("  s47\x00 enquiry\n ") == ("s47 enquiry", False)
    query, cut = clean_query("a" * 250)
    assert (len(query), cut) == (MAX_QUERY_LENGTH, True)


@pytest.mark.django_db
def test_search_resources_excludes_drafts(camden):
    ResourcePageFactory(title="Core group agenda", live=False)
    assert list(search_resources("core group").results) == []
