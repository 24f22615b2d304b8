"""Editors' promoted results (Wagtail search promotions) come first for their query."""

import json

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from resources.models import ResourcePage


@pytest.mark.usefixtures("demo")
def test_promoted_resource_comes_first_and_is_marked(client):
    pick = ResourcePage.objects.get(source_id="lc-001")  # transfer-in conferences: not a natural top hit
    SearchPromotion.objects.create(query=Query.get("Core Group"), page=pick, description="Start here")
    payload = json.loads(client.get("/search/", {"q": "core group", "format": "json"}).content)
    assert payload["results"][0]["id"] == pick.pk
    assert payload["results"][0]["promoted"] is True
    assert sum(r["id"] == pick.pk for r in payload["results"]) == 1
    assert "Recommended for this search" in client.get("/search/", {"q": "core group"}).content.decode()


@pytest.mark.usefixtures("demo")
def test_promotion_still_respects_filters(client):
    pick = ResourcePage.objects.get(source_id="lc-001")
    SearchPromotion.objects.create(query=Query.get("core group"), page=pick)
    payload = json.loads(client.get("/search/", {"q": "core group", "borough": "hackney", "format": "json"}).content)
    assert pick.pk not in [r["id"] for r in payload["results"]]
