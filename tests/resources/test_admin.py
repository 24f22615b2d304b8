"""The Wagtail admin works for every page type (a superuser can list, edit and add)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from home.models import HomePage
from resources.models import BoroughIndexPage, ResourceIndexPage
from tests.factories import ResourcePageFactory


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@exchange.example", "a-long-test-password")
    client.force_login(user)
    return client


def test_dashboard_loads(admin_client):
    assert admin_client.get(reverse("wagtailadmin_home")).status_code == 200


def test_explorer_of_a_borough_lists_its_resources(admin_client, camden):
    ResourcePageFactory(title="Core group agenda template")
    response = admin_client.get(reverse("wagtailadmin_explore", args=[camden.pk]))
    assert response.status_code == 200
    assert "Core group agenda template" in response.content.decode()


@pytest.mark.parametrize("model", [HomePage, BoroughIndexPage, ResourceIndexPage])
def test_edit_view_of_each_singleton_page_loads(admin_client, model):
    page = model.objects.get()
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def test_edit_views_of_borough_and_resource_load(admin_client, camden):
    resource = ResourcePageFactory(tags=["neglect"], stages=["cp-plan"])
    for page in (camden, resource):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[resource.pk])).content.decode()
    assert "Child-protection stages" in html or "child-protection stages" in html


def test_add_resource_form_under_a_borough_loads(admin_client, camden):
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", camden.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Summary" in response.content.decode()


def test_resource_cannot_be_added_under_the_home_page(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", home.pk])
    response = admin_client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert "permission" in response.content.decode().lower()


@pytest.mark.parametrize(
    "name",
    [
        "wagtaildocs:index",
        "wagtailsnippets:index",
        "wagtailsnippets_resources_cpstage:list",
        "wagtailadmin_collections:index",
    ],
)
def test_other_admin_screens_load(admin_client, name):
    assert admin_client.get(reverse(name)).status_code == 200
