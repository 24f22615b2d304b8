"""The emails an attendee receives, all queued through the notifications outbox.

Each is rendered from templates/events/email/<name>.txt. Joining details for online
events appear in these emails (and the booking page) only. Confirmed places carry an
.ics invitation with the same UID as the site calendar, so updates replace, not duplicate.
"""

from django.conf import settings
from django.template.loader import render_to_string

from events.enums import BookingStatus
from events.models import Booking
from events.services.calendar import build_calendar
from events.services.tokens import booking_url
from notifications.models import OutboundEmail
from notifications.services import Attachment, queue_email


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(booking: Booking, template: str, subject: str, *, with_ics: bool) -> OutboundEmail:
    event = booking.event
    context = {
        "booking": booking,
        "event": event,
        "booking_url": _absolute(booking_url(booking)),
        "event_url": _absolute(event.url or ""),
        "confirmed": booking.status == BookingStatus.CONFIRMED,
        "waiting": booking.status == BookingStatus.WAITLISTED,
        # Access needs and questions go to whoever organises the event.
        "organiser": event.host,
    }
    body = render_to_string(f"events/email/{template}.txt", context)
    attachments = []
    if with_ics and booking.status == BookingStatus.CONFIRMED:
        ics = build_calendar([event], name=event.title, base_url=settings.WAGTAILADMIN_BASE_URL)
        # Named as the "Add to calendar" download is, so the attendee sees which event it is.
        attachments.append(Attachment(f"{event.slug}.ics", ics.decode(), "text/calendar"))
    return queue_email(
        booking.email, f"{subject}: {event.title}", body, attachments=attachments, category=f"events.{template}"
    )


def send_booking_confirmation(booking: Booking) -> OutboundEmail:
    """A confirmed place (with the invitation) or a place on the waiting list."""
    subject = "Booking confirmed" if booking.status == BookingStatus.CONFIRMED else "You are on the waiting list"
    return _send(booking, "confirmation", subject, with_ics=True)


def send_booking_reminder_link(booking: Booking) -> OutboundEmail:
    """Someone booked again with an address that already has a booking: send that booking's link."""
    return _send(booking, "existing", "Your existing booking", with_ics=True)


def send_cancellation_confirmation(booking: Booking) -> OutboundEmail:
    return _send(booking, "cancelled", "Booking cancelled", with_ics=False)


def send_promotion(booking: Booking) -> OutboundEmail:
    """A place came free for someone on the waiting list."""
    return _send(booking, "promoted", "A place is now yours", with_ics=True)


def send_event_cancelled(booking: Booking) -> OutboundEmail:
    return _send(booking, "event_cancelled", "Event cancelled", with_ics=False)


def send_reminder(booking: Booking) -> OutboundEmail:
    return _send(booking, "reminder", "Reminder", with_ics=True)
