"""Spelling corrections come from the live vocabulary, refreshed when resources are published."""

import pytest
from django.core.cache import cache

from search.spelling import correction, vocabulary
from tests.factories import ResourcePageFactory


@pytest.mark.django_db
def test_a_newly_published_word_is_correctable_at_once(camden):
    cache.clear()
    assert "chronology" not in vocabulary()
    resource = ResourcePageFactory(title="Chronology guidance", live=False)
    resource.save_revision().publish()
    assert "chronology" in vocabulary()
    assert correction("chronolgy") == "chronology"


@pytest.mark.django_db
def test_unpublishing_removes_its_words(camden):
    cache.clear()
    resource = ResourcePageFactory(title="Genogram guidance", live=False)
    resource.save_revision().publish()
    assert "genogram" in vocabulary()
    resource.refresh_from_db()  # publishing went through the revision, not this instance
    resource.unpublish()
    assert "genogram" not in vocabulary()
