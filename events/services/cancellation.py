"""Cancelling an event: the page stays, marked cancelled; everyone booked is told."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from events.enums import BookingStatus
from events.models import Booking, EventPage
from events.services import emails


class CannotCancel(Exception):
    """The event cannot be cancelled (already cancelled or already held); the message says why."""


def cancel_event(event: EventPage, *, user: Any = None, reason: str = "") -> int:
    """Mark the event cancelled, publish that, cancel its bookings and email each person booked.

    Returns how many people were emailed. The published page keeps its address and shows a
    "Cancelled" notice; the calendar feeds then carry STATUS:CANCELLED with a higher SEQUENCE.
    """
    with transaction.atomic():
        locked = EventPage.objects.select_for_update().get(pk=event.pk)
        if locked.is_cancelled:
            raise CannotCancel("This event is already cancelled.")
        if locked.is_past():
            raise CannotCancel("This event has already taken place, so it cannot be cancelled.")
        # Work on the latest revision so a coordinator's unpublished edits are not lost or published.
        page = locked.get_latest_revision_as_object()
        page.cancelled_at = timezone.now()
        page.cancellation_reason = reason.strip()
        revision = page.save_revision(user=user, log_action=True)
        revision.publish(user=user)
        page = EventPage.objects.get(pk=event.pk)
        bookings = list(Booking.objects.filter(event=page).active())
        for booking in bookings:
            booking.status = BookingStatus.CANCELLED
            booking.cancelled_at = page.cancelled_at
            booking.save(update_fields=["status", "cancelled_at"])
            booking.event = page
            emails.send_event_cancelled(booking)
        return len(bookings)
