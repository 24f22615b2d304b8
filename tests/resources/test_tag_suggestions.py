"""Editors are offered existing tags as they type, so near-duplicates are not created."""

import json

import pytest
from django.urls import reverse

from tests.factories import ResourcePageFactory


@pytest.mark.django_db
def test_tag_autocomplete_offers_existing_tags(client, django_user_model):
    ResourcePageFactory(tags=["strategy meetings", "S47"])
    editor = django_user_model.objects.create_superuser("editor", "editor@exchange.example", "a-long-password-1")
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": "strat"})
    assert response.status_code == 200
    assert "strategy meetings" in json.dumps(json.loads(response.content))


@pytest.mark.django_db
def test_a_tag_in_another_case_reuses_the_existing_tag(camden):
    from taggit.models import Tag

    ResourcePageFactory(tags=["S47"])
    ResourcePageFactory(tags=["s47"])
    assert Tag.objects.filter(name__iexact="s47").count() == 1
