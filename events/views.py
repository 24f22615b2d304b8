"""Public event views behind the pages' routes: booking, the private booking page, calendars and the feed.

Views only validate, rate-limit and call events.services; each change is a POST followed
by a redirect, so reloading repeats nothing.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from caching.conditional import conditional_on_changes
from core.ratelimit import configured_rate, enforce, post_value
from events.forms import BookingForm, CancelBookingForm
from events.models import EventPage
from events.services.bookings import BookingClosed, book_place, cancel_booking, waiting_position
from events.services.calendar import build_calendar, event_uid
from events.services.tokens import booking_for_token

if TYPE_CHECKING:
    from events.models import EventIndexPage


def _base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _render(request: HttpRequest, event: EventPage, status: int, **context: object) -> HttpResponse:
    response = event.render(request, context_overrides=context)
    response.status_code = status
    return response


def book(request: HttpRequest, event: EventPage) -> HttpResponse:
    """POST the booking form: booked (or booked already) goes back to the event page saying the link was
    emailed; errors re-show the event page."""
    if request.method != "POST":
        return HttpResponseRedirect(event.url)
    enforce(request, group="events.book.ip", key="ip", rate=configured_rate("booking_per_address"))
    enforce(request, group="events.book.email", key=post_value("email"), rate=configured_rate("booking_per_email"))
    form = BookingForm(request.POST)
    closed = event.registration_closed_reason()
    if closed:
        return _render(request, event, 409, form=form, booking_error=closed)
    if not form.is_valid():
        return _render(request, event, 400, form=form)
    try:
        book_place(event, form.details())
    except BookingClosed as error:
        return _render(request, event, 409, form=form, booking_error=str(error))
    # A new booking and an address that already had one answer alike (the owner of the address is
    # emailed the link either way), so the form never tells anyone who has booked.
    return HttpResponseRedirect(event.url + "?booking=sent")


def booking_page(request: HttpRequest, index: "EventIndexPage", token: str) -> HttpResponse:
    """The attendee's own page: status, joining details for online events, and a cancel form."""
    booking = booking_for_token(token)
    if booking is None:
        return TemplateResponse(request, "events/booking_not_found.html", {"page": index}, status=404)
    form = CancelBookingForm()
    if request.method == "POST":
        form = CancelBookingForm(request.POST)
        if form.is_valid():
            cancel_booking(booking)
            return HttpResponseRedirect(request.path + "?cancelled=1")
    event = booking.event.specific if not isinstance(booking.event, EventPage) else booking.event
    context = {
        "page": index,
        "booking": booking,
        "event": event,
        "form": form,
        "position": waiting_position(booking),
        "is_new": request.GET.get("new") == "1",
        "just_cancelled": request.GET.get("cancelled") == "1",
        "is_past": event.is_past(),
        "ics_url": event.url + event.reverse_subpage("ics") if event.url else "",
    }
    response = TemplateResponse(request, "events/booking.html", context, status=400 if form.errors else 200)
    # The page shows joining details: never cache it. Its address (which holds the token) must
    # not reach other sites through Referer: "same-origin" (the site-wide policy, restated here
    # so it cannot be loosened by accident) does that. "no-referrer" would also make browsers
    # send `Origin: null` with the cancel form, which Django's CSRF check rightly refuses.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@conditional_on_changes
def event_calendar(request: HttpRequest, event: EventPage) -> HttpResponse:
    """'Add to calendar': this one event as an .ics file."""
    return _ics_response(build_calendar([event], name=event.title, base_url=_base_url(request)), f"{event.slug}.ics")


@conditional_on_changes
def site_calendar(request: HttpRequest) -> HttpResponse:
    """/events/calendar.ics: upcoming and recent events, to subscribe to."""
    events = EventPage.objects.live().public().for_calendar()
    calendar = build_calendar(events, name=f"{settings.WAGTAIL_SITE_NAME} events", base_url=_base_url(request))
    response = _ics_response(calendar, "practice-exchange-events.ics")
    response["Content-Disposition"] = 'inline; filename="practice-exchange-events.ics"'
    return response


class EventFeed(Feed):
    """Atom feed of newly announced events (no joining details: the feed is public)."""

    feed_type = Atom1Feed
    limit = 20

    def __init__(self, index: "EventIndexPage") -> None:
        super().__init__()
        self.index = index

    def title(self) -> str:
        return f"{settings.WAGTAIL_SITE_NAME}: new events"

    def link(self) -> str:
        return self.index.url

    def subtitle(self) -> str:
        return "Shared sessions for London's child-protection practitioners, newest announcements first."

    def items(self) -> list[EventPage]:
        return list(EventPage.objects.live().public().newly_announced()[: self.limit])

    def item_title(self, item: EventPage) -> str:
        prefix = "Cancelled: " if item.is_cancelled else ""
        return f"{prefix}{item.title}"

    def item_description(self, item: EventPage) -> str:
        when = timezone.localtime(item.start).strftime("%A %-d %B %Y, %H:%M")
        return f"{when} (London time), {item.format_label.lower()}, hosted by {item.host.title}. {item.summary}"

    def item_link(self, item: EventPage) -> str:
        return item.url

    def item_pubdate(self, item: EventPage):
        return item.first_published_at

    def item_updateddate(self, item: EventPage):
        # Atom requires <updated> on every entry; pages created outside publishing lack the dates.
        return item.last_published_at or item.first_published_at or item.latest_revision_created_at or timezone.now()

    def item_guid(self, item: EventPage) -> str:
        return f"urn:practice-exchange:{event_uid(item)}"

    item_guid_is_permalink = False


@conditional_on_changes
def atom_feed(request: HttpRequest, index: "EventIndexPage") -> HttpResponse:
    return EventFeed(index)(request)
