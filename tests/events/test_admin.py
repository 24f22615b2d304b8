"""Coordinators' screens: bookings per event, CSV, attendance, cancelling, past events missing notes."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from events.enums import BookingStatus
from events.models import Booking, EventNotes, EventPage
from resources.enums import ResourceType
from tests.factories import BookingFactory, EventPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    client.force_login(get_user_model().objects.create_superuser("coordinator", "c@example.org", "x"))
    return client


def past_event(**kwargs) -> EventPage:
    return EventPageFactory(start=timezone.now() - datetime.timedelta(days=2), **kwargs)


class TestBookingsScreen:
    def test_lists_places_then_waiting_then_cancelled(self, coordinator):
        event = EventPageFactory(capacity=1)
        BookingFactory(event=event, name="Test cancelled", status=BookingStatus.CANCELLED)
        BookingFactory(event=event, name="Test waiting", status=BookingStatus.WAITLISTED)
        BookingFactory(event=event, name="Test confirmed")
        response = coordinator.get(reverse("events_admin:bookings", args=[event.pk]))
        html = response.content.decode()
        assert response.status_code == 200
        assert html.index("Test confirmed") < html.index("Test waiting") < html.index("Test cancelled")
        assert "Attendance can be marked once the event starts" in html

    def test_the_event_page_has_bookings_and_cancel_buttons(self, coordinator):
        event = EventPageFactory()
        html = coordinator.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
        assert reverse("events_admin:bookings", args=[event.pk]) in html
        assert reverse("events_admin:cancel", args=[event.pk]) in html

    def test_attendance_is_marked_after_the_event(self, coordinator):
        event = past_event()
        came, missed = BookingFactory(event=event), BookingFactory(event=event)
        url = reverse("events_admin:bookings", args=[event.pk])
        response = coordinator.post(url, {f"attended-{came.pk}": "yes", f"attended-{missed.pk}": "no"})
        assert response.status_code == 302
        came.refresh_from_db()
        missed.refresh_from_db()
        assert (came.attended, missed.attended) == (True, False)
        coordinator.post(url, {f"attended-{came.pk}": "nonsense"})
        came.refresh_from_db()
        assert came.attended is True

    def test_attendance_cannot_be_marked_before_the_event(self, coordinator):
        event = EventPageFactory()
        booking = BookingFactory(event=event)
        coordinator.post(reverse("events_admin:bookings", args=[event.pk]), {f"attended-{booking.pk}": "yes"})
        booking.refresh_from_db()
        assert booking.attended is None

    def test_csv_is_excel_friendly_and_neutralises_formulas(self, coordinator):
        event = EventPageFactory()
        BookingFactory(event=event, name='=HYPERLINK("http://evil.example")', organisation="Zoë's team", role="+SUM(1)")
        BookingFactory(event=event, name="Test two", role="-1", access_needs="@cmd", status=BookingStatus.WAITLISTED)
        response = coordinator.get(reverse("events_admin:bookings_csv", args=[event.pk]))
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert "attachment" in response["Content-Disposition"]
        raw = response.content
        assert raw.startswith("\ufeff".encode())
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0][0] == "Name"
        assert rows[1][0] == '\'=HYPERLINK("http://evil.example")'
        assert rows[1][2] == "Zoë's team"
        assert rows[1][3] == "'+SUM(1)"
        assert rows[2][3] == "'-1" and rows[2][4] == "'@cmd"
        assert rows[2][5] == "On the waiting list"

    def test_someone_who_cannot_edit_the_event_cannot_see_its_bookings(self, client):
        event = EventPageFactory()
        BookingFactory(event=event, name="Test private")
        user = get_user_model().objects.create_user("reader", "r@example.org", "x")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        for name in ("events_admin:bookings", "events_admin:bookings_csv", "events_admin:cancel"):
            response = client.get(reverse(name, args=[event.pk]))
            assert response.status_code in (302, 403), name
            assert b"Test private" not in response.content

    def test_an_editor_who_may_not_publish_sees_bookings_but_cannot_cancel(self, client, events_index):
        event = EventPageFactory()
        group = Group.objects.create(name="Test editors")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        GroupPagePermission.objects.create(
            group=group, page=events_index, permission=Permission.objects.get(codename="change_page")
        )
        user = get_user_model().objects.create_user("editor", "e@example.org", "x")
        user.groups.add(group)
        client.force_login(user)
        assert client.get(reverse("events_admin:bookings", args=[event.pk])).status_code == 200
        assert client.post(reverse("events_admin:cancel", args=[event.pk])).status_code in (302, 403)
        event.refresh_from_db()
        assert not event.is_cancelled


class TestCancelling:
    def test_cancelling_emails_everyone_booked_and_keeps_the_page(
        self, coordinator, client, django_capture_on_commit_callbacks
    ):
        event = EventPageFactory(capacity=1)
        BookingFactory(event=event, email="one@example.org")
        BookingFactory(event=event, email="two@example.org", status=BookingStatus.WAITLISTED)
        BookingFactory(event=event, email="gone@example.org", status=BookingStatus.CANCELLED)
        with django_capture_on_commit_callbacks(execute=True):
            response = coordinator.post(reverse("events_admin:cancel", args=[event.pk]), {"reason": "Venue closed."})
        assert response.status_code == 302
        event = EventPage.objects.get(pk=event.pk)
        assert event.is_cancelled and event.live and event.cancellation_reason == "Venue closed."
        assert set(Booking.objects.values_list("status", flat=True)) == {BookingStatus.CANCELLED}
        assert sorted(m.to[0] for m in mail.outbox) == ["one@example.org", "two@example.org"]
        assert all(m.subject.startswith("Event cancelled") and "Venue closed." in m.body for m in mail.outbox)
        page = client.get(event.url)
        assert page.status_code == 200 and "This event has been cancelled" in page.content.decode()

    def test_cancelling_keeps_unpublished_edits_as_a_draft(self, coordinator):
        event = EventPageFactory(title="Original title")
        draft = EventPage.objects.get(pk=event.pk)
        draft.title = "Draft title"
        draft.save_revision()
        coordinator.post(reverse("events_admin:cancel", args=[event.pk]), {"reason": ""})
        assert EventPage.objects.get(pk=event.pk).is_cancelled

    def test_a_past_or_cancelled_event_cannot_be_cancelled(self, coordinator):
        event = past_event()
        response = coordinator.post(reverse("events_admin:cancel", args=[event.pk]), {"reason": ""}, follow=True)
        assert "already taken place" in response.content.decode()
        assert not EventPage.objects.get(pk=event.pk).is_cancelled


class TestMissingNotesReport:
    def test_lists_held_events_without_notes(self, coordinator):
        missing = past_event(title="Held without notes")
        with_notes = past_event(title="Held with notes")
        notes = ResourcePageFactory(resource_type=ResourceType.EVENT_NOTES)
        EventNotes.objects.create(page=with_notes, resource=notes)
        past_event(title="Cancelled before", cancelled_at=timezone.now() - datetime.timedelta(days=5))
        EventPageFactory(title="Still to come")
        assert list(EventPage.objects.missing_notes()) == [missing]
        html = coordinator.get(reverse("events_admin:missing_notes")).content.decode()
        assert "Held without notes" in html
        for other in ("Held with notes", "Cancelled before", "Still to come"):
            assert other not in html


class TestBookingsOnTheEventsOwnPage:
    def test_the_edit_page_shows_counts_latest_bookings_and_the_link(self, coordinator):
        event = EventPageFactory(capacity=1)
        BookingFactory(event=event, name="Test confirmed", organisation="Camden")
        BookingFactory(event=event, name="Test waiting", status=BookingStatus.WAITLISTED)
        BookingFactory(event=event, name="Test cancelled", status=BookingStatus.CANCELLED)
        html = coordinator.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
        assert "1 place taken of 1, 1 on the waiting list." in html
        assert "Test confirmed (Camden)" in html and "Test waiting" in html
        assert "Test cancelled" not in html
        assert reverse("events_admin:bookings", args=[event.pk]) in html

    def test_the_bookings_screen_links_back_to_the_event(self, coordinator):
        event = EventPageFactory()
        booking = BookingFactory(event=event)
        html = coordinator.get(reverse("events_admin:bookings", args=[event.pk])).content.decode()
        assert reverse("wagtailadmin_pages:edit", args=[event.pk]) in html
        assert booking.short_reference in html

    def test_a_new_event_says_where_bookings_will_appear(self, coordinator):
        index = EventPageFactory().get_parent()
        url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])
        assert "Bookings appear here once the event is saved" in coordinator.get(url).content.decode()
