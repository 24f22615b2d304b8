"""Booking, cancelling and the waiting list.

Every change to an event's places happens with the event's row locked (SELECT … FOR
UPDATE), so two people booking the last place at the same moment are served one after
the other: one gets the place, the other the waiting list.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from events.enums import BookingStatus
from events.models import Booking, EventPage
from events.services import emails


class BookingClosed(Exception):
    """Booking is not possible for this event now; the message says why, for the person booking."""


@dataclass(frozen=True)
class BookingDetails:
    name: str
    email: str
    organisation: str
    role: str
    access_needs: str = ""


@dataclass(frozen=True)
class BookingOutcome:
    booking: Booking
    created: bool  # False: this address already had a booking, which is returned instead


def place_counts(event: EventPage) -> tuple[int, int]:
    """(confirmed places taken, people waiting) for one event, in one query."""
    counts = Booking.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=BookingStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=BookingStatus.WAITLISTED)),
    )
    return counts["confirmed"], counts["waiting"]


def _locked_event(event_id: int) -> EventPage:
    return EventPage.objects.select_for_update().get(pk=event_id)


def book_place(event: EventPage, details: BookingDetails) -> BookingOutcome:
    """Book a place (or a place on the waiting list) and queue the confirmation email.

    Raises BookingClosed when the event is unpublished, cancelled, started or closed to
    registration; nothing is written then. An address that already holds a booking gets
    that booking back (created=False) and a fresh email with its link, never a second one.
    """
    email = details.email.strip().lower()
    with transaction.atomic():
        locked = _locked_event(event.pk)
        reason = locked.registration_closed_reason()
        if reason:
            raise BookingClosed(reason)
        existing = Booking.objects.filter(event=locked).active().for_email(email).first()
        if existing:
            emails.send_booking_reminder_link(existing)
            return BookingOutcome(existing, created=False)
        confirmed, _waiting = place_counts(locked)
        has_place = locked.capacity is None or confirmed < locked.capacity
        try:
            with transaction.atomic():
                booking = Booking.objects.create(
                    event=locked,
                    name=details.name.strip(),
                    email=email,
                    organisation=details.organisation.strip(),
                    role=details.role.strip(),
                    access_needs=details.access_needs.strip(),
                    status=BookingStatus.CONFIRMED if has_place else BookingStatus.WAITLISTED,
                )
        except IntegrityError:
            # Only reachable without row locks (SQLite): the constraint caught a twin request.
            existing = Booking.objects.filter(event=locked).active().for_email(email).get()
            return BookingOutcome(existing, created=False)
        emails.send_booking_confirmation(booking)
        return BookingOutcome(booking, created=True)


def cancel_booking(booking: Booking) -> Booking | None:
    """Cancel a booking (the attendee's own link) and give a freed place to the first person waiting.

    Returns the promoted booking, if any. Cancelling twice changes nothing the second time.
    """
    with transaction.atomic():
        locked = _locked_event(booking.event_id)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if not booking.is_active:
            return None
        held_place = booking.status == BookingStatus.CONFIRMED
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = timezone.now()
        booking.save(update_fields=["status", "cancelled_at"])
        emails.send_cancellation_confirmation(booking)
        if held_place and not locked.is_past() and not locked.is_cancelled:
            promoted = fill_places(locked)
            return promoted[0] if promoted else None
        return None


def fill_places(event: EventPage) -> list[Booking]:
    """Promote people from the waiting list, in order, into any free places; email each of them.

    The caller holds the event's lock (cancel_booking), or this takes it (capacity raised).
    """
    with transaction.atomic():
        locked = _locked_event(event.pk)
        confirmed, _waiting = place_counts(locked)
        free = None if locked.capacity is None else max(locked.capacity - confirmed, 0)
        waiting = Booking.objects.filter(event=locked).waiting().select_for_update()
        promoted = list(waiting if free is None else waiting[:free])
        now = timezone.now()
        for booking in promoted:
            booking.status = BookingStatus.CONFIRMED
            booking.promoted_at = now
            booking.save(update_fields=["status", "promoted_at"])
            emails.send_promotion(booking)
        return promoted


def waiting_position(booking: Booking) -> int | None:
    """1 for the first person waiting; None unless the booking is on the waiting list."""
    if booking.status != BookingStatus.WAITLISTED:
        return None
    ahead = (
        Booking.objects.filter(event_id=booking.event_id)
        .waiting()
        .filter(Q(created_at__lt=booking.created_at) | Q(created_at=booking.created_at, pk__lt=booking.pk))
    )
    return ahead.count() + 1
