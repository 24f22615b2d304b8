"""The editor's live preview renders (it was blank): framable by the admin only, and with unsaved
related resources (held in memory by the form) as well as saved ones."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from resources.querysets import linked_ids
from tests.factories import EventPageFactory, ResourcePageFactory
from tests.resources.admin_helpers import lead_of, resource_form_data

pytestmark = pytest.mark.django_db


def preview(client, page, data):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(url, data).json()["is_valid"]
    return client.get(url + "?in_preview_panel=true")


def test_a_preview_with_an_unsaved_related_resource_renders_and_the_admin_may_frame_it(client, camden, hackney):
    page = ResourcePageFactory(parent=camden, title="Camden strategy guide")
    other = ResourcePageFactory(parent=hackney, title="Hackney conference checklist")
    client.force_login(lead_of("Camden"))
    data = resource_form_data(page, related_resources=inline_formset([{"resource": other.pk}]))
    response = preview(client, page, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Camden strategy guide" in html and "Hackney conference checklist" in html
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    assert "'nonce-" in csp and "unsafe-inline" not in csp  # the public page's own strict policy


def test_the_public_page_itself_stays_unframable(client, camden):
    page = ResourcePageFactory(parent=camden)
    assert "frame-ancestors 'none'" in client.get(page.url)["Content-Security-Policy"]


def test_event_and_home_previews_read_unsaved_links_held_in_memory(camden, home):
    """A preview builds the page from the form: its links are in memory (modelcluster), not saved."""
    from events.models import EventRelatedResource
    from home.models import HomePageFeatured

    resource = ResourcePageFactory(parent=camden, title="Linked strategy guide")
    event = EventPageFactory(title="Strategy meeting workshop")
    event.related_resources = [EventRelatedResource(resource=resource)]
    related, notes = event.linked_resources()
    assert [r.title for r in related] == ["Linked strategy guide"] and list(notes) == []

    home.featured = [HomePageFeatured(resource=resource)]
    assert linked_ids(home.featured) == [resource.pk]


def test_saved_links_stay_one_subquery(camden, home):
    from home.models import HomePageFeatured

    resource = ResourcePageFactory(parent=camden)
    HomePageFeatured.objects.create(page=home, resource=resource)
    ids = linked_ids(home.featured)
    assert not isinstance(ids, list) and list(ids.values_list("resource", flat=True)) == [resource.pk]


def test_a_new_pages_preview_renders_before_it_is_ever_saved(client, camden):
    client.force_login(lead_of("Camden"))
    unsaved = ResourcePageFactory.build(title="Never saved guide", slug="never-saved-guide")
    url = reverse("wagtailadmin_pages:preview_on_add", args=["resources", "resourcepage", camden.pk])
    assert client.post(url, resource_form_data(unsaved)).json()["is_valid"]
    response = client.get(url + "?in_preview_panel=true")
    assert response.status_code == 200
    assert "Never saved guide" in response.content.decode()
