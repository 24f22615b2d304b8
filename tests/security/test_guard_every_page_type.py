"""Found from outside: event, publisher and service pages published or submitted with a child's
details, unchecked; and a body document link that published another publisher's draft file.
Every page type's editor now reads its public text through the personal-data guard."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from events.models import EventPage
from home.models import ServicePage
from resources.models import BoroughPage, ResourceAttachment
from tests.events.test_admin_validation import add_url, event_form
from tests.factories import DocumentFactory, ResourcePageFactory
from tests.resources.admin_helpers import coordinator, lead_of, resource_form_data

pytestmark = pytest.mark.django_db

# Synthetic: an NHS number in the test range, an invented child, a drama-range mobile.
IDENTIFYING = {
    "nhs": "Case discussion: NHS 999 000 0018.",
    "dob": "Child born 14/03/2017, discussed at the meeting.",
    "mobile": "Mum's mobile 07700 900123 for the visit.",
}


@pytest.fixture
def events_index(db):
    from events.models import EventIndexPage

    return EventIndexPage.objects.get()


@pytest.mark.parametrize("field", ["joining_details", "accessibility_notes", "venue_name", "summary"])
@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_an_event_with_a_childs_details_is_neither_published_nor_submitted(client, events_index, field, action):
    client.force_login(coordinator())
    data = event_form(**{field: IDENTIFYING["nhs"], "slug": f"guarded-{field}"})
    data.pop("action-publish", None)
    data[action] = "1"
    response = client.post(add_url(events_index), data)
    assert response.status_code == 200
    assert "looks like it contains personal data" in response.content.decode()
    assert not EventPage.objects.filter(slug=f"guarded-{field}", live=True).exists()


def test_an_event_agenda_item_is_read_too(client, events_index):
    client.force_login(coordinator())
    agenda = streamfield([("agenda_item", {"time": "10:00", "item": IDENTIFYING["dob"], "speaker": ""})])
    response = client.post(add_url(events_index), event_form(agenda=agenda, slug="agenda-check"))
    assert "looks like it contains personal data" in response.content.decode()
    assert not EventPage.objects.filter(slug="agenda-check", live=True).exists()


def test_an_ordinary_event_still_publishes(client, events_index):
    client.force_login(coordinator())
    data = event_form(
        slug="ordinary", joining_details="Join from the link sent the day before; switchboard 020 7525 5000."
    )
    client.post(add_url(events_index), data)
    assert EventPage.objects.filter(slug="ordinary", live=True).exists()


def test_a_publishers_intro_is_guarded(client, camden):
    client.force_login(coordinator())
    url = reverse("wagtailadmin_pages:edit", args=[camden.pk])
    data = nested_form_data(
        {
            "title": camden.title,
            "slug": camden.slug,
            "gss_code": camden.gss_code,
            "kind": camden.kind,
            "intro": IDENTIFYING["mobile"],
            "contact_name": "",
            "contact_email": "",
            "action-publish": "1",
        }
    )
    response = client.post(url, data)
    assert "looks like it contains personal data" in response.content.decode()
    assert IDENTIFYING["mobile"] not in (BoroughPage.objects.get(pk=camden.pk).intro or "")
    # The same form without the number publishes: the refusal above is the guard's.
    data["intro"] = "Camden's safeguarding practice team; switchboard 020 7974 4444."
    client.post(url, data)
    assert BoroughPage.objects.get(pk=camden.pk).intro == data["intro"]


def test_a_service_pages_text_is_guarded(client):
    page = ServicePage.objects.first()
    client.force_login(coordinator())
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": IDENTIFYING["dob"],
            "body": rich_text(""),
            "action-publish": "1",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert "looks like it contains personal data" in response.content.decode()
    assert IDENTIFYING["dob"] not in ServicePage.objects.get(pk=page.pk).intro


def test_a_body_document_link_to_another_publishers_draft_file_is_refused(client, camden, hackney):
    theirs = DocumentFactory(title="Hackney draft plan")
    ResourceAttachment.objects.create(page=ResourcePageFactory(parent=hackney, live=False), document=theirs)
    ours = ResourcePageFactory(parent=camden)
    client.force_login(lead_of("Camden"))
    revisions_before = ours.revisions.count()
    body = streamfield([("document", {"document": theirs.pk, "description": "Linked"})])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[ours.pk]), resource_form_data(ours, body=body, action="action-submit")
    )
    assert "another publisher" in response.content.decode()
    assert ours.revisions.count() == revisions_before  # nothing saved, nothing submitted
