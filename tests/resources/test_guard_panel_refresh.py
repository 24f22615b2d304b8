"""The editor's personal-data check panel, read again after an autosave (static/js/admin-editor.js):
it describes the latest draft, and only to those who may edit the page."""

import pytest
from django.urls import reverse

from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import lead_of, resource_form_data

pytestmark = pytest.mark.django_db

UNSAFE_SUMMARY = "Chronology example: NHS number 999 012 6704 recorded on the referral."


@pytest.fixture
def ours(camden):
    return ResourcePageFactory(parent=camden, title="Camden chronology guide")


def test_the_panel_follows_the_latest_draft(client, ours):
    client.force_login(lead_of("Camden"))
    panel_url = reverse("resources_guard_panel", args=[ours.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[ours.pk])

    assert "No personal data found" in client.get(panel_url).content.decode()

    client.post(edit_url, resource_form_data(ours, summary=UNSAFE_SUMMARY))
    html = client.get(panel_url).content.decode()
    assert "Must remove" in html and "help-critical" in html
    assert "999 012 6704" not in html  # masked, as in the editor

    client.post(edit_url, resource_form_data(ours, summary="Chronologies: purpose, not volume."))
    html = client.get(panel_url).content.decode()
    assert "No personal data found" in html and "help-critical" not in html


def test_only_those_who_may_edit_the_page_see_its_panel(client, ours):
    client.force_login(lead_of("Hackney"))
    response = client.get(reverse("resources_guard_panel", args=[ours.pk]))
    # Wagtail's admin answers a refusal with its dashboard and a "no permission" message.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    client.logout()
    response = client.get(reverse("resources_guard_panel", args=[ours.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]
