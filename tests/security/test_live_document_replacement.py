"""Found from outside: replacing the file (or title) of a document on a published page went live at
once, unchecked. Now the new file and title are read by the guard before the document is saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resources.models import ResourceAttachment
from tests.factories import DocumentFactory, ResourcePageFactory
from tests.resources.admin_helpers import lead_of

pytestmark = pytest.mark.django_db

# Synthetic: an NHS number in the test range and an invented date of birth.
IDENTIFYING = b"Child NHS number 999 000 0018, born 14/03/2017."


@pytest.fixture
def live_document(camden):
    document = DocumentFactory(title="Core group agenda", collection=camden.access.collection)
    ResourceAttachment.objects.create(
        page=ResourcePageFactory(parent=camden, title="Core group guide"), document=document
    )
    return document


def edit(client, document, **fields):
    data = {"title": document.title, "tags": "", **fields}
    return client.post(reverse("wagtaildocs:edit", args=[document.pk]), data)


def test_a_new_file_naming_a_child_is_refused_on_a_live_page(client, live_document):
    client.force_login(lead_of("Camden"))
    before = live_document.file.name
    response = edit(client, live_document, file=SimpleUploadedFile("agenda.txt", IDENTIFYING))
    assert response.status_code == 200
    html = response.content.decode()
    assert "is on a published page" in html and "NHS number" in html
    live_document.refresh_from_db()
    assert live_document.file.name == before


def test_a_title_naming_a_child_is_refused_on_a_live_page(client, live_document):
    client.force_login(lead_of("Camden"))
    response = edit(client, live_document, title="Agenda: born 14/03/2017, NHS 999 000 0018")
    assert "is on a published page" in response.content.decode()
    live_document.refresh_from_db()
    assert live_document.title == "Core group agenda"


def test_a_clean_replacement_is_saved(client, live_document):
    client.force_login(lead_of("Camden"))
    response = edit(client, live_document, file=SimpleUploadedFile("agenda-v2.txt", b"Agenda: apologies, actions."))
    assert response.status_code == 302
    live_document.refresh_from_db()
    assert "agenda-v2" in live_document.file.name


def test_a_drafts_document_is_left_to_the_drafts_own_check(client, camden):
    document = DocumentFactory(title="Draft agenda", collection=camden.access.collection)
    ResourceAttachment.objects.create(page=ResourcePageFactory(parent=camden, live=False), document=document)
    client.force_login(lead_of("Camden"))
    response = edit(client, document, file=SimpleUploadedFile("draft.txt", IDENTIFYING))
    assert response.status_code == 302  # refused later, when the draft is published or submitted
