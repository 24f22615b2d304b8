"""Demo events: enough variety to show every feature, no personal data, and loading twice changes nothing."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Revision

from demo.services.events import load_demo_events
from events.enums import BookingStatus, EventFormat
from events.models import Booking, EventNotes, EventPage
from tests.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    # The notes of three past events are demo resources; stand-ins with the same source ids.
    for borough_slug, source_id in (
        ("london-councils", "lc-004"),
        ("london-councils", "lc-005"),
        ("regional-safeguarding-advisers-office", "rsa-003"),
    ):
        from tests.factories import publisher

        ResourcePageFactory(parent=publisher(borough_slug), source_id=source_id, resource_type="event-notes")
    return load_demo_events()


def counts() -> dict[str, int]:
    return {
        "events": EventPage.objects.count(),
        "bookings": Booking.objects.count(),
        "notes": EventNotes.objects.count(),
        "revisions": Revision.objects.count(),
    }


def test_demo_has_every_kind_of_event(demo):
    now = timezone.now()
    events = EventPage.objects.live()
    assert events.count() >= 8
    past_with_notes = events.past(now).filter(session_notes__isnull=False).distinct()
    assert past_with_notes.count() >= 2
    upcoming = events.upcoming(now).not_cancelled().with_place_counts()
    assert any(e.capacity is None or e.confirmed_count < e.capacity for e in upcoming)
    assert any(e.capacity is not None and e.confirmed_count >= e.capacity and e.waiting_count for e in upcoming)
    assert events.upcoming(now).of_format(EventFormat.ONLINE).exists()
    assert events.filter(cancelled_at__isnull=False).exists()


def test_demo_dates_are_relative_to_today(db):
    load_demo_events(today=timezone.localdate() + datetime.timedelta(days=365))
    assert EventPage.objects.upcoming().count() >= 5


def test_loading_twice_changes_nothing(demo):
    before = counts()
    assert load_demo_events() == []
    assert counts() == before


def test_demo_attendees_are_obviously_synthetic(demo):
    for booking in Booking.objects.all():
        assert re.fullmatch(r"Demo attendee \d+", booking.name)
        assert booking.email.endswith("@example.org")
    assert Booking.objects.filter(status=BookingStatus.WAITLISTED).exists()


def test_demo_pages_render(demo, client):
    for event in EventPage.objects.live():
        assert client.get(event.url).status_code == 200
    assert client.get("/events/").status_code == 200
