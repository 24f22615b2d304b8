"""The service navigation: resources are browsed in the search, and every way into it is that section."""

import pytest
from django.test import RequestFactory

from core.context_processors import service_navigation


def items(path: str) -> dict[str, dict]:
    return {item["label"]: item for item in service_navigation(RequestFactory().get(path))["service_navigation"]}


def test_resources_is_the_search_browse_view():
    nav = items("/search/")
    assert nav["Resources"]["href"] == "/search/" and nav["Resources"]["current"]
    assert "Search" not in nav  # one item, not two for the same thing


@pytest.mark.parametrize("path", ["/tags/neglect/", "/stages/core-group/", "/types/template/", "/resources/"])
def test_topic_stage_type_pages_and_the_old_listing_are_in_the_resources_section(path):
    nav = items(path)
    assert nav["Resources"]["active"] and not nav["Resources"]["current"]
    assert not nav["Boroughs"]["active"]
