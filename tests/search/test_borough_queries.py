"""A borough's name in a query ("Hackney", "hackney neglect", "waltham-forest") brings that borough's
own resources first and offers its filter; queries without one are answered as before."""

import datetime
import json

import pytest

from search.places import named_boroughs, with_own_resources


@pytest.mark.django_db
class TestNamedBoroughs:
    def test_a_name_or_slug_as_whole_words(self):
        assert named_boroughs("Hackney").slugs == ["hackney"]
        assert named_boroughs("hackney").rest == ""
        assert named_boroughs("neglect in Hackney").rest == "neglect"
        assert named_boroughs("resources in Hackney").rest == "resources"
        assert named_boroughs("in Hackney").rest == ""
        assert named_boroughs("waltham-forest S47").slugs == ["waltham-forest"]
        assert named_boroughs("Waltham Forest S47").rest == "s47"
        assert named_boroughs("Kingston upon Thames and Sutton").slugs == ["kingston-upon-thames", "sutton"]

    def test_other_words_name_no_borough(self):
        assert not named_boroughs("strategy meeting record")
        assert not named_boroughs("hackneyed")  # part of a word is not the name
        assert not named_boroughs("")


def test_own_resources_not_among_the_matches_follow_them_newest_first():
    day = datetime.date(2026, 1, 1)
    rows = [
        (1, "Mentions Hackney", "camden", day),
        (2, "Hackney plan", "hackney", day),
        (3, "Older Hackney guide", "hackney", day - datetime.timedelta(days=9)),
        (4, "Newer Hackney guide", "hackney", day + datetime.timedelta(days=9)),
    ]
    ordered, own = with_own_resources(rows, [(1, 2.0), (2, 1.0)], ["hackney"])
    assert ordered == [(1, 2.0), (2, 1.0), (4, None), (3, None)]
    assert own == {2, 3, 4}


def payload(client, **params) -> dict:
    return json.loads(client.get("/search/", {"format": "json", **params}).content)


@pytest.mark.usefixtures("demo")
class TestSearchingForABorough:
    def test_the_boroughs_own_resources_come_first(self, client):
        own = payload(client, borough="hackney")["total"]
        assert own > 1
        found = payload(client, q="Hackney")
        boroughs = [result["borough"] for result in found["results"]]
        assert boroughs[: min(own, 20)] == ["Hackney"] * min(own, 20)
        assert found["total"] >= own
        assert found["named_boroughs"] == [{"value": "hackney", "label": "Hackney"}]

    def test_the_rest_of_the_query_is_searched_within_the_borough(self, client):
        within = {r["id"] for r in payload(client, q="plan", borough="hackney")["results"]}
        assert within
        found = payload(client, q="plan hackney")["results"]
        # Hackney's resources about plans lead (whether or not they say "Hackney"), then the rest.
        assert {r["id"] for r in found[: len(within)]} == within
        assert all(r["borough"] == "Hackney" for r in found[: len(within)])

    def test_the_borough_filter_is_offered(self, client):
        html = client.get("/search/", {"q": "Hackney"}).content.decode()
        assert "Show only resources from Hackney" in html
        assert 'href="?q=Hackney&amp;borough=hackney"' in html
        filtered = client.get("/search/", {"q": "Hackney", "borough": "hackney"}).content.decode()
        assert "Show only resources from Hackney" not in filtered

    def test_other_queries_are_answered_as_before(self, client):
        found = payload(client, q="strategy meeting record")
        assert found["named_boroughs"] == []
        assert found["results"][0]["title"] == "Strategy meeting record template"
