"""Every field a reader or a URL can show is read by the guard in the editor: publishing is refused
when personal data hides in the SEO fields, the slug, version, source id, contact email, a table
caption, a mailto: link, an attachment's name, or the document behind a body document link.

Values are synthetic: an NHS number from the 999 test range, Ofcom's drama mobiles, "Sample" names.
"""

import json

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from resources.models import ResourcePage
from resources.services.page_guard import scan_page
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, resource_form_data

pytestmark = pytest.mark.django_db

NHS = "999 012 6704"


@pytest.fixture
def ours(camden):
    return ResourcePageFactory(parent=camden, title="Camden chronology guide")


def _document(title="Minutes template", filename="minutes.txt", text=b"Core group minutes template."):
    document = get_document_model().objects.create(title=title)
    document.file.save(filename, ContentFile(text))
    from resources.services.extraction import extract_document_text

    extract_document_text(document)
    document.refresh_from_db()
    return document


def _table(caption):
    return json.dumps(
        {
            "data": [["Stage", "Days"], ["ICPC", "15"]],
            "table_header_choice": "row",
            "first_col_is_header": False,
            "table_caption": caption,
        }
    )


FIELDS = {
    "seo title": lambda page: {"seo_title": f"Chronology for NHS {NHS}"},
    "search description": lambda page: {"search_description": "Oliver Sample's chronology, DOB 03/04/2015"},
    "slug": lambda page: {"slug": "oliver-sample-dob-03-04-2015"},
    "version": lambda page: {"version": "NHS 9990126704"},
    "source id": lambda page: {"source_id": f"nhs-{NHS.replace(' ', '-')}"},
    "contact email (webmail)": lambda page: {"contact_email": "parent.sample@gmail.com"},
    "table caption": lambda page: {"body": streamfield([("table", _table(f"Health chronology, NHS {NHS}"))])},
    "mailto link": lambda page: {
        "body": streamfield(
            [("paragraph", rich_text('<p>Email <a href="mailto:mum.sample@hotmail.com">the family</a></p>'))]
        )
    },
    "document behind a document link": lambda page: {
        "body": streamfield(
            [("document", {"document": _document(text=f"NHS number {NHS}".encode()).pk, "description": "Minutes"})]
        )
    },
    "attachment file name": lambda page: {
        "attachments": inline_formset([{"document": _document(filename=f"nhs-{NHS.replace(' ', '')}.txt").pk}])
    },
    "attachment title": lambda page: {
        "attachments": inline_formset([{"document": _document(title="Oliver Sample chronology").pk}])
    },
}


@pytest.mark.parametrize("place", FIELDS)
def test_publishing_is_refused_for_personal_data_in(client, ours, place):
    client.force_login(coordinator())
    url = reverse("wagtailadmin_pages:edit", args=[ours.pk])
    overrides = FIELDS[place](ours)
    response = client.post(url, resource_form_data(ours, action="action-publish", **overrides))
    body = response.content.decode()
    assert response.status_code == 200, place
    assert "looks like it contains personal data" in body, place
    assert (
        not ResourcePage.objects.get(pk=ours.pk).has_unpublished_changes
        or not ours.revisions.filter(approved_go_live_at__isnull=True, content__live=True).exists()
    )
    assert ResourcePage.objects.get(pk=ours.pk).live_revision_id == ours.live_revision_id
    assert NHS not in body.split("looks like it contains personal data", 1)[1].split("</", 1)[0]


def test_a_file_name_holding_personal_data_is_shown_masked(ours):
    document = _document(filename="oliver-sample-nhs-9990126704.txt")
    ours.attachments.create(document=document)
    locations = [f.location for f in scan_page(ours) if f.blocks]
    assert any("(file name)" in location for location in locations)
    assert not any("9990126704" in location or "oliver" in location.lower() for location in locations)


def test_clean_fields_publish(client, ours):
    client.force_login(coordinator())
    data = resource_form_data(
        ours,
        action="action-publish",
        seo_title="Chronology guide | Camden",
        search_description="How to build a chronology for a strategy meeting.",
        version="2.1",
        source_id="cam-014",
        contact_email="quality@camden.gov.uk",
        body=streamfield([("table", _table("Timescales in Working Together 2023"))]),
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[ours.pk]), data)
    assert ResourcePage.objects.get(pk=ours.pk).seo_title == "Chronology guide | Camden"


@pytest.mark.parametrize("name", ["cases.xlsx", "deck.pptx", "notes.odt"])
def test_an_office_file_uploaded_in_the_admin_is_read_and_blocks_publishing(
    client, ours, name, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.resources.office_files import child_data_files

    user = coordinator()
    client.force_login(user)
    user.is_superuser = True  # documents are added through Wagtail's own form, which needs its permission
    user.save()
    upload = SimpleUploadedFile(name, child_data_files()[name], content_type="application/octet-stream")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtaildocs:add"), {"title": "Synthetic", "collection": 1, "file": upload})
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Synthetic")
    assert "999" in document.extracted_text or "9990126704" in document.extracted_text
    data = resource_form_data(ours, action="action-publish", attachments=inline_formset([{"document": document.pk}]))
    body = client.post(reverse("wagtailadmin_pages:edit", args=[ours.pk]), data).content.decode()
    assert "looks like it contains personal data" in body
    assert ResourcePage.objects.get(pk=ours.pk).live_revision_id == ours.live_revision_id
