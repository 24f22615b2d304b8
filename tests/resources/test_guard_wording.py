"""Personal-data findings in an editor's words: what was found and where, never a code."""

import pytest
from django.urls import reverse

from resources.services.page_guard import scan_page
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import lead_of

pytestmark = pytest.mark.django_db

# A synthetic NHS number in the test range.
NHS = "943 476 5919"


def test_a_finding_in_the_body_names_the_kind_the_section_and_the_paragraph(camden):
    page = ResourcePageFactory(
        parent=camden,
        body=[
            ("paragraph", "<p>Plain guidance.</p>"),
            ("heading", "Strategy discussion"),
            ("paragraph", "<p>Record who attended.</p>"),
            ("paragraph", f"<p>NHS number {NHS} was read out.</p>"),
        ],
    )
    [finding] = [f for f in scan_page(page) if f.kind == "nhs_number"]
    assert finding.sentence == "NHS number in the body, 'Strategy discussion' section, paragraph 2"
    assert finding.blocks


def test_the_panel_speaks_plain_words_and_a_new_page_is_not_said_to_be_clean(client, camden):
    page = ResourcePageFactory(parent=camden, summary=f"Use NHS number {NHS} for the referral.")
    client.force_login(lead_of("Camden"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "NHS number in the summary" in html
    assert "nhs_number" not in html
    new = client.get(reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", camden.pk]))
    text = new.content.decode()
    assert "as last saved" not in text and "save a draft to see its findings here" in text


def test_the_refusal_to_publish_names_the_finding_in_plain_words(client, camden):
    from resources.models import ResourcePage
    from tests.resources.admin_helpers import coordinator, resource_form_data

    page = ResourcePageFactory(parent=camden)
    client.force_login(coordinator())
    data = resource_form_data(page, summary=f"Use NHS number {NHS} for the referral.", action="action-publish")
    html = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).content.decode()
    assert "NHS number in the summary" in html and "nhs_number" not in html
    assert NHS not in ResourcePage.objects.get(pk=page.pk).summary
