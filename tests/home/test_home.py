"""Home page: featured resources chosen by editors, latest, popular tags, counts."""

import datetime

import pytest

from home.models import HomePageFeatured
from tests.factories import ResourcePageFactory


@pytest.mark.django_db
def test_featured_latest_and_counts(client, home):
    featured = ResourcePageFactory(title="Featured chair checklist", published_date=datetime.date(2022, 1, 1))
    for n in range(7):
        ResourcePageFactory(title=f"Recent guidance {n}", published_date=datetime.date(2025, 1, n + 1))
    HomePageFeatured.objects.create(page=home, resource=featured)
    response = client.get("/")
    context = response.context
    assert [r.title for r in context["featured"]] == ["Featured chair checklist"]
    assert [r.title for r in context["latest"]][:2] == ["Recent guidance 6", "Recent guidance 5"]
    assert len(context["latest"]) == 6
    assert context["resource_count"] == 8
    assert context["publisher_count"] == 1  # only Camden has published
    assert "Featured resources" in response.content.decode()


@pytest.mark.django_db
def test_unpublished_featured_resource_is_not_shown(client, home):
    draft = ResourcePageFactory(title="Draft chair checklist", live=False)
    HomePageFeatured.objects.create(page=home, resource=draft)
    assert "Draft chair checklist" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_empty_network_home_page(client, home):
    html = client.get("/").content.decode()
    assert "No resources have been published yet." in html
