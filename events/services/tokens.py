"""Signed links to a booking: whoever holds the link can view or cancel that booking, and no other.

A token is the booking's random reference and an HMAC of it (Django's Signer, keyed by
SECRET_KEY and a salt): `<32 hex>-<signature>`. It uses only letters, digits, - and _, so
it fits in a page path served by Wagtail.
"""

from django.core import signing
from django.utils.crypto import constant_time_compare

from events.models import Booking, EventIndexPage

SALT = "events.booking"


def _signature(reference_hex: str) -> str:
    return signing.Signer(salt=SALT).signature(reference_hex)


def booking_token(booking: Booking) -> str:
    """The token for one booking's private link."""
    reference = booking.reference.hex
    return f"{reference}-{_signature(reference)}"


def booking_for_token(token: str) -> Booking | None:
    """The booking a token was made for, or None for anything tampered with, truncated or unknown."""
    reference, _, signature = token.partition("-")
    if len(reference) != 32 or not signature or not constant_time_compare(signature, _signature(reference)):
        return None
    try:
        int(reference, 16)
    except ValueError:
        return None
    return Booking.objects.select_related("event", "event__host").filter(reference=reference).first()


def booking_url(booking: Booking) -> str:
    """The booking page's path, under /events/."""
    index = EventIndexPage.objects.first()
    base = index.url if index else "/events/"
    return f"{base}booking/{booking_token(booking)}/"
