"""The filter panel as a phone user meets it: the most used facets first, the most used topics
with the rest folded away, no value that would leave nothing, and "Show N results"."""

import re

import pytest
from django.http import QueryDict

from search.facets import FACETS
from search.services import FacetOption
from search.templatetags.search_tags import facet_checkboxes


def test_borough_type_and_stage_come_before_topics():
    assert [facet.name for facet in FACETS][:4] == ["borough", "type", "stage", "tag"]


def _topics(count: int, selected: str = "") -> list[FacetOption]:
    return [FacetOption(f"topic-{n}", f"Topic {n}", 100 - n, f"topic-{n}" == selected) for n in range(count)]


def test_top_topics_shown_and_the_rest_folded_into_more():
    html = facet_checkboxes("tag", _topics(20), QueryDict())
    before, folded = html.split("<details", 1)
    assert before.count('type="checkbox"') == 8
    assert folded.count('type="checkbox"') == 12
    assert re.search(r'data-facet="tag">\s*<summary[^>]*><span[^>]*>12 more topics</span>', folded)


def test_a_ticked_topic_among_the_rest_is_not_hidden_away():
    html = facet_checkboxes("tag", _topics(20, selected="topic-15"), QueryDict())
    assert '<details class="govuk-details govuk-!-margin-bottom-2" data-facet="tag" open>' in html


def test_few_topics_need_no_more_link():
    assert "<details" not in facet_checkboxes("tag", _topics(8), QueryDict())
    assert "<details" not in facet_checkboxes("borough", _topics(20), QueryDict())  # boroughs all shown


@pytest.mark.usefixtures("demo")
class TestPanelOnTheSearchPage:
    def test_values_that_would_leave_nothing_are_not_listed(self, client):
        response = client.get("/search/", {"q": "plan", "borough": "camden"})
        facets = response.context["search"].facets
        offered = [option for options in facets.values() for option in options if not option.selected]
        assert offered
        assert all(option.count > 0 for option in offered)
        assert not re.search(r'<span class="app-count">\(0\)</span>', response.content.decode())

    def test_show_results_button_carries_the_count_and_waits_for_its_script(self, client):
        response = client.get("/search/", {"q": "plan", "borough": "camden"})
        total = response.context["search"].total
        assert total > 1
        html = response.content.decode()
        assert f'data-module="govuk-button" hidden>Show {total} results</button>' in html
        # The results' count can take focus, so the button can take a phone user there.
        assert 'id="result-count" tabindex="-1" role="status" aria-live="polite"' in html

    def test_filter_results_is_one_visible_heading(self, client):
        html = client.get("/search/", {"q": "plan"}).content.decode()
        assert html.count('class="govuk-heading-m app-facets__heading"') == 1
        assert html.count(">Filter results<") == 2  # the phone's summary and the (wide screen) heading
