"""Typeahead answers: titles and tags of live resources the person may read, in name order, each once."""

import pytest
from wagtail.models import PageViewRestriction

from search.services import suggest
from tests.factories import ResourcePageFactory, publisher
from tests.resources.admin_helpers import member


@pytest.fixture
def resources(db):
    ResourcePageFactory(title="Strategy meeting record", tags=["strategy meetings", "recording"])
    ResourcePageFactory(title="Strategy discussion prompts", tags=["strategy meetings", "conference"])
    draft = ResourcePageFactory(title="Strategy draft", tags=["strategy drafts only"])
    draft.unpublish()
    members_only = ResourcePageFactory(
        title="Strategy for members", tags=["strategy members only"], parent=publisher("hackney")
    )
    PageViewRestriction.objects.create(page=members_only.get_parent(), restriction_type=PageViewRestriction.LOGIN)


def test_tags_of_live_public_resources_each_once_in_name_order(resources):
    assert [tag["name"] for tag in suggest("strat")["tags"]] == ["strategy meetings"]
    assert [r["title"] for r in suggest("strat")["resources"]] == [
        "Strategy discussion prompts",
        "Strategy meeting record",
    ]


def test_members_see_the_tags_and_titles_of_members_only_resources(resources):
    answer = suggest("strat", user=member())
    assert [tag["name"] for tag in answer["tags"]] == ["strategy meetings", "strategy members only"]
    assert "Strategy for members" in [r["title"] for r in answer["resources"]]


def test_tags_match_anywhere_in_the_name_and_respect_the_limit(db):
    for n in range(5):
        ResourcePageFactory(tags=[f"topic {n} neglect", "unrelated"])
    answer = suggest("EGLEC", limit=3)
    assert [tag["name"] for tag in answer["tags"]] == ["topic 0 neglect", "topic 1 neglect", "topic 2 neglect"]
    assert answer["tags"][0]["url"] == "/tags/topic-0-neglect/"


def test_a_tag_used_only_by_unpublished_resources_is_not_suggested(resources):
    assert suggest("drafts")["tags"] == []
