"""IDOR: a booking's private link opens only that booking; private documents and members-only pages stay
private to signed-in users who are not entitled to them (anonymous visitors: tests/resources/test_members_only.py).
"""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from events.enums import BookingStatus
from events.services.tokens import booking_token
from resources.services.visibility import set_members_only
from tests.factories import BookingFactory, ResourcePageFactory
from tests.resources.admin_helpers import lead_of, make_user, member

pytestmark = pytest.mark.django_db


def page_for(token: str) -> str:
    return f"/events/booking/{token}/"


class TestBookingTokens:
    def test_a_token_opens_only_its_own_booking(self, client):
        mine, theirs = BookingFactory(name="Synthetic mine"), BookingFactory(name="Synthetic theirs")
        html = client.get(page_for(booking_token(mine))).content.decode()
        assert "Synthetic mine" in html and "Synthetic theirs" not in html
        assert theirs.email not in html

    @pytest.mark.parametrize(
        "tamper",
        [
            lambda mine, theirs: booking_token(mine)[:-1] + ("0" if booking_token(mine)[-1] != "0" else "1"),
            lambda mine, theirs: theirs.reference.hex + "-" + booking_token(mine).partition("-")[2],
            lambda mine, theirs: theirs.reference.hex,
            lambda mine, theirs: theirs.reference.hex + "-",
            lambda mine, theirs: str(theirs.pk),
            lambda mine, theirs: booking_token(mine).upper(),
        ],
        ids=["flipped signature", "their reference my signature", "bare reference", "empty signature", "id", "case"],
    )
    def test_a_guessed_or_edited_token_finds_nothing_and_cancels_nothing(self, client, tamper):
        mine, theirs = BookingFactory(), BookingFactory(name="Synthetic theirs")
        token = tamper(mine, theirs)
        response = client.get(page_for(token))
        assert response.status_code == 404
        assert "Synthetic theirs" not in response.content.decode()
        client.post(page_for(token), {"confirm": "on"})
        theirs.refresh_from_db()
        assert theirs.status == BookingStatus.CONFIRMED


@pytest.fixture
def private_document(camden):
    """A document in Camden's collection, restricted to Camden's leads, attached to a live resource."""
    access = camden.access
    document = get_document_model().objects.create(title="Camden internal checklist", collection=access.collection)
    document.file.save("checklist.txt", ContentFile(b"Synthetic internal checklist."))
    restriction = CollectionViewRestriction.objects.create(
        collection=access.collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([access.leads_group])
    page = ResourcePageFactory(parent=camden, title="Camden checklist page")
    page.attachments.create(document=document)
    page.save_revision().publish()
    return document


def test_a_document_in_another_boroughs_private_collection(client, private_document):
    client.force_login(lead_of("Hackney", "synthetic-hackney-lead"))
    response = client.get(private_document.url)
    assert response.status_code in (302, 403, 404)
    assert b"Synthetic internal checklist" not in response.content
    client.force_login(lead_of("Camden", "synthetic-camden-lead"))
    assert client.get(private_document.url).status_code == 200


@pytest.fixture
def members_only(camden):
    document = get_document_model().objects.create(title="Members briefing slides")
    document.file.save("briefing.txt", ContentFile(b"Synthetic slides for members."))
    page = ResourcePageFactory(parent=camden, title="Synthetic members briefing")
    page.attachments.create(document=document)
    page.save_revision().publish()
    set_members_only(page, True)
    return page, document


@pytest.mark.parametrize("who", ["signed-in non-member", "member of an unrelated group"])
def test_members_only_pages_and_their_documents_refuse_non_members(client, members_only, who):
    page, document = members_only
    user = make_user("synthetic-outsider")
    if who != "signed-in non-member":
        user.groups.add(Group.objects.create(name="Unrelated group"))
    client.force_login(user)
    response = client.get(page.url)
    assert response.status_code in (302, 403, 404)
    assert b"Synthetic members briefing" not in response.content
    served = client.get(document.url)
    assert served.status_code in (302, 403, 404) and b"Synthetic slides" not in served.content
    for url in ("/search/?q=briefing", "/search/?q=briefing&format=json", "/resources/", page.get_parent().url):
        assert "Synthetic members briefing" not in client.get(url).content.decode(), url
    client.force_login(member("synthetic-member"))
    assert client.get(page.url).status_code == 200
    assert client.get(document.url).status_code == 200
