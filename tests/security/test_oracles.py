"""Oracles: answers that would tell an outsider something by differing. Booking with an address that
already booked answers as a first booking does; a document's URL with the wrong file name answers
as the right one does for anyone who may not read it."""

from urllib.parse import quote

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from events.models import Booking
from events.services.tokens import booking_token
from tests.factories import EventPageFactory, ResourcePageFactory
from tests.resources.admin_helpers import lead_of, member

pytestmark = pytest.mark.django_db


def _booking(email: str) -> dict[str, str]:
    return {"name": "Synthetic attendee", "email": email, "organisation": "Synthetic", "role": "Practitioner"}


def test_booking_again_answers_like_a_first_booking_and_emails_the_existing_link(
    client, django_capture_on_commit_callbacks
):
    event = EventPageFactory(capacity=10)
    url = event.url + "book/"
    first = client.post(url, _booking("synthetic-first@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, _booking("synthetic-first@example.org"))
    other = client.post(url, _booking("synthetic-other@example.org"))
    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])
    assert (other.status_code, other["Location"]) == (first.status_code, first["Location"])
    assert again.content == first.content
    existing = Booking.objects.get(email="synthetic-first@example.org")
    assert mail.outbox[-1].to == ["synthetic-first@example.org"]
    assert booking_token(existing) in mail.outbox[-1].body


@pytest.fixture
def draft_document(hackney):
    document = get_document_model().objects.create(title="Synthetic draft file", collection=hackney.access.collection)
    document.file.save("synthetic-draft.txt", ContentFile(b"Synthetic draft content"))
    page = ResourcePageFactory(parent=hackney, title="Synthetic hidden draft", live=False)
    page.attachments.create(document=document)
    page.save_revision()
    return document


def _answer(client, document, filename: str) -> tuple[int, str]:
    """Status and where it redirects, with the asked-for path (echoed in ?next=) taken out."""
    path = f"/documents/{document.pk}/{filename}"
    response = client.get(path)
    location = response.get("Location", "").replace(quote(path, safe=""), "<path>").replace(path, "<path>")
    return response.status_code, location


@pytest.mark.parametrize("who", ["anonymous", "another publisher's lead", "network member"])
def test_a_wrong_file_name_answers_like_the_right_one_when_not_permitted(client, draft_document, who):
    if who == "another publisher's lead":
        client.force_login(lead_of("Camden", "synthetic-camden-lead"))
    elif who == "network member":
        client.force_login(member("synthetic-member"))
    right = _answer(client, draft_document, draft_document.filename)
    assert right[0] in (302, 404)
    for wrong in ("not-the-name.txt", draft_document.filename + "x", "", "SYNTHETIC-DRAFT.TXT"):
        assert _answer(client, draft_document, wrong) == right, wrong


def test_a_permitted_reader_still_gets_the_file_and_a_wrong_name_is_not_found(client, draft_document):
    client.force_login(lead_of("Hackney", "synthetic-hackney-lead"))
    assert client.get(f"/documents/{draft_document.pk}/{draft_document.filename}").status_code == 200
    assert client.get(f"/documents/{draft_document.pk}/not-the-name.txt").status_code == 404
