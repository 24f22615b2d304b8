"""Booking through the public form: places, the waiting list, duplicates, closed events, bad input."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from events.enums import BookingStatus
from events.models import Booking
from events.services.bookings import BookingDetails, book_place, cancel_booking, waiting_position
from events.services.tokens import booking_token, booking_url
from notifications.models import OutboundEmail
from tests.events.conftest import form_data
from tests.factories import BookingFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def book_url(event) -> str:
    return event.url + "book/"


def details(n: int) -> BookingDetails:
    return BookingDetails(f"Test attendee {n}", f"attendee-{n}@example.org", "Camden", "Social worker")


class TestBookingForm:
    def test_a_booking_is_confirmed_and_its_private_link_emailed(self, client, django_capture_on_commit_callbacks):
        event = EventPageFactory(capacity=2)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(book_url(event), form_data())
        booking = Booking.objects.get()
        assert booking.status == BookingStatus.CONFIRMED
        assert response.status_code == 302
        assert response["Location"] == event.url + "?booking=sent"
        assert "Check your email" in client.get(response["Location"]).content.decode()
        page = client.get(booking_url(booking) + "?new=1")
        assert "Booking confirmed" in page.content.decode()
        assert page["Cache-Control"] == "private, no-store"
        [email] = mail.outbox
        assert email.to == ["attendee@example.org"]
        assert booking_token(booking) in email.body
        [(filename, content, mimetype)] = email.attachments
        # Named after the event, as the "Add to calendar" download is.
        assert filename == f"{event.slug}.ics" and mimetype == "text/calendar"
        assert "BEGIN:VEVENT" in content
        # A short reference to quote, and who to ask about access needs: the event's organiser.
        assert f"Your booking reference: {booking.short_reference}" in email.body
        assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}", booking.short_reference)
        host = event.host
        if host.contact_email:
            assert host.contact_email in email.body

    def test_when_full_further_bookings_join_the_waiting_list_in_order(self, client):
        event = EventPageFactory(capacity=1)
        for n in range(3):
            client.post(book_url(event), form_data(email=f"a{n}@example.org"))
        statuses = list(Booking.objects.order_by("pk").values_list("status", flat=True))
        assert statuses == [BookingStatus.CONFIRMED, BookingStatus.WAITLISTED, BookingStatus.WAITLISTED]
        first, second = Booking.objects.waiting()
        assert (waiting_position(first), waiting_position(second)) == (1, 2)
        response = client.get(event.url)
        assert "This event is full" in response.content.decode()
        assert "Join the waiting list" in response.content.decode()

    def test_the_waiting_list_email_says_what_happens_next_and_until_when(
        self, client, django_capture_on_commit_callbacks
    ):
        event = EventPageFactory(capacity=0)
        event.host.contact_email = "events@organiser.example"
        event.host.save()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(book_url(event), form_data())
        [email] = mail.outbox
        assert email.subject.startswith("You are on the waiting list")
        closes = timezone.localtime(event.registration_closes, ZoneInfo("Europe/London"))
        assert f"if a place comes free before {closes:%A} {closes.day} {closes:%B %Y, %H:%M}" in email.body
        assert "you will not have a place and need do nothing" in email.body
        assert "Access needs or questions:" in email.body and "events@organiser.example" in email.body
        assert not email.attachments  # no calendar entry for a place not yet held

    def test_no_capacity_means_no_limit(self):
        event = EventPageFactory(capacity=None)
        outcomes = [book_place(event, details(n)) for n in range(15)]
        assert {o.booking.status for o in outcomes} == {BookingStatus.CONFIRMED}

    def test_the_same_email_cannot_book_twice_and_the_answer_does_not_say_so(
        self, client, django_capture_on_commit_callbacks
    ):
        event = EventPageFactory()
        first = client.post(book_url(event), form_data())
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(book_url(event), form_data(email=" Attendee@Example.org ", name="Someone else"))
        assert (response.status_code, response["Location"]) == (first.status_code, first["Location"])
        assert Booking.objects.count() == 1
        # The link goes to the address's owner, never to whoever typed it.
        [email] = mail.outbox
        assert email.to == ["attendee@example.org"]
        assert booking_token(Booking.objects.get()) in email.body
        assert booking_token(Booking.objects.get()) not in response.content.decode()

    def test_a_cancelled_booking_does_not_block_booking_again(self):
        event = EventPageFactory()
        first = book_place(event, details(1)).booking
        cancel_booking(first)
        again = book_place(event, details(1))
        assert again.created and again.booking.pk != first.pk

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("name", "", "Enter your name."),
            ("name", "x" * 101, "Name must be 100 characters or fewer."),
            ("name", "Test\r\nBcc: victim@example.org", "Remove line breaks"),
            ("email", "not-an-email", "Enter an email address in the correct format"),
            ("email", "a@example.org\nBcc: b@example.org", "Enter"),
            ("email", "a@example.org,b@example.org", "Enter"),
            ("organisation", "", "Enter your borough or organisation."),
            ("role", "r" * 101, "Role must be 100 characters or fewer."),
            ("access_needs", "n" * 501, "500 characters or fewer"),
        ],
    )
    def test_bad_input_is_explained_and_writes_nothing(self, client, field, value, message):
        event = EventPageFactory()
        response = client.post(book_url(event), form_data(**{field: value}))
        html = response.content.decode()
        assert response.status_code == 400
        assert "There is a problem" in html
        assert f'href="#id_{field}"' in html  # the summary links to the field
        assert message in html
        assert f'aria-describedby="id_{field}-error"' in html or f"id_{field}-hint id_{field}-error" in html
        assert 'aria-invalid="true"' in html
        assert Booking.objects.count() == 0
        assert OutboundEmail.objects.count() == 0

    def test_get_on_the_booking_address_goes_back_to_the_event(self, client):
        event = EventPageFactory()
        response = client.get(book_url(event))
        assert response.status_code == 302 and response["Location"] == event.url


class TestClosedEvents:
    def assert_refused(self, client, event, message: str) -> None:
        response = client.post(book_url(event), form_data())
        assert response.status_code == 409
        assert message in response.content.decode()
        assert Booking.objects.count() == 0
        assert OutboundEmail.objects.count() == 0

    def test_past_event(self, client):
        start = timezone.now() - datetime.timedelta(days=3)
        self.assert_refused(client, EventPageFactory(start=start), "already taken place")

    def test_started_event(self, client):
        start = timezone.now() - datetime.timedelta(minutes=30)
        self.assert_refused(client, EventPageFactory(start=start), "Registration closed when the event started")

    def test_registration_closed(self, client):
        event = EventPageFactory(registration_closes_at=timezone.now() - datetime.timedelta(hours=1))
        self.assert_refused(client, event, "Registration for this event has closed")

    def test_cancelled_event(self, client):
        event = EventPageFactory(cancelled_at=timezone.now())
        self.assert_refused(client, event, "has been cancelled")

    def test_unpublished_event_is_not_found(self, client):
        event = EventPageFactory()
        event.unpublish()
        response = client.post(book_url(event), form_data())
        assert response.status_code == 404
        assert Booking.objects.count() == 0

    def test_unknown_event_is_not_found(self, client, events_index):
        response = client.post(events_index.url + "no-such-event/book/", form_data())
        assert response.status_code == 404

    def test_page_says_when_registration_closes(self, client):
        closes = timezone.now() + datetime.timedelta(days=2)
        event = EventPageFactory(registration_closes_at=closes)
        assert "Registration closes at" in client.get(event.url).content.decode()
        other = EventPageFactory()
        assert "Registration closes when the event starts" in client.get(other.url).content.decode()


class TestWaitingList:
    def test_cancelling_a_place_promotes_the_first_person_waiting_and_emails_them(
        self, django_capture_on_commit_callbacks
    ):
        event = EventPageFactory(capacity=1)
        holder = book_place(event, details(1)).booking
        first_waiting = book_place(event, details(2)).booking
        second_waiting = book_place(event, details(3)).booking
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            promoted = cancel_booking(holder)
        assert promoted == first_waiting
        first_waiting.refresh_from_db()
        second_waiting.refresh_from_db()
        assert first_waiting.status == BookingStatus.CONFIRMED and first_waiting.promoted_at
        assert second_waiting.status == BookingStatus.WAITLISTED
        subjects = {m.to[0]: m.subject for m in mail.outbox}
        assert subjects["attendee-2@example.org"].startswith("A place is now yours")
        assert subjects["attendee-1@example.org"].startswith("Booking cancelled")
        assert "attendee-3@example.org" not in subjects

    def test_cancelling_a_waiting_booking_promotes_nobody(self):
        event = EventPageFactory(capacity=1)
        book_place(event, details(1))
        waiting = book_place(event, details(2)).booking
        behind = book_place(event, details(3)).booking
        assert cancel_booking(waiting) is None
        behind.refresh_from_db()
        assert behind.status == BookingStatus.WAITLISTED
        assert waiting_position(behind) == 1

    def test_cancelling_twice_changes_nothing(self):
        booking = BookingFactory()
        cancel_booking(booking)
        assert cancel_booking(booking) is None
        assert OutboundEmail.objects.filter(category="events.cancelled").count() == 1


class TestBookingLinks:
    def test_the_booking_page_cancels_with_confirmation(self, client):
        event = EventPageFactory(capacity=1)
        booking = book_place(event, details(1)).booking
        waiting = book_place(event, details(2)).booking
        url = booking_url(booking)
        refused = client.post(url, {})
        assert refused.status_code == 400 and "Tick the box" in refused.content.decode()
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CONFIRMED
        response = client.post(url, {"confirm": "on"})
        assert response.status_code == 302
        booking.refresh_from_db()
        waiting.refresh_from_db()
        assert booking.status == BookingStatus.CANCELLED
        assert waiting.status == BookingStatus.CONFIRMED

    def test_a_token_opens_only_its_own_booking(self, client):
        mine, theirs = BookingFactory(name="Test attendee mine"), BookingFactory(name="Test attendee theirs")
        page = client.get(booking_url(mine)).content.decode()
        assert "Test attendee mine" in page and "Test attendee theirs" not in page
        # Swapping in the other booking's reference with my signature fails.
        _mine_ref, my_sig = booking_token(mine).split("-", 1)
        forged = f"{theirs.reference.hex}-{my_sig}"
        response = client.post(f"/events/booking/{forged}/", {"confirm": "on"})
        assert response.status_code == 404
        theirs.refresh_from_db()
        assert theirs.status == BookingStatus.CONFIRMED

    @pytest.mark.parametrize("token", ["x", "0" * 32 + "-abc", "not-a-token", "A" * 300])
    def test_bad_tokens_are_not_found(self, client, token):
        response = client.get(f"/events/booking/{token}/")
        assert response.status_code == 404
        assert "Booking not found" in response.content.decode()

    def test_joining_details_only_on_the_booking_page_and_emails(self, client, django_capture_on_commit_callbacks):
        secret = "https://meet.example.org/secret-room-123"
        event = EventPageFactory(event_format="online", venue_name="", joining_details=secret)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(book_url(event), form_data())
        booking = Booking.objects.get()
        assert secret in client.get(booking_url(booking)).content.decode()
        assert secret in mail.outbox[0].body
        for public in (event.url, "/events/", "/events/feed/", "/events/calendar.ics", event.url + "calendar/", "/"):
            assert secret not in client.get(public).content.decode(), public
        assert secret not in mail.outbox[0].attachments[0][1]

    def test_waiting_list_booking_page_hides_joining_details(self, client):
        secret = "https://meet.example.org/secret-room-456"
        event = EventPageFactory(event_format="online", venue_name="", joining_details=secret, capacity=0)
        booking = book_place(event, details(1)).booking
        assert booking.status == BookingStatus.WAITLISTED
        assert secret not in client.get(booking_url(booking)).content.decode()


class TestRateLimit:
    def test_too_many_bookings_from_one_address_get_429_with_retry_after(self, client):
        event = EventPageFactory()
        for _ in range(5):
            client.post(book_url(event), form_data(name=""))
        response = client.post(book_url(event), form_data())
        assert response.status_code == 429
        assert int(response["Retry-After"]) > 0
        assert "Too many attempts" in response.content.decode()
        assert Booking.objects.count() == 0

    def test_other_addresses_are_not_held_up(self, client):
        event = EventPageFactory()
        for _ in range(6):
            client.post(book_url(event), form_data(name=""))
        response = client.post(book_url(event), form_data(email="someone-else@example.org"))
        assert response.status_code == 302


def test_raising_the_capacity_promotes_people_waiting_in_order(django_capture_on_commit_callbacks):
    event = EventPageFactory(capacity=1)
    for n in range(4):
        book_place(event, details(n))
    mail.outbox.clear()
    event.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    statuses = list(Booking.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == [BookingStatus.CONFIRMED] * 3 + [BookingStatus.WAITLISTED]
    assert sorted(m.to[0] for m in mail.outbox) == ["attendee-1@example.org", "attendee-2@example.org"]
