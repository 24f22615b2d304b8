"""Slug filters drop anything that is not slug-shaped (PostgreSQL refuses NUL bytes in parameters)."""

from django.http import QueryDict

from core.querystring import slugs
from resources.vocabulary import known_values


def test_slugs_keep_only_slug_shaped_distinct_values():
    params = QueryDict("tag=neglect&tag=%00&tag=a b&tag=neglect&tag=core-groups&tag=")
    assert slugs(params, "tag", 10) == ["neglect", "core-groups"]
    assert slugs(QueryDict("tag=a&tag=b&tag=c"), "tag", 2) == ["a", "b"]


def test_facet_values_with_control_characters_never_reach_the_database():
    assert known_values("tag", ["\x00"]) == []
    assert known_values("year", ["2024", "20\x0024"]) == ["2024"]
