"""Bookings as CSV for coordinators: UTF-8 with a BOM so Excel reads accents, and no live formulas."""

import csv
import io

from django.utils import timezone

from events.models import Booking, EventPage

HEADINGS = [
    "Name",
    "Work email",
    "Borough or organisation",
    "Role",
    "Access or dietary needs",
    "Status",
    "Booked at (London time)",
    "Attended",
]
# A cell starting with one of these is a formula to a spreadsheet (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Text a spreadsheet shows as typed: a leading ' stops =, +, -, @ starting a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _attended(value: bool | None) -> str:
    return {True: "Yes", False: "No", None: ""}[value]


def bookings_csv(event: EventPage) -> str:
    """Every booking for the event (places, then the waiting list, then cancellations) as CSV text with a BOM."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for booking in Booking.objects.filter(event=event).for_admin():
        writer.writerow(
            [
                safe_cell(booking.name),
                safe_cell(booking.email),
                safe_cell(booking.organisation),
                safe_cell(booking.role),
                safe_cell(booking.access_needs),
                booking.get_status_display(),
                timezone.localtime(booking.created_at).strftime("%Y-%m-%d %H:%M"),
                _attended(booking.attended),
            ]
        )
    return out.getvalue()
