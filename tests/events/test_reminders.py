"""send_event_reminders: two days before, once per confirmed booking, safe to run again."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events.enums import BookingStatus
from events.services.reminders import send_due_reminders
from tests.factories import BookingFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def starting_in(hours: float, **kwargs):
    return EventPageFactory(start=timezone.now() + datetime.timedelta(hours=hours), **kwargs)


def test_reminds_confirmed_bookings_for_events_within_two_days_once(django_capture_on_commit_callbacks):
    soon = starting_in(40, event_format="online", venue_name="", joining_details="https://meet.example.org/r")
    later = starting_in(24 * 5)
    confirmed = BookingFactory(event=soon, email="yes@example.org")
    BookingFactory(event=soon, email="waiting@example.org", status=BookingStatus.WAITLISTED)
    BookingFactory(event=soon, email="cancelled@example.org", status=BookingStatus.CANCELLED)
    BookingFactory(event=later, email="later@example.org")
    BookingFactory(event=starting_in(20, cancelled_at=timezone.now()), email="event-cancelled@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders() == 1
    [email] = mail.outbox
    assert email.to == ["yes@example.org"] and email.subject.startswith("Reminder")
    assert "https://meet.example.org/r" in email.body
    confirmed.refresh_from_db()
    assert confirmed.reminder_sent_at is not None
    assert send_due_reminders() == 0


def test_the_command_is_safe_to_run_repeatedly():
    BookingFactory(event=starting_in(30))
    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    call_command("send_event_reminders", stdout=out)
    assert out.getvalue().splitlines() == ["Queued 1 reminder(s).", "Queued 0 reminder(s)."]


def test_a_promoted_booking_close_to_the_day_is_still_reminded():
    event = starting_in(10)
    BookingFactory(event=event, status=BookingStatus.WAITLISTED)
    assert send_due_reminders() == 0
    event.bookings.update(status=BookingStatus.CONFIRMED)
    assert send_due_reminders() == 1
