"""When the engine is unreachable, search answers from the database backend and says so."""

import json
import logging

import pytest
from django.conf import settings as django_settings

from tests.engines import UNREACHABLE_ENGINE


@pytest.fixture
def engine_down(settings, demo_network, db):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": UNREACHABLE_ENGINE,
        "database": django_settings.DATABASE_SEARCH_BACKEND,
    }


@pytest.mark.usefixtures("engine_down")
def test_search_falls_back_to_the_database_and_says_so(client, caplog):
    with caplog.at_level(logging.ERROR, logger="search.services"):
        response = client.get("/search/", {"q": "three houses"})
    assert response.status_code == 200
    assert response.context["search"].degraded
    assert response.context["search"].total > 0
    assert "may be less complete" in response.content.decode()
    assert any("answering from the database backend" in r.getMessage() for r in caplog.records)


@pytest.mark.usefixtures("engine_down")
def test_json_reports_the_fallback(client):
    payload = json.loads(client.get("/search/", {"q": "S47 audit", "format": "json"}).content)
    assert payload["degraded"] is True
    assert payload["results"]
