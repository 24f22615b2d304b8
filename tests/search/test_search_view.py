"""The search page over the demo network: words, filters, facets, links, JSON and bad input."""

import json

import pytest

from search.models import SearchLog
from search.params import MAX_QUERY_LENGTH, SearchParams, clean_query


def found(response) -> list[str]:
    return [result.resource.title for result in response.context["search"].results]


def facet(payload: dict, name: str) -> dict[str, dict]:
    return {option["value"]: option for option in payload["facets"][name]}


@pytest.mark.usefixtures("demo")
class TestSearchPage:
    def test_query_finds_and_highlights(self, client):
        response = client.get("/search/", {"q": "strategy meeting record"})
        assert response.status_code == 200
        assert found(response)[0] == "Strategy meeting record template"
        assert "<mark>" in response.content.decode()

    def test_browse_mode_lists_everything_newest_first_with_facets(self, client):
        response = client.get("/search/")
        search = response.context["search"]
        assert search.total == 66  # the demo's 67, less its one members-only briefing
        dates = [r.resource.published_date for r in search.results]
        assert dates == sorted(dates, reverse=True)
        assert len(search.results) == 20
        assert set(search.facets) == {"tag", "borough", "type", "stage", "sos", "audience", "year"}

    def test_values_of_one_facet_or_and_different_facets_and(self, client):
        one = json.loads(client.get("/search/", {"format": "json", "borough": "camden"}).content)
        two = json.loads(client.get("/search/", {"format": "json", "borough": ["camden", "hackney"]}).content)
        both = json.loads(
            client.get("/search/", {"format": "json", "borough": ["camden", "hackney"], "type": "sos-tool"}).content
        )
        assert 0 < one["total"] < two["total"]
        assert 0 < both["total"] <= two["total"]
        assert all(r["type"] == "sos-tool" and r["borough"] in {"Camden", "Hackney"} for r in both["results"])

    def test_counts_reflect_the_query_and_the_other_facets(self, client):
        payload = json.loads(
            client.get("/search/", {"format": "json", "q": "conference", "type": "audit-tool"}).content
        )
        types = facet(payload, "type")
        boroughs = facet(payload, "borough")
        # Type counts ignore the type selection (so other types can be added) but honour the query…
        assert types["audit-tool"]["selected"] and types["audit-tool"]["count"] == payload["total"]
        assert sum(o["count"] for o in types.values()) >= payload["total"]
        # …while every other facet counts only what the selection leaves.
        assert sum(o["count"] for o in boroughs.values()) == payload["total"]

    def test_json_has_everything_the_page_shows(self, client):
        payload = json.loads(client.get("/search/", {"format": "json", "q": "three houses"}).content)
        assert set(payload) >= {"results", "facets", "total", "page", "took_ms", "query", "suggestion"}
        first = payload["results"][0]
        assert set(first) >= {"id", "title", "url", "borough", "type", "tags", "snippet", "score"}
        assert first["title"] == "Three houses: a practitioner's guide"
        assert isinstance(payload["took_ms"], float)

    def test_selected_filters_are_chips_that_remove_themselves(self, client):
        html = client.get("/search/", {"q": "plan", "borough": "camden", "stage": "cp-plan"}).content.decode()
        assert "Borough: Camden" in html
        assert 'href="?q=plan&amp;stage=cp-plan"' in html  # the Camden chip's link keeps the rest

    def test_unknown_values_and_bad_pages_are_ignored(self, client):
        response = client.get("/search/", {"q": "plan", "borough": "atlantis", "type": "guidence", "page": "x"})
        assert response.status_code == 200
        assert response.context["search"].params.selected == {}

    def test_misspelling_is_corrected_and_suggested(self, client):
        response = client.get("/search/", {"q": "stratergy"})
        assert response.context["search"].suggestion == "strategy"
        assert any("Strategy" in title for title in found(response))

    def test_empty_result_offers_help(self, client):
        response = client.get("/search/", {"q": "zzqx", "type": "template"})
        html = response.content.decode()
        assert response.context["search"].total == 0
        assert "No resources found" in html

    def test_most_restrictive_filter_is_offered_for_removal(self, client):
        # No training material mentions three houses, but other types do.
        response = client.get("/search/", {"q": "three houses", "type": "training"})
        search = response.context["search"]
        assert search.total == 0
        assert search.most_restrictive == ("type", "training")
        assert "Remove the resource type filter" in response.content.decode()

    def test_excluding_a_tag(self, client):
        all_ = json.loads(client.get("/search/", {"format": "json", "q": "neglect"}).content)
        without = json.loads(
            client.get("/search/", {"format": "json", "q": "neglect", "exclude_tag": "neglect"}).content
        )
        assert without["total"] < all_["total"]
        assert all("neglect" not in r["tags"] for r in without["results"])

    def test_tag_options_offer_an_exclude_link_that_the_url_keeps(self, client):
        html = client.get("/search/", {"q": "neglect"}).content.decode()
        assert 'href="?q=neglect&amp;exclude_tag=neglect"' in html
        html = client.get("/search/", {"q": "neglect", "exclude_tag": "neglect"}).content.decode()
        assert "Not: neglect" in html

    def test_search_box_offers_typeahead_without_needing_it(self, client):
        html = client.get("/search/").content.decode()
        assert 'data-suggest-url="/search/suggest/"' in html
        assert 'action="/search/"' in html  # a plain GET form: works without JavaScript

    def test_sort_newest(self, client):
        payload = json.loads(client.get("/search/", {"format": "json", "q": "conference", "sort": "newest"}).content)
        assert payload["sort"] == "newest"

    def test_searches_are_logged_without_identity(self, client):
        client.get("/search/", {"q": "  S47   Enquiry "})
        client.get("/search/", {"q": "S47 enquiry", "page": "2"})  # paging is not a new search
        log = SearchLog.objects.get()
        assert log.query == "s47 enquiry"
        assert log.result_count > 0
        assert {f.name for f in SearchLog._meta.get_fields()} == {
            "id",
            "query",
            "filters",
            "result_count",
            "created_at",
        }

    def test_a_name_and_postcode_typed_into_search_are_logged_masked(self, client):
        client.get("/search/", {"q": "Oliver Sample SE15 3ZZ"})
        assert SearchLog.objects.get().query == "****** ****** **** ***"

    def test_no_fragment_of_a_hyphenated_or_reversed_name_reaches_the_log(self, client):
        client.get("/search/", {"q": "Tester-Sample, Rhys neglect"})
        assert SearchLog.objects.get().query == "****** ****** **** neglect"

    @pytest.mark.parametrize(
        "query",
        ['"unbalanced', "(a OR b", "a && b || c", "*~:^[]{}\\/!", "😀", "שלום", "x\x00y", "'; DROP TABLE x; --", " "],
    )
    def test_awkward_input_never_errors(self, client, query):
        assert client.get("/search/", {"q": query}).status_code == 200
        assert client.get("/search/", {"q": query, "format": "json"}).status_code == 200

    def test_long_queries_are_cut_with_an_error_linked_to_the_field(self, client):
        response = client.get("/search/", {"q": "strategy " * 60})
        assert len(response.context["query"]) == MAX_QUERY_LENGTH
        html = response.content.decode()
        assert "There is a problem" in html
        assert "<title>Error: Search:" in html
        assert f'<a href="#search-q">Search terms must be {MAX_QUERY_LENGTH} characters or fewer' in html
        assert 'id="search-q-error"' in html
        assert 'aria-describedby="search-q-hint search-q-error"' in html


@pytest.mark.usefixtures("demo")
class TestTypeaheadAndTags:
    def test_suggest_titles_and_tags(self, client):
        payload = json.loads(client.get("/search/suggest/", {"q": "strat"}).content)
        assert 0 < len(payload["resources"]) <= 8
        assert all("strat" in r["title"].lower() for r in payload["resources"])
        assert payload["resources"][0]["url"].startswith("/boroughs/")
        assert any(t["slug"] == "strategy-meetings" for t in payload["tags"])

    def test_suggest_ignores_one_letter(self, client):
        assert json.loads(client.get("/search/suggest/", {"q": "s"}).content) == {"resources": [], "tags": []}

    def test_tag_page_lists_tagged_resources_and_related_tags(self, client):
        response = client.get("/tags/neglect/")
        assert response.status_code == 200
        assert all("neglect" in [t.slug for t in r.resource.tags.all()] for r in response.context["search"].results)
        assert response.context["related_tags"]

    def test_unknown_tag_is_404(self, client):
        assert client.get("/tags/no-such-topic/").status_code == 404


def test_clean_query_strips_control_characters_and_cuts():
    assert clean_query("  s47\x00 enquiry\n ") == ("s47 enquiry", False)
    query, cut = clean_query("a" * 250)
    assert (len(query), cut) == (MAX_QUERY_LENGTH, True)


@pytest.mark.django_db
def test_params_default_sort_depends_on_query():
    from django.http import QueryDict

    assert SearchParams.from_querydict(QueryDict("q=plan")).sort == "relevance"
    assert SearchParams.from_querydict(QueryDict("")).sort == "newest"


@pytest.mark.django_db
def test_filters_that_match_nothing_are_left_out_and_the_page_says_so(client):
    response = client.get("/search/", {"q": "plan", "borough": ["camden", "narnia"], "type": "guidence"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "so they were left out" in html
    assert "borough “narnia”" in html
    assert "resource type “guidence”" in html
    assert "camden" not in html.split("Left out:")[1].split("</p>")[0]
    assert "left out" not in client.get("/search/", {"q": "plan", "borough": "camden"}).content.decode()
