"""Reminder emails two days before an event, once per booking (`manage.py send_event_reminders`)."""

import datetime

from django.db import transaction
from django.utils import timezone

from events.models import Booking
from events.services import emails


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Queue a reminder for every confirmed booking whose event starts within two days and was not yet reminded.

    Each booking is marked in the same transaction as its email is queued, so running this
    again (or twice at once, on PostgreSQL) never reminds anyone twice. Returns the number queued.
    """
    now = now or timezone.now()
    sent = 0
    with transaction.atomic():
        due = Booking.objects.due_reminder(now).select_for_update(skip_locked=True).select_related("event")
        for booking in due:
            booking.reminder_sent_at = now
            booking.save(update_fields=["reminder_sent_at"])
            emails.send_reminder(booking)
            sent += 1
    return sent
