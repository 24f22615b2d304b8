"""Cross-borough documents: who may download a document, see it listed in the admin, or attach it.

A lead reads documents of live pages they may read and their own publisher's; coordinators read all.
Every route that hands out a document's file or link is checked, not only the download.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, inline_formset, lead_of, member, resource_form_data

pytestmark = pytest.mark.django_db

SECRET = b"Synthetic draft attachment text"


def _document(publisher, title: str, body: bytes = SECRET):
    document = get_document_model().objects.create(title=title, collection=publisher.access.collection)
    document.file.save("synthetic-draft.txt", ContentFile(body))
    return document


@pytest.fixture
def hackney_draft_document(hackney):
    """Hackney's unpublished draft, with an attachment in Hackney's collection."""
    document = _document(hackney, "Synthetic Hackney draft attachment")
    page = ResourcePageFactory(parent=hackney, title="Synthetic Hackney draft", live=False)
    page.attachments.create(document=document)
    page.save_revision()
    return document


@pytest.fixture
def hackney_unattached_document(hackney):
    """Uploaded to Hackney's collection, not yet attached to anything."""
    return _document(hackney, "Synthetic Hackney loose upload")


@pytest.fixture
def hackney_live_document(hackney):
    document = _document(hackney, "Synthetic Hackney public attachment", b"Synthetic public text")
    page = ResourcePageFactory(parent=hackney, title="Synthetic Hackney public resource")
    page.attachments.create(document=document)
    page.save_revision().publish()
    return document


@pytest.fixture
def camden_lead(camden):
    return lead_of("Camden", "synthetic-camden-lead")


@pytest.mark.parametrize("fixture", ["hackney_draft_document", "hackney_unattached_document"])
def test_a_lead_cannot_download_another_publishers_unpublished_document(client, request, camden_lead, fixture):
    document = request.getfixturevalue(fixture)
    client.force_login(camden_lead)
    response = client.get(document.url)
    assert response.status_code == 404
    assert SECRET not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_lead_reads_their_own_publishers_drafts_and_live_public_documents(
    client, hackney_draft_document, hackney_live_document
):
    client.force_login(lead_of("Hackney", "synthetic-hackney-lead"))
    assert client.get(hackney_draft_document.url).status_code == 200
    client.force_login(lead_of("Camden", "synthetic-camden-lead"))
    assert client.get(hackney_live_document.url).status_code == 200


def test_coordinators_read_every_document(client, hackney_draft_document, hackney_unattached_document):
    client.force_login(coordinator("synthetic-coordinator"))
    assert client.get(hackney_draft_document.url).status_code == 200
    assert client.get(hackney_unattached_document.url).status_code == 200


def test_a_member_without_admin_reads_only_live_documents(client, hackney_draft_document, hackney_live_document):
    client.force_login(member("synthetic-member"))
    assert client.get(hackney_draft_document.url).status_code == 404
    assert client.get(hackney_live_document.url).status_code == 200


ADMIN_DOCUMENT_ROUTES = [
    "/admin/documents/",
    "/admin/documents/results/",
    "/admin/documents/?q=Synthetic",
    "/admin/documents/chooser/",
    "/admin/documents/chooser/results/",
    "/admin/documents/chooser/results/?q=Synthetic",
    "/admin/api/main/pages/?fields=*",
    "/admin/reports/aging-pages/",
    "/admin/pages/search/?q=Synthetic",
]


@pytest.mark.parametrize("url", ADMIN_DOCUMENT_ROUTES)
def test_admin_listings_do_not_show_another_publishers_unpublished_documents(
    client, camden_lead, hackney_draft_document, hackney_unattached_document, url
):
    client.force_login(camden_lead)
    response = client.get(url)
    assert response.status_code in (200, 302, 403, 404), url
    html = response.content.decode()
    for document in (hackney_draft_document, hackney_unattached_document):
        assert document.title not in html, url
        assert document.url not in html, url


@pytest.mark.parametrize(
    "route", ["/admin/documents/edit/{}/", "/admin/documents/usage/{}/", "/admin/documents/chooser/{}/"]
)
def test_admin_document_views_refuse_another_publishers_document(client, camden_lead, hackney_draft_document, route):
    client.force_login(camden_lead)
    response = client.get(route.format(hackney_draft_document.pk))
    assert response.status_code in (302, 403, 404)
    assert hackney_draft_document.url not in response.content.decode()


def attached(page) -> list[int]:
    page.refresh_from_db()
    return [a.document_id for a in page.get_latest_revision_as_object().attachments.all()]


def test_the_attachment_field_refuses_another_publishers_unpublished_document(
    client, camden, camden_lead, hackney_draft_document, hackney_live_document
):
    page = ResourcePageFactory(parent=camden, title="Synthetic Camden draft", live=False)
    page.save_revision()
    client.force_login(camden_lead)
    edit = f"/admin/pages/{page.pk}/edit/"
    data = resource_form_data(page, attachments=inline_formset([{"document": hackney_draft_document.pk}]))
    response = client.post(edit, data)
    assert response.status_code == 200  # the form again, with the error
    assert "not yours to attach" in response.content.decode()
    assert hackney_draft_document.pk not in attached(page)
    # A live public document of another publisher may be attached (it is readable anyway).
    data = resource_form_data(page, attachments=inline_formset([{"document": hackney_live_document.pk}]))
    assert client.post(edit, data).status_code == 302
    assert attached(page) == [hackney_live_document.pk]
